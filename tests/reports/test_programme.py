"""Programme figures from tally sums: periods of whole months, the previous period, groups, and what the public sees."""

from datetime import date

import pytest

from course.reports.disclosure import SMALL, WITHHELD
from course.reports.programme import (
    NOT_STATED,
    ModuleLine,
    Period,
    PeriodError,
    change_percent,
    figures_of,
    period_of,
)
from course.reports.programme_display import shown_exactly, shown_protected
from course.reports.reach_tallies import TallySum

TODAY = date(2026, 3, 15)


def test_the_default_period_is_the_twelve_months_up_to_this_one():
    period = period_of(None, None, TODAY)
    assert (period.first, period.last, len(period.months)) == ("2025-04", "2026-03", 12)
    assert period.previous == Period("2024-04", "2025-03")
    assert period_of("2025-01", None, TODAY) == Period("2025-01", "2025-12")
    assert period_of(None, "2025-01", TODAY) == Period("2024-02", "2025-01")


def test_a_period_crosses_years_and_has_a_label():
    period = period_of("2025-11", "2026-02", TODAY)
    assert period.months == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert period.previous == Period("2025-07", "2025-10")
    assert period.label == "Nov 2025 – Feb 2026" and Period("2026-01", "2026-01").label == "Jan 2026"


@pytest.mark.parametrize(
    "first, last", [("2026-1", None), ("2026-00", None), ("1999-12", None), ("x", None), ("2026-03", "2026-02")]
)
def test_a_bad_period_is_refused(first, last):
    with pytest.raises(PeriodError):
        period_of(first, last, TODAY)


def _rows():
    rows = []
    for month, female, male, blank in (("2026-01", 6, 3, 1), ("2026-02", 4, 0, 2), ("2025-12", 9, 9, 9)):
        rows.append(TallySum(month, "", "", "registered", 0, female + male + blank, 0, 0))
        for value, n in (("female", female), ("male", male), ("", blank)):
            rows.append(TallySum(month, "sex", value, "registered", 0, n, 0, 0))
    rows.append(TallySum("2026-01", "", "", "quiz_taken", 7, 12, 0, 0))
    rows.append(TallySum("2026-02", "", "", "quiz_passed", 7, 6, 0, 0))
    rows.append(TallySum("2026-02", "", "", "gain", 7, 4, 2.0, 3.2))
    return rows


def test_figures_add_up_the_months_of_the_period_only():
    figures = figures_of(
        Period("2026-01", "2026-02"),
        [ModuleLine(7, "zones", "Zones")],
        _rows(),
        {"sex": {"female": "Female", "male": "Male"}},
    )
    assert figures.reach.registered == 16
    assert [(m.month, m.reach.registered) for m in figures.months] == [("2026-01", 10), ("2026-02", 6)]
    assert [(g.label, g.reach.registered) for g in figures.groups["sex"]] == [
        ("Female", 10),
        ("Male", 3),
        (NOT_STATED, 3),
    ]
    zones = figures.modules[0]
    assert (zones.taken, zones.passed, zones.pass_percent) == (12, 6, 50.0)
    assert (zones.gain_n, zones.pre_mean, zones.post_mean, round(zones.gain, 6)) == (4, 50.0, 80.0, 30.0)
    assert figures.funnel[0] == ("registered", 16)


def test_the_public_sees_no_small_group_and_cannot_subtract_one():
    figures = figures_of(Period("2026-01", "2026-02"), [ModuleLine(7, "zones", "Zones")], _rows(), {})
    public = shown_protected(figures)
    assert public.reach.registered.text == "16"
    sex = {g.label: g.reach.registered.text for g in public.groups["sex"]}
    assert sex == {"female": "10", "male": SMALL, NOT_STATED: SMALL}  # alphabetical, "Not stated" last
    months = [m.reach.registered.text for m in public.months]
    assert months == ["10", "6"]
    zones = public.modules[0]
    assert (zones.taken.text, zones.passed.text, zones.pass_percent.text) == ("12", "6", "50%")
    assert zones.gain_n.text == SMALL and zones.gain.withheld
    assert shown_exactly(figures).groups["sex"][1].reach.registered.text == "3"


def test_one_small_month_takes_another_with_it():
    rows = [
        TallySum(m, "", "", "registered", 0, n, 0, 0) for m, n in (("2026-01", 12), ("2026-02", 2), ("2026-03", 30))
    ]
    public = shown_protected(figures_of(Period("2026-01", "2026-03"), [], rows))
    assert [m.reach.registered.text for m in public.months] == ["not shown", SMALL, "30"]
    assert WITHHELD == "not shown"


def test_change_against_the_previous_period():
    assert change_percent(150, 100) == 50.0 and change_percent(5, 0) is None


def test_the_public_names_no_country_fewer_than_five_people_gave():
    rows = [TallySum("2026-01", "", "", "registered", 0, 14, 0, 0)]
    for country, n in (("Ghana", 9), ("Atlantis", 2), ("Lemuria", 1), ("", 2)):
        rows.append(TallySum("2026-01", "country", country, "registered", 0, n, 0, 0))
    public = shown_protected(figures_of(Period("2026-01", "2026-01"), [], rows))
    shown = [(g.label, g.reach.registered.text) for g in public.groups["country"]]
    assert shown == [("Ghana", "9"), (NOT_STATED, SMALL), ("Other countries (fewer than 5 people each)", SMALL)]
    staff = shown_exactly(figures_of(Period("2026-01", "2026-01"), [], rows))
    assert {g.label for g in staff.groups["country"]} >= {"Atlantis", "Lemuria"}
