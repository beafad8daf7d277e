"""Learner actions posted from lesson and path pages."""

from flask_wtf import FlaskForm
from wtforms import SubmitField


class CompleteLessonForm(FlaskForm):
    submit = SubmitField("Mark lesson complete")


class ChoosePathForm(FlaskForm):
    submit = SubmitField("Follow this path")
