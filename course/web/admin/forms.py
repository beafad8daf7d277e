"""Admin forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, SubmitField

from course.web.access import ALL_ROLES
from course.web.choices import choices


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=choices((r, r.capitalize()) for r in ALL_ROLES))
    submit = SubmitField(_l("Change role"))


class SiteSettingsForm(FlaskForm):
    members_only = BooleanField(
        _l("Members only"),
        description=_l(
            "When ticked, lessons, module pages, the glossary and the case library need an account; "
            "log-in, registration, invitations and certificate checks stay open."
        ),
    )
    submit = SubmitField(_l("Save settings"))
