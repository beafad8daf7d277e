"""JSON endpoints other tools can read."""

from flask import abort, jsonify, request, url_for
from flask_babel import force_locale
from flask_login import current_user

from course import timezones
from course.content import catalogue
from course.db import get_session
from course.events import queries as event_queries
from course.library.search import search
from course.progress import learner_record
from course.reports.programme import PeriodError
from course.reports.programme_export import report_document
from course.reports.programme_report import FilterError
from course.web.access import STAFF, allow
from course.web.api import bp
from course.web.events.wording import kind_label
from course.web.library.filters import read_search
from course.web.library.presenter import case_document
from course.web.reports.programme_request import asked_report
from course.web.reports.wording import problem_text


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


MOST_PER_CALL = 100


@bp.route("/cases")
@allow("reader")
def cases():
    """The case library's search as JSON: the same filters, ranking and highlights as /library (docs/exports.md)."""
    query, filters, problems = read_search(request.args)
    offset, limit = request.args.get("offset", "0"), request.args.get("limit", "20")
    if not offset.isdigit() or int(offset) > 10**6:
        problems.append("'offset' must be a whole number of at least 0.")
    if not limit.isdigit() or not 1 <= int(limit) <= MOST_PER_CALL:
        problems.append(f"'limit' must be a whole number from 1 to {MOST_PER_CALL}.")
    if problems:
        return jsonify(
            {"error": "Bad request", "message": " ".join(problems), "problems": problems, "status": 400}
        ), 400
    results = search(get_session(), query, filters, offset=int(offset), limit=int(limit))
    return jsonify(case_document(results, int(limit)))


def activity_url(kind: str, key) -> str:
    """The absolute URL of a lesson, quiz, module or event page (a session: the event page's anchor of it): the
    activity ids of xAPI statements."""
    if kind == "event":
        return url_for("events.event", event_id=key, _external=True)
    if kind == "session":
        event_id, session_id = key
        return url_for("events.event", event_id=event_id, _external=True, _anchor=f"session-{session_id}")
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
    return jsonify(learner_record.my_statements(get_session(), current_user, activity_url))


@bp.route("/events")
@allow("trainee", "official", "instructor", "admin")
def events():
    """Upcoming events, soonest first, with their sessions as UTC instants (docs/exports.md)."""
    listings = event_queries.upcoming(get_session(), current_user.id)
    return jsonify({"events": [_event_json(item) for item in listings]})


def _english_kind(code: str) -> str:
    """The API's `kind_label` stays English whatever the request's language: a stable label for programs
    (docs/exports.md); `kind` is the code."""
    with force_locale("en"):
        return kind_label(code)


def _event_json(item) -> dict:
    event = item.event
    return {
        "id": event.id,
        "title": event.title,
        "kind": event.kind,
        "kind_label": _english_kind(event.kind),
        "url": url_for("events.event", event_id=event.id, _external=True),
        "ics": url_for("events.event_ics", event_id=event.id, _external=True),
        "time_zone": event.time_zone,
        "place": event.place,
        "online": bool(event.online_url),
        "audience": event.audience or None,
        "language": event.language,
        "capacity": event.capacity,
        "seats_left": item.seats_left,
        "waiting": item.waiting,
        "lessons": list(event.lessons),
        "cases": list(event.cases),
        "series": event.series or None,
        "my_status": item.status or None,
        "sessions": [
            {
                "starts_at": timezones.iso_utc(s.starts_at),
                "ends_at": timezones.iso_utc(s.ends_at),
                "cancelled": s.cancelled_at is not None,
            }
            for s in item.sessions
        ],
    }


@bp.route("/reports/programme")
@allow(*STAFF)
def programme_report():
    """The programme report's figures (the query string of /reports/programme: from, to, path, audience, country)."""
    try:
        report = asked_report(get_session(), current_user)
    except (PeriodError, FilterError) as problem:
        abort(400, description=problem_text(problem))
    return jsonify(report_document(report))
