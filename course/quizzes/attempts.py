"""Attempt lifecycle: start, save as you go, submit exactly once, grade. The caller commits."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, select

from course import upkeep
from course.models import ActivityEvent, Attempt, AttemptItem, Question, QuestionVersion, Quiz, QuizExtension
from course.models.base import utcnow
from course.questions import grading
from course.questions.draw import draw_questions, order_items
from course.questions.types import Question as QuestionData
from course.quizzes.banks import current_version
from course.quizzes.grades import has_passed
from course.quizzes.translations import answers_in_every_language

GRACE = timedelta(seconds=30)  # network latency on submit, not extra working time
UNGRADED_TYPES = ("essay", "description")


class AttemptRefused(Exception):
    """The trainee may not start (or change) this attempt. `code` says why (one of REFUSALS; the web layer words
    it), `when` is the date it concerns (the quiz opens or closes), if any."""

    def __init__(self, code: str, when: datetime | None = None):
        super().__init__(code)
        self.code, self.when = code, when


# Why an attempt cannot start or change: the codes `Availability.reason`, `practice_refusal` and AttemptRefused carry.
REFUSALS = (
    "not_open",
    "closed",
    "no_attempts_left",
    "practice_not_offered",
    "practice_not_open",
    "practice_closed",
    "submitted",
    "time_up",
)


@dataclass
class Availability:
    can_start: bool
    reason: str  # "" or a code of REFUSALS
    attempts_used: int
    attempts_left: int | None  # None: unlimited
    opens_at: datetime | None
    closes_at: datetime | None


def extension_for(session: Session, quiz: Quiz, user_id: int) -> QuizExtension | None:
    return session.exec(
        select(QuizExtension).where(QuizExtension.quiz_id == quiz.id, QuizExtension.user_id == user_id)
    ).first()


def extensions_of(session: Session, user_id: int) -> dict[int, QuizExtension]:
    """Quiz id -> the trainee's extension, for every quiz where they have one (one query for a whole page)."""
    return {e.quiz_id: e for e in session.exec(select(QuizExtension).where(QuizExtension.user_id == user_id))}


def graded_attempts(session: Session, quiz: Quiz, user_id: int, practice: bool = False) -> list[Attempt]:
    query = (
        select(Attempt)
        .where(Attempt.quiz_id == quiz.id, Attempt.user_id == user_id, Attempt.practice == practice)
        .order_by(Attempt.number)
    )
    return list(session.exec(query))


def availability(
    session: Session,
    quiz: Quiz,
    user_id: int,
    now: datetime | None = None,
    *,
    attempts_used: int | None = None,
    extensions: Mapping[int, QuizExtension] | None = None,
) -> Availability:
    """Whether the trainee may start a counted attempt now, and why not.

    `attempts_used`: the trainee's counted attempts, when the caller has them already (a `QuizStanding`);
    `extensions`: the trainee's extensions by quiz (`extensions_of`), when the caller has them already.
    """
    now = now or utcnow()
    extension = extension_for(session, quiz, user_id) if extensions is None else extensions.get(quiz.id)
    closes = extension.closes_at if extension and extension.closes_at else quiz.closes_at
    allowed = quiz.attempts_allowed + (extension.extra_attempts if extension else 0) if quiz.attempts_allowed else None
    used = len(graded_attempts(session, quiz, user_id)) if attempts_used is None else attempts_used
    left = None if allowed is None else max(0, allowed - used)
    reason = ""
    if quiz.opens_at and now < quiz.opens_at:
        reason = "not_open"
    elif closes and now > closes:
        reason = "closed"
    elif left == 0:
        reason = "no_attempts_left"
    return Availability(not reason, reason, used, left, quiz.opens_at, closes)


def practice_refusal(quiz: Quiz, window: Availability, now: datetime) -> str:
    """Why the trainee may not practise now: a code of REFUSALS ("" when they may). Practice follows the quiz's
    window (with the trainee's extension) unless the instructor opened practice outside it."""
    if not quiz.allow_practice:
        return "practice_not_offered"
    if quiz.practice_outside_window:
        return ""
    if window.opens_at and now < window.opens_at:
        return "practice_not_open"
    if window.closes_at and now > window.closes_at:
        return "practice_closed"
    return ""


def refusal_date(code: str, window: Availability) -> datetime | None:
    """The date a refusal concerns: when the quiz opens (not open yet) or closed."""
    return window.opens_at if code.endswith("not_open") else window.closes_at if code.endswith("closed") else None


def drawable_questions(session: Session, quiz: Quiz) -> set[int]:
    """The questions a counted attempt of this quiz can still get: its fixed questions and every active
    question of its random draws' categories."""
    drawable = {slot["question_id"] for slot in quiz.slots if slot.get("kind") == "fixed"}
    for slot in quiz.slots:
        if slot.get("kind") != "fixed":
            drawable.update(category_questions(session, slot["bank_id"], slot.get("category", "")))
    return drawable


def in_progress(session: Session, quiz: Quiz, user_id: int, practice: bool) -> Attempt | None:
    return session.exec(
        select(Attempt).where(
            Attempt.quiz_id == quiz.id,
            Attempt.user_id == user_id,
            Attempt.practice == practice,
            Attempt.state == "in_progress",
        )
    ).first()


def start_attempt(
    session: Session, quiz: Quiz, user_id: int, *, practice: bool = False, now: datetime | None = None
) -> Attempt:
    """Resume the open attempt or start a new one with its questions fixed for good."""
    now = now or utcnow()
    # One read of the trainee's attempts of this mode decides resuming, the attempts left and the next number. Read in
    # separate statements, a start committed in between by another request (READ COMMITTED; another server)
    # is missed by the first and counted by the last, and a second attempt opens beside it. From one read, both
    # starts pick the same number and the unique (quiz, user, practice, number) lets only one of them in.
    counted = graded_attempts(session, quiz, user_id)
    previous = graded_attempts(session, quiz, user_id, practice) if practice else counted
    open_attempt = next((attempt for attempt in previous if attempt.state == "in_progress"), None)
    if open_attempt is not None:
        return open_attempt
    window = availability(session, quiz, user_id, now, attempts_used=len(counted))
    if practice:
        refusal = practice_refusal(quiz, window, now)
        if refusal:
            raise AttemptRefused(refusal, refusal_date(refusal, window))
    elif not window.can_start:
        raise AttemptRefused(window.reason, refusal_date(window.reason, window))
    attempt = Attempt(
        quiz_id=quiz.id,
        user_id=user_id,
        practice=practice,
        started_at=now,
        number=(previous[-1].number + 1) if previous else 1,
        seed=random.SystemRandom().randrange(2**31),
        deadline=_deadline(session, quiz, user_id, now, window.closes_at, practice),
    )
    session.add(attempt)
    session.flush()
    _add_items(session, quiz, attempt, user_id)
    return attempt


def _deadline(session, quiz, user_id, now, closes_at, practice) -> datetime | None:
    deadline = None
    if quiz.time_limit_minutes:
        extension = extension_for(session, quiz, user_id)
        extra = extension.extra_minutes if extension else 0
        deadline = now + timedelta(minutes=quiz.time_limit_minutes + extra)
    if closes_at and not practice:
        deadline = min(deadline, closes_at) if deadline else closes_at
    return deadline


def _seen_questions(session: Session, quiz: Quiz, user_id: int) -> set[int]:
    query = select(AttemptItem.question_id).join(Attempt).where(Attempt.quiz_id == quiz.id, Attempt.user_id == user_id)
    return set(session.exec(query))


def choose_questions(session: Session, quiz: Quiz, seen: set[int], rng: random.Random) -> list[tuple[int, float]]:
    """(question id, mark) for every fixed slot and one draw per random slot, unseen questions first."""
    fixed = {slot["question_id"] for slot in quiz.slots if slot.get("kind") == "fixed"}
    chosen: list[tuple[int, float]] = []
    for slot in quiz.slots:
        mark = float(slot.get("mark", 1))
        if slot.get("kind") == "fixed":
            chosen.append((slot["question_id"], mark))
            continue
        candidates = category_questions(session, slot["bank_id"], slot.get("category", ""))
        taken = fixed | {qid for qid, _ in chosen}
        chosen += [(qid, mark) for qid in draw_questions(candidates, int(slot.get("count", 1)), seen, rng, taken)]
    return chosen


def ordered_questions(
    session: Session, quiz: Quiz, chosen: list[tuple[int, float]], rng: random.Random, shuffle: bool
) -> list[tuple[int, float]]:
    """The chosen questions in the order an attempt shows them: shuffled when `shuffle`, descriptions in place."""
    ids = [question_id for question_id, _ in chosen]
    descriptions = set(
        session.exec(select(Question.id).where(Question.id.in_(ids), Question.qtype == "description")) if ids else ()
    )
    return order_items(chosen, shuffle, rng, pinned=lambda item: item[0] in descriptions)


def _add_items(session: Session, quiz: Quiz, attempt: Attempt, user_id: int) -> None:
    rng = random.Random(attempt.seed)
    chosen = choose_questions(session, quiz, _seen_questions(session, quiz, user_id), rng)
    ordered = ordered_questions(session, quiz, chosen, rng, quiz.shuffle_questions)
    for position, (question_id, mark) in enumerate(ordered, start=1):
        question = session.get(Question, question_id)
        if question is None or question.archived:
            continue
        version = current_version(session, question)
        session.add(
            AttemptItem(
                attempt_id=attempt.id, position=position, question_id=question_id, version_id=version.id, mark=mark
            )
        )
    session.flush()


def category_questions(session: Session, bank_id: int, category: str) -> list[int]:
    """Active auto-gradable questions of a category and its subcategories."""
    query = select(Question.id).where(
        Question.bank_id == bank_id, Question.archived == False, Question.qtype.not_in(UNGRADED_TYPES)
    )
    if category:
        query = query.where((Question.category == category) | Question.category.startswith(category + "/"))
    return list(session.exec(query.order_by(Question.id)))


def attempt_items(session: Session, attempt: Attempt) -> list[tuple[AttemptItem, QuestionData]]:
    """The attempt's questions, as the versions it was taken with, in order."""
    rows = session.exec(
        select(AttemptItem, QuestionVersion)
        .join(QuestionVersion)
        .where(AttemptItem.attempt_id == attempt.id)
        .order_by(AttemptItem.position)
    ).all()
    return [(item, QuestionData.from_dict(version.data)) for item, version in rows]


def is_overdue(attempt: Attempt, now: datetime | None = None) -> bool:
    """Past the deadline plus the grace allowed for a slow network."""
    return attempt.deadline is not None and (now or utcnow()) > attempt.deadline + GRACE


def overdue_attempt_ids(session: Session, now: datetime | None = None) -> list[int]:
    """Attempts still open past their deadline and grace: nobody came back to submit them."""
    cutoff = (now or utcnow()) - GRACE
    query = select(Attempt.id).where(
        Attempt.state == "in_progress", Attempt.deadline.is_not(None), Attempt.deadline < cutoff
    )
    return list(session.exec(query.order_by(Attempt.id)))


def save_responses(
    session: Session,
    attempt: Attempt,
    responses: dict[int, object],
    now: datetime | None = None,
    flagged: set[int] | None = None,
) -> int:
    """Store answers of an open attempt (and, when `flagged` is given, which items the trainee flagged for review);
    answers after the deadline are refused, not counted."""
    now = now or utcnow()
    if attempt.state != "in_progress":
        raise AttemptRefused("submitted")
    if is_overdue(attempt, now):
        raise AttemptRefused("time_up")
    # Lock the attempt row so a submit running at the same moment cannot grade half-saved answers.
    still_open = session.execute(
        update(Attempt).where(Attempt.id == attempt.id, Attempt.state == "in_progress").values(state="in_progress")
    ).rowcount
    if still_open != 1:
        raise AttemptRefused("submitted")
    return _store_responses(session, attempt, responses, now, flagged)


def _store_responses(
    session: Session, attempt: Attempt, responses: dict[int, object], now: datetime, flagged: set[int] | None = None
) -> int:
    saved = 0
    items = {item.id: item for item in session.exec(select(AttemptItem).where(AttemptItem.attempt_id == attempt.id))}
    if flagged is not None:
        for item in items.values():
            item.flagged = item.id in flagged
    for item_id, response in responses.items():
        item = items.get(item_id)
        if item is not None and response is not None and item.response != {"value": response}:
            item.response, item.saved_at = {"value": response}, now
            saved += 1
    return saved


def submit_attempt(
    session: Session, attempt: Attempt, responses: dict[int, object] | None = None, now: datetime | None = None
) -> bool:
    """Grade and close the attempt exactly once; False when it was already submitted."""
    now = now or utcnow()
    late = is_overdue(attempt, now)
    # Claim the attempt first: a concurrent submit (double click, second tab) waits on this row
    # and then finds it no longer in progress, so only one request ever grades it.
    claimed = session.execute(
        update(Attempt)
        .where(Attempt.id == attempt.id, Attempt.state == "in_progress")
        .values(state="submitted", submitted_at=now)
    ).rowcount
    session.refresh(attempt)
    if claimed != 1:
        return False
    upkeep.note_learner(session, attempt.user_id)  # the claim above is a Core UPDATE, which the upkeep cannot see
    if responses and not late:
        _store_responses(session, attempt, responses, now)
    session.flush()
    for item, question in answers_in_every_language(session, attempt_items(session, attempt)):
        _grade_item(item, question)
    recompute_score(session, attempt)
    _record_result(session, attempt, session.get(Quiz, attempt.quiz_id))
    return True


def _grade_item(item: AttemptItem, question: QuestionData) -> None:
    apply_grade(item, grading.grade(question, item.response["value"] if item.response else None))


def apply_grade(item: AttemptItem, result: grading.Grade) -> None:
    """Store a grade on an attempt item as the review page reads it."""
    item.fraction = result.fraction
    item.feedback = grade_record(result)


def grade_record(result: grading.Grade) -> dict:
    """A grade's state, right answer and feedback as stored with an attempt item (JSON)."""
    return {
        "state": result.state,
        "right_answer": result.right_answer,
        "feedback": [{"text": f.text, "format": f.format} for f in result.feedback],
    }


def recompute_score(session: Session, attempt: Attempt) -> None:
    """Attempt marks and score from its items (after submit, manual grading or regrade)."""
    items = session.exec(
        select(AttemptItem, QuestionVersion).join(QuestionVersion).where(AttemptItem.attempt_id == attempt.id)
    ).all()
    marks = earned = 0.0
    pending = False
    for item, version in items:
        if version.data.get("type") == "description":
            continue
        marks += item.mark
        if item.fraction is None:
            pending = True
        else:
            earned += item.fraction * item.mark
    attempt.marks, attempt.max_marks, attempt.needs_grading = round(earned, 7), marks, pending
    attempt.score = round(earned / marks, 7) if marks else 0.0


def _record_result(session: Session, attempt: Attempt, quiz: Quiz) -> None:
    if attempt.practice:
        verb = "answered"
    elif attempt.needs_grading:
        verb = "answered"
    else:
        verb = "passed" if has_passed(quiz, attempt.score or 0) else "failed"
    session.add(
        ActivityEvent(
            user_id=attempt.user_id,
            verb=verb,
            object_type="quiz",
            object_id=quiz.id,
            label=quiz.title + (" (practice)" if attempt.practice else ""),
            score=attempt.score,
            at=attempt.submitted_at or utcnow(),
        )
    )


def grade_essay(session: Session, item: AttemptItem, fraction: float, comment: str, grader_id: int) -> Attempt:
    """An instructor's grade for an essay answer; the attempt score follows."""
    result = grading.manual_grade(fraction, comment)
    item.fraction, item.comment, item.graded_by, item.graded_at = result.fraction, comment, grader_id, utcnow()
    item.feedback = {"state": result.state, "right_answer": "", "feedback": (item.feedback or {}).get("feedback", [])}
    attempt = session.get(Attempt, item.attempt_id)
    was_pending = attempt.needs_grading
    session.flush()
    recompute_score(session, attempt)
    if was_pending and not attempt.needs_grading and not attempt.practice:
        quiz = session.get(Quiz, attempt.quiz_id)
        _record_result(session, attempt, quiz)
    return attempt
