"""Events: the upcoming list, month calendar, an event's page and its .ics, open to read (visitors too, unless
the site is members-only); for everyone signed in: enrol and withdraw, and calendars (.ics of an event, of one's own schedule, and a subscribable feed behind a secret link)."""

from contextlib import nullcontext

from flask import Response, abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user

from course import ownership, timezones
from course.content import catalogue
from course.db import get_session
from course.events import feeds, month, queries, seats
from course.events.ics import calendar_document
from course.feedback import records as feedback_records
from course.models import ENROLLED, Event
from course.models.base import utcnow
from course.web.access import ALL_ROLES, allow
from course.web.events import bp, wording
from course.web.events.forms import EnrolForm, FeedTokenForm, WithdrawForm
from course.web.events.wording import EVENT_KINDS
from course.web.feedback import feedback_page
from course.web.local_time import viewer_zone
from course.web.template_helpers import AUDIENCE_LABELS

ICS_TYPE = "text/calendar; charset=utf-8"


def event_or_404(event_id: int) -> Event:
    return get_session().get(Event, event_id) or abort(404)


def _viewer_id() -> int | None:
    """The signed-in reader's id; None for a visitor (the programme's pages are open to read)."""
    return current_user.id if current_user.is_authenticated else None


@bp.route("/")
@allow("reader")
def upcoming():
    session, viewer = get_session(), _viewer_id()
    audience, series = request.args.get("audience", ""), request.args.get("series", "")
    listings = queries.upcoming(session, viewer)
    if audience in AUDIENCE_LABELS:
        listings = [item for item in listings if item.event.audience in ("", audience)]
    if series:
        listings = [item for item in listings if item.event.series == series]
    mine = (
        [item for item in queries.of_person(session, viewer) if item.ends_at and item.ends_at > utcnow()]
        if viewer is not None
        else []
    )
    return render_template(
        "events/list.html",
        listings=listings,
        audience=audience if audience in AUDIENCE_LABELS else "",
        series=series,
        mine=mine,
    )


@bp.context_processor
def _labels():
    return {"event_kinds": EVENT_KINDS, "audience_labels": AUDIENCE_LABELS}


@bp.route("/calendar")
@allow("reader")
def calendar():
    zone = viewer_zone()
    first = month.parse_month(request.args.get("month"), timezones.to_local(utcnow(), zone).date())
    weeks = month.weeks(first)
    start, end = month.bounds(weeks, zone)
    by_day: dict = {}
    for item in queries.in_period(get_session(), _viewer_id(), start, end):
        for number, s in enumerate(item.sessions, start=1):
            if s.cancelled_at is None and start <= s.starts_at < end:
                day = timezones.to_local(s.starts_at, zone).date()
                by_day.setdefault(day, []).append((item, s, number))
    before, after = month.neighbours(first)
    return render_template(
        "events/calendar.html", first=first, weeks=weeks, by_day=by_day, before=before, after=after, zone=zone
    )


@bp.route("/<int:event_id>")
@allow("reader")
def event(event_id):
    """The event's page; a visitor reads it without the online link, and is offered to log in to enrol."""
    session, viewer = get_session(), _viewer_id()
    item = queries.listing(session, event_or_404(event_id), viewer)
    mine = seats.enrolment_of(session, event_id, viewer) if viewer is not None else None
    return render_template(
        "events/event.html",
        item=item,
        enrolment=mine,
        position=seats.waiting_position(session, mine) if mine is not None and mine.status == "waitlisted" else None,
        is_open=seats.is_open(session, item.event),
        may_manage=ownership.may_manage(session, current_user, item.event),
        lessons=[found for slug in item.event.lessons if (found := catalogue.lesson_by_slug(session, slug))],
        enrol_form=EnrolForm(),
        withdraw_form=WithdrawForm(),
        feedback_open=viewer is not None and feedback_records.may_answer(session, item.event, current_user),
    )


@bp.route("/<int:event_id>/feedback", methods=["GET", "POST"])
@allow(*ALL_ROLES)
def feedback(event_id):
    event = event_or_404(event_id)
    return feedback_page(event, event.title, url_for("events.event", event_id=event.id))


@bp.route("/<int:event_id>/enrol", methods=["POST"])
@allow(*ALL_ROLES)
def enrol(event_id):
    session, event = get_session(), event_or_404(event_id)
    if not EnrolForm().validate_on_submit():
        abort(400)
    try:
        row = seats.enrol(session, event, current_user._get_current_object())
        position = seats.waiting_position(session, row) if row.status != ENROLLED else None
        session.commit()
    except seats.EnrolmentClosed:
        session.rollback()
        flash(_("Enrolment is closed: the event is cancelled or has begun."), "error")
        return redirect(url_for("events.event", event_id=event_id))
    if position is None:
        flash(_("You are enrolled in “%(title)s”. Add it to your calendar below.", title=event.title), "success")
    else:
        flash(
            _(
                "“%(title)s” is full: you are number %(position)s on the waiting list.",
                title=event.title,
                position=position,
            ),
            "info",
        )
    return redirect(url_for("events.event", event_id=event_id))


@bp.route("/<int:event_id>/withdraw", methods=["POST"])
@allow(*ALL_ROLES)
def withdraw(event_id):
    session, event = get_session(), event_or_404(event_id)
    if not WithdrawForm().validate_on_submit():
        abort(400)
    try:
        seats.withdraw(session, event, current_user._get_current_object())
        session.commit()
    except seats.EnrolmentClosed:
        session.rollback()
        flash(_("The event is cancelled or has begun: there is nothing to withdraw from."), "error")
        return redirect(url_for("events.event", event_id=event_id))
    flash(_("You withdrew from “%(title)s”.", title=event.title), "success")
    return redirect(url_for("events.event", event_id=event_id))


def _ics(body: bytes, filename: str) -> Response:
    response = make_response(body)
    response.headers["Content-Type"] = ICS_TYPE
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-cache"
    return response


def _link(event: Event) -> str:
    return url_for("events.event", event_id=event.id, _external=True)


@bp.route("/<int:event_id>.ics")
@allow("reader")
def event_ics(event_id):
    session, event = get_session(), event_or_404(event_id)
    if event.cancelled_at is not None:
        words = _("“%(title)s” was cancelled, so it has no calendar file.", title=event.title)
        abort(410, f"{words} {event.cancel_reason}".strip())
    item = queries.listing(session, event, _viewer_id())
    private = item.status == ENROLLED or ownership.may_manage(session, current_user, event)
    body = calendar_document(
        [item], name=event.title, link=_link, with_online_links=private, words=wording.calendar_words()
    )
    return _ics(body, f"event-{event.id}.ics")


@bp.route("/mine.ics")
@allow(*ALL_ROLES)
def my_ics():
    body = _my_calendar(current_user)
    return _ics(body, "my-cbec-academy-events.ics")


def _my_calendar(user) -> bytes:
    """A person's own calendar, in the language they chose (a subscribed feed's request is the calendar app's, not
    theirs); with none chosen, the request's language."""
    listings = queries.of_person(get_session(), user.id)
    with force_locale(user.language) if user.language else nullcontext():
        return calendar_document(
            listings,
            name=wording.my_calendar_name(),
            link=_link,
            with_online_links=True,
            words=wording.calendar_words(),
        )


@bp.route("/feed/<token>.ics")
@allow("public")
def feed(token):
    user = feeds.owner_of(get_session(), token)
    if user is None:
        abort(404, _("This calendar link is unknown or was revoked. Make a new one on the Events page."))
    response = _ics(_my_calendar(user), "cbec-academy.ics")
    response.headers["Content-Disposition"] = 'inline; filename="cbec-academy.ics"'
    return response


@bp.route("/feed", methods=["GET", "POST"])
@allow(*ALL_ROLES)
def feed_link():
    """GET: the page about the calendar link; POST: a new link, shown once (the old one stops working)."""
    session, form = get_session(), FeedTokenForm()
    if form.validate_on_submit():
        token = feeds.new_link(session, current_user._get_current_object())
        session.commit()
        url = url_for("events.feed", token=token, _external=True)
        response = make_response(render_template("events/feed.html", form=form, url=url, has_link=True))
        response.headers["Cache-Control"] = "no-store"
        return response
    return render_template("events/feed.html", form=form, url=None, has_link=feeds.has_link(session, current_user))


@bp.route("/feed/revoke", methods=["POST"])
@allow(*ALL_ROLES)
def revoke_feed():
    session = get_session()
    if not FeedTokenForm().validate_on_submit():
        abort(400)
    if feeds.revoke(session, current_user._get_current_object()):
        session.commit()
        flash(_("Your calendar link is revoked: calendars subscribed to it get nothing more."), "success")
    return redirect(url_for("events.feed_link"))
