"""Feedback figures and the CSV (pure)."""

import csv
import io
import re
from datetime import UTC, datetime
from pathlib import Path

from course.feedback.figures import CSV_COLUMNS, Answer, feedback_csv, figures

AT = datetime(2031, 5, 2, 9, 0, tzinfo=UTC)


def _answer(n, relevance, usefulness, will_apply, text="", name=None):
    return Answer(
        n, name or f"P{n}", f"p{n}@x.org", "Org", "sme", "Kenya", True, relevance, usefulness, will_apply, text, AT
    )


def test_figures_count_mean_and_spread():
    result = figures([_answer(1, 5, 4, True), _answer(2, 4, 4, False), _answer(3, 5, 1, True)], attendees=4)
    assert (result.responses, result.attendees, result.response_rate) == (3, 4, 75)
    assert (result.relevance_mean, result.usefulness_mean) == (4.7, 3.0)
    assert (result.will_apply, result.will_apply_percent) == (2, 67)
    assert result.relevance == {1: 0, 2: 0, 3: 0, 4: 1, 5: 2}
    assert result.usefulness == {1: 1, 2: 0, 3: 0, 4: 2, 5: 0}


def test_no_answers_have_no_means():
    result = figures([], attendees=0)
    assert (result.relevance_mean, result.response_rate, result.will_apply_percent) == (None, 0, 0)


def test_the_csv_has_its_columns_and_safe_cells():
    text = feedback_csv("event", 7, "=Seminar", [_answer(1, 5, 4, True, "+cmd", name="@Amina")])
    header, row = list(csv.reader(io.StringIO(text)))
    assert tuple(header) == CSV_COLUMNS
    assert row[:3] == ["event", "7", "'=Seminar"] and row[4] == "'@Amina"
    assert row[9:] == ["1", "5", "4", "1", "'+cmd", "2031-05-02T09:00:00+00:00"]


def test_the_documented_columns_are_the_csv_columns():
    docs = (Path(__file__).resolve().parents[2] / "docs" / "exports.md").read_text()
    section = docs.split("## Feedback on an event or a study tour (CSV)")[1].split("\n## ")[0]
    cells = re.findall(r"^\| (`[a-z_]+`(?:, `[a-z_]+`)*) \|", section, flags=re.MULTILINE)
    assert tuple(name.strip(" `") for cell in cells for name in cell.split(",")) == CSV_COLUMNS
