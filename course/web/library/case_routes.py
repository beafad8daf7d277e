"""Practice cases: the guided form (drafts until submitted), the author's list, the published page and the
administrators' review."""

from collections.abc import Callable

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from course.content import catalogue
from course.content.case_metadata import countries
from course.content.render import render_markdown
from course.db import get_session
from course.library import practice_cases
from course.library.practice_cases import CaseRefused
from course.library.shelf import related_to
from course.models import PracticeCase
from course.web.access import ALL_ROLES, allow
from course.web.content_language import localized
from course.web.errors import error_response
from course.web.formatting import collation_key, is_english
from course.web.library import bp
from course.web.library.forms import CHOOSE, PracticeCaseForm, ReviewForm
from course.web.library.wording import (
    STATUSES,
    country_name,
    locked_text,
    module_label,
    refusal_text,
    status_label,
)
from course.web.ownership.guard import practice_case_or_404


def case_form(case: PracticeCase | None = None, *, draft: dict | None = None) -> PracticeCaseForm:
    """The guided form for the author's case, or a new one (starting from `draft`'s fields when given, e.g. a
    post-tour report's: see course/web/tours/case_proposal.py)."""
    initial = dict(draft) if draft else None
    if case is not None:
        initial = {name: getattr(case, name) for name in practice_cases.FIELDS}
        initial["chapter"] = str(case.chapter) if case.chapter is not None else ""
    form = PracticeCaseForm(data=initial)
    modules = catalogue.active_modules(get_session())
    form.chapter.choices = [("", CHOOSE)] + [
        (str(m.chapter), module_label(m.chapter, localized(m, "title"))) for m in modules
    ]
    form.country.choices = [("", CHOOSE), *_countries()]
    return form


def _countries() -> list[tuple[str, str]]:
    """(English name as stored, name in the reader's language) of each country the form offers, in the reader's
    alphabetical order."""
    shown = [(name, country_name(name)) for name in countries()]
    return shown if is_english() else sorted(shown, key=lambda pair: collation_key(pair[1]))


def save_or_submit(
    form: PracticeCaseForm,
    case: PracticeCase | None,
    *,
    also: Callable[[PracticeCase], None] | None = None,
    submitted_to: str | None = None,
):
    """Save the form as a draft, or save and submit it; one transaction, nothing kept when it is refused. `also`
    writes what else the action does to the saved case before the commit; `submitted_to` is where a submitted
    case sends its author (My practice cases)."""
    session = get_session()
    try:
        case = practice_cases.save(session, current_user, form.values(), case)
        if form.send.data:
            practice_cases.submit(session, current_user, case)
        if also is not None:
            also(case)
    except CaseRefused as refused:
        session.rollback()
        form.form_errors.append(refusal_text(refused))
        return None
    session.commit()
    if case.status == "submitted":
        flash(
            _("Thank you: your case was sent for review. You will see the decision under My practice cases."),
            "success",
        )
        return redirect(submitted_to or url_for("library.my_cases"))
    flash(_("Your draft is saved. Come back to finish it and submit it for review."), "success")
    return redirect(url_for("library.edit_case", case_id=case.id))


@bp.route("/cases/new", methods=["GET", "POST"])
@allow(*ALL_ROLES)
def new_case():
    form = case_form()
    if form.validate_on_submit():
        answer = save_or_submit(form, None)
        if answer is not None:
            return answer
    status = 422 if form.errors or form.form_errors else 200
    return render_template("library/case_form.html", form=form, case=None), status


@bp.route("/cases/<int:case_id>/edit", methods=["GET", "POST"])
@allow(*ALL_ROLES)
def edit_case(case_id):
    case = practice_case_or_404(case_id, as_author=True)
    if case.status not in practice_cases.EDITABLE:
        message = locked_text(case.status)
        if request.method == "POST":
            return error_response(409, _("Already submitted"), message)
        flash(message, "info")
        return redirect(url_for("library.practice_case", case_id=case.id))
    form = case_form(case)
    if form.validate_on_submit():
        answer = save_or_submit(form, case)
        if answer is not None:
            return answer
    status = 422 if form.errors or form.form_errors else 200
    return render_template("library/case_form.html", form=form, case=case, statuses=STATUSES), status


@bp.route("/cases/mine")
@allow(*ALL_ROLES)
def my_cases():
    cases = practice_cases.cases_of(get_session(), current_user.id)
    return render_template("library/my_cases.html", cases=cases, statuses=STATUSES)


@bp.route("/cases/<int:case_id>")
@allow("reader")
def practice_case(case_id):
    """A published case for everyone; before publication, its author and the admins see it with its status."""
    case = practice_case_or_404(case_id)
    session = get_session()
    return render_template(
        "library/practice_case.html",
        case=case,
        what_was_done=render_markdown(case.what_was_done),
        chapter=catalogue.module_by_chapter(session, case.chapter),
        related=related_to(session, "case", str(case.id)) if case.status == "published" else [],
        statuses=STATUSES,
    )


@bp.route("/review")
@allow("admin")
def review_list():
    return render_template(
        "library/review_list.html", cases=practice_cases.awaiting_review(get_session()), statuses=STATUSES
    )


@bp.route("/review/<int:case_id>", methods=["GET", "POST"])
@allow("admin")
def review(case_id):
    session = get_session()
    case = session.get(PracticeCase, case_id) or abort(404)
    form = ReviewForm()
    if form.validate_on_submit():
        try:
            practice_cases.decide(session, current_user, case, form.decision.data, form.comment.data or "")
        except CaseRefused as refused:
            session.rollback()
            form.form_errors.append(refusal_text(refused))
        else:
            session.commit()
            flash(
                _(
                    "“%(title)s” is now %(status)s; its author is told.",
                    title=case.title,
                    status=status_label(case.status).lower(),
                ),
                "success",
            )
            return redirect(url_for("library.review_list"))
    return render_template(
        "library/review.html",
        case=case,
        form=form,
        what_was_done=render_markdown(case.what_was_done),
        chapter=catalogue.module_by_chapter(session, case.chapter),
        statuses=STATUSES,
    ), (422 if form.errors or form.form_errors else 200)
