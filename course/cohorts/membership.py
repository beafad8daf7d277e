"""Cohorts and their members: create, list, enrol one trainee or a whole roster. The caller commits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from sqlalchemy import ColumnElement, true
from sqlmodel import Session, func, select

from course import accounts
from course.cohorts import invitations
from course.cohorts.roster import RosterRow
from course.models import Cohort, CohortMember, LearningPath, Role, User
from course.progress import enrolments

LOOKUP_CHUNK = 500  # keeps IN (...) lists well under every database's parameter limit


@dataclass(frozen=True)
class CohortListing:
    """A cohort as the cohort lists show it."""

    cohort: Cohort
    path: LearningPath | None
    members: int


@dataclass(frozen=True)
class Invited:
    user: User
    token: str


@dataclass
class Enrolment:
    """What adding people to a cohort did."""

    invited: list[Invited] = field(default_factory=list)
    added: list[User] = field(default_factory=list)
    already_members: list[User] = field(default_factory=list)


def due_at(day: date | None) -> datetime | None:
    """A due date as the end of that day in UTC, so work done on the day counts as on time."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=UTC) if day else None


def cohort_by_name(session: Session, name: str) -> Cohort | None:
    return session.exec(select(Cohort).where(func.lower(Cohort.name) == name.strip().lower())).first()


def create_cohort(
    session: Session,
    *,
    name: str,
    path: LearningPath,
    due_date: datetime | None,
    created_by: int,
    owner_id: int | None = None,
) -> Cohort:
    cohort = Cohort(name=name.strip(), path_id=path.id, due_date=due_date, created_by=created_by, owner_id=owner_id)
    session.add(cohort)
    session.flush()
    return cohort


def list_cohorts(session: Session, where: ColumnElement | None = None) -> list[CohortListing]:
    """Active cohorts, newest first, with their path and member count; `where` narrows them (course/ownership.py)."""
    counts = dict(session.exec(select(CohortMember.cohort_id, func.count()).group_by(CohortMember.cohort_id)).all())
    rows = session.exec(
        select(Cohort, LearningPath)
        .outerjoin(LearningPath, Cohort.path_id == LearningPath.id)
        .where(Cohort.archived == False, true() if where is None else where)
        .order_by(Cohort.created_at.desc(), Cohort.id.desc())
    )
    return [CohortListing(cohort, path, counts.get(cohort.id, 0)) for cohort, path in rows]


def members(session: Session, cohort_id: int) -> list[tuple[CohortMember, User]]:
    """A cohort's members with their accounts, by name."""
    query = (
        select(CohortMember, User)
        .join(User, CohortMember.user_id == User.id)
        .where(CohortMember.cohort_id == cohort_id)
        .order_by(func.lower(User.name), User.id)
    )
    return list(session.exec(query).all())


class NameRequired(ValueError):
    """An unknown email was given without the name a new account needs."""


def is_member(session: Session, cohort_id: int, user_id: int) -> bool:
    return user_id in _member_ids(session, cohort_id, user_id)


def enrol_one(session: Session, *, cohort: Cohort, email: str, name: str = "", **profile) -> Enrolment:
    """Add one person by email; an unknown email needs `name` and gets a new, invited account."""
    if not name.strip() and accounts.find_user(session, email=email) is None:
        raise NameRequired(email)
    row = RosterRow(
        0,
        name.strip(),
        accounts.normalise_email(email),
        profile.get("organisation", ""),
        profile.get("org_type", "other"),
        profile.get("country", ""),
    )
    return enrol_roster(session, cohort=cohort, rows=[row])


def enrol_roster(session: Session, *, cohort: Cohort, rows: list[RosterRow]) -> Enrolment:
    """Add every row to the cohort, creating invited accounts for unknown emails (each is emailed its invitation
    link), and put all of them on the cohort's path with its due date. Existing accounts and members are left as
    they are."""
    result = Enrolment()
    known = _users_by_email(session, [row.email for row in rows])
    current = _member_ids(session, cohort.id)
    path = session.get(LearningPath, cohort.path_id) if cohort.path_id else None
    seen: set[str] = set()
    # Each person comes once, so the enrolment look-ups need not flush first: that halves the
    # database round trips of a 5000-row roster.
    with session.no_autoflush:
        for row in rows:
            if row.email in seen:
                continue
            seen.add(row.email)
            user = known.get(row.email) or _create_invited(session, row, cohort, result)
            _add_member(session, cohort, user, current, result)
            if path is not None:
                enrolments.enrol(session, user_id=user.id, path=path, due_date=cohort.due_date)
    return result


def _add_member(session: Session, cohort: Cohort, user: User, current: set[int], result: Enrolment) -> None:
    if user.id in current:
        result.already_members.append(user)
        return
    session.add(CohortMember(cohort_id=cohort.id, user_id=user.id))
    current.add(user.id)
    result.added.append(user)


def _create_invited(session: Session, row: RosterRow, cohort: Cohort, result: Enrolment) -> User:
    user = accounts.create_user(
        session,
        email=row.email,
        name=row.name,
        password=None,
        role=Role.trainee.value,
        organisation=row.organisation,
        org_type=row.org_type,
        country=row.country,
    )
    token = invitations.invite(session, user=user)
    invitations.send(session, user=user, token=token, cohort=cohort.name)
    result.invited.append(Invited(user, token))
    return user


def _users_by_email(session: Session, emails: list[str]) -> dict[str, User]:
    found: dict[str, User] = {}
    for start in range(0, len(emails), LOOKUP_CHUNK):
        chunk = emails[start : start + LOOKUP_CHUNK]
        found |= {user.email: user for user in session.exec(select(User).where(User.email.in_(chunk)))}
    return found


def _member_ids(session: Session, cohort_id: int, user_id: int | None = None) -> set[int]:
    query = select(CohortMember.user_id).where(CohortMember.cohort_id == cohort_id)
    if user_id is not None:
        query = query.where(CohortMember.user_id == user_id)
    return set(session.exec(query))
