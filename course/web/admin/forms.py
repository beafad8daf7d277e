"""Admin forms."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, SubmitField

from course.web.access import ALL_ROLES
from course.web.choices import choices


class RoleForm(FlaskForm):
    role = SelectField("Role", choices=choices((r, r.capitalize()) for r in ALL_ROLES))
    submit = SubmitField("Change role")


class SiteSettingsForm(FlaskForm):
    members_only = BooleanField(
        "Members only",
        description="When ticked, lessons, module pages, the glossary and the case library need an account; "
        "log-in, registration, invitations and certificate checks stay open.",
    )
    submit = SubmitField("Save settings")
