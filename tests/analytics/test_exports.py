"""The progress CSV: stable columns, scores as written, formula injection defused."""

import ast
import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from course.analytics.cohort import Member
from course.analytics.exports import progress_columns, progress_csv, safe_cell, score_cell
from course.analytics.standing import MemberProgress

ANALYTICS = Path(__file__).resolve().parents[2] / "course" / "analytics"


def _progress(uid, best=(0.0, None), open_=(False, True), complete=(True, False)):
    return MemberProgress(uid, 3, 5, 60, complete, best, open_, True)


def test_columns():
    assert progress_columns(["zones", "freight"]) == [
        "user_id", "name", "email", "organisation", "org_type", "country", "firm_size", "sex", "enrolled_at",
        "lessons_completed", "lessons_total", "progress_percent", "zones_quiz_best", "zones_quiz_in_progress",
        "freight_quiz_best", "freight_quiz_in_progress", "path_completed", "certificate_code"]


@pytest.mark.parametrize("score, text", [(0.0, "0"), (None, ""), (1.0, "100"), (0.6666667, "66.7"), (0.705, "70.5")])
def test_score_cell(score, text):
    assert score_cell(score) == text


@pytest.mark.parametrize("value, cell", [("=1+1", "'=1+1"), ("+31 6", "'+31 6"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
                                         ("\tx", "'\tx"), ("Ama", "Ama"), ("", ""), (None, ""), (12, "12")])
def test_safe_cell(value, cell):
    assert safe_cell(value) == cell


def test_rows():
    member = Member(7, '=HYPERLINK("http://x")', "ama@example.org", "Kilimo", "sme", "Kenya", "", "female",
                    datetime(2025, 3, 1, 9, 30, tzinfo=UTC))
    text = progress_csv(["zones", "freight"], [member], {7: _progress(7)}, {7: "ABCD-1234"})
    header, row = list(csv.reader(io.StringIO(text)))
    assert dict(zip(header, row, strict=True)) == {
        "user_id": "7", "name": "'=HYPERLINK(\"http://x\")", "email": "ama@example.org", "organisation": "Kilimo",
        "org_type": "sme", "country": "Kenya", "firm_size": "", "sex": "female",
        "enrolled_at": "2025-03-01T09:30:00+00:00", "lessons_completed": "3", "lessons_total": "5",
        "progress_percent": "60", "zones_quiz_best": "0", "zones_quiz_in_progress": "0", "freight_quiz_best": "",
        "freight_quiz_in_progress": "1", "path_completed": "0", "certificate_code": "ABCD-1234"}


@pytest.mark.parametrize("path", sorted(ANALYTICS.glob("*.py")), ids=lambda p: p.name)
def test_analytics_is_pure(path):
    """No Flask and no database in the computations: they take rows and return dataclasses."""
    imported = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0] if node.level == 0 else "")
            if node.module.startswith("course.") and not node.module.startswith(("course.analytics", "course.progress",
                                                                                 "course.quiz.")):
                imported.add(node.module)
    assert not imported & {"flask", "flask_login", "sqlmodel", "sqlalchemy", "werkzeug"}
    assert not {name for name in imported if name.startswith("course.")}
