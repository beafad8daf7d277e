"""Read an attendance CSV (email,session,present) and check it whole before anything is marked. Pure.

Each error is a `Problem` with the line it is on (the header is line 1), so staff find it in their file; the web
layer words it (course/web/events/wording.py).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from course.events.checks import Problem

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
    errors: list[Problem] = field(default_factory=list)


def read_attendance(data: bytes, session_count: int) -> AttendanceFile:
    """The file's lines, or every problem in it (then no lines)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return AttendanceFile(errors=[Problem("not_utf8", {"line": line})])
    records = list(_records(text))
    if not records:
        return AttendanceFile(errors=[Problem("empty", {"line": 1, "columns": ",".join(COLUMNS)})])
    (header_line, header), body = records[0], records[1:]
    names = [name.lower() for name in header]
    if missing := [c for c in COLUMNS if c not in names]:
        return AttendanceFile(errors=[Problem("missing_columns", {"line": header_line, "columns": ", ".join(missing)})])
    if not body:
        return AttendanceFile(errors=[Problem("no_rows", {"line": header_line + 1})])
    if len(body) > MAX_LINES:
        return AttendanceFile(errors=[Problem("too_many_lines", {"line": body[MAX_LINES][0], "max": MAX_LINES})])
    index = {c: names.index(c) for c in COLUMNS}
    result, seen = AttendanceFile(), {}
    for line, values in body:
        cell = {c: values[i] if i < len(values) else "" for c, i in index.items()}
        problems = []
        email = cell["email"].lower()
        if "@" not in email:
            problems.append(Problem("bad_email", {"email": cell["email"]}) if email else Problem("no_email"))
        number = int(cell["session"]) if cell["session"].isdigit() else 0
        if not 1 <= number <= session_count:
            problems.append(Problem("bad_session", {"session": cell["session"], "count": session_count}))
        answer = cell["present"].lower()
        if answer not in YES | NO:
            problems.append(Problem("bad_present", {"present": cell["present"]}))
        if (email, number) in seen:
            problems.append(Problem("duplicate", {"email": email, "session": number, "first": seen[(email, number)]}))
        seen.setdefault((email, number), line)
        result.errors += [Problem(p.code, {"line": line} | p.values) for p in problems]
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
