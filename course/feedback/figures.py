"""Feedback figures and the feedback CSV. Pure: answers in, figures and text out (docs/exports.md)."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from course.reports.exports import safe_cell

SCALE = (1, 2, 3, 4, 5)
CSV_COLUMNS = (
    "object_type",
    "object_id",
    "title",
    "user_id",
    "name",
    "email",
    "organisation",
    "org_type",
    "country",
    "attended",
    "relevance",
    "usefulness",
    "will_apply",
    "what_they_will_apply",
    "submitted_at",
)


@dataclass(frozen=True)
class Answer:
    """One person's feedback with what the export needs of them."""

    user_id: int
    name: str
    email: str
    organisation: str
    org_type: str
    country: str
    attended: bool
    relevance: int
    usefulness: int
    will_apply: bool
    apply_text: str
    created_at: datetime


@dataclass(frozen=True)
class FeedbackFigures:
    responses: int
    attendees: int  # who may answer: those who attended the event, or the tour's participants
    relevance_mean: float | None
    usefulness_mean: float | None
    will_apply: int
    relevance: dict[int, int]  # rating -> how many gave it
    usefulness: dict[int, int]

    @property
    def response_rate(self) -> int:
        return round(100 * self.responses / self.attendees) if self.attendees else 0

    @property
    def will_apply_percent(self) -> int:
        return round(100 * self.will_apply / self.responses) if self.responses else 0


def figures(answers: list[Answer], attendees: int) -> FeedbackFigures:
    """Counts and means of the answers (means to one decimal; None without answers)."""
    n = len(answers)
    relevance, usefulness = Counter(a.relevance for a in answers), Counter(a.usefulness for a in answers)
    return FeedbackFigures(
        n,
        attendees,
        round(sum(a.relevance for a in answers) / n, 1) if n else None,
        round(sum(a.usefulness for a in answers) / n, 1) if n else None,
        sum(1 for a in answers if a.will_apply),
        {r: relevance.get(r, 0) for r in SCALE},
        {r: usefulness.get(r, 0) for r in SCALE},
    )


def feedback_csv(object_type: str, object_id: int, title: str, answers: Iterable[Answer]) -> str:
    """The answers as CSV, a header first (columns: CSV_COLUMNS)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for a in answers:
        writer.writerow(
            [
                safe_cell(v)
                for v in (
                    object_type,
                    object_id,
                    title,
                    a.user_id,
                    a.name,
                    a.email,
                    a.organisation,
                    a.org_type,
                    a.country,
                    "1" if a.attended else "0",
                    a.relevance,
                    a.usefulness,
                    "1" if a.will_apply else "0",
                    a.apply_text,
                    a.created_at.astimezone(UTC).isoformat(timespec="seconds"),
                )
            ]
        )
    return out.getvalue()
