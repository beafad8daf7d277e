"""Errors and results shared by the question-file importers (GIFT, Aiken, Moodle XML)."""

from __future__ import annotations

from dataclasses import dataclass, field

from course.questions.types import Question


class Message(str):
    """The words of a problem: the English text (what `str` and comparisons see: the CLI, the content checks, the
    tests) built from an English message id and its values, which the web layer translates into the reader's
    language (course/web/instructor/wording.py `problem_text`). Values may be messages themselves."""

    template: str
    values: dict

    def __new__(cls, template: str, /, **values) -> Message:
        self = super().__new__(cls, template % values if values else template)
        self.template, self.values = template, values
        return self


def N_(template: str, /, **values) -> Message:
    """A problem's message: `template` is marked for `pybabel extract` (a `%%` stands for `%` when there are
    values, as gettext formats it)."""
    return Message(template, **values)


Problem = tuple[str, int, str]  # (filename, line, message: a Message where it is ours)


class QuestionFileError(Exception):
    """Every problem found in a question file; nothing from the file is imported."""

    def __init__(self, errors: list[Problem]):
        self.errors = list(errors)
        super().__init__("\n".join(f"{name}:{line}: {message}" for name, line, message in self.errors))


class GiftError(QuestionFileError):
    """A GIFT file that Moodle's importer would not accept."""


class AikenError(QuestionFileError):
    """An Aiken file that cannot be read."""


class MoodleXmlError(QuestionFileError):
    """A Moodle XML file that is not well-formed, unsafe, or that Moodle's importer would not accept."""


@dataclass
class ParseResult:
    """The questions of a file in order, the categories it names (in order, once each), and the questions
    left out because this platform cannot hold them (each as `(filename, line, message)`)."""

    questions: list[Question] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)

    def __iter__(self):
        return iter(self.questions)

    def __len__(self) -> int:
        return len(self.questions)

    def __getitem__(self, index):
        return self.questions[index]
