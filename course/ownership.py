"""Who may see and change staff objects: the one home of the ownership rule (docs/security.md).

Cohorts, question banks, quizzes, events and study tours have an owner (the instructor who created them; None: admin-managed)
and co-instructors. An admin manages everything; an instructor manages what they own or co-teach, reads
banks their owners marked shared, and reaches a trainee (essays, certificates) only through a cohort they
manage. Views ask `may_manage` / `may_read` for one object and filter lists with `managed` / `readable`.
A practice case a user submitted is seen by its author and the admins until it is published, then by
everyone (`may_read_practice_case`); only its author writes it (`wrote`). The caller commits.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, true
from sqlmodel import Session, select

from course.models import (
    Cohort,
    CohortMember,
    CoInstructor,
    Event,
    PracticeCase,
    Question,
    QuestionBank,
    Quiz,
    StudyTour,
    User,
)

Owned = Cohort | QuestionBank | Quiz | Event | StudyTour
OWNED_TYPES = {"cohort": Cohort, "questionbank": QuestionBank, "quiz": Quiz, "event": Event, "studytour": StudyTour}


class NotAnInstructor(ValueError):
    """Only instructors can co-teach."""


def kind_of(obj: Owned) -> str:
    return obj.__tablename__


def _is_admin(user: User) -> bool:
    return user.is_authenticated and user.role == "admin"


def _is_instructor(user: User) -> bool:
    return user.is_authenticated and user.role == "instructor"


def managed(user: User, model) -> ColumnElement:
    """A WHERE clause: the rows of `model` (Cohort, QuestionBank, Quiz, Event, StudyTour) the user may change."""
    if _is_admin(user):
        return true()
    if not _is_instructor(user):
        return false()
    return run_by(user.id, model)


def run_by(user_id: int, model) -> ColumnElement:
    """A WHERE clause: the rows of `model` this instructor owns or co-teaches (what `managed` gives them)."""
    co_taught = select(CoInstructor.object_id).where(
        CoInstructor.object_type == model.__tablename__, CoInstructor.user_id == user_id
    )
    return (model.owner_id == user_id) | model.id.in_(co_taught)


def readable(user: User, model) -> ColumnElement:
    """A WHERE clause: the rows the user may see; shared banks are readable by every instructor."""
    clause = managed(user, model)
    if model is QuestionBank and _is_instructor(user):
        clause = clause | (QuestionBank.shared == True)
    return clause


def may_manage(session: Session, user: User, obj: Owned) -> bool:
    """Whether the user may change the object (and see it)."""
    if _is_admin(user):
        return True
    if not _is_instructor(user):
        return False
    return obj.owner_id == user.id or co_teaches(session, user, obj)


def may_read(session: Session, user: User, obj: Owned) -> bool:
    """Whether the user may see the object: what they manage, and shared banks for instructors."""
    if isinstance(obj, QuestionBank) and obj.shared and _is_instructor(user):
        return True
    return may_manage(session, user, obj)


def may_share(user: User, obj: Owned) -> bool:
    """Only the owner or an admin adds or removes co-instructors and shares a bank."""
    return _is_admin(user) or (_is_instructor(user) and obj.owner_id == user.id)


def co_teaches(session: Session, user: User, obj: Owned) -> bool:
    return (
        session.exec(
            select(CoInstructor.id).where(
                CoInstructor.object_type == kind_of(obj),
                CoInstructor.object_id == obj.id,
                CoInstructor.user_id == user.id,
            )
        ).first()
        is not None
    )


def bank_of(session: Session, question: Question) -> QuestionBank:
    return session.get(QuestionBank, question.bank_id)


def taught_trainees(user: User):
    """A subquery of the user ids of trainees in cohorts the user manages (every user for an admin)."""
    if _is_admin(user):
        return select(User.id)
    return select(CohortMember.user_id).join(Cohort, CohortMember.cohort_id == Cohort.id).where(managed(user, Cohort))


def teaches(session: Session, user: User, trainee_id: int) -> bool:
    """Whether the user may reach this trainee's work (essays, certificates): admin, or a cohort they manage."""
    if _is_admin(user):
        return True
    if not _is_instructor(user):
        return False
    return session.exec(taught_trainees(user).where(CohortMember.user_id == trainee_id)).first() is not None


def co_instructors(session: Session, obj: Owned) -> list[User]:
    """The object's co-instructors, by name."""
    return list(
        session.exec(
            select(User)
            .join(CoInstructor, CoInstructor.user_id == User.id)
            .where(CoInstructor.object_type == kind_of(obj), CoInstructor.object_id == obj.id)
            .order_by(User.name, User.id)
        )
    )


def add_co_instructor(session: Session, obj: Owned, user: User, *, added_by: int) -> bool:
    """Let an instructor manage the object; False when they already could (owner or co-instructor)."""
    if user.role != "instructor":
        raise NotAnInstructor(user.email)
    if obj.owner_id == user.id or co_teaches(session, user, obj):
        return False
    session.add(CoInstructor(object_type=kind_of(obj), object_id=obj.id, user_id=user.id, added_by=added_by))
    session.flush()
    return True


def remove_co_instructor(session: Session, obj: Owned, user_id: int) -> bool:
    """Take a co-instructor off the object; False when they were not one."""
    row = session.exec(
        select(CoInstructor).where(
            CoInstructor.object_type == kind_of(obj), CoInstructor.object_id == obj.id, CoInstructor.user_id == user_id
        )
    ).first()
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


# --- Trainees' own work shared with their cohort (reflections, action plans) ------------------------------
# The author always sees it; so do the members of any cohort the author belongs to (their peers), the
# instructors who manage such a cohort, and admins. Only those instructors and admins moderate it.


def shares_cohort(session: Session, user_id: int, other_id: int) -> bool:
    """Whether two people are members of one cohort."""
    mine = select(CohortMember.cohort_id).where(CohortMember.user_id == user_id)
    found = session.exec(
        select(CohortMember.id).where(CohortMember.user_id == other_id, CohortMember.cohort_id.in_(mine))
    ).first()
    return found is not None


def may_see_work(session: Session, user: User, author_id: int) -> bool:
    """Whether the user may read work the author shared with their cohort."""
    if not user.is_authenticated:
        return False
    if user.id == author_id or teaches(session, user, author_id):
        return True
    return shares_cohort(session, user.id, author_id)


def may_moderate_work(session: Session, user: User, author_id: int) -> bool:
    """Whether the user may hide replies and reviews on the author's work: an admin, or an instructor of theirs."""
    return teaches(session, user, author_id)


def work_readers(user: User):
    """A subquery of the authors whose shared work the user may read (besides their own): cohort peers for
    a member, trainees of the cohorts they manage for an instructor, everyone for an admin."""
    if _is_admin(user):
        return select(User.id)
    if _is_instructor(user):
        return taught_trainees(user)
    mine = select(CohortMember.cohort_id).where(CohortMember.user_id == user.id)
    return select(CohortMember.user_id).where(CohortMember.cohort_id.in_(mine), CohortMember.user_id != user.id)


def wrote(user: User, case: PracticeCase) -> bool:
    """Whether the user is the practice case's author (the one who may edit and submit it)."""
    return user.is_authenticated and case.author_id == user.id


def may_read_practice_case(user: User, case: PracticeCase) -> bool:
    """A published practice case: everyone who may read the site; before that: its author and the admins."""
    return case.status == "published" or wrote(user, case) or _is_admin(user)
