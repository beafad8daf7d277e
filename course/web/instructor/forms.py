"""Instructor forms for banks, imports, quizzes, extensions and essay grading (CSRF-protected)."""

from __future__ import annotations

from datetime import UTC, datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    EmailField,
    FloatField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import AnyOf, DataRequired, Email, InputRequired, Length, NumberRange, Optional, Regexp
from wtforms.widgets import HiddenInput

from course.quizzes.settings import GRADING_METHODS, PLAIN, QUIZ_KINDS, REVIEW_OPTIONS, RULES
from course.web.choices import choices
from course.web.instructor.question_rows import clean

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]  # browsers add seconds when a step asks for them
KIND_LABELS = {
    "module": _l("End-of-module quiz"),
    "pretest": _l("Pre-test"),
    "posttest": _l("Post-test"),
    "other": _l("Other"),
}
GRADING_LABELS = {
    "highest": _l("Highest attempt"),
    "last": _l("Last attempt"),
    "average": _l("Average of attempts"),
    "first": _l("First attempt"),
}
REVIEW_LABELS = {
    "score": _l("Score only"),
    "answers": _l("Score and right answers"),
    "feedback": _l("Score, right answers and feedback"),
}


def as_utc(value: datetime | None) -> datetime | None:
    """A datetime-local value (read as UTC) as the timezone-aware datetime the database needs."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def shown_utc(value: datetime | None) -> datetime | None:
    """A stored datetime in UTC for a datetime-local field."""
    return value.astimezone(UTC).replace(tzinfo=None) if value is not None and value.tzinfo else value


class BankForm(FlaskForm):
    name = StringField(
        _l("Bank name"), [DataRequired(_l("Enter a name for the bank.")), Length(max=120)], filters=[clean]
    )
    module_id = SelectField(_l("Module (optional)"), choices=[], default="")
    submit = SubmitField(_l("Create bank"))


class PasteForm(FlaskForm):
    gift = TextAreaField(
        _l("GIFT text"),
        [DataRequired(_l("Paste some questions in GIFT format."))],
        render_kw={"rows": 10},
        description=_l("Every question is imported, or none when there is an error."),
    )
    submit = SubmitField(_l("Import pasted questions"))


class UploadForm(FlaskForm):
    question_file = FileField(
        _l("Question file"),
        [
            FileRequired("Choose a file to upload."),
            FileAllowed(["gift", "txt", "aiken", "xml"], "Upload a .gift, .aiken, .txt or .xml file."),
        ],
    )
    file_format = SelectField(
        _l("File format"),
        default="auto",
        choices=choices(
            [
                ("auto", "Automatic (from the file's content: Moodle XML, Aiken or GIFT)"),
                ("gift", "GIFT"),
                ("aiken", "Aiken"),
                ("xml", "Moodle XML"),
            ]
        ),
    )
    submit = SubmitField(_l("Upload and import"))


class ArchiveForm(FlaskForm):
    archive = HiddenField(validators=[AnyOf(("1", "0"))])


class QuizForm(FlaskForm):
    title = StringField(_l("Title"), [DataRequired(_l("Enter a title.")), Length(max=200)], filters=[clean])
    slug = StringField(
        _l("Slug"),
        [
            DataRequired(_l("Enter a slug.")),
            Length(max=120),
            Regexp(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", message=_l("Use lower-case letters, digits and single hyphens.")),
        ],
        filters=[clean],
        description=_l("Names the quiz in quizzes.yml, e.g. logistics-quiz."),
    )
    description = TextAreaField(_l("Description"), filters=[clean], render_kw={"rows": 3})
    module_id = SelectField(_l("Module"), choices=[], default="")
    kind = SelectField(_l("Kind"), choices=choices((k, KIND_LABELS[k]) for k in QUIZ_KINDS), default="module")
    pass_mark = FloatField(
        _l("Pass mark (%)"), [InputRequired(_l("Enter a pass mark.")), NumberRange(0, 100)], default=RULES["pass_mark"]
    )
    attempts_allowed = IntegerField(
        _l("Attempts allowed"), [Optional(), NumberRange(min=1)], description=_l("Blank: unlimited.")
    )
    time_limit_minutes = IntegerField(
        _l("Time limit (minutes)"), [Optional(), NumberRange(min=1)], description=_l("Blank: no time limit.")
    )
    shuffle_questions = BooleanField(_l("Shuffle the questions in each attempt"))
    shuffle_options = BooleanField(_l("Shuffle the options of each question"))
    grading_method = SelectField(
        _l("Grade"), choices=choices((m, GRADING_LABELS[m]) for m in GRADING_METHODS), default=RULES["grading_method"]
    )
    review = SelectField(
        _l("After submitting, trainees see"),
        choices=choices((r, REVIEW_LABELS[r]) for r in REVIEW_OPTIONS),
        default=RULES["review"],
    )
    allow_practice = BooleanField(_l("Offer practice attempts (they do not count)"), default=RULES["allow_practice"])
    practice_outside_window = BooleanField(
        _l("Offer practice outside the quiz's open/close window"),
        default=RULES["practice_outside_window"],
        description=_l("Off: practice opens and closes with the quiz."),
    )
    practice_shows_keys = BooleanField(
        _l("Show right answers and feedback in practice reviews even for questions counted attempts can draw"),
        default=RULES["practice_shows_keys"],
        description=_l(
            "Off: a practice review shows only whether such answers were right, so practice cannot leak the key."
        ),
    )
    opens_at = DateTimeLocalField(
        _l("Opens at (UTC)"), [Optional()], format=DATETIME_FORMATS, description=_l("Blank: open now.")
    )
    closes_at = DateTimeLocalField(
        _l("Closes at (UTC)"), [Optional()], format=DATETIME_FORMATS, description=_l("Blank: never closes.")
    )
    submit = SubmitField(_l("Save quiz"))

    def validate_closes_at(self, field):
        if field.data and self.opens_at.data and field.data <= self.opens_at.data:
            raise ValidationError(_("The quiz must close after it opens."))

    def settings(self) -> dict:
        """The quiz settings as the Quiz table stores them."""
        data = {name: self[name].data for name in PLAIN}
        return data | {
            "module_id": int(self.module_id.data) if self.module_id.data else None,
            "opens_at": as_utc(self.opens_at.data),
            "closes_at": as_utc(self.closes_at.data),
        }

    @staticmethod
    def data_from(quiz) -> dict:
        data = {name: getattr(quiz, name) for name in PLAIN}
        return data | {
            "module_id": str(quiz.module_id or ""),
            "opens_at": shown_utc(quiz.opens_at),
            "closes_at": shown_utc(quiz.closes_at),
        }


class FixedSlotForm(FlaskForm):
    # Chosen on the question picker's page (instructor.pick_question); the route checks the bank may be read.
    question_id = IntegerField(_l("Question"), [InputRequired(_l("Choose a question."))], widget=HiddenInput())
    fixed_mark = FloatField(_l("Mark"), [InputRequired(_l("Enter a mark.")), NumberRange(0.01, 1000)], default=1)
    submit = SubmitField(_l("Add question"))


class QuestionSearchForm(FlaskForm):
    """The question picker's filters (a GET form: no CSRF token, nothing is changed)."""

    class Meta:
        csrf = False

    q = StringField(_l("Words in the name, category or text"), [Optional(), Length(max=200)])
    source = SelectField(_l("Bank and category"), choices=[], validate_choice=False)
    qtype = SelectField(_l("Type"), choices=[], validate_choice=False)


class RandomSlotForm(FlaskForm):
    source = SelectField(_l("Bank and category"), choices=[])
    count = IntegerField(
        _l("Number of questions"),
        [InputRequired(_l("Enter how many questions to draw.")), NumberRange(1, 200)],
        default=1,
    )
    random_mark = FloatField(
        _l("Mark per question"), [InputRequired(_l("Enter a mark.")), NumberRange(0.01, 1000)], default=1
    )
    submit = SubmitField(_l("Add random draw"))

    def bank_and_category(self) -> tuple[int, str]:
        bank_id, _sep, category = self.source.data.partition(":")
        return int(bank_id), category


class ExtensionForm(FlaskForm):
    email = EmailField(
        _l("Trainee's email"),
        [DataRequired(_l("Enter the trainee's email.")), Email(), Length(max=254)],
        filters=[clean],
    )
    extension_closes_at = DateTimeLocalField(
        _l("Closes at for this trainee (UTC)"),
        [Optional()],
        format=DATETIME_FORMATS,
        description=_l("Blank: the quiz's own close date."),
    )
    extra_attempts = IntegerField(_l("Extra attempts"), [Optional(), NumberRange(0, 100)], default=0)
    extra_minutes = IntegerField(_l("Extra minutes per attempt"), [Optional(), NumberRange(0, 10000)], default=0)
    submit = SubmitField(_l("Grant extension"))


class EssayGradeForm(FlaskForm):
    percent = FloatField(
        _l("Mark (%)"),
        [InputRequired(_l("Enter a mark from 0 to 100.")), NumberRange(0, 100, _l("Enter a mark from 0 to 100."))],
    )
    comment = TextAreaField(_l("Comment for the trainee"), filters=[clean], render_kw={"rows": 4})
    submit = SubmitField(_l("Save grade"))
