"""Read a cohort roster CSV and check it as a whole before anything is imported.

Pure: bytes in, rows or `row N: message` errors out. Row numbers are the spreadsheet's, with the
header as row 1, so an instructor can find each problem in the file they uploaded.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from email_validator import EmailNotValidError, validate_email

from course.accounts import normalise_email
from course.models import ORG_TYPE_LABELS

COLUMNS = ("name", "email", "organisation", "organisation_type", "country")
MAX_ROWS = 5000
ORG_TYPES = tuple(ORG_TYPE_LABELS)
LIMITS = {"name": 120, "email": 254, "organisation": 200, "country": 80}


@dataclass(frozen=True)
class RosterRow:
    line: int
    name: str
    email: str
    organisation: str
    org_type: str
    country: str


@dataclass
class Roster:
    rows: list[RosterRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_roster(data: bytes | str) -> Roster:
    """Every valid row of a roster file, or every problem found in it (then no rows)."""
    text, problem = _decode(data)
    if problem:
        return Roster(errors=[problem])
    records = list(_records(text))
    if not records:
        return Roster(errors=[f"row 1: the file is empty; the first row must be the header {','.join(COLUMNS)}"])
    (header_line, header), body = records[0], records[1:]
    columns, errors = _columns(header_line, header)
    if errors:
        return Roster(errors=errors)
    if len(body) > MAX_ROWS:
        return Roster(
            errors=[
                f"row {body[MAX_ROWS][0]}: the file lists {len(body)} trainees; "
                f"the limit is {MAX_ROWS} per upload, so split it into smaller files"
            ]
        )
    if not body:
        return Roster(errors=[f"row {header_line + 1}: no trainees are listed under the header"])
    return _check_rows(body, columns)


def _decode(data: bytes | str) -> tuple[str, str | None]:
    if isinstance(data, str):
        return data.removeprefix("\ufeff"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return "", f"row {line}: the file is not UTF-8 text; save it from your spreadsheet as “CSV UTF-8”"


def _records(text: str):
    """(line number, values) for each non-blank record; quoted fields may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    for values in reader:
        if any(value.strip() for value in values):
            yield line, [value.strip() for value in values]
        line = reader.line_num + 1


def _columns(line: int, header: list[str]) -> tuple[dict[str, int], list[str]]:
    names = [name.strip().lower() for name in header]
    missing = [column for column in COLUMNS if column not in names]
    if missing:
        return {}, [
            f"row {line}: missing column header {', '.join(missing)} "
            f"(the header must name the columns {','.join(COLUMNS)})"
        ]
    repeated = sorted({name for name in names if name in COLUMNS and names.count(name) > 1})
    if repeated:
        return {}, [f"row {line}: the column {', '.join(repeated)} appears more than once in the header"]
    return {column: names.index(column) for column in COLUMNS}, []


def _check_rows(body: list[tuple[int, list[str]]], columns: dict[str, int]) -> Roster:
    roster = Roster()
    first_seen: dict[str, int] = {}
    width = max(columns.values()) + 1
    for line, values in body:
        row = {column: values[index] if index < len(values) else "" for column, index in columns.items()}
        problems = _row_problems(row, extra=len(values) > width and any(values[width:]))
        email = normalise_email(row["email"])
        if email and email in first_seen:
            problems.append(f"the email {email} is already listed in row {first_seen[email]}")
        first_seen.setdefault(email, line)
        roster.errors += [f"row {line}: {problem}" for problem in problems]
        if not problems:
            roster.rows.append(
                RosterRow(
                    line, row["name"], email, row["organisation"], row["organisation_type"].lower(), row["country"]
                )
            )
    if roster.errors:
        roster.rows = []
    return roster


def _row_problems(row: dict[str, str], *, extra: bool) -> list[str]:
    problems = []
    if extra:
        problems.append("more values than header columns (put a value that contains a comma in double quotes)")
    if not row["name"]:
        problems.append("the name is missing")
    problems += _email_problems(row["email"])
    if row["organisation_type"].lower() not in ORG_TYPES:
        shown = f"“{row['organisation_type']}”" if row["organisation_type"] else "missing"
        problems.append(f"the organisation type is {shown}; use one of {', '.join(ORG_TYPES)}")
    problems += [
        f"the {column} is longer than {limit} characters"
        for column, limit in LIMITS.items()
        if column != "email" and len(row[column]) > limit
    ]
    return problems


def _email_problems(email: str) -> list[str]:
    if not email:
        return ["the email is missing"]
    if len(email) > LIMITS["email"]:
        return [f"the email is longer than {LIMITS['email']} characters"]
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        return [f"“{email}” is not a valid email address"]
    return []
