"""Read a cohort roster CSV and check it as a whole before anything is imported.

Pure: bytes in, rows or problems out, each a `RosterProblem` (row, code, values) that the web layer words
(`course/web/cohorts/wording.py`). Row numbers are the spreadsheet's, with the header as row 1, so an instructor
can find each problem in the file they uploaded.
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
class RosterProblem:
    """One problem of a roster file: its row, a code and the values its words need.

    Codes: not_utf8, empty (columns), too_many (found, limit), no_rows, missing_columns (missing, columns),
    repeated_columns (repeated), extra_values, name_missing, email_missing, email_too_long (limit),
    email_invalid (email), email_repeated (email, first_row), org_type_invalid (given, choices),
    org_type_missing (choices), too_long (column, limit).
    """

    line: int
    code: str
    values: dict = field(default_factory=dict)


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
    errors: list[RosterProblem] = field(default_factory=list)

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
        return Roster(errors=[RosterProblem(1, "empty", {"columns": ",".join(COLUMNS)})])
    (header_line, header), body = records[0], records[1:]
    columns, errors = _columns(header_line, header)
    if errors:
        return Roster(errors=errors)
    if len(body) > MAX_ROWS:
        return Roster(errors=[RosterProblem(body[MAX_ROWS][0], "too_many", {"found": len(body), "limit": MAX_ROWS})])
    if not body:
        return Roster(errors=[RosterProblem(header_line + 1, "no_rows")])
    return _check_rows(body, columns)


def _decode(data: bytes | str) -> tuple[str, RosterProblem | None]:
    if isinstance(data, str):
        return data.removeprefix("\ufeff"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return "", RosterProblem(line, "not_utf8")


def _records(text: str):
    """(line number, values) for each non-blank record; quoted fields may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    for values in reader:
        if any(value.strip() for value in values):
            yield line, [value.strip() for value in values]
        line = reader.line_num + 1


def _columns(line: int, header: list[str]) -> tuple[dict[str, int], list[RosterProblem]]:
    names = [name.strip().lower() for name in header]
    missing = [column for column in COLUMNS if column not in names]
    if missing:
        return {}, [
            RosterProblem(line, "missing_columns", {"missing": ", ".join(missing), "columns": ",".join(COLUMNS)})
        ]
    repeated = sorted({name for name in names if name in COLUMNS and names.count(name) > 1})
    if repeated:
        return {}, [RosterProblem(line, "repeated_columns", {"repeated": ", ".join(repeated)})]
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
            problems.append(("email_repeated", {"email": email, "first_row": first_seen[email]}))
        first_seen.setdefault(email, line)
        roster.errors += [RosterProblem(line, code, values) for code, values in problems]
        if not problems:
            roster.rows.append(
                RosterRow(
                    line, row["name"], email, row["organisation"], row["organisation_type"].lower(), row["country"]
                )
            )
    if roster.errors:
        roster.rows = []
    return roster


def _row_problems(row: dict[str, str], *, extra: bool) -> list[tuple[str, dict]]:
    """(code, values) for each problem of one row."""
    problems: list[tuple[str, dict]] = []
    if extra:
        problems.append(("extra_values", {}))
    if not row["name"]:
        problems.append(("name_missing", {}))
    problems += _email_problems(row["email"])
    if row["organisation_type"].lower() not in ORG_TYPES:
        choices = ", ".join(ORG_TYPES)
        if row["organisation_type"]:
            problems.append(("org_type_invalid", {"given": row["organisation_type"], "choices": choices}))
        else:
            problems.append(("org_type_missing", {"choices": choices}))
    problems += [
        ("too_long", {"column": column, "limit": limit})
        for column, limit in LIMITS.items()
        if column != "email" and len(row[column]) > limit
    ]
    return problems


def _email_problems(email: str) -> list[tuple[str, dict]]:
    if not email:
        return [("email_missing", {})]
    if len(email) > LIMITS["email"]:
        return [("email_too_long", {"limit": LIMITS["email"]})]
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        return [("email_invalid", {"email": email})]
    return []
