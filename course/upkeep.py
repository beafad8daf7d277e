"""Keep module summaries and cohort tallies in step with the records, in the transaction that changes them.

Every session notes, as it flushes, whose records changed: lesson progress, attempts, path
enrolments, quiz extensions and event attendance (their learner, whose `progress_version` moves so that cached pages of theirs are redone), cohort memberships, the profile fields that reports group by, a cohort's path, the
curriculum (lessons, quizzes, paths; a quiz, site-settings or library change also moves the catalogue's revision), and events whose
attendance stops or starts counting (a series changed, an event or session cancelled: their attendees). Just before the transaction commits, the summaries of those
learners are worked out again from their records and the difference is added to the tallies of
their cohorts (`course.reports.tallies`). A learner's row is locked first, so two transactions for
the same learner take turns. The programme tallies (`course.reports.reach_tallies`) are brought up to date
for those learners too, and for people who registered, were certified (or lost a certificate), changed role
or left a cohort. Writes that bypass the ORM (Core `insert`/`update` of these tables)
are not seen: after such bulk loads run `rebuild` (`flask course rebuild-standing`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import event, inspect, update
from sqlmodel import Session, select

from course.content import catalogue
from course.events.attendance import attended_series, attendees
from course.models import (
    ActionPlan,
    Attempt,
    Attendance,
    Certificate,
    Cohort,
    CohortMember,
    CohortTally,
    Event,
    EventSession,
    LearningPath,
    Lesson,
    LessonProgress,
    LibraryEntry,
    Module,
    ModuleSummary,
    PathEnrolment,
    Quiz,
    QuizExtension,
    Reflection,
    SiteSettings,
    StopTally,
    User,
)
from course.progress import summaries
from course.reports import queries, reach_tallies, tallies
from course.reports.cohort import GROUPINGS

_PENDING = "standing_pending"
_CHUNK = 1000  # learners brought up to date at a time
_APPLYING = "standing_applying"


@dataclass
class Pending:
    learners: set[int] = field(default_factory=set)
    left: list[tuple[int, dict | None]] = field(default_factory=list)  # (cohort id, what the member counted)
    cohorts: set[int] = field(default_factory=set)  # recount from scratch
    modules: set[int] = field(default_factory=set)  # curriculum changed: everyone in them again
    paths: set[int] = field(default_factory=set)
    events: set[int] = field(default_factory=set)  # whether attending them counts changed: their attendees again
    catalogue_changed: bool = False  # cached quizzes, site settings or library entries are out of date
    pages: set[int] = field(default_factory=set)  # learners whose pages change but not their figures (a plan)
    reach: set[int] = field(default_factory=set)  # only their programme figures moved
    people: list = field(default_factory=list)  # new users: their ids are known once flushed

    def __bool__(self) -> bool:
        return bool(
            self.learners
            or self.left
            or self.cohorts
            or self.modules
            or self.paths
            or self.events
            or self.catalogue_changed
            or self.pages
            or self.reach
            or self.people
        )


def install() -> None:
    """Listen on every session (idempotent)."""
    if not event.contains(Session, "before_flush", _note_changes):
        event.listen(Session, "before_flush", _note_changes)
        event.listen(Session, "before_commit", _bring_up_to_date)
        event.listen(Session, "after_rollback", _forget)


def note_learner(session: Session, user_id: int) -> None:
    """Tell the upkeep that a learner's records changed by a Core statement, which it cannot see."""
    session.info.setdefault(_PENDING, Pending()).learners.add(user_id)


def changed_in_transaction(session: Session) -> bool:
    """Whether this transaction changed records that figures are derived from (flushing what is pending first):
    caches keyed by `progress_version` or the catalogue revision must not be read until it commits."""
    if session.new or session.dirty or session.deleted:
        session.flush()
    return bool(session.info.get(_PENDING))


def _note_changes(session: Session, _context, _instances) -> None:
    if session.info.get(_APPLYING):
        return
    pending = session.info.setdefault(_PENDING, Pending())
    for obj in (*session.new, *session.dirty):
        if obj in session.dirty and not session.is_modified(obj):
            continue
        _note(pending, obj, deleted=False)
    for obj in session.deleted:
        _note(pending, obj, deleted=True)


# Fields whose change moves a summary or a tally (any change of a new or deleted row does).
_ATTEMPT_FIELDS = ("state", "score", "needs_grading", "practice", "quiz_id", "submitted_at")
_QUIZ_FIELDS = ("module_id", "kind", "pass_mark", "grading_method", "archived")
_LESSON_FIELDS = ("module_id", "archived")


# Rows a learner's own pages show (lesson pages kept by progress_version) that no figure is derived from.
_ON_PAGES = (ActionPlan, Reflection)


def _note(pending: Pending, obj, deleted: bool) -> None:
    if isinstance(obj, _ON_PAGES):
        pending.pages.add(obj.user_id)
        return
    if isinstance(obj, Quiz | SiteSettings | LibraryEntry):
        pending.catalogue_changed = True
    _note_reach(pending, obj, deleted)
    if isinstance(obj, LessonProgress | PathEnrolment | QuizExtension | Attendance) or (
        isinstance(obj, Attempt) and (deleted or _changed(obj, _ATTEMPT_FIELDS))
    ):
        pending.learners.add(obj.user_id)
    elif isinstance(obj, CohortMember):
        if deleted:
            pending.left.append((obj.cohort_id, obj.counted))
        elif obj.counted is None:
            pending.learners.add(obj.user_id)
    elif isinstance(obj, User) and obj.id is not None and _changed(obj, GROUPINGS):
        pending.learners.add(obj.id)
    elif isinstance(obj, Cohort) and obj.id is not None and not deleted and _changed(obj, ("path_id",)):
        pending.cohorts.add(obj.id)
    elif isinstance(obj, Lesson | Quiz) and (
        deleted or _changed(obj, _QUIZ_FIELDS if isinstance(obj, Quiz) else _LESSON_FIELDS)
    ):
        history = inspect(obj).attrs["module_id"].history
        pending.modules.update(m for m in (obj.module_id, *history.deleted) if m is not None)
    elif isinstance(obj, Module) and obj.id is not None and (deleted or _changed(obj, ("archived",))):
        pending.modules.add(obj.id)
    elif (
        isinstance(obj, LearningPath)
        and obj.id is not None
        and (deleted or _changed(obj, ("steps", "attendance", "archived")))
    ):
        pending.paths.add(obj.id)
    elif isinstance(obj, Event) and obj.id is not None and (deleted or _changed(obj, ("series", "cancelled_at"))):
        pending.events.add(obj.id)
    elif isinstance(obj, EventSession) and (deleted or _changed(obj, ("cancelled_at",))):
        pending.events.add(obj.event_id)  # the sessions an attendee must have been at changed


def _note_reach(pending: Pending, obj, deleted: bool) -> None:
    """Changes that move only the programme figures: a certificate, a member leaving, a new account, a role."""
    if isinstance(obj, Certificate) or (isinstance(obj, CohortMember) and deleted):
        pending.reach.add(obj.user_id)
    elif isinstance(obj, User) and not deleted:
        if obj.id is None:
            pending.people.append(obj)
        elif _changed(obj, ("role",)):
            pending.reach.add(obj.id)


def _changed(obj, names) -> bool:
    state = inspect(obj)
    return state.pending or any(state.attrs[name].history.has_changes() for name in names)


def _forget(session: Session, *_args) -> None:
    session.info.pop(_PENDING, None)


def _bring_up_to_date(session: Session) -> None:
    if session.info.get(_APPLYING):
        return
    session.flush()
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    session.info[_APPLYING] = True
    try:
        _apply(session, pending)
        session.flush()
    finally:
        session.info.pop(_APPLYING, None)


def _apply(session: Session, pending: Pending) -> None:
    if pending.catalogue_changed:
        catalogue.record_change(session)
    for cohort_id, counted in pending.left:
        tallies.uncount_member(session, cohort_id, counted)
    course = summaries.curriculum(session)
    learners = set(pending.learners)
    if pending.events:
        learners |= attendees(session, pending.events)
    if pending.modules:
        learners |= summaries.learners_in_modules(session, course, pending.modules)
    cohorts = set(pending.cohorts)
    if pending.paths or pending.modules:  # what a path's modules hold, or which they are, changed
        cohorts |= set(session.exec(select(Cohort.id)))
    ordered = sorted(learners)
    chunks = [set(ordered[start : start + _CHUNK]) for start in range(0, len(ordered), _CHUNK)]
    for chunk in chunks:  # a curriculum change can reach every learner: a statement takes 65 535 parameters at most
        _lock(session, chunk)
        session.exec(update(User).where(User.id.in_(sorted(chunk))).values(progress_version=User.progress_version + 1))
        note_users_changed(session, chunk)
        rows = [row for _, user_rows in summaries.summaries_of(session, course, chunk) for row in user_rows]
        summaries.write(session, chunk, rows)
    if learners:
        expire(session, User, ("progress_version",))
        expire(session, ModuleSummary)
    _move_page_versions(session, pending.pages - learners)
    for cohort_id in sorted(cohorts):
        tallies.recount_cohort(session, cohort_id, _modules(session, cohort_id), _required(session, cohort_id))
    for chunk in chunks:
        _count_members(session, chunk, cohorts)
    reach_tallies.count_learners(session, _reach_learners(session, pending, learners, cohorts))


def _reach_learners(session: Session, pending: Pending, learners: set[int], cohorts: set[int]) -> set[int]:
    """Whose programme facts may have moved: learners brought up to date, the members of recounted cohorts,
    the followers of changed paths, and the people noted for their programme figures alone."""
    found = learners | pending.reach | {person.id for person in pending.people if person.id is not None}
    if cohorts:
        found |= set(session.exec(select(CohortMember.user_id).where(CohortMember.cohort_id.in_(sorted(cohorts)))))
    if pending.paths or pending.modules:
        found |= set(session.exec(select(PathEnrolment.user_id).distinct()))
    return found


USERS_CHANGED = "users_changed"  # in session.info: ids of the user rows this transaction changed


def note_users_changed(session: Session, user_ids) -> None:
    """Say which user rows this transaction changed, for whoever keeps copies of them (course/web/auth/kept_users.py
    waits after the commit until its process has heard of them)."""
    session.info.setdefault(USERS_CHANGED, set()).update(user_ids)


def _move_page_versions(session: Session, learners: set[int]) -> None:
    """Move the progress_version of learners whose pages changed (their kept pages are redone)."""
    if learners:
        session.exec(
            update(User).where(User.id.in_(sorted(learners))).values(progress_version=User.progress_version + 1)
        )
        note_users_changed(session, learners)
        expire(session, User, ("progress_version",))


def _lock(session: Session, learners: set[int]) -> None:
    """Row locks on the learners (PostgreSQL): a second transaction for the same learner waits for this one.

    FOR NO KEY UPDATE, not FOR UPDATE: inserting a row that refers to the user (a first visit) takes a key-share
    lock on it, and a transaction doing that while waiting for this one must not be waited for in turn."""
    if session.get_bind().dialect.name == "postgresql":
        query = select(User.id).where(User.id.in_(sorted(learners))).order_by(User.id)
        session.exec(query.with_for_update(key_share=True))


def _count_members(session: Session, learners: set[int], recounted: set[int]) -> None:
    members = session.exec(
        select(CohortMember, User)
        .join(User, User.id == CohortMember.user_id)
        .where(CohortMember.user_id.in_(sorted(learners)), CohortMember.cohort_id.not_in(sorted(recounted) or [-1]))
        .order_by(CohortMember.cohort_id, CohortMember.user_id)
    ).all()
    if not members:
        return
    stored = summaries.stored(session, sorted(learners))
    cohorts = sorted({member.cohort_id for member, _ in members})
    modules = {cohort_id: _modules(session, cohort_id) for cohort_id in cohorts}
    required = {cohort_id: _required(session, cohort_id) for cohort_id in cohorts}
    attended = attended_series(session, learners) if any(required.values()) else {}
    for member, user in members:
        cohort_id = member.cohort_id
        met = tallies.met(required[cohort_id], attended.get(user.id, set()))
        tallies.count_member(session, member, modules[cohort_id], stored.get(user.id, {}), user, met)


def expire(session: Session, model, fields: tuple[str, ...] | None = None) -> None:
    """Forget the loaded rows of one table, or these fields of them (after Core statements changed them
    behind the session's back)."""
    for obj in list(session.identity_map.values()):
        if isinstance(obj, model):
            session.expire(obj, fields)


def _modules(session: Session, cohort_id: int):
    return queries.cohort_modules(session, session.get(Cohort, cohort_id))


def _required(session: Session, cohort_id: int) -> tuple[str, ...]:
    return queries.cohort_attendance(session, session.get(Cohort, cohort_id))


def rebuild(session: Session, cohort_id: int | None = None) -> None:
    """Every summary and cohort tally again from the records, or those of one cohort's members and that
    cohort (after a bulk load of it); the caller commits."""
    course = summaries.curriculum(session)
    if cohort_id is None:
        learners, cohorts = None, list(session.exec(select(Cohort.id).order_by(Cohort.id)))
        session.exec(CohortTally.__table__.delete())
        session.exec(StopTally.__table__.delete())
    else:
        learners = set(session.exec(select(CohortMember.user_id).where(CohortMember.cohort_id == cohort_id)))
        cohorts = [cohort_id]
    rows = (row for _, user_rows in summaries.summaries_of(session, course, learners) for row in user_rows)
    summaries.write(session, learners, rows)
    moved = update(User).values(progress_version=User.progress_version + 1)
    if learners is None:
        session.exec(moved)
    else:
        ordered = sorted(learners)
        for start in range(0, len(ordered), _CHUNK):
            session.exec(moved.where(User.id.in_(ordered[start : start + _CHUNK])))
    expire(session, User, ("progress_version",))
    for cohort in cohorts:
        tallies.recount_cohort(session, cohort, _modules(session, cohort), _required(session, cohort))
    if learners is None:
        reach_tallies.recount(session)
    else:
        reach_tallies.count_learners(session, learners)
    session.info.pop(_PENDING, None)
