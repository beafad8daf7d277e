"""Notification forms: marking as read, and the email choice of each notice kind (built from the kinds' table)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SubmitField

from course.mail.kinds import NOTICES


class MarkReadForm(FlaskForm):
    submit = SubmitField(_l("Mark as read"))


class MarkAllReadForm(FlaskForm):
    submit = SubmitField(_l("Mark all as read"))


class EmailChoicesForm(FlaskForm):
    """One checkbox per notice kind: ticked, the user gets it by email too."""

    submit = SubmitField(_l("Save email choices"))


for _kind in NOTICES:
    setattr(EmailChoicesForm, _kind.name, BooleanField(_l(_kind.label)))


def email_choices_form(choices: dict[str, bool] | None = None) -> EmailChoicesForm:
    """The form, filled with the user's current `choices` (to show) or from the request (to save)."""
    if choices is None:
        return EmailChoicesForm(prefix="email")
    return EmailChoicesForm(prefix="email", formdata=None, data=choices)


def kind_fields(form: EmailChoicesForm) -> list:
    return [getattr(form, kind.name) for kind in NOTICES]
