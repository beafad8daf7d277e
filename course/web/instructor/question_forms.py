"""Question editors: one form per question type, with blank rows for options, answers and pairs."""

from __future__ import annotations

import dataclasses

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FieldList,
    FormField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, InputRequired, Length

from course.questions.gift_syntax import WHITESPACE
from course.questions.rules import choice_grade_problem, has_full_marks
from course.questions.types import (
    AcceptedAnswer,
    Choice,
    Description,
    Essay,
    Matching,
    MatchPair,
    MultipleResponse,
    Numerical,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
    default_name,
)
from course.questions.types import Question as QuestionData
from course.web.choices import choices
from course.web.instructor.question_rows import (
    AnswerRow,
    NumberRow,
    OptionRow,
    PairRow,
    clean,
    filled,
    line_breaks,
    number_text,
    own_format,
    percent,
    percent_text,
    valid_fractions,
)
from course.web.instructor.wording import problem_text

BLANK_ROWS = 6  # rows shown for a new question; an edit shows the filled rows and a few blank ones
EXTRA_ROWS = 3
MAX_ROWS = 60
TYPE_LABELS = {
    "single": _l("Multiple choice, one answer"),
    "multi": _l("Multiple choice, several answers"),
    "truefalse": _l("True or false"),
    "short": _l("Short answer"),
    "numerical": _l("Numerical"),
    "matching": _l("Matching"),
    "essay": _l("Essay (graded by hand)"),
    "description": _l("Description (text only, nothing to answer)"),
}
FORMAT_LABELS = {
    "moodle": _l("Moodle auto-format (HTML allowed, line breaks kept)"),
    "markdown": _l("Markdown"),
    "html": _l("HTML"),
    "plain": _l("Plain text"),
}


class QuestionForm(FlaskForm):
    """Fields every question type has."""

    qtype = ""
    name = StringField(
        _l("Name"),
        [Length(max=240)],
        filters=[clean],
        description=_l("How the question is listed for instructors; blank: the start of its text."),
    )
    category = StringField(
        _l("Category"),
        [Length(max=200)],
        filters=[clean],
        description=_l("Blank: the bank's name. Use / for a subcategory, e.g. customs/bonded."),
    )
    text = TextAreaField(
        _l("Question text"),
        [DataRequired(_l("Enter the question text."))],
        filters=[line_breaks],
        render_kw={"rows": 5},
    )
    text_format = SelectField(_l("Text format"), choices=choices(FORMAT_LABELS.items()), default="moodle")
    general_feedback = TextAreaField(
        _l("General feedback"),
        filters=[clean],
        render_kw={"rows": 2},
        description=_l("Shown to every trainee after grading, whatever the answer."),
    )
    general_feedback_format = HiddenField(filters=[own_format])
    submit = SubmitField(_l("Save question"))

    def to_question(self, keep: QuestionData | None = None) -> QuestionData:
        """The question the form describes; settings this form does not show (units, feedback by outcome,
        notes for graders... from a Moodle XML import) are kept from `keep`, the version being edited."""
        fields = self._common() | self._own_fields()
        if keep is not None and keep.type == self.qtype:
            return dataclasses.replace(keep, **fields)
        return QUESTION_CLASSES[self.qtype](**fields)

    def _common(self) -> dict:
        # Around a missing-word blank the spaces matter: only the outer edges are trimmed.
        after = self.text_after.data.rstrip(WHITESPACE) if "text_after" in self else ""
        text = self.text.data.lstrip(WHITESPACE)
        text = text if after else text.rstrip(WHITESPACE)
        fields = {
            "name": self.name.data or default_name(text),
            "text": text,
            "text_format": self.text_format.data,
            "category": self.category.data,
        }
        if "general_feedback" in self:
            fields |= {
                "general_feedback": self.general_feedback.data,
                "general_feedback_format": self.general_feedback_format.data or None,
            }
        if "text_after" in self:
            fields["text_after"] = after
        return fields

    def _own_fields(self) -> dict:
        return {}

    @classmethod
    def data_from(cls, question: QuestionData) -> dict:
        """Form data showing a stored question."""
        return {
            "name": question.name,
            "category": question.category,
            "text": question.text,
            "text_format": question.text_format,
            "text_after": question.text_after,
            "general_feedback": question.general_feedback,
            "general_feedback_format": question.general_feedback_format or "",
        }


class MissingWordMixin:
    text_after = TextAreaField(
        _l("Text after the blank"),
        filters=[line_breaks],
        render_kw={"rows": 1},
        description=_l("Only for missing-word questions: the answer goes between the question text and this text."),
    )


class SingleForm(MissingWordMixin, QuestionForm):
    qtype = "single"
    options = FieldList(FormField(OptionRow), _l("Options"), min_entries=BLANK_ROWS, max_entries=MAX_ROWS)

    def validate_options(self, field):
        rows = filled(field)
        problems = [] if len(rows) >= 2 else [_("Give at least 2 options.")]
        fractions = valid_fractions(rows)
        if fractions is not None:
            problems += self.fraction_problems(fractions)
        if problems:
            raise ValidationError(" ".join(problems))

    def fraction_problems(self, fractions: list[float]) -> list[str]:
        problem = choice_grade_problem(self.qtype == "multi", fractions)
        return [problem_text(problem)] if problem else []

    def _own_fields(self) -> dict:
        return {
            "options": [
                Choice(
                    text=r.text.data,
                    fraction=percent(r.fraction.data),
                    feedback=r.feedback.data,
                    text_format=r.text_format.data or None,
                    feedback_format=r.feedback_format.data or None,
                )
                for r in filled(self.options)
            ]
        }

    @classmethod
    def data_from(cls, question) -> dict:
        options = [
            {
                "text": c.text,
                "fraction": percent_text(c.fraction),
                "feedback": c.feedback,
                "text_format": c.text_format or "",
                "feedback_format": c.feedback_format or "",
            }
            for c in question.options
        ]
        return super().data_from(question) | {"options": options}


class MultiForm(SingleForm):
    qtype = "multi"


class TrueFalseForm(MissingWordMixin, QuestionForm):
    qtype = "truefalse"
    answer = RadioField(
        _l("The statement is"),
        choices=choices([("true", _l("True")), ("false", _l("False"))]),
        validators=[InputRequired(_l("Choose whether the statement is true or false."))],
    )
    feedback_true = TextAreaField(_l("Feedback for trainees who answer True"), filters=[clean], render_kw={"rows": 1})
    feedback_false = TextAreaField(_l("Feedback for trainees who answer False"), filters=[clean], render_kw={"rows": 1})
    feedback_true_format = HiddenField(filters=[own_format])
    feedback_false_format = HiddenField(filters=[own_format])

    def _own_fields(self) -> dict:
        return {
            "answer": self.answer.data == "true",
            "feedback_true": self.feedback_true.data,
            "feedback_false": self.feedback_false.data,
            "feedback_true_format": self.feedback_true_format.data or None,
            "feedback_false_format": self.feedback_false_format.data or None,
        }

    @classmethod
    def data_from(cls, question) -> dict:
        return super().data_from(question) | {
            "answer": "true" if question.answer else "false",
            "feedback_true": question.feedback_true,
            "feedback_false": question.feedback_false,
            "feedback_true_format": question.feedback_true_format or "",
            "feedback_false_format": question.feedback_false_format or "",
        }


class ShortForm(MissingWordMixin, QuestionForm):
    qtype = "short"
    answers = FieldList(FormField(AnswerRow), _l("Accepted answers"), min_entries=BLANK_ROWS, max_entries=MAX_ROWS)
    case_sensitive = BooleanField(_l("Letter case must match (GIFT files cannot say this)"))

    def validate_answers(self, field):
        rows = filled(field)
        if not rows:
            raise ValidationError(_("Give at least 1 accepted answer."))
        fractions = valid_fractions(rows)
        if fractions is not None and not has_full_marks(fractions):
            raise ValidationError(_("Give the best answer a grade of 100%."))

    def _own_fields(self) -> dict:
        answers = [
            AcceptedAnswer(
                text=r.text.data,
                fraction=percent(r.fraction.data),
                feedback=r.feedback.data,
                feedback_format=r.feedback_format.data or None,
            )
            for r in filled(self.answers)
        ]
        return {"answers": answers, "case_sensitive": self.case_sensitive.data}

    @classmethod
    def data_from(cls, question) -> dict:
        answers = [
            {
                "text": a.text,
                "fraction": percent_text(a.fraction),
                "feedback": a.feedback,
                "feedback_format": a.feedback_format or "",
            }
            for a in question.answers
        ]
        return super().data_from(question) | {"answers": answers, "case_sensitive": question.case_sensitive}


class NumericalForm(MissingWordMixin, QuestionForm):
    qtype = "numerical"
    answers = FieldList(FormField(NumberRow), _l("Accepted numbers"), min_entries=BLANK_ROWS, max_entries=MAX_ROWS)

    def validate_answers(self, field):
        rows = filled(field)
        if not rows:
            raise ValidationError(_("Give at least 1 accepted number."))
        fractions = valid_fractions(rows)
        if fractions is not None and not has_full_marks(fractions):
            raise ValidationError(_("Give the right number a grade of 100%."))

    def _own_fields(self) -> dict:
        return {"answers": [row.to_answer() for row in filled(self.answers)]}

    @classmethod
    def data_from(cls, question) -> dict:
        answers = [
            {
                "value": "*" if a.is_wildcard else number_text(a.value),
                "tolerance": number_text(a.tolerance) if a.value is not None and a.tolerance else "",
                "low": number_text(a.low),
                "high": number_text(a.high),
                "fraction": percent_text(a.fraction),
                "feedback": a.feedback,
                "feedback_format": a.feedback_format or "",
            }
            for a in question.answers
        ]
        return super().data_from(question) | {"answers": answers}


class MatchingForm(QuestionForm):
    qtype = "matching"
    pairs = FieldList(FormField(PairRow), _l("Pairs"), min_entries=BLANK_ROWS, max_entries=MAX_ROWS)

    def validate_pairs(self, field):
        if sum(1 for row in filled(field) if row.text.data) < 2:
            raise ValidationError(_("Give at least 2 pairs with a subquestion."))

    def _own_fields(self) -> dict:
        return {
            "pairs": [
                MatchPair(text=r.text.data, answer=r.answer.data, text_format=r.text_format.data or None)
                for r in filled(self.pairs)
            ]
        }

    @classmethod
    def data_from(cls, question) -> dict:
        pairs = [{"text": p.text, "answer": p.answer, "text_format": p.text_format or ""} for p in question.pairs]
        return super().data_from(question) | {"pairs": pairs}


class EssayForm(QuestionForm):
    qtype = "essay"


class DescriptionForm(QuestionForm):
    qtype = "description"
    general_feedback = None  # a description is never graded, so there is nothing to give feedback on
    general_feedback_format = None


QUESTION_FORMS: dict[str, type[QuestionForm]] = {
    form.qtype: form
    for form in (
        SingleForm,
        MultiForm,
        TrueFalseForm,
        ShortForm,
        NumericalForm,
        MatchingForm,
        EssayForm,
        DescriptionForm,
    )
}
QUESTION_CLASSES = {
    "single": SingleChoice,
    "multi": MultipleResponse,
    "truefalse": TrueFalse,
    "short": ShortAnswer,
    "numerical": Numerical,
    "matching": Matching,
    "essay": Essay,
    "description": Description,
}
ROW_LISTS = ("options", "answers", "pairs")


def question_form(qtype: str, question: QuestionData | None = None) -> QuestionForm:
    """The editor for a question type, showing `question` on GET and the posted data on POST."""
    form_class = QUESTION_FORMS[qtype]
    form = form_class(data=form_class.data_from(question) if question else None)
    for name in ROW_LISTS:
        if name in form and not form.is_submitted():
            rows = form[name]
            while len(rows.entries) < min(MAX_ROWS, max(BLANK_ROWS, len(filled(rows)) + EXTRA_ROWS)):
                rows.append_entry()
    return form
