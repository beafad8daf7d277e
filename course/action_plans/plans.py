"""Trainees' action plans and their reviews: data functions that take a Session and never commit."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from course import audit, ownership
from course.action_plans import rubric
from course.models import ActionPlan, Assignment, PlanReview, User
from course.models.base import utcnow

AUDIENCES = ("sme", "official", "social")


class PlanProblem(ValueError):
    """What the trainee or reviewer must fix; nothing was saved. `code` (worded by the web layer): "no_kind" (a
    kind of plan the assignment has no brief for), "empty" (no title or text), "unscored" (`criteria`: the titles
    of the criteria given no level)."""

    def __init__(self, code: str, criteria: tuple[str, ...] = ()):
        super().__init__(code)
        self.code, self.criteria = code, tuple(criteria)


def plan_of(session: Session, user_id: int, assignment: Assignment) -> ActionPlan | None:
    return session.exec(
        select(ActionPlan).where(ActionPlan.user_id == user_id, ActionPlan.assignment_id == assignment.id)
    ).first()


def is_submitted(session: Session, user_id: int, assignment: Assignment) -> bool:
    plan = plan_of(session, user_id, assignment)
    return plan is not None and plan.submitted_at is not None


def save_plan(
    session: Session, *, user_id: int, assignment: Assignment, audience: str, title: str, text: str, submit: bool
) -> ActionPlan:
    """Keep the trainee's plan (a draft, or submitted for review when `submit`); a submitted plan stays
    submitted when edited again."""
    if audience not in assignment.briefs:
        raise PlanProblem("no_kind")
    if not title.strip() or not text.strip():
        raise PlanProblem("empty")
    plan = plan_of(session, user_id, assignment)
    if plan is None:
        plan = ActionPlan(user_id=user_id, assignment_id=assignment.id)
        session.add(plan)
    plan.audience, plan.title, plan.text, plan.updated_at = audience, title.strip(), text.strip(), utcnow()
    if submit and plan.submitted_at is None:
        plan.submitted_at = utcnow()
    session.flush()
    return plan


@dataclass(frozen=True)
class PlanToReview:
    plan: ActionPlan
    author: User
    assignment: Assignment
    reviewed: bool  # by the reader already


def plans_to_review(session: Session, user: User) -> list[PlanToReview]:
    """Submitted plans of the people whose shared work the user may read (peers, taught trainees), newest first."""
    rows = session.exec(
        select(ActionPlan, User, Assignment)
        .join(User, User.id == ActionPlan.user_id)
        .join(Assignment, Assignment.id == ActionPlan.assignment_id)
        .where(
            ActionPlan.submitted_at.is_not(None),
            ActionPlan.user_id != user.id,
            ActionPlan.user_id.in_(ownership.work_readers(user)),
        )
        .order_by(ActionPlan.submitted_at.desc(), ActionPlan.id.desc())
    ).all()
    mine = set(session.exec(select(PlanReview.plan_id).where(PlanReview.reviewer_id == user.id)))
    return [PlanToReview(plan, author, assignment, plan.id in mine) for plan, author, assignment in rows]


@dataclass(frozen=True)
class ShownReview:
    review: PlanReview
    reviewer: User
    criteria: list[rubric.CriterionScore]
    points: int
    top: int


def reviews_shown(session: Session, plan: ActionPlan, assignment: Assignment, reader: User) -> list[ShownReview]:
    """The reviews the reader may see: all of them for the author (hidden ones left out) and for moderators
    (hidden ones included); a peer sees their own review only."""
    query = select(PlanReview, User).join(User, User.id == PlanReview.reviewer_id).where(PlanReview.plan_id == plan.id)
    if reader.id == plan.user_id and not ownership.may_moderate_work(session, reader, plan.user_id):
        query = query.where(PlanReview.hidden_at.is_(None))
    elif not ownership.may_moderate_work(session, reader, plan.user_id):
        query = query.where(PlanReview.reviewer_id == reader.id)
    shown = []
    for review, reviewer in session.exec(query.order_by(PlanReview.created_at, PlanReview.id)):
        points, top = rubric.total(assignment.rubric, review.scores)
        shown.append(
            ShownReview(review, reviewer, rubric.scored(assignment.rubric, review.scores, review.comments), points, top)
        )
    return shown


def may_review(session: Session, user: User, plan: ActionPlan) -> bool:
    """A submitted plan may be reviewed by anyone who may read it, except its author."""
    return plan.submitted_at is not None and user.id != plan.user_id


def save_review(
    session: Session,
    *,
    plan: ActionPlan,
    assignment: Assignment,
    reviewer: User,
    scores: dict,
    comments: dict,
    overall: str,
) -> PlanReview:
    """The reviewer's review of the plan, new or changed; PlanProblem when a criterion has no level."""
    wrong = rubric.unscored(assignment.rubric, scores)
    if wrong:
        raise PlanProblem("unscored", wrong)
    review = session.exec(
        select(PlanReview).where(PlanReview.plan_id == plan.id, PlanReview.reviewer_id == reviewer.id)
    ).first()
    if review is None:
        review = PlanReview(plan_id=plan.id, reviewer_id=reviewer.id)
        session.add(review)
    keys = [c["key"] for c in assignment.rubric.get("criteria", [])]
    review.scores = {key: scores[key] for key in keys}
    review.comments = {key: comments.get(key, "").strip() for key in keys if comments.get(key, "").strip()}
    review.overall, review.updated_at = overall.strip(), utcnow()
    session.flush()
    return review


def set_hidden(session: Session, review: PlanReview, *, hidden: bool, by: User) -> bool:
    """Hide or show a review again (staff), with an audit entry; False when it already was so."""
    if (review.hidden_at is not None) == hidden:
        return False
    before = audit.snapshot(review, ("hidden_at", "hidden_by"))
    review.hidden_at, review.hidden_by = (utcnow(), by.id) if hidden else (None, None)
    session.flush()
    audit.record(
        session,
        by,
        "review.hide" if hidden else "review.show",
        review,
        before,
        audit.snapshot(review, ("hidden_at", "hidden_by")),
    )
    return True
