"""Cohort forms, validated on the server."""

from datetime import UTC, datetime

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import DateField, EmailField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from course.models import ORG_TYPE_LABELS
from course.web.choices import choices


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class CohortForm(FlaskForm):
    name = StringField(
        "Cohort name", validators=[DataRequired(), Length(max=200)], description="For example “Officials — Nov 2026”."
    )
    path = SelectField("Learning path", coerce=int, validators=[DataRequired(message="Choose a learning path.")])
    due_date = DateField(
        "Due date (optional)",
        validators=[Optional()],
        description="Members should finish the path by the end of this day (UTC).",
    )
    submit = SubmitField("Create cohort")

    def validate_due_date(self, field):
        if field.data and field.data < datetime.now(UTC).date():
            raise ValidationError("Choose a date from today on.")


class EnrolForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)], filters=[_strip])
    name = StringField(
        "Full name",
        validators=[Optional(), Length(max=120)],
        description="Needed only when this email has no account yet.",
    )
    organisation = StringField("Organisation", validators=[Optional(), Length(max=200)])
    org_type = SelectField("Organisation type", choices=choices(ORG_TYPE_LABELS.items()), default="sme")
    country = StringField("Country", validators=[Optional(), Length(max=80)])
    submit = SubmitField("Enrol trainee")


class RosterForm(FlaskForm):
    roster = FileField(
        "Roster file (CSV)",
        validators=[
            FileRequired("Choose a CSV file to upload."),
            FileAllowed(["csv"], "Upload a file ending in .csv."),
        ],
        render_kw={"accept": ".csv,text/csv"},
        description="Columns: name,email,organisation,organisation_type,country — "
        "organisation_type is sme, government, social or other. Up to 5000 rows.",
    )
    submit = SubmitField("Upload and enrol")


class ReinviteForm(FlaskForm):
    submit = SubmitField("Resend invitation")
