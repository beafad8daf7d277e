"""Cohort summary from rows folded per member: enrolment, completion, funnel, stop points, gain, breakdowns."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from course.progress import rules
from course.reports.cohort import (
    NOT_GIVEN,
    GainRow,
    LessonInfo,
    Member,
    ModuleInfo,
    QuizInfo,
    breakdown,
    summarise,
)
from course.reports.member_standing import (
    LessonFacts,
    QuizFacts,
    member_facts,
    member_progress,
    module_quizzes,
)

QUIZ = QuizInfo(100, "zones-quiz", "Zones quiz", "module", 70.0, "highest")
PRE = QuizInfo(101, "zones-pre", "Zones pre-test", "pretest", 0.0, "first")
POST = QuizInfo(102, "zones-post", "Zones post-test", "posttest", 0.0, "first")
ZONES = ModuleInfo(
    1,
    "zones",
    "Pilot zones",
    (LessonInfo(11, "harbour", "Harbour"), LessonInfo(12, "river", "River")),
    (QUIZ,),
    PRE,
    POST,
)
FREIGHT = ModuleInfo(2, "freight", "Freight", (LessonInfo(21, "rail", "Rail"),))
MODULES = [ZONES, FREIGHT]
MEMBERS = [
    Member(1, "Ama", org_type="sme", sex="female", country="Ghana"),
    Member(2, "Budi", org_type="sme", sex="male", country="Indonesia"),
    Member(3, "Chen", org_type="government", sex="", country="Ghana"),
    Member(4, "Dara", org_type="social", sex="female", country=""),
    Member(5, "Esi", org_type="sme", sex="   ", country="Ghana"),
]
# Ama did everything; Budi did every lesson but failed the quiz; Chen opened Harbour only;
# Dara did nothing; Esi only made a practice attempt.
LESSONS = [LessonFacts(1, 3, (2, 1)), LessonFacts(2, 3, (2, 1)), LessonFacts(3, 1, (0, 0))]
QUIZZES = [
    QuizFacts(1, 3, (0.8,), (0.8,), (0,)),
    QuizFacts(2, 4, (0.6,), (0.6,), (1,)),
    QuizFacts(3, 1, (None,), (None,), (0,)),
    QuizFacts(5, 1, (None,), (None,), (0,)),
]
STOPS = {3: 11}  # Chen's last opened lesson, not completed
# Ama (pre 0.4, post 0.8) and Budi (0.6, 0.9) took both tests of Zones; Chen only the pre-test.
GAINS = [GainRow("", 1, 2, 1.0, 1.7)]
GROUPS = {
    "sex": {m.user_id: m.sex for m in MEMBERS},
    "org_type": {m.user_id: m.org_type for m in MEMBERS},
    "country": {m.user_id: m.country for m in MEMBERS},
}
GAINS_BY_ORG = [GainRow("sme", 1, 2, 1.0, 1.7)]


@pytest.fixture
def facts():
    return member_facts(MODULES, LESSONS, QUIZZES, STOPS)


def test_member_facts_combine_lessons_and_quizzes(facts):
    assert sorted(facts) == [1, 2, 3, 5]  # Dara did nothing: no row, no facts
    assert [facts[i].modules_complete for i in (1, 2, 3, 5)] == [
        (True, True),
        (False, True),
        (False, False),
        (False, False),
    ]
    assert [facts[i].started for i in (1, 2, 3, 5)] == [True, True, True, True]
    assert [facts[i].stopped_at for i in (1, 2, 3, 5)] == [None, None, 11, None]


def test_summary(facts):
    summary = summarise(MODULES, facts.values(), 5, GAINS)
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
    lessons = [LessonFacts(uid, 1, (0, 0)) for uid in (1, 2, 3, 4)]
    facts = member_facts(MODULES, lessons, [], {1: 21, 2: 12, 3: 21, 4: 11})
    assert [(s.lesson_slug, s.members) for s in summarise(MODULES, facts.values(), 4).stop_points] == [
        ("rail", 2),
        ("harbour", 1),
        ("river", 1),
    ]


def test_lessons_count_only_when_the_module_has_some():
    empty = ModuleInfo(3, "empty", "Empty")
    facts = member_facts([FREIGHT, empty], [LessonFacts(1, 1, (1, 0))], [])
    assert facts[1].modules_complete == (True, False)


def test_a_module_needs_every_one_of_its_quizzes_passed():
    second = QuizInfo(103, "zones-quiz-2", "Second", "module", 50.0, "highest")
    module = ModuleInfo(1, "zones", "Zones", (LessonInfo(11, "a", "A"),), (QUIZ, second))
    assert [q.id for _, q in module_quizzes([module])] == [100, 103]
    lessons = [LessonFacts(1, 1, (1,)), LessonFacts(2, 1, (1,))]
    facts = member_facts([module], lessons, [QuizFacts(1, 2, (0.7, 0.5)), QuizFacts(2, 1, (0.9, 0.49))])
    assert facts[1].modules_complete == (True,) and facts[2].modules_complete == (False,)


def test_gain_without_pairs_has_no_mean():
    (gain,) = summarise(MODULES, [], 1, [GainRow("", 1, 0, 0.0, 0.0)]).gains
    assert (gain.n, gain.pre_mean, gain.post_mean, gain.gain) == (0, None, None, None)
    assert summarise(MODULES, [], 0).gains[0].n == 0


def test_gain_rows_of_one_group_add_up():
    (gain,) = summarise(MODULES, [], 3, [GainRow("x", 1, 1, 0.5, 1.0), GainRow(" x", 1, 2, 0.5, 1.0)]).gains
    assert (gain.n, gain.pre_mean, gain.post_mean) == (3, pytest.approx(100 / 3), pytest.approx(200 / 3))


def test_breakdown_groups_blank_values_as_not_given_last(facts):
    groups = breakdown("sex", GROUPS["sex"], MODULES, facts, [], {"female": "Female", "male": "Male"})
    assert [(g.label, g.summary.enrolled) for g in groups] == [("Female", 2), ("Male", 1), (NOT_GIVEN, 2)]
    by_org = {g.value: g.summary for g in breakdown("org_type", GROUPS["org_type"], MODULES, facts, GAINS_BY_ORG)}
    assert (by_org["sme"].enrolled, by_org["sme"].started, by_org["sme"].completed) == (3, 3, 1)
    assert (by_org["social"].enrolled, by_org["social"].started) == (1, 0)
    assert [f.completed for f in by_org["sme"].funnel] == [1, 2]
    assert by_org["sme"].gains[0].n == 2 and by_org["government"].gains[0].n == 0
    assert [s.lesson_slug for s in by_org["government"].stop_points] == ["harbour"]
    countries = breakdown("country", GROUPS["country"], MODULES, facts)
    assert [(g.label, g.summary.enrolled) for g in countries] == [("Ghana", 3), ("Indonesia", 1), (NOT_GIVEN, 1)]


def test_breakdown_refuses_unknown_attributes(facts):
    with pytest.raises(ValueError):
        breakdown("email", {}, MODULES, facts)


@given(st.lists(st.tuples(st.integers(0, 4), st.booleans()), min_size=1, max_size=5))
def test_facts_and_detail_agree_with_the_rules(states):
    """However the database folds the rows, completion and percent are those of `course.progress.rules`."""
    modules = [
        ModuleInfo(
            i,
            f"m{i}",
            f"M{i}",
            tuple(LessonInfo(100 * i + j, f"l{i}{j}", "L") for j in range(4)),
            (QuizInfo(1000 + i, f"q{i}", "Q"),) if i % 2 else (),
        )
        for i in range(len(states))
    ]
    done = tuple(d for d, _ in states)
    lessons = [LessonFacts(7, sum(done), done)]
    quiz_bits = [ok for (_, ok), m in zip(states, modules, strict=True) if m.quizzes]
    quizzes = [
        QuizFacts(7, 1, tuple(1.0 if ok else 0.0 for ok in quiz_bits), (None,) * len(quiz_bits), (0,) * len(quiz_bits))
    ]
    facts = member_facts(modules, lessons, quizzes)
    mine = member_progress(modules, facts, lessons, quizzes, [7])[7]
    status = {
        m.slug: rules.module_status(
            [lesson.id for lesson in m.lessons],
            {lesson.id for lesson in m.lessons[:d]},
            bool(m.quizzes),
            ok and bool(m.quizzes),
        )
        for m, (d, ok) in zip(modules, states, strict=True)
    }
    steps = rules.path_steps([{"module": m.slug} for m in modules], {k: s.complete for k, s in status.items()})
    assert mine.percent == rules.path_percent(steps, {k: s.percent for k, s in status.items()})
    assert mine.path_complete == rules.path_complete(steps)
    assert mine.modules_complete == tuple(status[m.slug].complete for m in modules)
    assert facts[7].modules_complete == tuple(status[m.slug].complete for m in modules)
