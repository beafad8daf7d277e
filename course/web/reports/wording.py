"""The words of the programme report and the public impact page: measure names, why a period or filter was refused,
month names, and every figure's text (`course.reports.disclosure.Shown`) in the reader's language. The figures
themselves come from `course.reports` as codes and values."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from course.reports.disclosure import Shown
from course.reports.programme import Period
from course.reports.programme_display import OTHERS, ShownEvents, ShownFigures, ShownGroup, ShownModule, ShownReach
from course.web.content_language import localized_text
from course.web.formatting import calendar_day, number, percent

REACH_LABELS = {
    "registered": _l("Registered"),
    "active": _l("Active (started learning)"),
    "completed": _l("Completed a learning path"),
    "certified": _l("Certified"),
}
NOT_STATED = _l("Not stated")
OTHER_COUNTRIES = _l("Other countries (fewer than 5 people each)")

_MONTH_FIELD = {
    "from": _l("“from” must be a month written YYYY-MM, for example 2026-01."),
    "to": _l("“to” must be a month written YYYY-MM, for example 2026-01."),
    "since": _l("“first month shown” must be a month written YYYY-MM, for example 2026-01."),
}


def problem_text(problem) -> str:
    """Why a period (`PeriodError`) or a filter (`FilterError`) was refused, in words."""
    code, params = getattr(problem, "code", ""), getattr(problem, "params", {})
    if code == "month":
        return str(_MONTH_FIELD.get(params.get("field"), _MONTH_FIELD["from"]))
    if code == "order":
        return _("“from” must not be after “to”.")
    if code == "length":
        return _("A report covers at most %(months)s months; choose a shorter period.", months=params["months"])
    if code == "not_ended":
        return _("The first month shown must have ended: %(last)s or earlier.", last=params["last"])
    if code == "too_early":
        return _(
            "The page covers at most %(months)s months: %(earliest)s or later.",
            months=params["months"],
            earliest=params["earliest"],
        )
    if code == "path":
        return _("There is no learning path “%(path)s”.", path=params["path"])
    if code == "audience":
        return _("Audience must be one of %(choices)s.", choices=params["choices"])
    if code == "country":
        return _("A country has at most %(length)s characters.", length=params["length"])
    return str(problem)


def month_text(month: str) -> str:
    """ "Jan 2026" / "janv. 2026" / "2026年1月" for a month written YYYY-MM."""
    return calendar_day(date(int(month[:4]), int(month[5:]), 1), "%b %Y", "yMMM")


def period_text(period: Period) -> str:
    """ "Jan 2026 – Jun 2026", or one month."""
    if period.first == period.last:
        return month_text(period.first)
    return f"{month_text(period.first)} – {month_text(period.last)}"


def _fixed(value: float, digits: int) -> float:
    """The value rounded as Python's format() rounds it (the English texts were written so)."""
    return float(f"{value:.{digits}f}")


def figure_text(shown: Shown) -> str:
    """A published figure as the reader's language writes it."""
    kind, value = shown.kind, shown.value
    if kind == "small":
        return "< 5"
    if kind == "withheld":
        return _("not shown")
    if value is None or kind == "blank":
        return "—"
    if kind == "percent":
        return percent(_fixed(value, 1) / 100, 1)
    if kind == "share":
        return percent(_fixed(value, 0) / 100, 0)
    if kind == "points":
        sign = "-" if f"{value:+.1f}".startswith("-") else "+"
        return _("%(points)s points", points=sign + number(abs(_fixed(value, 1)), 1, fixed=True))
    if kind == "scale":
        return number(_fixed(value, 1), 1, fixed=True)
    return number(value, 0)


def _worded(shown: Shown) -> Shown:
    return replace(shown, text=figure_text(shown))


def _reach(reach: ShownReach) -> ShownReach:
    return ShownReach(*(_worded(getattr(reach, f.name)) for f in fields(ShownReach)))


def group_label(group) -> str:
    """A group's label; the blank value ("Not stated") and the countries put together, in words."""
    if group.value == OTHERS:
        return str(OTHER_COUNTRIES)
    if not group.value:
        return str(NOT_STATED)
    return str(group.label)


def worded(figures: ShownFigures) -> ShownFigures:
    """The figures with every text and label in the reader's language (what the pages, charts and PDF show)."""
    module_fields = [f.name for f in fields(ShownModule) if f.name not in ("slug", "title")]
    return replace(
        figures,
        reach=_reach(figures.reach),
        groups={
            by: [ShownGroup(g.value, group_label(g), _reach(g.reach)) for g in groups]
            for by, groups in figures.groups.items()
        },
        months=[ShownGroup(m.value, month_text(m.value), _reach(m.reach)) for m in figures.months],
        modules=[
            replace(
                m,
                title=localized_text("module", m.slug, "title", m.title),
                **{name: _worded(getattr(m, name)) for name in module_fields},
            )
            for m in figures.modules
        ],
    )


def worded_events(events: ShownEvents) -> ShownEvents:
    return ShownEvents(*(_worded(getattr(events, f.name)) for f in fields(ShownEvents)))


def share_text(value: float | None) -> str:
    """A percentage without decimals (67%), or a dash."""
    return "—" if value is None else percent(_fixed(value, 0) / 100, 0)


def scale_text(value: float | None) -> str:
    """A mean on the 1-5 scale with one decimal (4.2), or a dash."""
    return "—" if value is None else number(_fixed(value, 1), 1, fixed=True)


def signed_number(value: int) -> str:
    """+12 / -3 / +0, grouped as the reader's language groups digits."""
    return ("+" if value >= 0 else "") + number(value, 0)


def signed_percent(value: float | None) -> str:
    """(+12%) after a change, or nothing when there was nothing before."""
    if value is None:
        return ""
    rounded = _fixed(value, 0)
    sign = "-" if f"{value:+.0f}".startswith("-") else "+"
    return f" ({sign}{percent(abs(rounded) / 100, 0)})"
