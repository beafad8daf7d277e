"""The progress CSV: stable columns, scores as written, formula injection defused."""

import csv
import io
from datetime import UTC, datetime

import pytest

from course.reports.cohort import Member
from course.reports.exports import progress_columns, progress_csv, safe_cell, score_cell
from course.reports.member_standing import MemberProgress


def _progress(uid, best=(0.0, None), open_=(False, True), complete=(True, False)):
    return MemberProgress(uid, 3, 5, 60, complete, best, open_, True)


def test_columns():
    assert progress_columns(["zones", "freight"]) == [
        "user_id",
        "name",
        "email",
        "organisation",
        "org_type",
        "country",
        "firm_size",
        "sex",
        "enrolled_at",
        "lessons_completed",
        "lessons_total",
        "progress_percent",
        "zones_quiz_best",
        "zones_quiz_in_progress",
        "freight_quiz_best",
        "freight_quiz_in_progress",
        "path_completed",
        "certificate_code",
        "events_enrolled",
        "event_sessions_attended",
        "study_tours_accepted",
        "feedback_answers",
        "feedback_relevance_mean",
        "feedback_usefulness_mean",
        "feedback_will_apply",
    ]


@pytest.mark.parametrize("score, text", [(0.0, "0"), (None, ""), (1.0, "100"), (0.6666667, "66.7"), (0.705, "70.5")])
def test_score_cell(score, text):
    assert score_cell(score) == text


@pytest.mark.parametrize(
    "value, cell",
    [
        ("=1+1", "'=1+1"),
        ("+31 6", "'+31 6"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("Ama", "Ama"),
        ("", ""),
        (None, ""),
        (12, "12"),
    ],
)
def test_safe_cell(value, cell):
    assert safe_cell(value) == cell


def test_rows():
    member = Member(
        7,
        '=HYPERLINK("http://x")',
        "ama@example.org",
        "Kilimo",
        "sme",
        "Kenya",
        "",
        "female",
        datetime(2025, 3, 1, 9, 30, tzinfo=UTC),
    )
    text = "".join(progress_csv(["zones", "freight"], [(member, _progress(7), "ABCD-1234")]))
    header, row = list(csv.reader(io.StringIO(text)))
    assert dict(zip(header, row, strict=True)) == {
        "user_id": "7",
        "name": '\'=HYPERLINK("http://x")',
        "email": "ama@example.org",
        "organisation": "Kilimo",
        "org_type": "sme",
        "country": "Kenya",
        "firm_size": "",
        "sex": "female",
        "enrolled_at": "2025-03-01T09:30:00+00:00",
        "lessons_completed": "3",
        "lessons_total": "5",
        "progress_percent": "60",
        "zones_quiz_best": "0",
        "zones_quiz_in_progress": "0",
        "freight_quiz_best": "",
        "freight_quiz_in_progress": "1",
        "path_completed": "0",
        "certificate_code": "ABCD-1234",
        "events_enrolled": "0",
        "event_sessions_attended": "0",
        "study_tours_accepted": "0",
        "feedback_answers": "0",
        "feedback_relevance_mean": "",
        "feedback_usefulness_mean": "",
        "feedback_will_apply": "0",
    }


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_risky_first_character_gets_exactly_one_quote(start):
    assert safe_cell(f"{start}1+1") == f"'{start}1+1"
    assert safe_cell(f"'{start}1+1") == f"'{start}1+1"  # already quoted: left alone, no second quote


@pytest.mark.parametrize("value", ["a=b", "Ama-Li", " =1+1", "O'Neil", "1+1", "ama@example.org"])
def test_a_risky_character_later_in_the_cell_is_left_alone(value):
    assert safe_cell(value) == value


def test_the_written_csv_holds_the_defused_cells_exactly():
    member = Member(
        8,
        "=cmd|' /C calc'!A0",
        "dara@example.org",
        "+254 Exports",
        "social",
        "-",
        "",
        "",
        datetime(2025, 3, 2, 8, 0, tzinfo=UTC),
    )
    text = "".join(
        progress_csv(["zones"], [(member, MemberProgress(8, 0, 4, 0, (False,), (None,), (False,), False), "")])
    )
    header, row = text.split("\r\n")[:2]
    assert (
        row
        == "8,'=cmd|' /C calc'!A0,dara@example.org,'+254 Exports,social,'-,,,2025-03-02T08:00:00+00:00,0,4,0,,0,0,"
        + ",0,0,0,0,,,0"
    )
    cells = next(csv.reader(io.StringIO(row)))
    assert (cells[1], cells[3], cells[5]) == ("'=cmd|' /C calc'!A0", "'+254 Exports", "'-")
