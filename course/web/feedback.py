"""What the event and tour pages share about feedback: the attendee's form, the staff's figures and chart,
and the CSV download. The routes live in course/web/events and course/web/tours."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import BooleanField, RadioField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from course.db import get_session
from course.feedback import records
from course.feedback.figures import FeedbackFigures, feedback_csv, figures
from course.web.choices import choices
from course.web.reports.charts import Bar, BarGroup, bar_chart

RATINGS = choices([(str(n), str(n)) for n in (1, 2, 3, 4, 5)])


class FeedbackForm(FlaskForm):
    relevance = RadioField(
        _l("How relevant was it to your work? (1 not at all, 5 very)"),
        choices=RATINGS,
        validators=[InputRequired(message=_l("Choose a number from 1 to 5."))],
    )
    usefulness = RadioField(
        _l("How useful was it? (1 not at all, 5 very)"),
        choices=RATINGS,
        validators=[InputRequired(message=_l("Choose a number from 1 to 5."))],
    )
    will_apply = BooleanField(_l("I will apply something I learnt"))
    apply_text = TextAreaField(
        _l("What will you apply?"), validators=[Optional(), Length(max=2000)], description=_l("One or two sentences.")
    )
    submit = SubmitField(_l("Send feedback"))


def feedback_page(obj, title: str, back: str):
    """GET: the form (with the earlier answer); POST: save it. Only for those who may answer (else 404)."""
    session = get_session()
    if not records.may_answer(session, obj, current_user):
        abort(404)
    earlier = records.answer_of(session, obj, current_user.id)
    form = FeedbackForm(
        data=dict(
            relevance=str(earlier.relevance),
            usefulness=str(earlier.usefulness),
            will_apply=earlier.will_apply,
            apply_text=earlier.apply_text,
        )
        if earlier is not None
        else None
    )
    if form.validate_on_submit():
        records.save(
            session,
            obj,
            current_user,
            relevance=int(form.relevance.data),
            usefulness=int(form.usefulness.data),
            will_apply=bool(form.will_apply.data),
            apply_text=form.apply_text.data or "",
        )
        session.commit()
        flash(_("Thank you: your feedback is saved."), "success")
        return redirect(back)
    page = render_template("feedback/form.html", form=form, title=title, back=back, earlier=earlier)
    return page, 422 if form.errors else 200


def staff_figures(obj) -> tuple[FeedbackFigures, Markup]:
    """The figures of the answers about this event or tour, and their chart."""
    session = get_session()
    result = figures(records.answers(session, obj), len(records.attendees(session, obj)))
    return result, rating_chart(result, f"feedback-{obj.__tablename__}-{obj.id}")


def rating_chart(result: FeedbackFigures, chart_id: str) -> Markup:
    """How many gave each rating, relevance and usefulness side by side."""
    groups = [
        BarGroup(
            _("Rated %(rating)s", rating=rating),
            (
                Bar(result.relevance[rating], str(result.relevance[rating])),
                Bar(result.usefulness[rating], str(result.usefulness[rating])),
            ),
        )
        for rating in (5, 4, 3, 2, 1)
    ]
    return bar_chart(
        _("Feedback ratings"),
        _("How many attendees gave each rating, from 5 (very) to 1 (not at all)."),
        groups,
        series=(_("Relevance"), _("Usefulness")),
        max_value=max([*result.relevance.values(), *result.usefulness.values(), 1]),
        chart_id=chart_id,
    )


def csv_download(obj, title: str, filename: str) -> Response:
    body = feedback_csv(obj.__tablename__, obj.id, title, records.answers(get_session(), obj))
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )
