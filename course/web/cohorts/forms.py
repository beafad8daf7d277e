"""Cohort forms, validated on the server."""

from datetime import UTC, datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import DateField, EmailField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from course.web import wording
from course.web.choices import choices


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class CohortForm(FlaskForm):
    name = StringField(
        _l("Cohort name"),
        validators=[DataRequired(), Length(max=200)],
        description=_l("For example “Officials — Nov 2026”."),
    )
    path = SelectField(
        _l("Learning path"), coerce=int, validators=[DataRequired(message=_l("Choose a learning path."))]
    )
    due_date = DateField(
        _l("Due date (optional)"),
        validators=[Optional()],
        description=_l("Members should finish the path by the end of this day (UTC)."),
    )
    submit = SubmitField(_l("Create cohort"))

    def validate_due_date(self, field):
        if field.data and field.data < datetime.now(UTC).date():
            raise ValidationError(_("Choose a date from today on."))


class EnrolForm(FlaskForm):
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)], filters=[_strip])
    name = StringField(
        _l("Full name"),
        validators=[Optional(), Length(max=120)],
        description=_l("Needed only when this email has no account yet."),
    )
    organisation = StringField(_l("Organisation"), validators=[Optional(), Length(max=200)])
    org_type = SelectField(_l("Organisation type"), choices=choices(wording.ORG_TYPES.items()), default="sme")
    country = StringField(_l("Country"), validators=[Optional(), Length(max=80)])
    submit = SubmitField(_l("Enrol trainee"))


class RosterForm(FlaskForm):
    roster = FileField(
        _l("Roster file (CSV)"),
        validators=[
            FileRequired(_l("Choose a CSV file to upload.")),
            FileAllowed(["csv"], _l("Upload a file ending in .csv.")),
        ],
        render_kw={"accept": ".csv,text/csv"},
        description=_l(
            "Columns: name,email,organisation,organisation_type,country — "
            "organisation_type is sme, government, social or other. Up to 5000 rows."
        ),
    )
    submit = SubmitField(_l("Upload and enrol"))


class ReinviteForm(FlaskForm):
    submit = SubmitField(_l("Resend invitation"))
