"""Everything the cohort dashboard and the progress export show, from a handful of queries."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from course.models import Cohort, LearningPath
from course.reports import cohort as analysis
from course.reports import folds, queries
from course.reports import member_standing as standing
from course.reports.items import ItemStats, analyse_items


@dataclass
class CohortReport:
    cohort: Cohort
    path: LearningPath | None
    modules: list[analysis.ModuleInfo]
    facts: dict[int, standing.MemberFacts]  # members who did something; the others count as doing nothing
    summary: analysis.CohortSummary
    lessons: list[standing.LessonFacts]


def cohort_report(session: Session, cohort: Cohort) -> CohortReport:
    """The cohort summary from a handful of aggregate queries, each folding rows per member or module."""
    modules = queries.cohort_modules(session, cohort)
    lessons = folds.lesson_facts(session, cohort.id, modules)
    facts = standing.member_facts(
        modules, lessons, folds.quiz_facts(session, cohort.id, modules), folds.stop_points(session, cohort.id, modules)
    )
    summary = analysis.summarise(
        modules,
        facts.values(),
        queries.member_count(session, cohort.id),
        folds.knowledge_gains(session, cohort.id, modules),
    )
    path = session.get(LearningPath, cohort.path_id) if cohort.path_id else None
    return CohortReport(cohort, path, modules, facts, summary, lessons)


def breakdown(
    session: Session, report: CohortReport, by: str, labels: dict[str, str] | None = None
) -> list[analysis.GroupSummary]:
    """The same summary per value of a profile attribute: two more aggregate queries."""
    return analysis.breakdown(
        by,
        queries.member_groups(session, report.cohort.id, by),
        report.modules,
        report.facts,
        folds.knowledge_gains(session, report.cohort.id, report.modules, by),
        labels,
    )


def trainee_progress(session: Session, report: CohortReport, user_ids: list[int]) -> dict[int, standing.MemberProgress]:
    """The trainee-table detail (lessons, percent, quiz best scores, open attempts) of these members.

    The per-quiz detail is one more aggregate query, limited to these members unless they are
    many (the export).
    """
    limit = None if len(user_ids) > 500 else user_ids
    quizzes = folds.quiz_facts(session, report.cohort.id, report.modules, limit, detail=True)
    return standing.member_progress(report.modules, report.facts, report.lessons, quizzes, user_ids)


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
