"""The cohort progress CSV: a stable column schema (docs/exports.md) and safe cells.

Pure: profiles and progress in, CSV text out, a chunk at a time.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import UTC

from course.reports.cohort import Member
from course.reports.member_standing import MemberProgress
from course.reports.participation import NONE, Participation

BASE_COLUMNS = (
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
)
END_COLUMNS = ("path_completed", "certificate_code")
PARTICIPATION_COLUMNS = (  # added after the end columns: columns are only ever added at the end
    "events_enrolled",
    "event_sessions_attended",
    "study_tours_accepted",
    "feedback_answers",
    "feedback_relevance_mean",
    "feedback_usefulness_mean",
    "feedback_will_apply",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def progress_columns(module_slugs: Iterable[str]) -> list[str]:
    """The header: the base columns, two per module of the path in order, then the end columns."""
    per_module = [name for slug in module_slugs for name in (f"{slug}_quiz_best", f"{slug}_quiz_in_progress")]
    return [*BASE_COLUMNS, *per_module, *END_COLUMNS, *PARTICIPATION_COLUMNS]


def score_cell(score: float | None) -> str:
    """A 0..1 score as 0–100 with at most one decimal; 0 is `0`, blank only for no score."""
    if score is None:
        return ""
    return f"{round(score * 100, 1):g}"


def mean_cell(mean: float | None) -> str:
    """A 1-5 mean with at most one decimal; blank when nobody answered."""
    return "" if mean is None else f"{round(mean, 1):g}"


def progress_row(
    member: Member, progress: MemberProgress, certificate_code: str = "", part: Participation = NONE
) -> list[str]:
    """One trainee's row, in the order of `progress_columns`."""
    enrolled = member.enrolled_at.astimezone(UTC).isoformat(timespec="seconds") if member.enrolled_at else ""
    row = [
        str(member.user_id),
        member.name,
        member.email,
        member.organisation,
        member.org_type,
        member.country,
        member.firm_size,
        member.sex,
        enrolled,
        str(progress.lessons_done),
        str(progress.lessons_total),
        str(progress.percent),
    ]
    for best, open_ in zip(progress.quiz_best, progress.quiz_in_progress, strict=True):
        row += [score_cell(best), "1" if open_ else "0"]
    row += ["1" if progress.path_complete else "0", certificate_code]
    return row + [
        str(part.events_enrolled),
        str(part.sessions_attended),
        str(part.tours_accepted),
        str(part.feedback_answers),
        mean_cell(part.relevance_mean),
        mean_cell(part.usefulness_mean),
        str(part.will_apply),
    ]


def safe_cell(value: object) -> str:
    """A cell a spreadsheet will not run as a formula: risky first characters get a leading quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def progress_csv(module_slugs: list[str], trainees: Iterable[tuple]) -> Iterator[str]:
    """The export as text from (member, progress, certificate code[, participation]) rows, the header first and
    then one chunk of rows at a time (a response streams it)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(progress_columns(module_slugs))
    yield _take(out)
    for n, trainee in enumerate(trainees, start=1):
        row = progress_row(*trainee)
        writer.writerow([safe_cell(cell) for cell in row])
        if n % 500 == 0:
            yield _take(out)
    yield _take(out)


def _take(out: io.StringIO) -> str:
    text = out.getvalue()
    out.seek(0)
    out.truncate()
    return text
