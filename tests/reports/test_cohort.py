"""Cohort figures from module summaries: contributions, tallies, summary, funnel, stop points, gain, breakdowns."""

from collections import Counter
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from course.models import ModuleSummary
from course.progress import rules
from course.progress.summaries import ModuleQuizzes, summarise
from course.reports.cohort import (
    GROUPINGS,
    NOT_GIVEN,
    LessonInfo,
    Member,
    ModuleInfo,
    QuizInfo,
    breakdown_of,
    stop_points,
    summary_of,
)
from course.reports.contribution import TALLY_FIELDS, contribution, difference, totals
from course.reports.member_standing import member_progress

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
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _summary(uid, module_id, **values) -> ModuleSummary:
    return ModuleSummary(user_id=uid, module_id=module_id, **values)


# Ama did everything; Budi did every lesson but failed the quiz (an attempt still open); Chen opened
# Harbour only; Dara did nothing; Esi only made a practice attempt. Ama (pre 0.4, post 0.8) and Budi
# (0.6, 0.9) took both tests of Zones; Chen only the pre-test.
SUMMARIES = {
    1: {
        1: _summary(
            1,
            1,
            lessons_opened=2,
            lessons_done=2,
            attempts=3,
            quiz_best=0.8,
            passed=True,
            percent=100,
            complete=True,
            pre_score=0.4,
            post_score=0.8,
            last_opened_at=T0,
            last_lesson_id=12,
            last_lesson_done=True,
        ),
        2: _summary(
            1,
            2,
            lessons_opened=1,
            lessons_done=1,
            percent=100,
            complete=True,
            last_opened_at=T0,
            last_lesson_id=21,
            last_lesson_done=True,
        ),
    },
    2: {
        1: _summary(
            2,
            1,
            lessons_opened=2,
            lessons_done=2,
            attempts=4,
            quiz_best=0.6,
            quiz_open=True,
            percent=67,
            pre_score=0.6,
            post_score=0.9,
        ),
        2: _summary(2, 2, lessons_opened=1, lessons_done=1, percent=100, complete=True),
    },
    3: {1: _summary(3, 1, lessons_opened=1, attempts=1, pre_score=0.3, last_opened_at=T0, last_lesson_id=11)},
    5: {1: _summary(5, 1, attempts=1)},
}


def _profile(member: Member) -> dict:
    return {by: getattr(member, by) for by in GROUPINGS}


def _counted(modules=MODULES, summaries=SUMMARIES, members=MEMBERS) -> dict[int, dict]:
    return {m.user_id: contribution(modules, summaries.get(m.user_id, {}), _profile(m)) for m in members}


def _rows(counted: dict[int, dict], grouping: str = ""):
    """The tally rows a database would hold for these contributions, of one grouping."""
    rows, stops = totals(counted.values())
    tally = [
        SimpleNamespace(value=v, module_id=m, **{f: amounts.get(f, 0) for f in TALLY_FIELDS})
        for (g, v, m), amounts in rows.items()
        if g == grouping
    ]
    stop = [
        SimpleNamespace(value=v, lesson_id=lesson, members=n) for (g, v, lesson), n in stops.items() if g == grouping
    ]
    return tally, stop


def _summary_of(counted, modules=MODULES):
    return summary_of(modules, *_rows(counted))


def test_contributions_combine_lessons_and_quizzes():
    counted = _counted()
    assert [counted[i]["complete"] for i in (1, 2, 3, 4, 5)] == [[1, 2], [2], [], [], []]
    assert [counted[i]["started"] for i in (1, 2, 3, 4, 5)] == [True, True, True, False, True]
    assert [counted[i]["stopped_at"] for i in (1, 2, 3, 4, 5)] == [None, None, 11, None, None]
    assert counted[1]["gains"] == {"1": [0.4, 0.8]} and counted[3]["gains"] == {}


def test_summary():
    summary = _summary_of(_counted())
    assert (summary.enrolled, summary.started, summary.completed, summary.completion_percent) == (5, 4, 1, 20)
    assert [(f.module_slug, f.completed) for f in summary.funnel] == [("zones", 1), ("freight", 2)]
    assert [(s.lesson_slug, s.members) for s in summary.stop_points] == [("harbour", 1)]
    (gain,) = summary.gains  # only Zones has both tests
    assert (gain.n, gain.pre_mean, gain.post_mean) == (2, pytest.approx(50.0), pytest.approx(85.0))
    assert gain.gain == pytest.approx(35.0)


def test_a_change_adds_only_its_difference():
    """Counting a member again after a change gives the tallies a rebuild would."""
    counted = _counted()
    before = dict(counted)
    changed = {**SUMMARIES, 2: {**SUMMARIES[2], 1: _summary(2, 1, lessons_done=2, passed=True, complete=True)}}
    counted[2] = contribution(MODULES, changed[2], _profile(MEMBERS[1]))
    rows, stops = totals(before.values())
    change, stop_change = difference(before[2], counted[2])
    for key, amounts in change.items():
        rows.setdefault(key, Counter()).update(amounts)
    rebuilt, rebuilt_stops = totals(counted.values())
    assert {k: {f: round(v, 9) for f, v in a.items() if v} for k, a in rows.items()} == {
        k: {f: round(v, 9) for f, v in a.items() if v} for k, a in rebuilt.items()
    }
    assert stops + Counter(stop_change) == rebuilt_stops
    assert difference(counted[2], counted[2]) == ({}, {})


def test_trainee_detail_follows_the_rules():
    counted = _counted()
    detail = member_progress(MODULES, SUMMARIES, counted, [1, 2, 4])
    ama, budi, dara = detail[1], detail[2], detail[4]
    assert ama.modules_complete == (True, True) and ama.path_complete and ama.percent == 100
    assert budi.modules_complete == (False, True) and not budi.path_complete
    assert budi.percent == round((67 + 100) / 2)
    assert (budi.lessons_done, budi.lessons_total) == (3, 3)
    assert budi.quiz_best == (0.6, None) and budi.quiz_in_progress == (True, False)
    assert (dara.lessons_done, dara.percent, dara.quiz_best, dara.started) == (0, 0, (None, None), False)


def test_stop_points_are_ordered_by_members_then_path_order():
    assert [(s.lesson_slug, s.members) for s in stop_points(MODULES, {21: 2, 12: 1, 11: 1})] == [
        ("rail", 2),
        ("harbour", 1),
        ("river", 1),
    ]


def test_the_lesson_opened_last_is_the_stop_point_only_while_it_is_not_complete():
    opened = {
        1: _summary(9, 1, lessons_opened=1, last_opened_at=T0, last_lesson_id=11),
        2: _summary(9, 2, lessons_opened=1, last_opened_at=T0 + timedelta(hours=1), last_lesson_id=21),
    }
    assert contribution(MODULES, opened, {})["stopped_at"] == 21
    opened[2].last_lesson_done = True
    assert contribution(MODULES, opened, {})["stopped_at"] is None


def test_gain_without_pairs_has_no_mean():
    (gain,) = summary_of(MODULES, [], []).gains
    assert (gain.n, gain.pre_mean, gain.post_mean, gain.gain) == (0, None, None, None)


def test_breakdown_groups_blank_values_as_not_given_last():
    counted = _counted()
    groups = breakdown_of(MODULES, *_rows(counted, "sex"), {"female": "Female", "male": "Male"})
    assert [(g.label, g.summary.enrolled) for g in groups] == [("Female", 2), ("Male", 1), (NOT_GIVEN, 2)]
    by_org = {g.value: g.summary for g in breakdown_of(MODULES, *_rows(counted, "org_type"))}
    assert (by_org["sme"].enrolled, by_org["sme"].started, by_org["sme"].completed) == (3, 3, 1)
    assert (by_org["social"].enrolled, by_org["social"].started) == (1, 0)
    assert [f.completed for f in by_org["sme"].funnel] == [1, 2]
    assert by_org["sme"].gains[0].n == 2 and by_org["government"].gains[0].n == 0
    assert [s.lesson_slug for s in by_org["government"].stop_points] == ["harbour"]
    countries = breakdown_of(MODULES, *_rows(counted, "country"))
    assert [(g.label, g.summary.enrolled) for g in countries] == [("Ghana", 3), ("Indonesia", 1), (NOT_GIVEN, 1)]


@given(st.lists(st.tuples(st.integers(0, 4), st.booleans()), min_size=1, max_size=5))
def test_summaries_and_detail_agree_with_the_rules(states):
    """Whatever a learner did, module summaries, completion and percent are those of `course.progress.rules`."""
    quizzes = {
        i: SimpleNamespace(id=1000 + i, kind="module", pass_mark=70.0, grading_method="highest") for i in range(5)
    }
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
    stored = {}
    for m, (done, ok) in zip(modules, states, strict=True):
        progress = [
            SimpleNamespace(lesson_id=lesson.id, first_opened_at=T0, last_opened_at=T0, completed_at=T0)
            for lesson in m.lessons[:done]
        ]
        attempts = (
            [
                SimpleNamespace(
                    quiz_id=1000 + m.id,
                    practice=False,
                    state="submitted",
                    needs_grading=False,
                    score=1.0 if ok else 0.0,
                    started_at=T0,
                    submitted_at=T0,
                )
            ]
            if m.quizzes
            else []
        )
        values = summarise(
            7,
            m.id,
            tuple(lesson.id for lesson in m.lessons),
            ModuleQuizzes((quizzes[m.id],) if m.quizzes else ()),
            progress,
            attempts,
        )
        stored[m.id] = ModuleSummary(**values)
    counted = contribution(modules, stored, {})
    mine = member_progress(modules, {7: stored}, {7: counted}, [7])[7]
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
    assert mine.path_complete == rules.path_complete(steps) == counted["completed"]
    assert mine.modules_complete == tuple(status[m.slug].complete for m in modules)
