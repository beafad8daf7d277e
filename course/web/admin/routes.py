"""User administration."""

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlmodel import func, select

from course import audit, site
from course.db import get_session
from course.models import SiteSettings, User
from course.web import wording
from course.web.access import allow
from course.web.admin import bp
from course.web.admin.forms import RoleForm, SiteSettingsForm
from course.web.pagination import requested_page
from course.web.wording import ROLES, label

PAGE_SIZE = 50
AUDITED_TYPES = (
    "user",
    "cohort",
    "questionbank",
    "question",
    "quiz",
    "attemptitem",
    "certificate",
    "sitesettings",
    "practicecase",
    "impactpage",
)


@bp.route("/users")
@allow("admin")
def users():
    session = get_session()
    query = request.args.get("q", "").strip().lower()
    stmt = select(User)
    if query:
        stmt = stmt.where(User.email.contains(query) | func.lower(User.name).contains(query))
    page = requested_page(PAGE_SIZE, session.exec(select(func.count()).select_from(stmt.subquery())).one())
    rows = session.exec(stmt.order_by(User.email).offset(page.start).limit(page.size)).all()
    forms = {u.id: RoleForm(prefix=f"u{u.id}", role=u.role) for u in rows}
    return render_template(
        "admin/users.html", users=rows, forms=forms, page=page, q=query, org_type_labels=wording.ORG_TYPES
    )


@bp.route("/users/<int:user_id>/role", methods=["POST"])
@allow("admin")
def change_role(user_id):
    session = get_session()
    user = session.get(User, user_id) or abort(404)
    form = RoleForm(prefix=f"u{user_id}")
    if not form.validate_on_submit():
        flash(_("Choose one of the listed roles."), "error")
        return redirect(url_for("admin.users"))
    if user.id == current_user.id and form.role.data != "admin":
        flash(_("You cannot remove your own admin role; ask another administrator."), "error")
        return redirect(url_for("admin.users"))
    if user.role != form.role.data:
        audit.record(session, current_user, "user.role", user, {"role": user.role}, {"role": form.role.data})
    user.role = form.role.data
    session.commit()
    flash(_("%(email)s is now %(role)s.", email=user.email, role=label(ROLES, user.role)), "success")
    return redirect(url_for("admin.users"))


def _audit_filters() -> dict:
    """The audit page's filters from the query string (unknown values are ignored)."""
    action = request.args.get("action", "")
    object_type = request.args.get("object_type", "")
    object_id = request.args.get("object_id", type=int)  # ids beyond 64 bits would fail on PostgreSQL
    return {
        "action": action if action in audit.ACTIONS else "",
        "actor": request.args.get("actor", "").replace("\x00", "").strip()[:254],
        "object_type": object_type if object_type in AUDITED_TYPES else "",
        "object_id": object_id if object_id is not None and 0 <= object_id < 2**63 else None,
    }


@bp.route("/audit")
@allow("admin")
def audit_trail():
    session, filters = get_session(), _audit_filters()
    page = requested_page(PAGE_SIZE, audit.entry_count(session, **filters))
    rows = audit.entries(session, offset=page.start, limit=page.size, **filters)
    query = {k: v for k, v in filters.items() if v not in ("", None)}
    return render_template(
        "admin/audit.html",
        rows=rows,
        page=page,
        filters=filters,
        query=query,
        actions=audit.ACTIONS,
        types=AUDITED_TYPES,
    )


@bp.route("/audit.csv")
@allow("admin")
def audit_csv():
    text = audit.entries_csv(audit.entries(get_session(), **_audit_filters()))
    return Response(text, mimetype="text/csv", headers={"Content-Disposition": 'attachment; filename="audit.csv"'})


@bp.route("/settings", methods=["GET", "POST"])
@allow("admin")
def site_settings():
    session = get_session()
    current = site.members_only(session)
    form = SiteSettingsForm(members_only=current)
    if form.validate_on_submit():
        wanted = bool(form.members_only.data)
        if site.set_members_only(session, wanted):
            row = session.get(SiteSettings, 1)
            audit.record(
                session, current_user, "site.settings", row, {"members_only": current}, {"members_only": wanted}
            )
            session.commit()
        flash(
            _("Reading now needs an account.") if wanted else _("Lessons and the library are open to everyone."),
            "success",
        )
        return redirect(url_for("admin.site_settings"))
    return render_template("admin/settings.html", form=form, members_only=current)
