"""Quizzes: settings, slots (fixed questions and random draws), per-trainee extensions, preview."""

import random

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from course import audit, ownership
from course.accounts import find_user
from course.db import get_session
from course.models import Question, QuestionBank, Quiz
from course.quizzes import authoring
from course.quizzes import setup as quiz_setup
from course.quizzes.settings import EDITABLE
from course.web.access import STAFF, allow
from course.web.choices import choices
from course.web.instructor import bp
from course.web.instructor.forms import (
    KIND_LABELS,
    ExtensionForm,
    FixedSlotForm,
    QuestionSearchForm,
    QuizForm,
    RandomSlotForm,
    as_utc,
)
from course.web.instructor.preview import shown_sample
from course.web.instructor.question_forms import TYPE_LABELS
from course.web.instructor.routes import INVALID
from course.web.ownership.guard import managed_or_404, panel
from course.web.pagination import requested_page


def _quiz(quiz_id: int) -> Quiz:
    return managed_or_404(get_session().get(Quiz, quiz_id))


def _usable_banks():
    """The banks whose questions this user may put in a quiz: theirs, co-taught and shared ones."""
    return ownership.readable(current_user, QuestionBank)


def _quiz_form(quiz: Quiz | None = None, formdata=True) -> QuizForm:
    form = (
        QuizForm(data=QuizForm.data_from(quiz) if quiz else None)
        if formdata
        else QuizForm(formdata=None, data=QuizForm.data_from(quiz))
    )
    modules = quiz_setup.module_choices(get_session())
    form.module_id.choices = choices([("", _("No module")), *((str(i), t) for i, t in modules)])
    return form


def _sources() -> dict[str, list[tuple[str, str]]]:
    """ "bank id:category" choices of the usable banks, grouped by bank ("id:" is the whole bank)."""
    return {
        bank.name: [(f"{bank.id}:", _("All categories")), *((f"{bank.id}:{c}", c) for c in categories)]
        for bank, categories in authoring.bank_categories(get_session(), _usable_banks())
    }


def _random_form(formdata=True) -> RandomSlotForm:
    form = RandomSlotForm() if formdata else RandomSlotForm(formdata=None)
    form.source.choices = _sources()
    return form


def _search_form() -> QuestionSearchForm:
    form = QuestionSearchForm(request.args)
    form.source.choices = {"": [("", _("Every bank"))], **_sources()}
    form.qtype.choices = [("", _("Every type")), *TYPE_LABELS.items()]
    return form


def _source_filter(source: str) -> tuple[int | None, str]:
    """(bank id, category) of a "bank id:category" choice; (None, "") for every bank or a malformed value."""
    bank, _sep, category = (source or "").partition(":")
    return (int(bank), category) if bank.isdigit() else (None, "")


def _quiz_page(quiz: Quiz, status: int = 200, **forms):
    session = get_session()
    forms.setdefault("settings", _quiz_form(quiz, formdata=False))
    forms.setdefault("draw", _random_form(formdata=False))
    forms.setdefault("extension", ExtensionForm(formdata=None))
    return render_template(
        "instructor/quiz.html",
        quiz=quiz,
        slots=quiz_setup.slot_rows(session, quiz),
        extensions=quiz_setup.quiz_extensions(session, quiz),
        remove_form=FlaskForm(formdata=None),
        search=_search_form(),
        ownership=panel(quiz),
        **forms,
    ), status


@bp.route("/quizzes")
@allow(*STAFF)
def quizzes():
    return render_template(
        "instructor/quizzes.html",
        rows=quiz_setup.quiz_rows(get_session(), ownership.managed(current_user, Quiz)),
        kind_labels=KIND_LABELS,
    )


def _slug_is_free(form: QuizForm, quiz_id: int | None = None) -> bool:
    if quiz_setup.slug_taken(get_session(), form.slug.data, quiz_id):
        form.slug.errors.append(_("Another quiz already uses this slug."))
        return False
    return True


@bp.route("/quizzes/new", methods=["GET", "POST"])
@allow(*STAFF)
def new_quiz():
    session = get_session()
    form = _quiz_form()
    if form.validate_on_submit() and _slug_is_free(form):
        quiz = quiz_setup.save_quiz(session, None, form.settings(), owner_id=current_user.id)
        audit.record(session, current_user, "quiz.create", quiz, None, audit.snapshot(quiz, EDITABLE))
        session.commit()
        flash(_("Quiz “%(title)s” created. Now add its questions.", title=quiz.title), "success")
        return redirect(url_for("instructor.quiz", quiz_id=quiz.id))
    return render_template("instructor/new_quiz.html", form=form), INVALID if form.is_submitted() else 200


@bp.route("/quizzes/<int:quiz_id>", methods=["GET", "POST"])
@allow(*STAFF)
def quiz(quiz_id):
    session = get_session()
    quiz = _quiz(quiz_id)
    form = _quiz_form(quiz)
    if form.validate_on_submit() and _slug_is_free(form, quiz.id):
        before = audit.snapshot(quiz, EDITABLE)
        quiz_setup.save_quiz(session, quiz, form.settings())
        after = audit.snapshot(quiz, EDITABLE)
        changed = [key for key in EDITABLE if before[key] != after[key]]
        if changed:
            audit.record(
                session,
                current_user,
                "quiz.settings",
                quiz,
                {k: before[k] for k in changed},
                {k: after[k] for k in changed},
            )
        session.commit()
        flash(_("Quiz settings saved."), "success")
        return redirect(url_for("instructor.quiz", quiz_id=quiz.id))
    return _quiz_page(quiz, INVALID if form.is_submitted() else 200, settings=form)


PICKER_PAGE = 25


@bp.route("/quizzes/<int:quiz_id>/questions")
@allow(*STAFF)
def pick_question(quiz_id):
    """Search the usable banks for a question to add: words, bank and category, type; one page of matches."""
    quiz = _quiz(quiz_id)
    search = _search_form()
    bank_id, category = _source_filter(search.source.data)
    wanted = authoring.QuestionSearch(search.q.data or "", bank_id, category, search.qtype.data or "")
    page = requested_page(PICKER_PAGE, authoring.count_questions(get_session(), wanted, _usable_banks()))
    matches = authoring.find_questions(get_session(), wanted, _usable_banks(), offset=page.start, limit=PICKER_PAGE)
    return render_template(
        "instructor/pick_question.html",
        quiz=quiz,
        search=search,
        matches=matches,
        page=page,
        add_form=FixedSlotForm(formdata=None),
        type_labels=TYPE_LABELS,
        in_quiz={slot["question_id"] for slot in quiz.slots if slot.get("kind") == "fixed"},
    )


@bp.route("/quizzes/<int:quiz_id>/slots/fixed", methods=["POST"])
@allow(*STAFF)
def add_fixed_slot(quiz_id):
    quiz = _quiz(quiz_id)
    form = FixedSlotForm()
    if not form.validate_on_submit():
        flash(_("Choose a question and a mark between 0.01 and 1000."), "error")
        return redirect(url_for("instructor.pick_question", quiz_id=quiz.id)), 303
    question = get_session().get(Question, form.question_id.data)
    bank = get_session().get(QuestionBank, question.bank_id) if question and not question.archived else None
    if bank is None or not ownership.may_read(get_session(), current_user, bank):
        abort(404)
    before = list(quiz.slots)
    quiz_setup.add_fixed_slot(quiz, form.question_id.data, form.fixed_mark.data)
    audit.record(get_session(), current_user, "quiz.slot_add", quiz, {"slots": before}, {"slots": quiz.slots})
    get_session().commit()
    flash(_("Question added to the quiz."), "success")
    return redirect(url_for("instructor.quiz", quiz_id=quiz.id))


@bp.route("/quizzes/<int:quiz_id>/slots/random", methods=["POST"])
@allow(*STAFF)
def add_random_slot(quiz_id):
    session = get_session()
    quiz = _quiz(quiz_id)
    form = _random_form()
    if form.validate_on_submit():
        bank_id, category = form.bank_and_category()
        available = quiz_setup.drawable_count(session, bank_id, category)
        if available >= form.count.data:
            before = list(quiz.slots)
            quiz_setup.add_random_slot(quiz, bank_id, category, form.count.data, form.random_mark.data)
            audit.record(session, current_user, "quiz.slot_add", quiz, {"slots": before}, {"slots": quiz.slots})
            session.commit()
            flash(_("Random draw added to the quiz."), "success")
            return redirect(url_for("instructor.quiz", quiz_id=quiz.id))
        form.count.errors.append(
            _(
                "This category has only %(num)s questions that can be drawn (essays and descriptions are never drawn).",
                num=available,
            )
        )
    return _quiz_page(quiz, INVALID, draw=form)


@bp.route("/quizzes/<int:quiz_id>/slots/<int:index>/remove", methods=["POST"])
@allow(*STAFF)
def remove_slot(quiz_id, index):
    quiz = _quiz(quiz_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    before = list(quiz.slots)
    if quiz_setup.remove_slot(quiz, index):
        audit.record(get_session(), current_user, "quiz.slot_remove", quiz, {"slots": before}, {"slots": quiz.slots})
        get_session().commit()
        flash(_("Slot removed."), "success")
    return redirect(url_for("instructor.quiz", quiz_id=quiz.id))


@bp.route("/quizzes/<int:quiz_id>/extensions", methods=["POST"])
@allow(*STAFF)
def grant_extension(quiz_id):
    session = get_session()
    quiz = _quiz(quiz_id)
    form = ExtensionForm()
    if form.validate_on_submit():
        trainee = find_user(session, email=form.email.data)
        if trainee is not None:
            extension = quiz_setup.grant_extension(
                session,
                quiz,
                trainee,
                closes_at=as_utc(form.extension_closes_at.data),
                extra_attempts=form.extra_attempts.data or 0,
                extra_minutes=form.extra_minutes.data or 0,
            )
            audit.record(
                session,
                current_user,
                "quiz.extension",
                quiz,
                None,
                {"user_id": trainee.id} | audit.snapshot(extension, ("closes_at", "extra_attempts", "extra_minutes")),
            )
            session.commit()
            flash(_("Extension saved for %(email)s.", email=trainee.email), "success")
            return redirect(url_for("instructor.quiz", quiz_id=quiz.id))
        form.email.errors.append(_("No account has this email address."))
    return _quiz_page(quiz, INVALID, extension=form)


@bp.route("/quizzes/<int:quiz_id>/preview")
@allow(*STAFF)
def preview_quiz(quiz_id):
    """A sample attempt as a trainee would see it (shuffled as the quiz says), or in authored order on request."""
    quiz = _quiz(quiz_id)
    authored = request.args.get("order") == "authored"
    seed = random.SystemRandom().randrange(2**31)
    sample = quiz_setup.sample_draw(get_session(), quiz, seed, authored=authored)
    shown = shown_sample(sample, quiz.shuffle_options and not authored, seed)
    return render_template("instructor/preview_quiz.html", quiz=quiz, questions=shown, authored=authored)
