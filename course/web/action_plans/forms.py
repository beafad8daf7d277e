"""Forms of the action-plan pages."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from course.web import wording
from course.web.choices import choices

PLAN_WORDS_MAX = 20_000  # characters: a plan is about 600-1,000 words
COMMENT_MAX = 4_000


class PlanForm(FlaskForm):
    audience = SelectField(_l("Kind of plan"), validators=[DataRequired()])
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    text = TextAreaField(_l("Your plan (markdown)"), validators=[DataRequired(), Length(max=PLAN_WORDS_MAX)])
    save = SubmitField(_l("Save draft"))
    submit_plan = SubmitField(_l("Submit for review"))

    def offer(self, briefs: dict) -> PlanForm:
        """Offer the kinds of plan the assignment has a brief for."""
        self.audience.choices = choices(
            (key, _("Plan for %(audience)s", audience=wording.label(wording.AUDIENCES, key))) for key in briefs
        )
        return self


def review_form(rubric: dict, data: dict | None = None) -> FlaskForm:
    """A form with a level and a comment for each criterion of the rubric, plus an overall comment."""

    class ReviewForm(FlaskForm):
        overall = TextAreaField(_l("Overall comment"), validators=[Length(max=COMMENT_MAX)])
        send = SubmitField(_l("Save review"))

    levels = choices(
        (str(i), f"{level['label']} ({level['points']})") for i, level in enumerate(rubric.get("levels", []))
    )
    for criterion in rubric.get("criteria", []):
        key = criterion["key"]
        setattr(ReviewForm, f"level_{key}", RadioField(criterion["title"], choices=levels, validate_choice=False))
        setattr(ReviewForm, f"comment_{key}", TextAreaField(_l("Comment"), validators=[Length(max=COMMENT_MAX)]))
    return ReviewForm(data=data)


class VisibilityForm(FlaskForm):
    hide = HiddenField()  # "1" hides the review, "0" shows it again
