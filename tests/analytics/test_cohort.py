"""Cohort summary from rows folded per member: enrolment, completion, funnel, stop points, gain, breakdowns."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from course.analytics.cohort import (
    NOT_GIVEN,
    LessonInfo,
    Member,
    ModuleInfo,
    QuizInfo,
    breakdown,
    page_of,
    summarise,
)
from course.analytics.standing import (
    LessonFacts,
    OpenLesson,
    PrePost,
    QuizFacts,
    member_facts,
    member_progress,
    module_quizzes,
    stopped_at,
)
from course.progress import rules

QUIZ = QuizInfo(100, "zones-quiz", "Zones quiz", "module", 70.0, "highest")
PRE = QuizInfo(101, "zones-pre", "Zones pre-test", "pretest", 0.0, "first")
POST = QuizInfo(102, "zones-post", "Zones post-test", "posttest", 0.0, "first")
ZONES = ModuleInfo(1, "zones", "Pilot zones", (LessonInfo(11, "harbour", "Harbour"), LessonInfo(12, "river", "River")),
                   (QUIZ,), PRE, POST)
FREIGHT = ModuleInfo(2, "freight", "Freight", (LessonInfo(21, "rail", "Rail"),))
MODULES = [ZONES, FREIGHT]
MEMBERS = [Member(1, "Ama", org_type="sme", sex="female", country="Ghana"),
           Member(2, "Budi", org_type="sme", sex="male", country="Indonesia"),
           Member(3, "Chen", org_type="government", sex="", country="Ghana"),
           Member(4, "Dara", org_type="social", sex="female", country=""),
           Member(5, "Esi", org_type="sme", sex="   ", country="Ghana")]
# Ama did everything; Budi did every lesson but failed the quiz; Chen opened Harbour only;
# Dara did nothing; Esi only made a practice attempt.
LESSONS = [LessonFacts(1, 3, 30, 0b11, (2, 1)), LessonFacts(2, 3, 20, 0b11, (2, 1)), LessonFacts(3, 1, 10, 0b00, (0, 0))]
QUIZZES = [QuizFacts(1, 3, 0b1, (0.8,), (0,)), QuizFacts(2, 4, 0b0, (0.6,), (1,)), QuizFacts(3, 1, 0b0, (None,), (0,)),
           QuizFacts(5, 1, 0b0, (None,), (0,))]
OPEN = [OpenLesson(3, 11, 10), OpenLesson(2, 21, 5)]  # Budi's open lesson is not his latest: not a stop
PAIRS = [PrePost(1, 1, 0.4, 0.8), PrePost(2, 1, 0.6, 0.9)]  # Chen took the pre-test only: no pair


@pytest.fixture
def facts():
    return member_facts(MODULES, [m.user_id for m in MEMBERS], LESSONS, QUIZZES, OPEN, PAIRS)


def test_member_facts_combine_lessons_and_quizzes(facts):
    assert [facts[i].complete_mask for i in range(1, 6)] == [0b11, 0b10, 0, 0, 0]
    assert [facts[i].started for i in range(1, 6)] == [True, True, True, False, True]
    assert [facts[i].stopped_at for i in range(1, 6)] == [None, None, 11, None, None]
    assert facts[1].tests == ((0, 0.4, 0.8),) and facts[3].tests == ()


def test_summary(facts):
    summary = summarise(MODULES, facts.values())
    assert (summary.enrolled, summary.started, summary.completed, summary.completion_percent) == (5, 4, 1, 20)
    assert [(f.module_slug, f.completed) for f in summary.funnel] == [("zones", 1), ("freight", 2)]
    assert [(s.lesson_slug, s.members) for s in summary.stop_points] == [("harbour", 1)]
    (gain,) = summary.gains  # only Zones has both tests
    assert (gain.n, gain.pre_mean, gain.post_mean) == (2, pytest.approx(50.0), pytest.approx(85.0))
    assert gain.gain == pytest.approx(35.0)


def test_trainee_detail_follows_the_rules(facts):
    detail = member_progress(MODULES, facts, LESSONS, QUIZZES, [1, 2, 4])
    ama, budi, dara = detail[1], detail[2], detail[4]
    assert ama.modules_complete == (True, True) and ama.path_complete and ama.percent == 100
    assert budi.modules_complete == (False, True) and not budi.path_complete
    assert budi.percent == round((round(100 * 2 / 3) + 100) / 2)  # 84: each lesson counts one, the quiz one more
    assert (budi.lessons_done, budi.lessons_total) == (3, 3)
    assert budi.quiz_best == (0.6, None) and budi.quiz_in_progress == (True, False)
    assert (dara.lessons_done, dara.percent, dara.quiz_best, dara.started) == (0, 0, (None, None), False)


def test_stop_points_are_ordered_by_members_then_path_order():
    lessons = [LessonFacts(uid, 1, 1, 0, (0, 0)) for uid in (1, 2, 3, 4)]
    opened = [OpenLesson(1, 21, 1), OpenLesson(2, 12, 1), OpenLesson(3, 21, 1), OpenLesson(4, 11, 1)]
    facts = member_facts(MODULES, [1, 2, 3, 4], lessons, [], opened)
    assert [(s.lesson_slug, s.members) for s in summarise(MODULES, facts.values()).stop_points] == [
        ("rail", 2), ("harbour", 1), ("river", 1)]


def test_stopped_at_is_the_latest_opened_lesson_when_not_complete():
    lessons = [LessonFacts(1, 2, 50, 0, (1, 0)), LessonFacts(2, 2, 70, 0, (1, 0))]
    assert stopped_at(lessons, [OpenLesson(1, 12, 50), OpenLesson(2, 12, 60)]) == {1: 12}


def test_a_module_needs_every_one_of_its_quizzes_passed():
    second = QuizInfo(103, "zones-quiz-2", "Second", "module", 50.0, "highest")
    module = ModuleInfo(1, "zones", "Zones", (LessonInfo(11, "a", "A"),), (QUIZ, second))
    assert [q.id for _, q in module_quizzes([module])] == [100, 103]
    lessons = [LessonFacts(1, 1, 1, 0b1, (1,)), LessonFacts(2, 1, 1, 0b1, (1,))]
    facts = member_facts([module], [1, 2], lessons, [QuizFacts(1, 2, 0b11), QuizFacts(2, 1, 0b01)])
    assert facts[1].complete_mask == 1 and facts[2].complete_mask == 0


def test_gain_without_pairs_has_no_mean():
    facts = member_facts(MODULES, [1], [], [])
    (gain,) = summarise(MODULES, facts.values()).gains
    assert (gain.n, gain.pre_mean, gain.post_mean, gain.gain) == (0, None, None, None)


def test_breakdown_groups_blank_values_as_not_given_last(facts):
    groups = breakdown("sex", MEMBERS, MODULES, facts, {"female": "Female", "male": "Male"})
    assert [(g.label, g.summary.enrolled) for g in groups] == [("Female", 2), ("Male", 1), (NOT_GIVEN, 2)]
    by_org = {g.value: g.summary for g in breakdown("org_type", MEMBERS, MODULES, facts)}
    assert (by_org["sme"].enrolled, by_org["sme"].started, by_org["sme"].completed) == (3, 3, 1)
    assert [f.completed for f in by_org["sme"].funnel] == [1, 2]
    assert by_org["sme"].gains[0].n == 2 and by_org["government"].gains[0].n == 0
    assert [s.lesson_slug for s in by_org["government"].stop_points] == ["harbour"]
    countries = breakdown("country", MEMBERS, MODULES, facts)
    assert [(g.label, g.summary.enrolled) for g in countries] == [("Ghana", 3), ("Indonesia", 1), (NOT_GIVEN, 1)]


def test_breakdown_refuses_unknown_attributes(facts):
    with pytest.raises(ValueError):
        breakdown("email", MEMBERS, MODULES, facts)


@pytest.mark.parametrize("requested, expected", [(1, 1), (0, 1), (-3, 1), (3, 3), (9, 3)])
def test_pages_stay_in_range(requested, expected):
    page = page_of(requested, 50, 120)
    assert (page.number, page.pages, page.start) == (expected, 3, (expected - 1) * 50)
    assert page_of(4, 50, 0).number == 1


@given(st.lists(st.tuples(st.integers(0, 4), st.booleans()), min_size=1, max_size=5))
def test_masks_and_detail_agree_with_the_rules(states):
    """However the database folds the rows, completion and percent are those of `course.progress.rules`."""
    modules = [ModuleInfo(i, f"m{i}", f"M{i}", tuple(LessonInfo(100 * i + j, f"l{i}{j}", "L") for j in range(4)),
                          (QuizInfo(1000 + i, f"q{i}", "Q"),) if i % 2 else ()) for i in range(len(states))]
    done = tuple(d for d, _ in states)
    lessons = [LessonFacts(7, sum(done), 1, sum(1 << i for i, d in enumerate(done) if d == 4), done)]
    quiz_bits = [ok for (_, ok), m in zip(states, modules, strict=True) if m.quizzes]
    quizzes = [QuizFacts(7, 1, sum(1 << j for j, ok in enumerate(quiz_bits) if ok), (None,) * len(quiz_bits),
                         (0,) * len(quiz_bits))]
    facts = member_facts(modules, [7], lessons, quizzes)
    mine = member_progress(modules, facts, lessons, quizzes, [7])[7]
    status = {m.slug: rules.module_status([lesson.id for lesson in m.lessons], {lesson.id for lesson in m.lessons[:d]},
                                          bool(m.quizzes), ok and bool(m.quizzes))
              for m, (d, ok) in zip(modules, states, strict=True)}
    steps = rules.path_steps([{"module": m.slug} for m in modules], {k: s.complete for k, s in status.items()})
    assert mine.percent == rules.path_percent(steps, {k: s.percent for k, s in status.items()})
    assert mine.path_complete == rules.path_complete(steps)
    assert mine.modules_complete == tuple(status[m.slug].complete for m in modules)
    assert facts[7].complete_mask == sum(1 << i for i, m in enumerate(modules) if status[m.slug].complete)
