"""GIFT (Moodle) question files: `parse_gift` reads all or nothing, `write_gift` writes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from course.questions.errors import N_, GiftError, ParseResult, Problem
from course.questions.gift_check import gift_problems
from course.questions.gift_read import read_question
from course.questions.gift_syntax import SURROGATES, WHITESPACE, SyntaxProblem, mask
from course.questions.gift_write import write_gift, write_question

__all__ = ["GiftError", "ParseResult", "gift_problems", "parse_gift", "write_gift", "write_question"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CATEGORY = "$CATEGORY:"


def parse_gift(text: str, filename: str = "<string>", *, category: str = "") -> ParseResult:
    """Every question of a GIFT text, or GiftError listing every problem found."""
    result, problems = ParseResult(), []
    for first_line, lines in _blocks(text):
        for item in _read_block(first_line, lines, filename, problems):
            if isinstance(item, str):
                category = item
                if item not in result.categories:
                    result.categories.append(item)
            else:
                item.category = category
                result.questions.append(item)
    if problems:
        raise GiftError(problems)
    return result


def _blocks(text: str) -> Iterator[tuple[int, list[str]]]:
    """(number of the first line, trimmed lines) for each run of non-blank lines."""
    block: list[str] = []
    first = 0
    for number, line in enumerate(_LINE_BREAK.split(text.removeprefix("\ufeff")), start=1):
        line = line.strip(WHITESPACE)
        if not line:
            if block:
                yield first, block
            block = []
            continue
        if not block:
            first = number
        block.append(line)
    if block:
        yield first, block


def _stacked_category(first_line: int, lines: list[str], content: list[int]) -> tuple[int, str] | None:
    """(line, message) for a `$CATEGORY:` line that is not the block's first: right after another one (Moodle
    would make one category of both lines) or inside a question; None when there is none."""
    for previous, index in zip(content, content[1:], strict=False):
        if lines[index].startswith(_CATEGORY):
            if lines[previous].startswith(_CATEGORY):
                return (
                    first_line + index,
                    N_(
                        "two $CATEGORY: lines in a row (Moodle would take both for one name): keep one, or leave a "
                        "blank line between"
                    ),
                )
            return first_line + index, N_("a $CATEGORY: line inside a question: leave a blank line before it")
    return None


def _read_block(first_line: int, lines: list[str], filename: str, problems: list[Problem]):
    """The category name or the question of a block; problems are appended, not raised."""
    content = [i for i, line in enumerate(lines) if not line.startswith("//")]
    if not content:
        return
    stacked = _stacked_category(first_line, lines, content)
    if stacked:
        problems.append((filename, *stacked))
        return
    if lines[content[0]].startswith(_CATEGORY):
        start = content[0]
        yield lines[start][len(_CATEGORY) :].strip(WHITESPACE)
        # Moodle would fold the following lines into the category name; read them as a question.
        first_line, lines = first_line + start + 1, lines[start + 1 :]
        if not any(not line.startswith("//") for line in lines):
            return
    joined = "\n".join(" " if line.startswith("//") else line for line in lines)
    bad = SURROGATES.search(joined)
    if bad:
        problems.append(
            (filename, first_line + joined.count("\n", 0, bad.start()), N_("invalid character (lone surrogate)"))
        )
        return
    block = mask(joined)
    try:
        question = read_question(block)
    except SyntaxProblem as problem:
        position = problem.position if problem.position is not None else 0
        problems.append((filename, first_line + block.count("\n", 0, max(position, 0)), problem.message))
        return
    yield question
