"""Read one GIFT question the way Moodle's qformat_gift::readquestion does."""

from __future__ import annotations

import re

from course.questions.errors import N_
from course.questions.gift_syntax import (
    WHITESPACE,
    SyntaxProblem,
    read_number,
    read_weight,
    split_format,
    unmask,
)
from course.questions.types import (
    DEFAULT_FORMAT,
    AcceptedAnswer,
    Choice,
    Description,
    Essay,
    Matching,
    MatchPair,
    MultipleResponse,
    Numerical,
    NumericalAnswer,
    Question,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
    default_name,
)

TRUE_FALSE_WORDS = ("T", "TRUE", "F", "FALSE")
# A later line of the block that starts with a `::title::`: the start of a second question.
_SECOND_TITLE = re.compile(r"\n[ \t]*::[^\n]*?::")


def read_question(block: str) -> Question:
    """A question from a masked block of text; SyntaxProblem positions index into the block."""
    start, end = _first_char(block, 0), len(block.rstrip(WHITESPACE))
    name = ""
    if block.startswith("::", start):
        close = block.find("::", start + 2, end)
        if close < 0:
            start += 2
        else:
            name = unmask(block[start + 2 : close]).strip(WHITESPACE)
            start = _first_char(block, close + 2)
    second_title = _SECOND_TITLE.search(block, start, end)
    if second_title:
        raise SyntaxProblem(
            N_("a second question title in one question: leave a blank line between questions"),
            second_title.start() + 1,
        )
    opening, closing = block.find("{", start, end), block.find("}", start, end)
    if opening < 0 and closing < 0:
        common = _common(name, block[start:end], "", "")
        return Description(**common)
    if closing < 0:
        raise SyntaxProblem(N_("'{' without a matching '}'"), opening)
    if opening < 0 or closing < opening:
        raise SyntaxProblem(N_("'}' without a matching '{' before it"), closing)
    second_answers = block.find("{", closing + 1, end)
    if second_answers >= 0:
        raise SyntaxProblem(
            N_("a second answer block {…} in one question: leave a blank line between questions"), second_answers
        )
    answer_pos = _first_char(block, opening + 1)
    answer = block[answer_pos:closing].rstrip(WHITESPACE)
    answer, general_feedback = _split_general_feedback(answer)
    before, after = block[start:opening], block[closing + 1 : end]
    if after and block[end - 1] == "}":
        before, after = before + after, ""  # Moodle: a text that ends in '}' gets no blank
    common = _common(name, before, after, general_feedback)
    try:
        return _build(answer, answer_pos, common)
    except SyntaxProblem as problem:
        if problem.position is None:
            problem.position = start
        raise


def _first_char(text: str, index: int) -> int:
    """The index of the first non-whitespace character at or after index."""
    return len(text) - len(text[index:].lstrip(WHITESPACE))


def _split_general_feedback(answer: str) -> tuple[str, str | None]:
    """The answers and what follows the last `####` (None when there is no `####`)."""
    cut = answer.rfind("####")
    if cut < 0:
        return answer, None
    return answer[:cut].rstrip(WHITESPACE), answer[cut + 4 :]


def _common(name: str, before: str, after: str, general_feedback: str | None) -> dict:
    """Name, texts and general feedback shared by every question type."""
    text_format, body = split_format(before)
    text_format = text_format or DEFAULT_FORMAT
    text = unmask(body).lstrip(WHITESPACE)
    text_after = unmask(after).rstrip(WHITESPACE)
    if not text_after:
        text = text.rstrip(WHITESPACE)
    feedback_format, feedback = split_format(general_feedback or "")
    return {
        "name": name or default_name(text + ("_____" + text_after if text_after else "")),
        "text": text,
        "text_format": text_format,
        "text_after": text_after,
        "general_feedback": unmask(feedback).strip(WHITESPACE),
        "general_feedback_format": _own_format(feedback_format, text_format),
    }


def _own_format(marker: str | None, question_format: str) -> str | None:
    """A part's format, stored only when it differs from the question text's."""
    return None if marker == question_format else marker


def _formatted(raw: str, question_format: str) -> tuple[str, str | None]:
    """A text with an optional leading format marker, unescaped and trimmed."""
    marker, body = split_format(raw.strip(WHITESPACE))
    return unmask(body).strip(WHITESPACE), _own_format(marker, question_format)


def _pieces(text: str, base: int, separators: str, kept: str = "") -> list[tuple[str, int]]:
    """Moodle's explode: cut before each separator (dropped unless kept); an empty first piece goes."""
    pieces, start = [], 0
    for index, char in enumerate(text):
        if char in separators:
            pieces.append((text[start:index], base + start))
            start = index if char in kept else index + 1
    pieces.append((text[start:], base + start))
    if not pieces[0][0].strip(WHITESPACE):
        pieces.pop(0)
    return [(piece.strip(WHITESPACE), _first_char(piece, 0) + at) for piece, at in pieces]


def _build(answer: str, position: int, common: dict) -> Question:
    """The question of the type Moodle infers from the answer text."""
    if not answer:
        return Essay(**common)
    if answer[0] == "#":
        return _numerical(answer[1:], position + 1, common)
    if "~" in answer:
        return _choices(answer, position, common)
    if "=" in answer and "->" in answer:
        return _matching(answer, position, common)
    hash_at = answer.find("#")
    check = answer[:hash_at].strip(WHITESPACE) if hash_at > 0 else answer
    if check in TRUE_FALSE_WORDS:
        return _true_false(answer, common)
    return _short_answer(answer, position, common)


def _choices(answer: str, position: int, common: dict) -> Question:
    """Single choice when any answer starts with '=', else multiple response. Answers with no text are
    dropped, as Moodle drops them when it saves the question (`{~=some ~a few}` has two answers, not three)."""
    kind = SingleChoice if "=" in answer else MultipleResponse
    pieces = _pieces(answer, position, "~=", kept="=")
    options = []
    for piece, at in pieces:
        if piece.startswith("="):
            fraction, rest = 1.0, piece[1:]
        else:
            weight, rest = read_weight(piece, at)
            fraction = 0.0 if weight is None else weight
        text_raw, _, feedback_raw = rest.partition("#")
        text, text_format = _formatted(text_raw, common["text_format"])
        feedback, feedback_format = _formatted(feedback_raw, common["text_format"])
        options.append(
            Choice(
                text=text,
                fraction=fraction,
                feedback=feedback,
                text_format=text_format,
                feedback_format=feedback_format,
            )
        )
    options = [option for option in options if option.text]
    if len(options) < 2:
        raise SyntaxProblem(N_("a multiple-choice question needs at least 2 answers"))
    return kind(**common, options=options)


def _matching(answer: str, position: int, common: dict) -> Matching:
    """Pairs `=subquestion -> answer`; an empty subquestion adds a distractor answer."""
    pieces = _pieces(answer, position, "=")
    if len(pieces) < 2:
        raise SyntaxProblem(N_("a matching question needs at least 2 pairs"))
    pairs = []
    for piece, at in pieces:
        arrow = piece.find("->")
        if arrow < 0:
            raise SyntaxProblem(N_("matching pair %(pair)s has no '->'", pair=repr(unmask(piece))), at)
        marker, body = split_format(piece[:arrow])
        pairs.append(
            MatchPair(
                text=unmask(body).strip(WHITESPACE),
                answer=unmask(piece[arrow + 2 :]).strip(WHITESPACE),
                text_format=_own_format(marker, common["text_format"]),
            )
        )
    return Matching(**common, pairs=pairs)


def _true_false(answer: str, common: dict) -> TrueFalse:
    """`{T#feedback when wrong#feedback when right}`."""
    bits = answer.split("#", 2) + ["", ""]
    truth = bits[0].strip(WHITESPACE) in ("T", "TRUE")
    wrong, wrong_format = _formatted(bits[1], common["text_format"])
    right, right_format = _formatted(bits[2], common["text_format"])
    if truth:
        return TrueFalse(
            **common,
            answer=True,
            feedback_true=right,
            feedback_true_format=right_format,
            feedback_false=wrong,
            feedback_false_format=wrong_format,
        )
    return TrueFalse(
        **common,
        answer=False,
        feedback_true=wrong,
        feedback_true_format=wrong_format,
        feedback_false=right,
        feedback_false_format=right_format,
    )


def _short_answer(answer: str, position: int, common: dict) -> ShortAnswer:
    """Accepted answers `=%w%text#feedback`, full credit unless weighted."""
    answers = []
    for piece, at in _pieces(answer, position, "="):
        weight, rest = read_weight(piece, at)
        text_raw, _, feedback_raw = rest.partition("#")
        text, _ = _formatted(text_raw, common["text_format"])
        feedback, feedback_format = _formatted(feedback_raw, common["text_format"])
        answers.append(
            AcceptedAnswer(
                text=text,
                fraction=1.0 if weight is None else weight,
                feedback=feedback,
                feedback_format=feedback_format,
            )
        )
    return ShortAnswer(**common, answers=answers)


def _numerical(answer: str, position: int, common: dict) -> Numerical:
    """`{#value:tolerance}`, `{#low..high}`, several `=%w%` answers, `~#feedback` for the rest."""
    tilde = answer.find("~")
    wrong = answer[tilde:] if tilde >= 0 else None
    pieces = _pieces(answer if wrong is None else answer[:tilde], position, "=")
    if not pieces:
        raise SyntaxProblem(N_("a numerical question needs at least 1 answer"))
    answers = []
    for piece, at in pieces:
        weight, rest = read_weight(piece, at)
        number_raw, _, feedback_raw = rest.partition("#")
        number, _ = _formatted(number_raw, common["text_format"])
        feedback, feedback_format = _formatted(feedback_raw, common["text_format"])
        answers.append(
            _number(
                number,
                at,
                NumericalAnswer(
                    fraction=1.0 if weight is None else weight, feedback=feedback, feedback_format=feedback_format
                ),
            )
        )
    if wrong is not None:
        feedback, feedback_format = _formatted(wrong.partition("#")[2], common["text_format"])
        answers.append(NumericalAnswer(fraction=0.0, feedback=feedback, feedback_format=feedback_format))
    return Numerical(**common, answers=answers)


def _number(text: str, at: int, answer: NumericalAnswer) -> NumericalAnswer:
    """Fill in `low..high`, `value:tolerance`, `value` or `*` (any number)."""
    dots = text.find("..")
    if dots > 0:
        answer.low, answer.high = read_number(text[:dots], at), read_number(text[dots + 2 :], at)
        return answer
    colon = text.find(":")
    value = text[:colon] if colon > 0 else text
    if colon > 0:
        answer.tolerance = read_number(text[colon + 1 :], at)
    if value.strip(WHITESPACE) != "*":
        answer.value = read_number(value, at)
    return answer
