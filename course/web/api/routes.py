"""JSON endpoints other tools can read."""

from flask import jsonify

from course import learning
from course.db import get_session
from course.web.access import allow
from course.web.api import bp


@bp.route("/catalog")
@allow("public")
def catalog():
    session = get_session()
    grouped = learning.lessons_by_module(session)
    modules = [
        {
            "slug": m.slug,
            "title": m.title,
            "chapter": m.chapter,
            "summary": m.summary,
            "study_minutes": m.study_minutes,
            "lessons": [{"slug": lesson.slug, "title": lesson.title, "cases": lesson.cases}
                        for lesson in grouped.get(m.id, [])],
        }
        for m in learning.active_modules(session)
    ]
    return jsonify({"modules": modules})
