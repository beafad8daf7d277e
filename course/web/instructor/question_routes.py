"""Questions: create and edit every type (each save is a new version), preview, regrade old attempts."""

import random

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from flask_wtf import FlaskForm

from course import audit
from course.db import get_session
from course.models import Question, QuestionBank, Quiz
from course.notifications.notify import notify
from course.questions.gift import gift_problems
from course.questions.moodle_xml import xml_problems
from course.quizzes import authoring, banks
from course.quizzes.regrade import apply_regrade, regrade_preview
from course.web.access import STAFF, allow
from course.web.instructor import bp
from course.web.instructor.preview import checked_review, shown_question
from course.web.instructor.question_forms import QUESTION_FORMS, TYPE_LABELS, question_form
from course.web.instructor.routes import INVALID
from course.web.instructor.wording import problem_text
from course.web.ownership.guard import managed_or_404, question_bank
from course.web.quiz.presenter import subquestion_ids
from course.web.quiz.responses import read_response


def _question(question_id: int, *, manage: bool = True) -> tuple[Question, QuestionBank]:
    """The question and its bank, when the current user may change (or, `manage=False`, read) the bank."""
    return question_bank(get_session().get(Question, question_id), manage=manage)


def _name_is_free(form, bank: QuestionBank, category: str, name: str, question_id: int | None = None) -> bool:
    if authoring.name_taken(get_session(), bank.id, category, name, question_id):
        form.name.errors.append(
            _("Another question in category “%(category)s” is already called “%(name)s”.", category=category, name=name)
        )
        return False
    return True


def _form_page(form, bank: QuestionBank, qtype: str, question: Question | None = None, status: int = 200):
    session = get_session()
    context = {
        "form": form,
        "bank": bank,
        "qtype": qtype,
        "type_label": TYPE_LABELS[qtype],
        "question": question,
        "older_attempts": 0,
        "export_problems": [],
    }
    if question is not None:
        context["older_attempts"] = authoring.older_version_attempts(session, question)
        data = authoring.current_data(session, question)
        context["export_problems"] = [
            ("GIFT", [problem_text(p) for p in gift_problems(data)]),
            ("Moodle XML", [problem_text(p) for p in xml_problems(data)]),
        ]
    return render_template("instructor/question_form.html", **context), status


@bp.route("/banks/<int:bank_id>/questions/new", methods=["GET", "POST"])
@allow(*STAFF)
def new_question(bank_id):
    session = get_session()
    bank = managed_or_404(session.get(QuestionBank, bank_id))
    qtype = request.args.get("type", "")
    if qtype not in QUESTION_FORMS:
        abort(404, _("Choose one of the question types."))
    form = question_form(qtype)
    if form.validate_on_submit():
        data = form.to_question()
        if _name_is_free(form, bank, data.category or bank.name, data.name):
            question = banks.add_question(session, bank, data, user_id=current_user.id)
            session.commit()
            flash(_("Question “%(name)s” saved.", name=question.name), "success")
            return redirect(url_for("instructor.edit_question", question_id=question.id))
    return _form_page(form, bank, qtype, status=INVALID if form.is_submitted() else 200)


@bp.route("/questions/<int:question_id>", methods=["GET", "POST"])
@allow(*STAFF)
def edit_question(question_id):
    session = get_session()
    question, bank = _question(question_id)
    form = question_form(question.qtype, authoring.current_data(session, question) if request.method == "GET" else None)
    if form.validate_on_submit():
        data = form.to_question(keep=authoring.current_data(session, question))
        if _name_is_free(form, bank, data.category or question.category, data.name, question.id):
            changed = banks.revise_question(session, question, data, user_id=current_user.id)
            session.commit()
            flash(
                _("Saved as version %(number)s.", number=question.current_version)
                if changed
                else _("Nothing was changed."),
                "success" if changed else "info",
            )
            return redirect(url_for("instructor.edit_question", question_id=question.id))
    return _form_page(form, bank, question.qtype, question, status=INVALID if form.is_submitted() else 200)


@bp.route("/questions/<int:question_id>/preview", methods=["GET", "POST"])
@allow(*STAFF)
def preview_question(question_id):
    question, bank = _question(question_id, manage=False)
    data = authoring.current_data(get_session(), question)
    form = FlaskForm()
    response = review = None
    if form.validate_on_submit() and data.type != "description":
        response = read_response(data.type, question.id, request.form.get, request.form.getlist, subquestion_ids(data))
        review = checked_review(data, response)
    # Options shuffled as trainees get them in a quiz that shuffles; the seed rides along so "Check answer" keeps
    # the order the instructor answered in.
    authored = request.values.get("order") == "authored"
    seed = request.values.get("seed", type=int) or random.SystemRandom().randrange(1, 2**31)
    return render_template(
        "instructor/preview_question.html",
        question=question,
        bank=bank,
        form=form,
        shown=shown_question(question.id, data, response, review, shuffle_seed=None if authored else seed),
        authored=authored,
        seed=seed,
    )


def _tell_changed_scores(session, rows) -> None:
    """Each trainee whose counted score the regrade changed is told, with the score before and after."""
    for row in rows:
        if row.attempt.practice or row.score_before is None or row.attempt.score is None:
            continue
        if round(row.score_before, 4) == round(row.attempt.score, 4):
            continue
        notify(
            session,
            row.user,
            "regrade_changed",
            title=session.get(Quiz, row.attempt.quiz_id).title,
            before=round(row.score_before * 100, 1),
            after=round(row.attempt.score * 100, 1),
            url=url_for("quiz.review", attempt_id=row.attempt.id),
        )


@bp.route("/questions/<int:question_id>/regrade", methods=["GET", "POST"])
@allow(*STAFF)
def regrade(question_id):
    session = get_session()
    question, bank = _question(question_id)
    form = FlaskForm()
    if form.validate_on_submit():
        before_version = question.current_version
        rows = apply_regrade(session, question, current_user.id)
        audit.record(
            session,
            current_user,
            "question.regrade",
            question,
            {"attempts": {row.attempt.id: row.score_before for row in rows}},
            {"version": before_version, "attempts": {row.attempt.id: row.attempt.score for row in rows}},
        )
        _tell_changed_scores(session, rows)
        session.commit()
        changed = sum(1 for row in rows if row.score_before != row.attempt.score)
        flash(
            ngettext("Regraded %(num)d attempt:", "Regraded %(num)d attempts:", len(rows))
            + " "
            + ngettext("%(num)d score changed.", "%(num)d scores changed.", changed),
            "success",
        )
        return redirect(url_for("instructor.regrade", question_id=question.id))
    return render_template(
        "instructor/regrade.html",
        question=question,
        bank=bank,
        form=form,
        rows=regrade_preview(session, question),
        history=authoring.regrade_history(session, question),
    )
