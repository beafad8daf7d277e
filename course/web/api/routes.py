"""JSON endpoints other tools can read."""

from flask import jsonify, url_for
from flask_login import current_user

from course.content import catalogue
from course.db import get_session
from course.progress import learner_record
from course.web.access import allow
from course.web.api import bp


@bp.route("/catalog")
@allow("reader")
def catalog():
    session = get_session()
    grouped = catalogue.lessons_by_module(session)
    modules = [
        {
            "slug": m.slug,
            "title": m.title,
            "chapter": m.chapter,
            "summary": m.summary,
            "study_minutes": m.study_minutes,
            "lessons": [
                {"slug": lesson.slug, "title": lesson.title, "cases": lesson.cases} for lesson in grouped.get(m.id, [])
            ],
        }
        for m in catalogue.active_modules(session)
    ]
    return jsonify({"modules": modules})


def _absolute_url(kind: str, key) -> str:
    """The absolute URL of a lesson, quiz or module page: the activity ids of xAPI statements."""
    if kind == "quiz":
        return url_for("quiz.quiz_start_page", quiz_id=key, _external=True)
    return url_for(f"learn.{kind}", slug=key, _external=True)


@bp.route("/me/progress")
@allow("trainee", "official", "instructor", "admin")
def my_progress():
    return jsonify(learner_record.my_progress(get_session(), current_user.id))


@bp.route("/me/xapi")
@allow("trainee", "official", "instructor", "admin")
def my_xapi():
    return jsonify(learner_record.my_statements(get_session(), current_user, _absolute_url))
