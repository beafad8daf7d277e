"""Everything the cohort dashboard and the progress export show, from a handful of queries."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from course.analytics import cohort as analysis
from course.analytics import standing
from course.analytics.items import ItemStats, analyse_items
from course.models import Cohort, LearningPath
from course.reports import queries


@dataclass
class CohortReport:
    cohort: Cohort
    path: LearningPath | None
    modules: list[analysis.ModuleInfo]
    members: list[analysis.Member]  # by name
    facts: dict[int, standing.MemberFacts]
    summary: analysis.CohortSummary
    lessons: list[standing.LessonFacts]

    def breakdown(self, by: str, labels: dict[str, str] | None = None) -> list[analysis.GroupSummary]:
        return analysis.breakdown(by, self.members, self.modules, self.facts, labels)



def cohort_report(session: Session, cohort: Cohort, *, with_enrolment: bool = False) -> CohortReport:
    """Members, their standing on the cohort's path, and the cohort summary: five aggregate queries."""
    modules = queries.cohort_modules(session, cohort)
    members = queries.cohort_members(session, cohort.id, with_enrolment=with_enrolment)
    lessons = queries.lesson_facts(session, cohort.id, modules)
    facts = standing.member_facts(modules, [m.user_id for m in members], lessons,
                                  queries.quiz_facts(session, cohort.id, modules),
                                  queries.open_lessons(session, cohort.id, modules),
                                  queries.pre_post_grades(session, cohort.id, modules))
    path = session.get(LearningPath, cohort.path_id) if cohort.path_id else None
    return CohortReport(cohort, path, modules, members, facts, analysis.summarise(modules, facts.values()), lessons)


def trainee_progress(session: Session, report: CohortReport, user_ids: list[int]) -> dict[int, standing.MemberProgress]:
    """The trainee-table detail (lessons, percent, quiz best scores, open attempts) of these members.

    The per-quiz detail is one more aggregate query, limited to these members unless they are
    most of the cohort (the export).
    """
    limit = None if len(user_ids) > 500 else user_ids
    quizzes = queries.quiz_facts(session, report.cohort.id, report.modules, limit, detail=True)
    return standing.member_progress(report.modules, report.facts, report.lessons, quizzes, user_ids)


@dataclass(frozen=True)
class QuizItems:
    module: analysis.ModuleInfo
    quiz: analysis.QuizInfo
    items: list[ItemStats]


def path_quizzes(modules: list[analysis.ModuleInfo]) -> list[tuple[analysis.ModuleInfo, analysis.QuizInfo]]:
    """Every quiz of the path in order: per module its pre-test, end-of-module quizzes, post-test."""
    return [(m, q) for m in modules for q in (m.pretest, *m.quizzes, m.posttest) if q is not None]


def item_analysis(session: Session, cohort_id: int, modules: list[analysis.ModuleInfo],
                  quiz_id: int | None = None) -> QuizItems | None:
    """Item analysis of one quiz of the path (by default the first end-of-module quiz).

    One quiz at a time: a cohort of thousands has hundreds of thousands of answered items.
    """
    choices = path_quizzes(modules)
    chosen = next((c for c in choices if c[1].id == quiz_id), None) or \
        next((c for c in choices if c[1].kind == "module"), None) or (choices[0] if choices else None)
    if chosen is None:
        return None
    groups = queries.item_response_groups(session, cohort_id, chosen[1].id)
    versions = queries.question_versions(session, {g.version_id for g in groups})
    return QuizItems(chosen[0], chosen[1], analyse_items(groups, versions))
