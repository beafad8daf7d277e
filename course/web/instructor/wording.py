"""The words of a question file's problems (`course.questions.errors.Message`: the importers' `file:line: message`,
the questions skipped, what keeps a question from a GIFT or Moodle XML export, the choice grades' rules), in the
reader's language. The parsers give each message as an English message id and values; the command line prints the
English (`str`), the pages translate it here."""

from __future__ import annotations

from flask_babel import gettext as _

from course.questions.errors import Message


def problem_text(message: str) -> str:
    """A problem's words in the reader's language (its values translated too when they are messages); text that
    is not ours (lxml's own words in "not well-formed XML: …") stays as it is."""
    if not isinstance(message, Message):
        return str(message)
    if not message.values:
        return _(message.template)
    values = {
        key: problem_text(value) if isinstance(value, Message) else value for key, value in message.values.items()
    }
    return _(message.template, **values)


def file_problem_text(filename: str, line: int, message: str) -> str:
    """`file:line: message` (pasted text has no file name: `line: message`), the message in the reader's
    language; the file name and the line number stay as they are."""
    return f"{filename + ':' if filename else ''}{line}: {problem_text(message)}"
