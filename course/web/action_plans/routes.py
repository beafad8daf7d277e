"""Action-plan pages. Views stay thin: the work is in course.action_plans."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from course import ownership
from course.action_plans import plans
from course.content import catalogue
from course.db import get_session
from course.models import ActionPlan, Assignment, PlanReview, User
from course.progress.standing import learner_state
from course.web.access import ALL_ROLES, STAFF, allow
from course.web.action_plans import bp
from course.web.action_plans.forms import PlanForm, VisibilityForm, review_form
from course.web.ownership.guard import work_or_404

_DEFAULT_AUDIENCE = {"government": "official", "social": "social", "sme": "sme"}


def problem_text(problem: plans.PlanProblem) -> str:
    """The sentence for what the trainee or reviewer must fix."""
    if problem.code == "no_kind":
        return _("Choose the kind of plan you are writing.")
    if problem.code == "empty":
        return _("Give your plan a title and write it before you save.")
    return " ".join(_("Choose a level for “%(criterion)s”.", criterion=title) for title in problem.criteria)


@bp.route("/")
@allow(*ALL_ROLES)
def to_review():
    """Submitted plans the user may read and review: cohort peers', or their trainees' for instructors."""
    return render_template("action_plans/to_review.html", plans=plans.plans_to_review(get_session(), current_user))


@bp.route("/<slug>", methods=["GET", "POST"])
@allow(*ALL_ROLES)
def mine(slug):
    """The trainee's own plan for an assignment: write, save, submit, read the reviews."""
    session = get_session()
    assignment = catalogue.assignment_by_slug(session, slug) or abort(404)
    lock = learner_state(session, current_user.id).lock_on(assignment.module_id)
    if lock:
        module, missing = lock
        return render_template("learn/locked.html", module=module, missing=missing), 403
    plan = plans.plan_of(session, current_user.id, assignment)
    form = PlanForm(obj=plan).offer(assignment.briefs)
    if form.validate_on_submit():
        try:
            plan = plans.save_plan(
                session,
                user_id=current_user.id,
                assignment=assignment,
                audience=form.audience.data,
                title=form.title.data,
                text=form.text.data,
                submit=form.submit_plan.data,
            )
        except plans.PlanProblem as problem:
            session.rollback()
            flash(problem_text(problem), "error")
        else:
            session.commit()
            flash(
                _("Your plan is submitted for review.") if form.submit_plan.data else _("Your draft is saved."),
                "success",
            )
            return redirect(url_for("action_plans.mine", slug=slug))
    elif plan is None and not form.is_submitted():
        form.audience.data = _DEFAULT_AUDIENCE.get(current_user.org_type, next(iter(assignment.briefs), "sme"))
        form.text.data = "\n\n".join(f"## {heading}\n" for heading in assignment.outline)
    reviews = plans.reviews_shown(session, plan, assignment, current_user) if plan and plan.submitted_at else []
    module = catalogue.module_by_id(session, assignment.module_id)
    return render_template(
        "action_plans/mine.html", assignment=assignment, plan=plan, form=form, reviews=reviews, module=module
    )


def _readable_plan(plan_id: int) -> tuple[ActionPlan, Assignment, User]:
    session = get_session()
    plan = session.get(ActionPlan, plan_id)
    work_or_404(plan.user_id if plan else None)
    if plan.submitted_at is None and plan.user_id != current_user.id:
        abort(404)  # a draft is the author's alone
    return plan, session.get(Assignment, plan.assignment_id), session.get(User, plan.user_id)


@bp.route("/plans/<int:plan_id>")
@allow(*ALL_ROLES)
def plan(plan_id):
    plan, assignment, author = _readable_plan(plan_id)
    return _plan_page(plan, assignment, author, None)


def _plan_page(plan, assignment, author, form, status=200):
    session = get_session()
    reviews = plans.reviews_shown(session, plan, assignment, current_user)
    if form is None and plans.may_review(session, current_user, plan):
        mine = next((r.review for r in reviews if r.review.reviewer_id == current_user.id), None)
        data = {"overall": mine.overall} if mine else {}
        if mine:
            data |= {f"level_{k}": str(v) for k, v in mine.scores.items()}
            data |= {f"comment_{k}": v for k, v in mine.comments.items()}
        form = review_form(assignment.rubric, data)
    context = dict(
        plan=plan,
        assignment=assignment,
        author=author,
        reviews=reviews,
        form=form if plans.may_review(session, current_user, plan) else None,
        moderator=ownership.may_moderate_work(session, current_user, plan.user_id),
        visibility=VisibilityForm(),
    )
    return render_template("action_plans/plan.html", **context), status


@bp.route("/plans/<int:plan_id>/review", methods=["POST"])
@allow(*ALL_ROLES)
def review(plan_id):
    session = get_session()
    plan, assignment, author = _readable_plan(plan_id)
    if not plans.may_review(session, current_user, plan):
        abort(403)
    form = review_form(assignment.rubric)
    if not form.validate_on_submit():
        return _plan_page(plan, assignment, author, form, 400)
    keys = [c["key"] for c in assignment.rubric.get("criteria", [])]
    scores = {k: int(v) for k in keys if (v := form[f"level_{k}"].data) is not None and str(v).isdigit()}
    comments = {k: form[f"comment_{k}"].data or "" for k in keys}
    try:
        plans.save_review(
            session,
            plan=plan,
            assignment=assignment,
            reviewer=current_user,
            scores=scores,
            comments=comments,
            overall=form.overall.data or "",
        )
    except plans.PlanProblem as problem:
        session.rollback()
        flash(problem_text(problem), "error")
        return _plan_page(plan, assignment, author, form, 400)
    session.commit()
    flash(_("Your review of “%(title)s” is saved.", title=plan.title), "success")
    return redirect(url_for("action_plans.plan", plan_id=plan.id))


@bp.route("/reviews/<int:review_id>/visibility", methods=["POST"])
@allow(*ALL_ROLES)
def hide_review(review_id):
    """Staff hide an abusive review from the trainee (or show it again)."""
    session = get_session()
    review = session.get(PlanReview, review_id) or abort(404)
    plan = session.get(ActionPlan, review.plan_id)
    work_or_404(plan.user_id)
    if current_user.role not in STAFF or not ownership.may_moderate_work(session, current_user, plan.user_id):
        abort(403)
    form = VisibilityForm()
    if not form.validate_on_submit() or form.hide.data not in ("0", "1"):
        abort(400)
    hidden = form.hide.data == "1"
    if plans.set_hidden(session, review, hidden=hidden, by=current_user):
        session.commit()
    flash(_("The review is hidden from the trainee.") if hidden else _("The review is shown again."), "success")
    return redirect(url_for("action_plans.plan", plan_id=plan.id))
