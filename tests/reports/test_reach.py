"""A learner's programme facts and the tally rows they add: each milestone once, in its month, per scope."""

from collections import Counter
from datetime import UTC, datetime
from types import SimpleNamespace

from course.reports.reach import (
    Learner,
    PathPlan,
    Programme,
    difference,
    learner_facts,
    month_of,
    tally_amounts,
    totals,
)

JAN, FEB, MAR, APR = (datetime(2026, m, 10, tzinfo=UTC) for m in (1, 2, 3, 4))
PROGRAMME = Programme(
    {
        7: PathPlan(7, "sme", (("zones", 1), ("freight", 2))),
        8: PathPlan(8, "official", (("zones", 1),)),
    },
    (1, 2, 3),
)
PROFILE = {"org_type": "sme", "country": " Ghana ", "firm_size": "", "sex": "female"}


def _summary(**values):
    fields = dict(
        complete=False,
        completed_at=None,
        passed=False,
        pre_score=None,
        post_score=None,
        first_active_at=None,
        quiz_taken_at=None,
        gain_at=None,
    )
    return SimpleNamespace(**(fields | values))


AMA = Learner(
    "trainee",
    JAN,
    PROFILE,
    paths={7: FEB},
    cohorts={30: (None, JAN)},
    certificates={7: APR},
    summaries={
        1: _summary(
            complete=True,
            completed_at=FEB,
            passed=True,
            first_active_at=FEB,
            quiz_taken_at=FEB,
            pre_score=0.4,
            post_score=0.8,
            gain_at=MAR,
        ),
        2: _summary(complete=True, completed_at=MAR, first_active_at=FEB),
        3: _summary(first_active_at=JAN),
    },
)


def test_each_scope_gets_its_own_milestones():
    facts = learner_facts(AMA, PROGRAMME)
    assert facts["groups"] == ["sme", "Ghana", "", "female"]
    assert facts["scopes"] == {
        # everyone: registered in January, active in January (module 3), completed path 7 in March, certified in April
        # (module 3 was only opened: it has no module figure to add)
        "all": ["2026-01", "2026-01", "2026-03", "2026-04", [1, 2]],
        "path:7": ["2026-02", "2026-02", "2026-03", "2026-04", [1, 2]],
        "audience:sme": ["2026-02", "2026-02", "2026-03", "2026-04", [1, 2]],
        # a cohort without a path asks for every active module: module 3 is not complete
        "cohort:30": ["2026-01", "2026-01", None, None, [1, 2]],
    }
    assert facts["modules"] == {
        "1": ["2026-02", "2026-02", True, "2026-03", 0.4, 0.8],
        "2": ["2026-03", None, False, None, None, None],
    }


def test_staff_add_nothing_and_an_archived_path_is_no_scope():
    assert learner_facts(Learner("instructor", JAN, PROFILE), PROGRAMME) is None
    facts = learner_facts(Learner("official", JAN, PROFILE, paths={99: JAN}, cohorts={4: (99, JAN)}), PROGRAMME)
    assert set(facts["scopes"]) == {"all"}
    assert tally_amounts(None) == {}


def test_a_path_is_complete_only_when_every_module_is():
    halfway = Learner("trainee", JAN, PROFILE, paths={7: JAN}, summaries={1: AMA.summaries[1]})
    facts = learner_facts(halfway, PROGRAMME)
    assert facts["scopes"]["path:7"][2] is None and facts["scopes"]["all"][2] is None


def test_tallies_count_every_country_and_the_learners_own():
    rows = tally_amounts(learner_facts(AMA, PROGRAMME))
    assert rows[("all", "", "2026-01", "", "", "registered", 0)] == Counter(n=1)
    assert rows[("all", "", "2026-01", "sex", "female", "registered", 0)] == Counter(n=1)
    assert rows[("all", "Ghana", "2026-01", "org_type", "sme", "registered", 0)] == Counter(n=1)
    assert ("all", "Ghana", "2026-01", "country", "Ghana", "registered", 0) not in rows  # the slice is the country
    assert rows[("path:7", "", "2026-03", "", "", "gain", 1)] == Counter(n=1, pre_sum=0.4, post_sum=0.8)
    assert rows[("all", "", "2026-02", "", "", "quiz_passed", 1)] == Counter(n=1)
    assert ("all", "", "2026-03", "", "", "quiz_taken", 2) not in rows


def test_a_learner_without_a_country_has_no_country_slice():
    facts = learner_facts(Learner("trainee", JAN, PROFILE | {"country": ""}), PROGRAMME)
    assert {key[1] for key in tally_amounts(facts)} == {""}


def test_the_difference_moves_a_milestone_between_months():
    before = learner_facts(AMA, PROGRAMME)
    later = Learner(**{**AMA.__dict__, "certificates": {7: datetime(2026, 5, 1, tzinfo=UTC)}})
    change = difference(before, learner_facts(later, PROGRAMME))
    assert change[("all", "", "2026-04", "", "", "certified", 0)] == {"n": -1, "pre_sum": 0, "post_sum": 0}
    assert change[("all", "", "2026-05", "", "", "certified", 0)] == {"n": 1, "pre_sum": 0, "post_sum": 0}
    assert all(key[5] == "certified" for key in change)
    assert difference(before, before) == {}


def test_totals_add_learners_up():
    other = Learner("trainee", JAN, PROFILE | {"sex": "male"})
    rows = totals([learner_facts(AMA, PROGRAMME), learner_facts(other, PROGRAMME), None])
    assert rows[("all", "", "2026-01", "", "", "registered", 0)]["n"] == 2
    assert rows[("all", "", "2026-01", "sex", "male", "registered", 0)]["n"] == 1


def test_months_are_utc():
    assert month_of(datetime(2026, 1, 31, 23, 30)) == "2026-01"  # naive: UTC
    assert month_of(datetime.fromisoformat("2026-02-01T01:00:00+03:00")) == "2026-01"
    assert month_of(None) is None
