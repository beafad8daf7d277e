"""Read an attendance CSV (email,session,present) and check it whole before anything is marked. Pure.

Errors read `line N: message`, with the header as line 1, so staff find each problem in their file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

COLUMNS = ("email", "session", "present")
MAX_LINES = 20000
YES = {"yes", "y", "1", "true", "present", "x"}
NO = {"no", "n", "0", "false", "absent", ""}


@dataclass(frozen=True)
class AttendanceLine:
    line: int
    email: str
    session: int  # the session's number on the sign-in sheet, 1 for the first
    present: bool


@dataclass
class AttendanceFile:
    lines: list[AttendanceLine] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_attendance(data: bytes, session_count: int) -> AttendanceFile:
    """The file's lines, or every problem in it (then no lines)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return AttendanceFile(errors=[f"line {line}: the file is not UTF-8 text; save it as “CSV UTF-8”"])
    records = list(_records(text))
    if not records:
        return AttendanceFile(
            errors=[f"line 1: the file is empty; the first line must be the header {','.join(COLUMNS)}"]
        )
    (header_line, header), body = records[0], records[1:]
    names = [name.lower() for name in header]
    if missing := [c for c in COLUMNS if c not in names]:
        return AttendanceFile(errors=[f"line {header_line}: missing column {', '.join(missing)} in the header"])
    if not body:
        return AttendanceFile(errors=[f"line {header_line + 1}: no one is listed under the header"])
    if len(body) > MAX_LINES:
        return AttendanceFile(errors=[f"line {body[MAX_LINES][0]}: at most {MAX_LINES} lines per file"])
    index = {c: names.index(c) for c in COLUMNS}
    result, seen = AttendanceFile(), {}
    for line, values in body:
        cell = {c: values[i] if i < len(values) else "" for c, i in index.items()}
        problems = []
        email = cell["email"].lower()
        if "@" not in email:
            problems.append(f"“{cell['email']}” is not an email address" if email else "the email is missing")
        number = int(cell["session"]) if cell["session"].isdigit() else 0
        if not 1 <= number <= session_count:
            problems.append(f"session “{cell['session']}” is not a session number of this event (1 to {session_count})")
        answer = cell["present"].lower()
        if answer not in YES | NO:
            problems.append(f"present is “{cell['present']}”: write yes or no")
        if (email, number) in seen:
            problems.append(f"{email} is already listed for session {number} on line {seen[(email, number)]}")
        seen.setdefault((email, number), line)
        result.errors += [f"line {line}: {p}" for p in problems]
        if not problems:
            result.lines.append(AttendanceLine(line, email, number, answer in YES))
    if result.errors:
        result.lines = []
    return result


def _records(text: str):
    """(line number, stripped values) of each non-blank record."""
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    for values in reader:
        if any(v.strip() for v in values):
            yield line, [v.strip() for v in values]
        line = reader.line_num + 1
