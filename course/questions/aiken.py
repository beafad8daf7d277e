"""Aiken question files: a question, options `A.` or `A)`, then `ANSWER: B`; all or nothing.

    Which port handles most bonded e-commerce parcels?
    A. Ningbo
    B) Guangzhou
    ANSWER: B

The question text may run over several lines before the first option; blank lines are ignored.
Every question becomes a SingleChoice worth 100% for the named option and 0% for the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from course.questions.errors import N_, AikenError, ParseResult, Problem
from course.questions.types import Choice, SingleChoice, default_name

_OPTION = re.compile(r"([A-Z])[.)][ \t]?(.*)")  # as Moodle reads it: `A)Option` too
ANSWER_LINE = re.compile(r"ANSWER[ \t]*:[ \t]*(.*)", re.IGNORECASE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class _Draft:
    """A question being read: where it starts, its text lines and its options."""

    line: int
    text: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    broken: bool = False


def parse_aiken(text: str, filename: str = "<string>", *, category: str = "") -> ParseResult:
    """Every question of an Aiken text, or AikenError listing every problem found."""
    questions: list[SingleChoice] = []
    problems: list[Problem] = []
    draft: _Draft | None = None
    for number, raw in enumerate(_LINE_BREAK.split(text.removeprefix("\ufeff")), start=1):
        line = raw.strip()
        if not line:
            continue
        answer = ANSWER_LINE.fullmatch(line)
        if answer:
            if draft is None:
                problems.append((filename, number, N_("ANSWER line without a question before it")))
            elif not draft.broken:
                message = _finish(draft, answer.group(1).strip(), questions, category)
                if message:
                    problems.append((filename, number, message))
            draft = None
            continue
        if draft is None:
            draft = _Draft(number, [line])
        elif not draft.broken:
            message = _add_line(draft, line)
            if message:
                problems.append((filename, number, message))
                draft.broken = True
    if draft is not None and not draft.broken:
        problems.append((filename, draft.line, N_("question has no 'ANSWER:' line")))
    if problems:
        raise AikenError(problems)
    return ParseResult(list(questions), [category] if category and questions else [])


def _add_line(draft: _Draft, line: str) -> str | None:
    """Add a text or option line to a question; a message when the line is out of place."""
    option = _OPTION.fullmatch(line)
    expected = chr(ord("A") + len(draft.options))
    if option and option.group(1) == expected:
        draft.options.append(option.group(2).strip())
        return None
    if option and draft.options:
        return N_("expected option %(expected)s, found option %(found)s", expected=expected, found=option.group(1))
    if option:
        return N_("options must start at A, found option %(found)s", found=option.group(1))
    if draft.options:
        return N_("expected option %(expected)s or an 'ANSWER:' line", expected=expected)
    draft.text.append(line)
    return None


def _finish(draft: _Draft, letter: str, questions: list[SingleChoice], category: str) -> str | None:
    """Turn a complete draft into a question; a message when it cannot be."""
    if len(draft.options) < 2:
        return N_("a question needs at least 2 options before its 'ANSWER:' line")
    last = chr(ord("A") + len(draft.options) - 1)
    if len(letter) != 1 or not "A" <= letter.upper() <= last:
        return N_("ANSWER must name one of the options A-%(last)s, not %(letter)s", last=last, letter=repr(letter))
    right = ord(letter.upper()) - ord("A")
    text = "\n".join(draft.text)
    options = [Choice(text=option, fraction=float(i == right)) for i, option in enumerate(draft.options)]
    questions.append(
        SingleChoice(name=default_name(text), text=text, text_format="plain", category=category, options=options)
    )
    return None
