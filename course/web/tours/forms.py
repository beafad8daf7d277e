"""Study-tour forms, validated on the server."""

import re

from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    FieldList,
    Form,
    FormField,
    IntegerField,
    RadioField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from course.tours.applications import DECISIONS
from course.web.choices import choices
from course.web.events.forms import case_numbers

BLANK_VISIT_ROWS = 2


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def slugs(text: str | None) -> list[str]:
    """'a-lesson, another' as ['a-lesson', 'another']."""
    return [part for part in re.split(r"[,\s]+", text or "") if part]


class VisitForm(Form):
    """One site visit of the itinerary."""

    day = DateField("Day", validators=[Optional()])
    place = StringField("Place", validators=[Optional(), Length(max=200)], filters=[_strip])
    what = TextAreaField("What participants see", validators=[Optional(), Length(max=2000)], filters=[_strip])
    lessons = StringField("Lessons it shows (slugs)", validators=[Optional(), Length(max=500)], filters=[_strip])
    cases = StringField("Cases it shows (numbers)", validators=[Optional(), Length(max=200)], filters=[_strip])

    @property
    def blank(self) -> bool:
        typed = [(f.raw_data or [""])[0].strip() for f in (self.day, self.place, self.what, self.lessons, self.cases)]
        return not any(typed) and self.day.data is None and not self.place.data

    def validate_cases(self, field):
        try:
            case_numbers(field.data)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None


class TourForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=200)], filters=[_strip])
    destination = StringField(
        "Destination", validators=[DataRequired(), Length(max=200)], filters=[_strip], description="Region or cities."
    )
    summary = TextAreaField(
        "Summary (markdown)",
        validators=[Optional(), Length(max=20000)],
        description="Who it is for, what participants learn, costs covered. Scripts and unsafe links are removed.",
    )
    starts_on = DateField("First day", validators=[InputRequired(message="Give the first day.")])
    ends_on = DateField("Last day", validators=[InputRequired(message="Give the last day.")])
    applications_close_on = DateField(
        "Applications close (optional)", validators=[Optional()], description="Default: the day before departure."
    )
    capacity = IntegerField(
        "Places",
        validators=[
            InputRequired(message="Give the number of places."),
            NumberRange(min=1, max=10000, message="The places must be between 1 and 10000."),
        ],
    )
    prereading = SelectMultipleField(
        "Pre-reading (lessons to complete before departure)", coerce=str, validators=[Optional()]
    )
    visits = FieldList(FormField(VisitForm), min_entries=1, max_entries=70)
    submit = SubmitField("Save the study tour")


class ApplicationForm(FlaskForm):
    motivation = TextAreaField(
        "Why do you want to join?",
        validators=[DataRequired(message="Tell the programme why you want to join."), Length(max=3000)],
        filters=[_strip],
        description="What you hope to learn, and how your organisation will use it.",
    )
    organisation = StringField("Organisation", validators=[Optional(), Length(max=200)], filters=[_strip])
    nominated_by = StringField(
        "Nominated by (optional)",
        validators=[Optional(), Length(max=200)],
        filters=[_strip],
        description="The ministry, association or employer that nominates you.",
    )
    submit = SubmitField("Apply")


class DecisionForm(FlaskForm):
    status = RadioField(
        "Decision", choices=choices(DECISIONS.items()), validators=[InputRequired("Choose a decision.")]
    )
    reason = TextAreaField("Reason (the applicant reads it)", validators=[Length(max=2000)], filters=[_strip])
    submit = SubmitField("Record the decision")

    def validate_reason(self, field):
        if self.status.data == "declined" and not field.data:
            raise ValidationError("Give the reason for declining: the applicant reads it.")


class ReportForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=200)], filters=[_strip])
    body = TextAreaField(
        "Your report (markdown)",
        validators=[DataRequired(message="Write your report first."), Length(max=50000)],
        description="What you saw, what worked and why, figures and their source, what others could copy.",
    )
    save = SubmitField("Save draft")
    submit = SubmitField("Submit to the programme")


class CancelTourForm(FlaskForm):
    reason = TextAreaField(
        "Why is it cancelled?",
        validators=[DataRequired(message="Give a reason: applicants are told."), Length(max=1000)],
        filters=[_strip],
    )
    submit = SubmitField("Cancel the study tour")


class WithdrawForm(FlaskForm):
    submit = SubmitField("Withdraw my application")
