"""Cohort pages. Views stay thin: the work is in course.cohorts."""

from collections.abc import Callable

from flask import abort, current_app, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from course import audit, ownership
from course.cohorts import invitations, membership
from course.cohorts.roster import read_roster
from course.content import catalogue
from course.db import get_session
from course.models import Cohort, LearningPath, User
from course.web.access import STAFF, allow
from course.web.cohorts import bp
from course.web.cohorts.forms import CohortForm, EnrolForm, ReinviteForm, RosterForm
from course.web.cohorts.wording import roster_problem_text
from course.web.ownership.guard import managed_or_404, panel
from course.web.wording import ORG_TYPES

DASHBOARD = "reports.cohort_dashboard"  # built separately; linked only when it exists


def _cohort(cohort_id: int) -> Cohort:
    cohort = get_session().get(Cohort, cohort_id)
    if cohort is None or cohort.archived:
        abort(404)
    return managed_or_404(cohort)


def _cohort_form() -> CohortForm:
    form = CohortForm()
    form.path.choices = [(p.id, p.title) for p in catalogue.active_paths(get_session())]
    return form


@bp.route("/")
@allow(*STAFF)
def list_cohorts():
    return render_template(
        "cohorts/list.html", cohorts=membership.list_cohorts(get_session(), ownership.managed(current_user, Cohort))
    )


@bp.route("/new", methods=["GET", "POST"])
@allow(*STAFF)
def create_cohort():
    session, form = get_session(), _cohort_form()
    if form.validate_on_submit():
        if membership.cohort_by_name(session, form.name.data):
            form.name.errors.append(_("A cohort with this name already exists. Choose another name."))
        else:
            cohort = membership.create_cohort(
                session,
                name=form.name.data,
                path=session.get(LearningPath, form.path.data),
                due_date=membership.due_at(form.due_date.data),
                created_by=current_user.id,
                owner_id=current_user.id,
            )
            session.commit()
            flash(_("Cohort “%(name)s” created. Now enrol its trainees.", name=cohort.name), "success")
            return redirect(url_for("cohorts.cohort", cohort_id=cohort.id))
    return render_template("cohorts/new.html", form=form), 422 if form.errors else 200


def _cohort_page(cohort: Cohort, *, enrol_form=None, roster_form=None, roster_errors=(), status=200):
    session = get_session()
    rows = membership.members(session, cohort.id)
    dashboard = url_for(DASHBOARD, cohort_id=cohort.id) if DASHBOARD in current_app.view_functions else None
    return render_template(
        "cohorts/cohort.html",
        cohort=cohort,
        members=rows,
        dashboard=dashboard,
        path=session.get(LearningPath, cohort.path_id) if cohort.path_id else None,
        enrol_form=enrol_form or EnrolForm(prefix="enrol", formdata=None),
        roster_form=roster_form or RosterForm(prefix="roster", formdata=None),
        roster_errors=roster_errors,
        org_type_labels=ORG_TYPES,
        ownership=panel(cohort),
    ), status


@bp.route("/<int:cohort_id>")
@allow(*STAFF)
def cohort(cohort_id):
    return _cohort_page(_cohort(cohort_id))


@bp.route("/<int:cohort_id>/enrol", methods=["POST"])
@allow(*STAFF)
def enrol_trainee(cohort_id):
    cohort, form = _cohort(cohort_id), EnrolForm(prefix="enrol")
    if not form.validate_on_submit():
        return _cohort_page(cohort, enrol_form=form, status=422)
    text = {f: (getattr(form, f).data or "").strip() for f in ("name", "organisation", "country")}
    try:
        return _committed(
            cohort,
            lambda: _audited(
                cohort,
                "cohort.enrol",
                membership.enrol_one(
                    get_session(), cohort=cohort, email=form.email.data, org_type=form.org_type.data, **text
                ),
            ),
        )
    except membership.NameRequired:
        form.name.errors.append(_("This email has no account yet: enter the trainee's name to create one."))
        return _cohort_page(cohort, enrol_form=form, status=422)


@bp.route("/<int:cohort_id>/roster", methods=["POST"])
@allow(*STAFF)
def upload_roster(cohort_id):
    cohort, form = _cohort(cohort_id), RosterForm(prefix="roster")
    if not form.validate_on_submit():
        return _cohort_page(cohort, roster_form=form, status=422)
    roster = read_roster(form.roster.data.read())
    if not roster.ok:
        return _cohort_page(
            cohort, roster_form=form, roster_errors=[roster_problem_text(p) for p in roster.errors], status=422
        )
    return _committed(
        cohort,
        lambda: _audited(
            cohort, "cohort.roster", membership.enrol_roster(get_session(), cohort=cohort, rows=roster.rows)
        ),
    )


@bp.route("/<int:cohort_id>/members/<int:user_id>/invitation", methods=["POST"])
@allow(*STAFF)
def reinvite(cohort_id, user_id):
    session, cohort = get_session(), _cohort(cohort_id)
    member = session.get(User, user_id)
    if member is None or member.password_hash or not membership.is_member(session, cohort.id, user_id):
        abort(404)
    if not ReinviteForm().validate_on_submit():
        abort(400)
    token = invitations.reinvite(session, user=member)
    invitations.send(session, user=member, token=token, cohort=cohort.name)
    audit.record(session, current_user, "cohort.reinvite", cohort, None, {"user_id": member.id})
    return _committed(cohort, lambda: membership.Enrolment(invited=[membership.Invited(member, token)]))


def _audited(cohort: Cohort, action: str, result: membership.Enrolment) -> membership.Enrolment:
    """Record an enrolment in the audit trail (in the same transaction) and hand it on."""
    after = {
        "added": sorted(u.id for u in result.added),
        "invited": sorted(i.user.id for i in result.invited),
        "already_members": sorted(u.id for u in result.already_members),
    }
    audit.record(get_session(), current_user, action, cohort, None, after)
    return result


def _committed(cohort: Cohort, enrol: Callable[[], membership.Enrolment]):
    """Enrol and commit, all or nothing, and show what it did; invitation links are shown this once only.
    The database may refuse a row while `enrol` writes (enrolments are inserted at once) or at the commit."""
    session = get_session()
    try:
        result = enrol()
        session.commit()
    except IntegrityError:  # someone enrolled the same new email at the same moment
        session.rollback()
        flash(_("Someone changed this cohort at the same time. Nothing was saved; please try again."), "error")
        return redirect(url_for("cohorts.cohort", cohort_id=cohort.id))
    if not result.invited:
        flash(_summary(cohort, result), "success")
        return redirect(url_for("cohorts.cohort", cohort_id=cohort.id))
    links = [(i.user, url_for("invitations.accept", token=i.token, _external=True)) for i in result.invited]
    response = make_response(render_template("cohorts/enrolled.html", cohort=cohort, result=result, links=links))
    response.headers["Cache-Control"] = "no-store"
    return response


def _summary(cohort: Cohort, result: membership.Enrolment) -> str:
    added, already = len(result.added), len(result.already_members)
    text = ngettext(
        "%(num)d person added to %(cohort)s.", "%(num)d people added to %(cohort)s.", added, cohort=cohort.name
    )
    if already:
        text += " " + ngettext("%(num)d was already in the cohort.", "%(num)d were already in the cohort.", already)
    return text
