"""Essay grading: the queue of written answers, and a page to mark each one."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from course import audit, ownership
from course.db import get_session
from course.notifications.notify import notify
from course.quizzes.attempts import grade_essay
from course.quizzes.essays import essay_answer, essays_to_grade
from course.web.access import STAFF, allow
from course.web.certificates.award import certify_trainee
from course.web.formatting import percent
from course.web.instructor import bp
from course.web.instructor.forms import EssayGradeForm
from course.web.instructor.routes import INVALID
from course.web.ownership.guard import trainee_or_404


@bp.route("/grading")
@allow(*STAFF)
def grading():
    return render_template(
        "instructor/grading.html", essays=essays_to_grade(get_session(), ownership.taught_trainees(current_user))
    )


@bp.route("/grading/<int:item_id>", methods=["GET", "POST"])
@allow(*STAFF)
def grade_item(item_id):
    session = get_session()
    essay = essay_answer(session, item_id) or abort(404)
    trainee_or_404(essay.trainee.id)
    graded = essay.item.fraction is not None
    form = EssayGradeForm(
        data={"percent": round(essay.item.fraction * 100, 2), "comment": essay.item.comment} if graded else None
    )
    if form.validate_on_submit():
        before = audit.snapshot(essay.item, ("fraction", "comment"))
        attempt = grade_essay(session, essay.item, form.percent.data / 100, form.comment.data, current_user.id)
        audit.record(
            session,
            current_user,
            "essay.grade",
            essay.item,
            before,
            audit.snapshot(essay.item, ("fraction", "comment")),
        )
        notify(
            session,
            essay.trainee,
            "essay_graded",
            title=essay.quiz.title,
            score=None if attempt.needs_grading else round(attempt.score * 100, 1),
            url=url_for("quiz.review", attempt_id=attempt.id),
        )
        certify_trainee(session, attempt.user_id)
        session.commit()
        state = (
            _("still awaits grading of other answers")
            if attempt.needs_grading
            else _("now scores %(percent)s", percent=percent(attempt.score))
        )
        flash(_("Grade saved: %(name)s's attempt %(state)s.", name=essay.trainee.name, state=state), "success")
        return redirect(url_for("instructor.grading"))
    return render_template(
        "instructor/grade_item.html", essay=essay, form=form, graded=graded
    ), INVALID if form.is_submitted() else 200
