"""Study-tour forms, validated on the server."""

import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
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

from course.web.choices import choices
from course.web.events.forms import case_numbers
from course.web.events.wording import DECISIONS

BLANK_VISIT_ROWS = 2


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def slugs(text: str | None) -> list[str]:
    """'a-lesson, another' as ['a-lesson', 'another']."""
    return [part for part in re.split(r"[,\s]+", text or "") if part]


class VisitForm(Form):
    """One site visit of the itinerary."""

    day = DateField(_l("Day"), validators=[Optional()])
    place = StringField(_l("Place"), validators=[Optional(), Length(max=200)], filters=[_strip])
    what = TextAreaField(_l("What participants see"), validators=[Optional(), Length(max=2000)], filters=[_strip])
    lessons = StringField(_l("Lessons it shows (slugs)"), validators=[Optional(), Length(max=500)], filters=[_strip])
    cases = StringField(_l("Cases it shows (numbers)"), validators=[Optional(), Length(max=200)], filters=[_strip])

    @property
    def blank(self) -> bool:
        typed = [(f.raw_data or [""])[0].strip() for f in (self.day, self.place, self.what, self.lessons, self.cases)]
        return not any(typed) and self.day.data is None and not self.place.data

    def validate_cases(self, field):
        try:
            case_numbers(field.data)
        except ValueError:
            raise ValidationError(_("Give case numbers separated by commas, e.g. 3, 17.")) from None


class TourForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)], filters=[_strip])
    destination = StringField(
        _l("Destination"),
        validators=[DataRequired(), Length(max=200)],
        filters=[_strip],
        description=_l("Region or cities."),
    )
    summary = TextAreaField(
        _l("Summary (markdown)"),
        validators=[Optional(), Length(max=20000)],
        description=_l("Who it is for, what participants learn, costs covered. Scripts and unsafe links are removed."),
    )
    starts_on = DateField(_l("First day"), validators=[InputRequired(message=_l("Give the first day."))])
    ends_on = DateField(_l("Last day"), validators=[InputRequired(message=_l("Give the last day."))])
    applications_close_on = DateField(
        _l("Applications close (optional)"),
        validators=[Optional()],
        description=_l("Default: the day before departure."),
    )
    capacity = IntegerField(
        _l("Places"),
        validators=[
            InputRequired(message=_l("Give the number of places.")),
            NumberRange(min=1, max=10000, message=_l("The places must be between 1 and 10000.")),
        ],
    )
    prereading = SelectMultipleField(
        _l("Pre-reading (lessons to complete before departure)"), coerce=str, validators=[Optional()]
    )
    visits = FieldList(FormField(VisitForm), min_entries=1, max_entries=70)
    submit = SubmitField(_l("Save the study tour"))


class ApplicationForm(FlaskForm):
    motivation = TextAreaField(
        _l("Why do you want to join?"),
        validators=[DataRequired(message=_l("Tell the programme why you want to join.")), Length(max=3000)],
        filters=[_strip],
        description=_l("What you hope to learn, and how your organisation will use it."),
    )
    organisation = StringField(_l("Organisation"), validators=[Optional(), Length(max=200)], filters=[_strip])
    nominated_by = StringField(
        _l("Nominated by (optional)"),
        validators=[Optional(), Length(max=200)],
        filters=[_strip],
        description=_l("The ministry, association or employer that nominates you."),
    )
    submit = SubmitField(_l("Apply"))


class DecisionForm(FlaskForm):
    status = RadioField(
        _l("Decision"), choices=choices(DECISIONS.items()), validators=[InputRequired(_l("Choose a decision."))]
    )
    reason = TextAreaField(_l("Reason (the applicant reads it)"), validators=[Length(max=2000)], filters=[_strip])
    submit = SubmitField(_l("Record the decision"))

    def validate_reason(self, field):
        if self.status.data == "declined" and not field.data:
            raise ValidationError(_("Give the reason for declining: the applicant reads it."))


class ReportForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)], filters=[_strip])
    body = TextAreaField(
        _l("Your report (markdown)"),
        validators=[DataRequired(message=_l("Write your report first.")), Length(max=50000)],
        description=_l("What you saw, what worked and why, figures and their source, what others could copy."),
    )
    save = SubmitField(_l("Save draft"))
    submit = SubmitField(_l("Submit to the programme"))


class CancelTourForm(FlaskForm):
    reason = TextAreaField(
        _l("Why is it cancelled?"),
        validators=[DataRequired(message=_l("Give a reason: applicants are told.")), Length(max=1000)],
        filters=[_strip],
    )
    submit = SubmitField(_l("Cancel the study tour"))


class WithdrawForm(FlaskForm):
    submit = SubmitField(_l("Withdraw my application"))
