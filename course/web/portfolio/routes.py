"""Portfolio pages. Views stay thin: the work is in course.portfolio."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from course import ownership
from course.certificates.pdf import installed_fonts
from course.content import catalogue
from course.db import get_session
from course.models import Lesson, Reflection, ReflectionReply, User
from course.portfolio import export, reflections
from course.progress.standing import learner_state
from course.web.access import ALL_ROLES, STAFF, allow
from course.web.content_language import localized
from course.web.formatting import number
from course.web.portfolio import bp
from course.web.portfolio.forms import ReflectionForm, ReplyForm, VisibilityForm


def problem_text(problem: reflections.ReflectionProblem) -> str:
    """The sentence for what the writer of a reflection or reply must fix."""
    if problem.code == "empty":
        return _("Write your answer before you save it.")
    if problem.code == "too_long":
        return _("Keep your answer under %(most)s characters.", most=number(reflections.TEXT_MAX))
    return _("This reflection is no longer shared.")


def export_words(owner: str, made: date) -> export.Words:
    """The headings and notes of a portfolio download, in the reader's language."""
    return export.Words(
        title=_("Reflection portfolio of %(name)s", name=owner),
        exported=_("CBEC Academy, exported on %(date)s", date=made.isoformat()),
        edited=_("Last edited %(date)s"),
        edited_shared=_("Last edited %(date)s; shared with my cohort"),
        empty=_("No reflection saved yet."),
    )


@bp.route("/lessons/<slug>", methods=["POST"])
@allow(*ALL_ROLES)
def save(slug):
    """Save (or edit) the answer to a lesson's reflection question, posted from the lesson page."""
    session = get_session()
    lesson = catalogue.lesson_by_slug(session, slug) or abort(404)
    if not lesson.reflection_html:
        abort(404)
    form = ReflectionForm()  # the CSRF token is checked for every POST (course.extensions.csrf)
    if learner_state(session, current_user.id).lock_on(lesson.module_id):
        abort(403, _("This module is locked until its prerequisites are complete."))
    try:
        reflections.save_reflection(
            session, user_id=current_user.id, lesson=lesson, text=form.text.data or "", shared=bool(form.shared.data)
        )
    except reflections.ReflectionProblem as problem:
        session.rollback()
        flash(problem_text(problem), "error")
    else:
        session.commit()
        flash(_("Your reflection is saved in your portfolio."), "success")
    return redirect(url_for("learn.lesson", slug=slug) + "#reflection")


@bp.route("/")
@allow(*ALL_ROLES)
def mine():
    return render_template("portfolio/mine.html", entries=reflections.portfolio(get_session(), current_user.id))


def _export_entries() -> list[export.ExportEntry]:
    return [
        export.ExportEntry(
            module=_("Module %(number)s: %(title)s", number=e.module.chapter, title=localized(e.module, "title")),
            lesson=localized(e.lesson, "title"),
            question=localized(e.lesson, "reflection_text"),
            answer=e.reflection.text,
            updated=e.reflection.updated_at.date(),
            shared=e.reflection.shared,
        )
        for e in reflections.portfolio(get_session(), current_user.id)
    ]


@bp.route("/export.md")
@allow(*ALL_ROLES)
def export_markdown():
    body = export.as_markdown(_export_entries(), export_words(current_user.name, date.today()))
    response = make_response(body)
    response.headers["Content-Type"] = "text/markdown; charset=utf-8"
    response.headers["Content-Disposition"] = 'attachment; filename="reflection-portfolio.md"'
    return response


@bp.route("/export.pdf")
@allow(*ALL_ROLES)
def export_pdf():
    body = export.as_pdf(_export_entries(), export_words(current_user.name, date.today()), installed_fonts())
    response = make_response(body)
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = 'attachment; filename="reflection-portfolio.pdf"'
    return response


@bp.route("/shared")
@allow(*ALL_ROLES)
def shared():
    """Reflections that cohort peers (or, for instructors, their trainees) shared."""
    return render_template("portfolio/shared.html", entries=reflections.shared_with(get_session(), current_user))


def _readable(reflection_id: int) -> Reflection:
    session = get_session()
    reflection = session.get(Reflection, reflection_id)
    if reflection is None or not reflections.may_read(session, current_user, reflection):
        abort(404)
    return reflection


def _entry_page(reflection: Reflection, form: ReplyForm | None = None, status: int = 200):
    session = get_session()
    lesson = session.get(Lesson, reflection.lesson_id)
    context = dict(
        reflection=reflection,
        lesson=lesson,
        author=session.get(User, reflection.user_id),
        replies=reflections.replies_shown(session, reflection, current_user),
        form=form or ReplyForm(),
        moderator=ownership.may_moderate_work(session, current_user, reflection.user_id),
        visibility=VisibilityForm(),
    )
    return render_template("portfolio/entry.html", **context), status


@bp.route("/reflections/<int:reflection_id>")
@allow(*ALL_ROLES)
def entry(reflection_id):
    return _entry_page(_readable(reflection_id))


@bp.route("/reflections/<int:reflection_id>/replies", methods=["POST"])
@allow(*ALL_ROLES)
def reply(reflection_id):
    session = get_session()
    reflection = _readable(reflection_id)
    form = ReplyForm()
    if not form.validate_on_submit():
        return _entry_page(reflection, form, 400)
    try:
        reflections.add_reply(session, reflection=reflection, author=current_user, text=form.text.data)
    except reflections.ReflectionProblem as problem:
        session.rollback()
        flash(problem_text(problem), "error")
        return _entry_page(reflection, form, 400)
    session.commit()
    flash(_("Your reply is posted."), "success")
    return redirect(url_for("portfolio.entry", reflection_id=reflection.id) + "#replies")


@bp.route("/replies/<int:reply_id>/visibility", methods=["POST"])
@allow(*ALL_ROLES)
def hide_reply(reply_id):
    """Staff hide a reply (or show it again)."""
    session = get_session()
    found = session.get(ReflectionReply, reply_id) or abort(404)
    reflection = _readable(found.reflection_id)
    if current_user.role not in STAFF or not ownership.may_moderate_work(session, current_user, reflection.user_id):
        abort(403)
    form = VisibilityForm()
    if not form.validate_on_submit() or form.hide.data not in ("0", "1"):
        abort(400)
    hidden = form.hide.data == "1"
    if reflections.set_reply_hidden(session, found, hidden=hidden, by=current_user):
        session.commit()
    flash(_("The reply is hidden.") if hidden else _("The reply is shown again."), "success")
    return redirect(url_for("portfolio.entry", reflection_id=reflection.id) + "#replies")
