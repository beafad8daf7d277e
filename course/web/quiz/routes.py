"""Quiz pages for trainees."""

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy.exc import IntegrityError

from course.db import get_session
from course.models import Attempt, Module, Quiz
from course.models.base import utcnow
from course.progress.standing import learner_state
from course.questions.grading import grade
from course.quizzes import attempts as service
from course.quizzes import translations as question_translations
from course.quizzes.grades import has_passed, pass_applies
from course.quizzes.standing import quiz_standings
from course.web.access import ALL_ROLES, allow
from course.web.certificates.award import award_certificates
from course.web.language.selection import current_language
from course.web.quiz import bp
from course.web.quiz.presenter import shown_questions, subquestion_ids
from course.web.quiz.responses import read_response
from course.web.quiz.wording import refusal_text


def _quiz(quiz_id: int) -> Quiz:
    quiz = get_session().get(Quiz, quiz_id)
    if quiz is None or quiz.archived:
        abort(404)
    return quiz


def _own_attempt(attempt_id: int) -> tuple[Attempt, Quiz]:
    attempt = get_session().get(Attempt, attempt_id)
    if attempt is None or attempt.user_id != current_user.id:
        abort(404)
    return attempt, _quiz(attempt.quiz_id)


def _lock_on(quiz: Quiz):
    """(module, modules it waits for) when the trainee's path locks the quiz's module; else None."""
    return learner_state(get_session(), current_user.id).lock_on(quiz.module_id)


@bp.route("/quizzes/<int:quiz_id>")
@allow(*ALL_ROLES)
def quiz_start_page(quiz_id):
    session = get_session()
    quiz = _quiz(quiz_id)
    standing = quiz_standings(session, current_user.id, [quiz])[quiz.id]
    lock = _lock_on(quiz)
    window = service.availability(session, quiz, current_user.id, attempts_used=len(standing.attempts))
    return render_template(
        "quiz/start.html",
        quiz=quiz,
        window=window,
        practice_refusal=service.practice_refusal(quiz, window, utcnow()),
        attempts=standing.attempts,
        grade=standing.grade,
        passed=standing.passed,
        pass_applies=pass_applies(quiz),
        practice=service.graded_attempts(session, quiz, current_user.id, practice=True),
        module=session.get(Module, quiz.module_id) if quiz.module_id else None,
        locked=lock[0] if lock else None,
        form=FlaskForm(),
    )


@bp.route("/quizzes/<int:quiz_id>/start", methods=["POST"])
@allow(*ALL_ROLES)
def start(quiz_id):
    session = get_session()
    quiz = _quiz(quiz_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    if _lock_on(quiz):
        abort(403, _("This quiz's module is locked until its prerequisites are complete."))
    practice = request.form.get("mode") == "practice"
    try:
        attempt = service.start_attempt(session, quiz, current_user.id, practice=practice)
        session.commit()
    except service.AttemptRefused as refusal:
        session.rollback()
        flash(refusal_text(refusal.code, refusal.when), "error")
        return redirect(url_for("quiz.quiz_start_page", quiz_id=quiz.id))
    except IntegrityError:  # a second tab started the same attempt at the same moment
        session.rollback()
        attempt = service.in_progress(session, quiz, current_user.id, practice) or abort(409)
    return redirect(url_for("quiz.attempt_page", attempt_id=attempt.id))


@bp.route("/attempts/<int:attempt_id>")
@allow(*ALL_ROLES)
def attempt_page(attempt_id):
    session = get_session()
    attempt, quiz = _own_attempt(attempt_id)
    if attempt.state != "in_progress":
        return redirect(url_for("quiz.review", attempt_id=attempt.id))
    if service.is_overdue(attempt):
        # A page view never writes: the trainee's "See my result" button submits the saved answers.
        return render_template("quiz/time_up.html", quiz=quiz, attempt=attempt, form=FlaskForm())
    questions = shown_questions(quiz, attempt, _in_reader_language(session, service.attempt_items(session, attempt)))
    return render_template("quiz/attempt.html", quiz=quiz, attempt=attempt, questions=questions, form=FlaskForm())


def _in_reader_language(session, items):
    """The questions with their texts in the reader's language where a translation was loaded."""
    return question_translations.in_language(session, items, current_language().content)


def _form_responses(session, attempt) -> dict[int, object]:
    responses = {}
    for item, question in service.attempt_items(session, attempt):
        value = read_response(question.type, item.id, request.form.get, request.form.getlist, subquestion_ids(question))
        if value is not None:
            responses[item.id] = value
    return responses


def _form_flags() -> set[int] | None:
    """The items the trainee flagged for review; None when the form did not carry the flags (leave them as they are)."""
    if not request.form.get("flags__present"):
        return None
    return {int(value) for value in request.form.getlist("flagged") if value.isdigit() and len(value) < 19}


@bp.route("/attempts/<int:attempt_id>/save", methods=["POST"])
@allow(*ALL_ROLES)
def save(attempt_id):
    """Save answers so far (used by the Save button and by the page's autosave)."""
    session = get_session()
    attempt, quiz = _own_attempt(attempt_id)
    wants_json = request.accept_mimetypes.best == "application/json"
    try:
        saved = service.save_responses(session, attempt, _form_responses(session, attempt), flagged=_form_flags())
        session.commit()
    except service.AttemptRefused as refusal:
        session.rollback()
        if wants_json:
            return jsonify({"saved": 0, "error": refusal_text(refusal.code, refusal.when)}), 409
        flash(refusal_text(refusal.code, refusal.when), "error")
        return redirect(url_for("quiz.attempt_page", attempt_id=attempt.id))
    if wants_json:
        return jsonify({"saved": saved})
    flash(_("Your answers are saved."), "success")
    return redirect(url_for("quiz.attempt_page", attempt_id=attempt.id))


@bp.route("/attempts/<int:attempt_id>/submit", methods=["POST"])
@allow(*ALL_ROLES)
def submit(attempt_id):
    session = get_session()
    attempt, quiz = _own_attempt(attempt_id)
    late = service.is_overdue(attempt)
    newly = service.submit_attempt(session, attempt, _form_responses(session, attempt))
    award_certificates(session, current_user.id)
    session.commit()
    if newly and late:
        flash(_("Time was up: only answers saved before the deadline were counted."), "info")
    elif newly and request.form.get("timed_out"):
        flash(_("Time is up: your answers were saved and submitted."), "info")
    elif newly:
        flash(_("Your attempt is submitted."), "success")
    return redirect(url_for("quiz.review", attempt_id=attempt.id))


@bp.route("/attempts/<int:attempt_id>/review")
@allow(*ALL_ROLES)
def review(attempt_id):
    session = get_session()
    attempt, quiz = _own_attempt(attempt_id)
    if attempt.state == "in_progress":
        return redirect(url_for("quiz.attempt_page", attempt_id=attempt.id))
    withheld = set()
    if attempt.practice and not quiz.practice_shows_keys:
        withheld = service.drawable_questions(session, quiz)
    english = service.attempt_items(session, attempt)
    items = _in_reader_language(session, english)
    feedback = {
        item.id: service.grade_record(grade(question, item.response["value"] if item.response else None))
        for (item, question), (_item, original) in zip(items, english, strict=True)
        if question is not original and question.type not in service.UNGRADED_TYPES
    }
    questions = shown_questions(quiz, attempt, items, with_review=True, keys_withheld=withheld, feedback_texts=feedback)
    return render_template(
        "quiz/review.html",
        quiz=quiz,
        attempt=attempt,
        questions=questions,
        passed=has_passed(quiz, attempt.score) and not attempt.needs_grading,
        pass_applies=pass_applies(quiz),
    )
