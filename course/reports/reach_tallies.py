"""Programme tallies in the database: count learners' changes, recount everyone, read the sums.

`count_learners` works out the facts (`course.reports.reach`) of some learners again and adds the
difference from what their `ProgrammeLearner` row last counted; `course.upkeep` calls it in the
transaction that changed their records. `recount` starts every tally again from the summaries. The report
reads sums over a range of months (`sums`): a few hundred rows a month, whatever the number of learners.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from sqlalchemy import Integer, case, cast, delete, func, insert, literal, null, union_all
from sqlmodel import Session, select

from course.content import catalogue
from course.models import (
    Certificate,
    Cohort,
    CohortMember,
    ModuleSummary,
    PathEnrolment,
    ProgrammeLearner,
    ProgrammeTally,
    User,
)
from course.reports.cohort import GROUPINGS
from course.reports.reach import (
    LEARNER_ROLES,
    TALLY_FIELDS,
    Learner,
    PathPlan,
    Programme,
    difference,
    learner_facts,
    totals,
)
from course.upserts import insert_for

_CHUNK = 1000  # learners read at a time (a statement takes at most 65 535 parameters)
_BATCH = 5000
KEYS = ("scope", "country", "month", "grouping", "value", "measure", "module_id")
_SUMMARY_COLUMNS = (
    ModuleSummary.user_id,
    ModuleSummary.module_id,
    ModuleSummary.complete,
    ModuleSummary.completed_at,
    ModuleSummary.passed,
    ModuleSummary.pre_score,
    ModuleSummary.post_score,
    ModuleSummary.first_active_at,
    ModuleSummary.quiz_taken_at,
    ModuleSummary.gain_at,
)


def programme(session: Session) -> Programme:
    """The active paths and modules, from the cached catalogue."""
    modules = catalogue.active_modules(session)
    ids = {m.slug: m.id for m in modules}
    paths = {
        p.id: PathPlan(p.id, p.audience, tuple((s["module"], ids[s["module"]]) for s in p.steps if s["module"] in ids))
        for p in catalogue.active_paths(session)
    }
    return Programme(paths, tuple(m.id for m in modules))


def count_learners(session: Session, user_ids: Iterable[int]) -> None:
    """Bring the programme tallies up to date with these learners' records (the caller commits)."""
    ordered = sorted(set(user_ids))
    if not ordered:
        return
    plan = programme(session)
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        learners, counted = _learners(session, chunk)
        changes: dict[tuple, dict] = {}
        stored = []
        for uid in chunk:
            new = learner_facts(learners[uid], plan) if uid in learners else None
            if (counted[uid] == new) if uid in counted else new is None:
                continue  # nothing moved, or staff never counted
            for key, change in difference(counted.get(uid), new).items():
                into = changes.setdefault(key, dict.fromkeys(TALLY_FIELDS, 0))
                for name, amount in change.items():
                    into[name] += amount
            stored.append({"user_id": uid, "counted": new})
        add_changes(session, changes)
        _store(session, stored)


def recount(session: Session) -> None:
    """Every learner's facts and the tallies from scratch, from the summaries (a rebuild; the caller commits)."""
    session.exec(delete(ProgrammeTally))
    session.exec(delete(ProgrammeLearner))
    plan = programme(session)
    ids = list(session.exec(select(User.id).where(User.role.in_(LEARNER_ROLES)).order_by(User.id)))
    facts = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        learners, _ = _learners(session, chunk)
        rows = [{"user_id": uid, "counted": learner_facts(learners[uid], plan)} for uid in chunk]
        session.exec(insert(ProgrammeLearner), params=rows)
        facts += [row["counted"] for row in rows]
    rows = [dict(zip(KEYS, key, strict=True)) | dict(amounts) for key, amounts in sorted(totals(facts).items())]
    for start in range(0, len(rows), _BATCH):
        session.exec(
            insert(ProgrammeTally), params=[dict.fromkeys(TALLY_FIELDS, 0) | r for r in rows[start : start + _BATCH]]
        )
    _forget_loaded(session)


def _learners(session: Session, user_ids: list[int]) -> tuple[dict[int, Learner], dict[int, dict | None]]:
    """These people's rows as `Learner`s, and what each last counted (absent: never counted). Three statements:
    upkeep runs this in every transaction that changes a learner's records."""
    people = session.exec(
        select(User.id, User.role, User.created_at, ProgrammeLearner.user_id, ProgrammeLearner.counted)
        .add_columns(*(getattr(User, by) for by in GROUPINGS))
        .outerjoin(ProgrammeLearner, ProgrammeLearner.user_id == User.id)
        .where(User.id.in_(user_ids))
    ).all()
    ties: dict[str, dict[int, dict]] = {"path": {}, "cohort": {}, "certificate": {}}
    for kind, uid, path_id, cohort_id, moment in session.exec(_ties(user_ids)):
        if kind == "cohort":
            ties[kind].setdefault(uid, {})[cohort_id] = (path_id, moment)
        else:
            ties[kind].setdefault(uid, {})[path_id] = moment
    summaries: dict[int, dict] = {}
    for row in session.exec(select(*_SUMMARY_COLUMNS).where(ModuleSummary.user_id.in_(user_ids))):
        summaries.setdefault(row.user_id, {})[row.module_id] = row
    learners = {
        uid: Learner(
            role,
            created,
            dict(zip(GROUPINGS, profile, strict=True)),
            ties["path"].get(uid, {}),
            ties["cohort"].get(uid, {}),
            ties["certificate"].get(uid, {}),
            summaries.get(uid, {}),
        )
        for uid, role, created, _, _, *profile in people
    }
    counted = {uid: facts for uid, _, _, kept, facts, *_ in people if kept is not None}
    return learners, counted


def _ties(user_ids: list[int]):
    """(kind, user, path, cohort, since) of the paths they chose, the cohorts they are in and their valid
    certificates, in one statement."""
    nothing = cast(null(), Integer)
    return union_all(
        select(literal("path"), PathEnrolment.user_id, PathEnrolment.path_id, nothing, PathEnrolment.chosen_at).where(
            PathEnrolment.user_id.in_(user_ids)
        ),
        select(
            literal("cohort"), CohortMember.user_id, Cohort.path_id, CohortMember.cohort_id, CohortMember.enrolled_at
        )
        .join(Cohort, Cohort.id == CohortMember.cohort_id)
        .where(CohortMember.user_id.in_(user_ids)),
        select(literal("certificate"), Certificate.user_id, Certificate.path_id, nothing, Certificate.issued_at).where(
            Certificate.user_id.in_(user_ids), Certificate.revoked_at.is_(None)
        ),
    )


def add_changes(session: Session, changes: Mapping[tuple, Mapping]) -> None:
    """Add each change to its row, making the row when missing (upserts in key order: no deadlocks)."""
    if not changes:
        return
    table = ProgrammeTally.__table__
    upsert = insert_for(session, table)
    statement = upsert.on_conflict_do_update(
        index_elements=list(KEYS), set_={f: table.c[f] + upsert.excluded[f] for f in TALLY_FIELDS}
    )
    params = [dict(zip(KEYS, key, strict=True)) | dict(change) for key, change in sorted(changes.items())]
    session.connection().execute(statement, params)


def _store(session: Session, rows: list[dict]) -> None:
    if not rows:
        return
    table = ProgrammeLearner.__table__
    upsert = insert_for(session, table)
    statement = upsert.on_conflict_do_update(index_elements=["user_id"], set_={"counted": upsert.excluded.counted})
    session.connection().execute(statement, rows)
    _forget_loaded(session)


def _forget_loaded(session: Session) -> None:
    for obj in list(session.identity_map.values()):
        if isinstance(obj, ProgrammeLearner | ProgrammeTally):
            session.expire(obj)


class TallySum(NamedTuple):
    month: str
    grouping: str
    value: str
    measure: str
    module_id: int
    n: int
    pre_sum: float
    post_sum: float


def sums(
    session: Session, scopes: list[str], country: str, first: str, last: str, split: str | None = None
) -> list[TallySum]:
    """The tallies of these scopes (added up) from month `first` to `last`, for one country or every ("").

    The whole programme's and each module's rows come month by month; the rows per profile group (as many as
    the countries learners gave) come added up over the months before `split` (labelled `first`) and from
    `split` on (labelled `split`): one statement, whose rows do not grow with the months asked for."""
    if not scopes:
        return []
    t = ProgrammeTally
    split = split or first
    amounts = (func.sum(t.n), func.sum(t.pre_sum), func.sum(t.post_sum))
    keys = (t.grouping, t.value, t.measure, t.module_id)
    chosen = (t.scope.in_(scopes), t.country == country, t.month >= first, t.month <= last)
    bucket = case((t.month >= split, literal(split)), else_=literal(first))
    monthly = select(t.month, *keys, *amounts).where(*chosen, t.grouping == "").group_by(t.month, *keys)
    grouped = select(bucket, *keys, *amounts).where(*chosen, t.grouping != "").group_by(bucket, *keys)
    rows = session.connection().execute(union_all(monthly, grouped))
    return [TallySum(*row[:5], int(row[5] or 0), float(row[6] or 0), float(row[7] or 0)) for row in rows]


def countries(session: Session, scopes: list[str]) -> list[str]:
    """Every country that learners of these scopes gave, for the report's filter."""
    if not scopes:
        return []
    t = ProgrammeTally
    query = (
        select(t.value)
        .where(
            t.scope.in_(scopes),
            t.country == "",
            t.grouping == "country",
            t.value != "",
            t.measure == "registered",
            t.n > 0,
        )
        .distinct()
    )
    return sorted(session.exec(query), key=str.casefold)
