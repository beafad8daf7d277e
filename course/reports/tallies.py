"""Cohort tallies in the database: add a member's change, recount a cohort, read the sums.

`count_member` adds the difference between a member's new contribution and the one last counted
(kept on their `CohortMember` row); `recount_cohort` starts a cohort's tallies again from its
members' summaries. Increments are single upserts (`x = x + change`), applied in key order so that
concurrent transactions on PostgreSQL wait for each other instead of deadlocking.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import bindparam, delete, insert, update
from sqlmodel import Session, select

from course.events.attendance import attended_series
from course.models import CohortMember, CohortTally, ModuleSummary, StopTally, User
from course.progress.summaries import stored
from course.reports.cohort import GROUPINGS, ModuleInfo
from course.reports.contribution import TALLY_FIELDS, contribution, difference, totals
from course.upserts import insert_for

_CHUNK = 1000


def count_member(
    session: Session,
    member: CohortMember,
    modules: list[ModuleInfo],
    summaries: Mapping[int, ModuleSummary],
    user: User,
    attendance: tuple[int, int] = (0, 0),
) -> None:
    """Bring the cohort's tallies and the member's counted contribution up to date with their summaries
    (and `attendance`: how many of the path's required event series they attended, of how many)."""
    new = contribution(modules, summaries, _profile(user), attendance)
    rows, stops = difference(member.counted, new)
    _add(session, CohortTally, ("cohort_id", "grouping", "value", "module_id"), member.cohort_id, rows)
    _add(session, StopTally, ("cohort_id", "grouping", "value", "lesson_id"), member.cohort_id, stops)
    member.counted = new
    session.add(member)


def uncount_member(session: Session, cohort_id: int, counted: Mapping | None) -> None:
    """Take a member who left the cohort out of its tallies."""
    rows, stops = difference(counted, None)
    _add(session, CohortTally, ("cohort_id", "grouping", "value", "module_id"), cohort_id, rows)
    _add(session, StopTally, ("cohort_id", "grouping", "value", "lesson_id"), cohort_id, stops)


def recount_cohort(session: Session, cohort_id: int, modules: list[ModuleInfo], required: tuple[str, ...] = ()) -> None:
    """The cohort's tallies from scratch, from every member's summaries, profile and, when the path requires
    attending events of the `required` series, their attendance."""
    session.exec(delete(CohortTally).where(CohortTally.cohort_id == cohort_id))
    session.exec(delete(StopTally).where(StopTally.cohort_id == cohort_id))
    module_ids = [m.id for m in modules]
    members = session.exec(
        select(CohortMember.id, User)
        .join(User, User.id == CohortMember.user_id)
        .where(CohortMember.cohort_id == cohort_id)
    ).all()
    counted_all = []
    for start in range(0, len(members), _CHUNK):
        chunk = members[start : start + _CHUNK]
        summaries = stored(session, [user.id for _, user in chunk], module_ids)
        attended = attended_series(session, [user.id for _, user in chunk]) if required else {}
        counted = [
            (
                mid,
                contribution(
                    modules, summaries.get(user.id, {}), _profile(user), met(required, attended.get(user.id, set()))
                ),
            )
            for mid, user in chunk
        ]
        session.connection().execute(
            update(CohortMember.__table__)
            .where(CohortMember.__table__.c.id == bindparam("member_id"))
            .values(counted=bindparam("counted")),
            [{"member_id": mid, "counted": c} for mid, c in counted],
        )
        counted_all += [c for _, c in counted]
    rows, stops = totals(counted_all)
    if rows:
        session.exec(
            insert(CohortTally),
            params=[
                {
                    "cohort_id": cohort_id,
                    "grouping": g,
                    "value": v,
                    "module_id": m,
                    **{f: a.get(f, 0) for f in TALLY_FIELDS},
                }
                for (g, v, m), a in sorted(rows.items())
            ],
        )
    if stops:
        session.exec(
            insert(StopTally),
            params=[
                {"cohort_id": cohort_id, "grouping": g, "value": v, "lesson_id": lesson, "members": n}
                for (g, v, lesson), n in sorted(stops.items())
            ],
        )
    for obj in list(session.identity_map.values()):
        if isinstance(obj, CohortMember | CohortTally | StopTally):
            session.expire(obj)


def met(required: tuple[str, ...], attended: set[str]) -> tuple[int, int]:
    """(how many of the required event series were attended, how many are required)."""
    return sum(1 for series in required if series in attended), len(required)


def tally_rows(session: Session, cohort_id: int, grouping: str = "") -> list[CohortTally]:
    """The cohort's tally rows of one grouping ("" for the whole cohort)."""
    query = select(CohortTally).where(CohortTally.cohort_id == cohort_id, CohortTally.grouping == grouping)
    return list(session.exec(query))


def stop_rows(session: Session, cohort_id: int, grouping: str = "") -> list[StopTally]:
    query = select(StopTally).where(
        StopTally.cohort_id == cohort_id, StopTally.grouping == grouping, StopTally.members > 0
    )
    return list(session.exec(query))


def _profile(user: User) -> dict[str, str]:
    return {by: getattr(user, by) for by in GROUPINGS}


def _add(session: Session, model, keys: tuple[str, ...], cohort_id: int, changes: Mapping) -> None:
    """Add each change to its row, making the row when it is missing (one upsert per row, in key order)."""
    if not changes:
        return
    table = model.__table__
    upsert = insert_for(session, table)
    params = []
    for key, change in sorted(changes.items()):
        amounts = change if isinstance(change, Mapping) else {"members": change}
        params.append({**dict(zip(keys, (cohort_id, *key), strict=True)), **amounts})
    fields = [f for f in params[0] if f not in keys]
    statement = upsert.on_conflict_do_update(
        index_elements=list(keys), set_={f: table.c[f] + upsert.excluded[f] for f in fields}
    )
    session.connection().execute(statement, params)
