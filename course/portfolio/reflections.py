"""Reflections and their replies: data functions that take a Session and never commit."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from course import audit, ownership
from course.models import Lesson, Module, Reflection, ReflectionReply, User
from course.models.base import utcnow

TEXT_MAX = 10_000


class ReflectionProblem(ValueError):
    """What the writer must fix; nothing was saved. The message is a code the web layer words: "empty",
    "too_long" (longer than TEXT_MAX) or "not_shared" (a reply to a reflection no longer shared)."""

    @property
    def code(self) -> str:
        return self.args[0]


def _checked(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ReflectionProblem("empty")
    if len(text) > TEXT_MAX:
        raise ReflectionProblem("too_long")
    return text


def reflection_of(session: Session, user_id: int, lesson_id: int) -> Reflection | None:
    return session.exec(
        select(Reflection).where(Reflection.user_id == user_id, Reflection.lesson_id == lesson_id)
    ).first()


def save_reflection(session: Session, *, user_id: int, lesson: Lesson, text: str, shared: bool) -> Reflection:
    """The learner's answer to the lesson's reflection question, new or edited."""
    text = _checked(text)
    reflection = reflection_of(session, user_id, lesson.id)
    if reflection is None:
        reflection = Reflection(user_id=user_id, lesson_id=lesson.id)
        session.add(reflection)
    reflection.text, reflection.shared, reflection.updated_at = text, shared, utcnow()
    session.flush()
    return reflection


@dataclass(frozen=True)
class Entry:
    reflection: Reflection
    lesson: Lesson
    module: Module
    author: User | None = None
    replies: int = 0


def portfolio(session: Session, user_id: int) -> list[Entry]:
    """The learner's reflections in course order (module, then lesson)."""
    rows = session.exec(
        select(Reflection, Lesson, Module)
        .join(Lesson, Lesson.id == Reflection.lesson_id)
        .join(Module, Module.id == Lesson.module_id)
        .where(Reflection.user_id == user_id)
        .order_by(Module.position, Lesson.position)
    ).all()
    return [Entry(reflection, lesson, module) for reflection, lesson, module in rows]


def shared_with(session: Session, user: User) -> list[Entry]:
    """Reflections that cohort peers (or, for staff, their trainees) shared, newest first."""
    rows = session.exec(
        select(Reflection, Lesson, Module, User)
        .join(Lesson, Lesson.id == Reflection.lesson_id)
        .join(Module, Module.id == Lesson.module_id)
        .join(User, User.id == Reflection.user_id)
        .where(Reflection.shared == True, Reflection.user_id.in_(ownership.work_readers(user)))
        .order_by(Reflection.updated_at.desc(), Reflection.id.desc())
        .limit(200)
    ).all()
    return [Entry(reflection, lesson, module, author) for reflection, lesson, module, author in rows]


def may_read(session: Session, user: User, reflection: Reflection) -> bool:
    """The author always; the people who may read the author's shared work once it is shared."""
    if user.is_authenticated and user.id == reflection.user_id:
        return True
    return reflection.shared and ownership.may_see_work(session, user, reflection.user_id)


@dataclass(frozen=True)
class ShownReply:
    reply: ReflectionReply
    author: User


def replies_shown(session: Session, reflection: Reflection, reader: User) -> list[ShownReply]:
    """Replies in order; hidden ones only for those who moderate the author's work."""
    query = (
        select(ReflectionReply, User)
        .join(User, User.id == ReflectionReply.author_id)
        .where(ReflectionReply.reflection_id == reflection.id)
    )
    if not ownership.may_moderate_work(session, reader, reflection.user_id):
        query = query.where(ReflectionReply.hidden_at.is_(None))
    rows = session.exec(query.order_by(ReflectionReply.created_at, ReflectionReply.id)).all()
    return [ShownReply(reply, author) for reply, author in rows]


def add_reply(session: Session, *, reflection: Reflection, author: User, text: str) -> ReflectionReply:
    if not reflection.shared:
        raise ReflectionProblem("not_shared")
    reply = ReflectionReply(reflection_id=reflection.id, author_id=author.id, text=_checked(text))
    session.add(reply)
    session.flush()
    return reply


def set_reply_hidden(session: Session, reply: ReflectionReply, *, hidden: bool, by: User) -> bool:
    """Hide a reply (staff), or show it again, with an audit entry; False when it already was so."""
    if (reply.hidden_at is not None) == hidden:
        return False
    fields = ("hidden_at", "hidden_by")
    before = audit.snapshot(reply, fields)
    reply.hidden_at, reply.hidden_by = (utcnow(), by.id) if hidden else (None, None)
    session.flush()
    audit.record(session, by, "reply.hide" if hidden else "reply.show", reply, before, audit.snapshot(reply, fields))
    return True
