"""Event forms, validated on the server."""

import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
    URLField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp, ValidationError

from course.web.choices import choices, time_zone_field
from course.web.events.wording import EVENT_KINDS
from course.web.template_helpers import AUDIENCE_LABELS

BLANK_SESSION_ROWS = 2  # empty rows offered after the sessions an event has
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def case_numbers(text: str | None) -> list[int]:
    """'3, 17 42' as [3, 17, 42]; raises ValueError on anything that is not a whole number."""
    parts = [p for p in re.split(r"[,\s]+", text or "") if p]
    numbers = [int(p) for p in parts if p.isdigit()]
    if len(numbers) != len(parts):
        raise ValueError("Give case numbers separated by commas, e.g. 3, 17.")
    return sorted(set(numbers))


def web_address(form, field):
    if field.data and not re.match(r"^https?://[^\s/$.?#][^\s]*$", field.data):
        raise ValidationError(_("Give a web address starting with https:// (or http://)."))


class SessionForm(Form):
    """One row of the sessions table; its times are wall-clock times in the event's time zone."""

    id = HiddenField()
    starts = DateTimeLocalField(_l("Starts"), format="%Y-%m-%dT%H:%M", validators=[Optional()])
    ends = DateTimeLocalField(_l("Ends"), format="%Y-%m-%dT%H:%M", validators=[Optional()])
    cancelled = BooleanField(_l("Cancelled"))

    @property
    def blank(self) -> bool:
        """Nothing in either time (an unused row, or an existing session cleared to remove it)."""
        typed = [(f.raw_data or [""])[0].strip() for f in (self.starts, self.ends)]
        return not any(typed) and self.starts.data is None and self.ends.data is None


class EventForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)], filters=[_strip])
    kind = SelectField(_l("Kind"), choices=choices(EVENT_KINDS.items()), default="seminar")
    description = TextAreaField(
        _l("Description (markdown)"),
        validators=[Optional(), Length(max=20000)],
        description=_l("Programme, speakers, what to prepare. Markdown; scripts and unsafe links are removed."),
    )
    time_zone = time_zone_field(
        _l("Time zone of the sessions"),
        description=_l(
            "The zone of the place (for a webinar, the organiser's). Start and end times below are read in it."
        ),
    )
    sessions = FieldList(FormField(SessionForm), min_entries=1, max_entries=40)
    place = StringField(
        _l("Place"), validators=[Optional(), Length(max=300)], filters=[_strip], description=_l("Venue and city.")
    )
    online_url = URLField(
        _l("Online link"),
        validators=[Optional(), Length(max=500), web_address],
        filters=[_strip],
        description=_l("For a webinar or a hybrid event; shown only to those enrolled and to staff."),
    )
    capacity = IntegerField(
        _l("Capacity (seats)"),
        validators=[
            InputRequired(message=_l("Give the number of seats.")),
            NumberRange(min=1, max=100000, message=_l("The capacity must be between 1 and 100000 seats.")),
        ],
    )
    audience = SelectField(
        _l("Audience"),
        choices=choices([("", _l("Everyone")), *AUDIENCE_LABELS.items()]),
    )
    language = StringField(
        _l("Language"),
        default="en",
        validators=[
            DataRequired(),
            Length(max=35),
            Regexp(LANGUAGE_TAG, message=_l("Give a language tag such as en, fr, zh or pt-BR.")),
        ],
        filters=[_strip],
        description=_l("A language tag: en, fr, es, ar, zh, pt-BR…"),
    )
    lessons = SelectMultipleField(_l("Related lessons"), coerce=str, validators=[Optional()])
    cases = StringField(
        _l("Related case numbers"), validators=[Optional(), Length(max=300)], description=_l("For example: 3, 17, 42.")
    )
    series = SelectField(
        _l("Counts for a learning path"),
        description=_l("Attending this event meets the requirement of the paths that ask for an event of this series."),
    )
    submit = SubmitField(_l("Save event"))

    def validate_cases(self, field):
        try:
            case_numbers(field.data)
        except ValueError:
            raise ValidationError(_("Give case numbers separated by commas, e.g. 3, 17.")) from None


class CancelEventForm(FlaskForm):
    reason = TextAreaField(
        _l("Why is it cancelled?"),
        validators=[DataRequired(message=_l("Give a reason: everyone enrolled is told.")), Length(max=1000)],
        filters=[_strip],
    )
    submit = SubmitField(_l("Cancel the event"))


class EnrolForm(FlaskForm):
    submit = SubmitField(_l("Enrol"))


class WithdrawForm(FlaskForm):
    submit = SubmitField(_l("Withdraw"))


class FeedTokenForm(FlaskForm):
    submit = SubmitField(_l("Make a new calendar link"))


class AttendanceUploadForm(FlaskForm):
    attendance = FileField(
        _l("Attendance file (CSV)"),
        validators=[
            FileRequired(_l("Choose a CSV file to upload.")),
            FileAllowed(["csv"], _l("Upload a file ending in .csv.")),
        ],
        render_kw={"accept": ".csv,text/csv"},
        description=_l(
            "Columns: email,session,present — session is the session's number on the sign-in sheet "
            "(1, 2, …), present is yes or no. The whole file is refused if one line is wrong."
        ),
    )
    submit = SubmitField(_l("Upload attendance"))


class SessionAttendanceForm(FlaskForm):
    """The ticked people were present; every other enrolled person was absent."""

    present = SelectMultipleField(_l("Present"), coerce=int, validators=[Optional()])
    submit = SubmitField(_l("Save attendance"))
