"""The repeating rows of the question editors (options, accepted answers, numbers, pairs) and their checks."""

from __future__ import annotations

import math

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import FieldList, Form, HiddenField, StringField, TextAreaField, ValidationError

from course.questions.gift_syntax import WHITESPACE
from course.questions.types import FORMATS, NumericalAnswer


def line_breaks(value):
    """Browser line breaks (CR LF) as LF, as GIFT keeps them; no text field is None."""
    if value is None:
        return ""
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


def clean(value):
    """Line breaks as LF and outer whitespace trimmed, as GIFT trims it."""
    value = line_breaks(value)
    return value.strip(WHITESPACE) if isinstance(value, str) else value


def own_format(value) -> str:
    """A part's own text format, kept in a hidden field; blank (or unknown) means the question's format."""
    return value if value in FORMATS else ""


def number(text: str) -> float:
    """A finite number typed by an instructor; ValueError otherwise."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def percent(text: str, low: float = -100) -> float:
    """A grade typed as a percentage (blank: 0) as a fraction; ValueError when out of range."""
    value = number(text) if text else 0.0
    if not low <= value <= 100:
        raise ValueError(text)
    return round(value / 100, 7)


def percent_text(fraction: float) -> str:
    text = f"{fraction * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def number_text(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e16 else repr(float(value))


def _check_percent(row, field, low: float) -> None:
    if row.is_blank():
        return
    try:
        percent(field.data, low)
    except ValueError:
        raise ValidationError(
            _("Enter a percentage from %(low)s to 100, e.g. 100, 50 or 0.", low=format(low, "g"))
        ) from None


def filled(rows: FieldList) -> list:
    return [entry.form for entry in rows.entries if not entry.form.is_blank()]


def valid_fractions(rows) -> list[float] | None:
    """The rows' fractions, or None when a row's grade is not a valid percentage (already reported)."""
    try:
        return [percent(r.fraction.data) for r in rows]
    except ValueError:
        return None


class OptionRow(Form):
    text = TextAreaField(_l("Option text"), filters=[clean], render_kw={"rows": 2})
    fraction = StringField(
        _l("Grade (%)"), filters=[clean], description=_l("100 for the right answer, 0 for a wrong one.")
    )
    feedback = TextAreaField(_l("Feedback on this option"), filters=[clean], render_kw={"rows": 1})
    text_format = HiddenField(filters=[own_format])
    feedback_format = HiddenField(filters=[own_format])

    def is_blank(self) -> bool:
        return not (self.text.data or self.feedback.data)

    def validate_fraction(self, field):
        _check_percent(self, field, -100)

    def validate_feedback(self, field):
        if field.data and not self.text.data:
            raise ValidationError(_("Enter the option text, or clear the feedback to remove this option."))


class AnswerRow(Form):
    text = StringField(_l("Accepted answer"), filters=[clean], description=_l("* matches any characters."))
    fraction = StringField(_l("Grade (%)"), filters=[clean])
    feedback = TextAreaField(_l("Feedback on this answer"), filters=[clean], render_kw={"rows": 1})
    feedback_format = HiddenField(filters=[own_format])

    def is_blank(self) -> bool:
        return not (self.text.data or self.feedback.data)

    def validate_fraction(self, field):
        _check_percent(self, field, 0)

    def validate_text(self, field):
        if self.feedback.data and not field.data:
            raise ValidationError(_("Enter the accepted answer, or clear the feedback to remove this row."))


class NumberRow(Form):
    value = StringField(_l("Number"), filters=[clean], description=_l("* accepts any number."))
    tolerance = StringField(_l("Tolerance (±)"), filters=[clean])
    low = StringField(_l("Or a range from"), filters=[clean])
    high = StringField(_l("Range up to"), filters=[clean])
    fraction = StringField(_l("Grade (%)"), filters=[clean])
    feedback = TextAreaField(_l("Feedback on this answer"), filters=[clean], render_kw={"rows": 1})
    feedback_format = HiddenField(filters=[own_format])

    def is_blank(self) -> bool:
        return not any((self.value.data, self.tolerance.data, self.low.data, self.high.data, self.feedback.data))

    def validate_value(self, field):
        if self.is_blank():
            return
        if field.data and (self.low.data or self.high.data):
            raise ValidationError(_("Give a number with a tolerance or a range, not both."))
        if not field.data and not (self.low.data or self.high.data):
            raise ValidationError(_("Enter a number (or * for any number), or a range."))
        if field.data and field.data != "*":
            _need_number(field.data)

    def validate_tolerance(self, field):
        if field.data:
            if not self.value.data or self.value.data == "*":
                raise ValidationError(_("A tolerance needs a number to apply to."))
            if _need_number(field.data) < 0:
                raise ValidationError(_("The tolerance cannot be negative."))

    def validate_low(self, field):
        if field.data or self.high.data:
            _need_number(field.data)

    def validate_high(self, field):
        if field.data or self.low.data:
            _need_number(field.data)

    def validate_fraction(self, field):
        _check_percent(self, field, 0)

    def to_answer(self) -> NumericalAnswer:
        common = {
            "fraction": percent(self.fraction.data),
            "feedback": self.feedback.data,
            "feedback_format": self.feedback_format.data or None,
        }
        if self.low.data:
            return NumericalAnswer(low=number(self.low.data), high=number(self.high.data), **common)
        if self.value.data == "*":
            return NumericalAnswer(**common)
        return NumericalAnswer(value=number(self.value.data), tolerance=number(self.tolerance.data or "0"), **common)


def _need_number(text: str) -> float:
    try:
        return number(text)
    except ValueError:
        raise ValidationError(_("Enter a number, e.g. 12 or 0.5 (use a point for decimals).")) from None


class PairRow(Form):
    text = TextAreaField(
        _l("Subquestion"),
        filters=[clean],
        render_kw={"rows": 1},
        description=_l("Leave blank to add the answer as an extra wrong choice."),
    )
    answer = StringField(_l("Matching answer"), filters=[clean])
    text_format = HiddenField(filters=[own_format])

    def is_blank(self) -> bool:
        return not (self.text.data or self.answer.data)

    def validate_text(self, field):
        if "->" in field.data:
            raise ValidationError(_("A subquestion cannot contain '->'."))

    def validate_answer(self, field):
        if self.text.data and not field.data:
            raise ValidationError(_("Enter the answer that matches this subquestion."))
