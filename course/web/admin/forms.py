"""Admin forms."""

from flask_wtf import FlaskForm
from wtforms import SelectField, SubmitField

from course.web.access import ALL_ROLES
from course.web.choices import choices


class RoleForm(FlaskForm):
    role = SelectField("Role", choices=choices((r, r.capitalize()) for r in ALL_ROLES))
    submit = SubmitField("Change role")
