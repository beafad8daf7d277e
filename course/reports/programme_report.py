"""The programme report: whose figures a reader may see, read from the programme tallies.

An admin (and the public impact page) reads everyone's figures, narrowed to the followers of one learning
path or audience when asked; an instructor reads the members of the cohorts they manage
(`course.ownership`), added up cohort by cohort. Either may narrow to one country. The figures of the
period and of the previous period of the same length come from one query over the tallies of their months.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlmodel import Session, select

from course import ownership
from course.content import catalogue
from course.content.paths import PATH_AUDIENCES
from course.models import Cohort, LearningPath, User
from course.reports import reach_tallies
from course.reports.programme import EventScope, ModuleLine, Period, ProgrammeEvents, ProgrammeFigures, figures_of
from course.reports.programme_events import programme_events
from course.reports.reach import EVERYONE, audience_scope, cohort_scope, path_scope

COUNTRY_LENGTH = 80


class FilterError(ValueError):
    """A filter the report cannot apply: `code` says why, with its `params` (the web layer words it). Codes:
    "path" (`path`), "audience" (`choices`), "country" (`length`)."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params


@dataclass(frozen=True)
class Filters:
    path: LearningPath | None = None
    audience: str = ""
    country: str = ""


def filters_from(session: Session, path: str = "", audience: str = "", country: str = "") -> Filters:
    """The report's filters from what was asked (a path slug, an audience code, a country as learners give it)."""
    chosen = None
    if path.strip():
        chosen = catalogue.path_by_slug(session, path.strip())
        if chosen is None:
            raise FilterError("path", path=path.strip()[:100])
    audience = audience.strip()
    if audience and audience not in PATH_AUDIENCES:
        raise FilterError("audience", choices=", ".join(sorted(PATH_AUDIENCES)))
    country = country.strip()
    if len(country) > COUNTRY_LENGTH or "\x00" in country:
        raise FilterError("country", length=COUNTRY_LENGTH)
    return Filters(chosen, audience, country)


@dataclass(frozen=True)
class Readership:
    """The scopes a reader's report adds up, and whether it is limited to their cohorts."""

    scopes: list[str]
    limited: bool = False  # an instructor's: their cohorts only
    cohorts: int = 0  # how many of their cohorts it covers


def readership(session: Session, reader: User | None, filters: Filters = Filters()) -> Readership:
    """Everyone for an admin or the public (reader None), the managed cohorts for an instructor."""
    if reader is None or reader.role == "admin":
        if filters.path is not None:
            same = not filters.audience or filters.path.audience == filters.audience
            return Readership([path_scope(filters.path.id)] if same else [])
        return Readership([audience_scope(filters.audience)] if filters.audience else [EVERYONE])
    audiences = {p.id: p.audience for p in catalogue.active_paths(session)}
    cohorts = session.exec(select(Cohort.id, Cohort.path_id).where(ownership.managed(reader, Cohort))).all()
    chosen = [
        cohort_id
        for cohort_id, path_id in cohorts
        if (filters.path is None or path_id == filters.path.id)
        and (not filters.audience or audiences.get(path_id) == filters.audience)
    ]
    return Readership([cohort_scope(c) for c in sorted(chosen)], limited=True, cohorts=len(chosen))


def report_modules(session: Session, filters: Filters) -> list[ModuleLine]:
    """The modules the results list: the path's in path order, else every active module in catalogue order."""
    modules = catalogue.active_modules(session)
    if filters.path is not None:
        by_slug = {m.slug: m for m in modules}
        modules = [by_slug[s["module"]] for s in filters.path.steps if s["module"] in by_slug]
    return [ModuleLine(m.id, m.slug, m.title) for m in modules]


@dataclass(frozen=True)
class ProgrammeReport:
    period: Period
    filters: Filters
    readership: Readership
    current: ProgrammeFigures
    previous: ProgrammeFigures
    events: ProgrammeEvents
    previous_events: ProgrammeEvents


def programme_report(
    session: Session,
    reader: User | None,
    period: Period,
    filters: Filters = Filters(),
    labels: Mapping[str, Mapping[str, str]] | None = None,
) -> ProgrammeReport:
    """The figures of the period and of the one before it, as the reader may see them."""
    readers = readership(session, reader, filters)
    rows = reach_tallies.sums(
        session, readers.scopes, filters.country, period.previous.first, period.last, split=period.first
    )
    modules = report_modules(session, filters)
    scope = EventScope(
        None if reader is None or reader.role == "admin" else reader.id,
        filters.path.id if filters.path else None,
        filters.audience,
        filters.country,
    )
    return ProgrammeReport(
        period,
        filters,
        readers,
        figures_of(period, modules, rows, labels),
        figures_of(period.previous, modules, rows, labels),
        programme_events(session, period, scope),
        programme_events(session, period.previous, scope),
    )


def filter_countries(session: Session, reader: User | None) -> list[str]:
    """The countries the reader's learners gave, for the report's country filter."""
    return reach_tallies.countries(session, readership(session, reader).scopes)
