"""Learner actions posted from lesson and path pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SubmitField

COMPLETE_LABEL = _l("Mark lesson complete")


class CompleteLessonForm(FlaskForm):
    """Posted by the lesson page's button, which the template writes itself (a form object costs on every view)."""

    submit = SubmitField(COMPLETE_LABEL)


class ChoosePathForm(FlaskForm):
    submit = SubmitField(_l("Follow this path"))
