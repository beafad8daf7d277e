"""Forms of the portfolio pages (the lesson page writes its reflection form itself, as a kept page)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, TextAreaField
from wtforms.validators import DataRequired, Length

from course.portfolio.reflections import TEXT_MAX


class ReflectionForm(FlaskForm):
    text = TextAreaField(_l("Your answer"), validators=[DataRequired(), Length(max=TEXT_MAX)])
    shared = BooleanField(_l("Share with my cohort (peers and instructors can read it and reply)"))


class ReplyForm(FlaskForm):
    text = TextAreaField(_l("Your reply"), validators=[DataRequired(), Length(max=TEXT_MAX)])


class VisibilityForm(FlaskForm):
    hide = HiddenField()  # "1" hides the reply, "0" shows it again
