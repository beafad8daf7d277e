"""Everything the cohort dashboard and the progress export show, read from tallies and summaries.

The figures are maintained at write time (`course.upkeep`): the dashboard reads a cohort's tally
rows (a few dozen), the trainee table the module summaries of one page of members, and the export
streams members in chunks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlmodel import Session, select

from course.models import Cohort, CohortMember, LearningPath
from course.progress.summaries import stored
from course.reports import cohort as analysis
from course.reports import queries, tallies
from course.reports.items import ItemStats, analyse_items
from course.reports.member_standing import MemberProgress, member_progress
from course.reports.participation import Participation


@dataclass
class CohortReport:
    cohort: Cohort
    path: LearningPath | None
    modules: list[analysis.ModuleInfo]
    summary: analysis.CohortSummary


def cohort_report(session: Session, cohort: Cohort) -> CohortReport:
    """The cohort summary from its tally rows."""
    modules = queries.cohort_modules(session, cohort)
    summary = analysis.summary_of(
        modules, tallies.tally_rows(session, cohort.id), tallies.stop_rows(session, cohort.id)
    )
    path = session.get(LearningPath, cohort.path_id) if cohort.path_id else None
    return CohortReport(cohort, path, modules, summary)


def breakdown(
    session: Session, report: CohortReport, by: str, labels: dict[str, str] | None = None
) -> list[analysis.GroupSummary]:
    """The same summary per value of a profile attribute, from the tally rows of that grouping."""
    if by not in analysis.GROUPINGS:
        raise ValueError(f"cannot break down by {by!r}; use one of {', '.join(analysis.GROUPINGS)}")
    return analysis.breakdown_of(
        report.modules,
        tallies.tally_rows(session, report.cohort.id, by),
        tallies.stop_rows(session, report.cohort.id, by),
        labels,
    )


def trainee_progress(session: Session, report: CohortReport, user_ids: list[int]) -> dict[int, MemberProgress]:
    """The trainee-table detail (lessons, percent, quiz best scores, open attempts) of these members."""
    module_ids = [m.id for m in report.modules]
    summaries = stored(session, user_ids, module_ids)
    counted = dict(
        session.exec(
            select(CohortMember.user_id, CohortMember.counted).where(
                CohortMember.cohort_id == report.cohort.id, CohortMember.user_id.in_(user_ids)
            )
        ).all()
    )
    return member_progress(report.modules, summaries, counted, user_ids)


def every_trainee(
    session: Session, report: CohortReport, chunk: int = 1000
) -> Iterator[tuple[analysis.Member, MemberProgress, str, Participation]]:
    """Every member with their detail, certificate code and part in events and tours, by name, read a chunk at a
    time (the export streams it)."""
    members = queries.cohort_members(session, report.cohort.id, with_enrolment=True)
    for start in range(0, len(members), chunk):
        part = members[start : start + chunk]
        ids = [m.user_id for m in part]
        progress = trainee_progress(session, report, ids)
        codes = queries.certificate_codes(session, report.cohort.path_id, ids)
        parts = queries.participation(session, ids)
        for member in part:
            yield member, progress[member.user_id], codes.get(member.user_id, ""), parts[member.user_id]


@dataclass(frozen=True)
class QuizItems:
    module: analysis.ModuleInfo
    quiz: analysis.QuizInfo
    items: list[ItemStats]


def path_quizzes(modules: list[analysis.ModuleInfo]) -> list[tuple[analysis.ModuleInfo, analysis.QuizInfo]]:
    """Every quiz of the path in order: per module its pre-test, end-of-module quizzes, post-test."""
    return [(m, q) for m in modules for q in (m.pretest, *m.quizzes, m.posttest) if q is not None]


def item_analysis(
    session: Session, cohort_id: int, modules: list[analysis.ModuleInfo], quiz_id: int
) -> QuizItems | None:
    """Item analysis of one quiz of the path; None when the quiz is not one of the path's.

    One quiz at a time, on request: a cohort of thousands has hundreds of thousands of answers.
    """
    chosen = next(((module, quiz) for module, quiz in path_quizzes(modules) if quiz.id == quiz_id), None)
    if chosen is None:
        return None
    groups = queries.item_response_groups(session, cohort_id, quiz_id)
    versions = queries.question_versions(session, {g.version_id for g in groups})
    return QuizItems(*chosen, analyse_items(groups, versions))
