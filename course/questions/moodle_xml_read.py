"""Read the questions of a Moodle XML `<quiz>` as Moodle's qformat_xml imports them. A question this platform
cannot hold (another type, embedded files, attachments) is skipped and reported, never imported as something
else; a mistake Moodle would refuse is a problem, and then nothing is imported."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from lxml import etree

from course.questions.errors import N_, Message, MoodleXmlError, ParseResult, Problem
from course.questions.moodle_xml_syntax import FORMAT_OF_NAME, NUMBER, PHP_WHITESPACE, RETIRED_FORMATS
from course.questions.percent import fraction_of
from course.questions.types import Question, default_name

Element = etree._Element

# Moodle's own types that this platform does not hold, by the name Moodle XML gives them.
UNSUPPORTED_TYPES = {
    "calculated": N_("calculated"),
    "calculatedsimple": N_("simple calculated"),
    "calculatedmulti": N_("calculated multichoice"),
    "multianswer": N_("embedded answers (Cloze)"),
    "cloze": N_("embedded answers (Cloze)"),
    "ddwtos": N_("drag and drop into text"),
    "ddmarker": N_("drag and drop markers"),
    "ddimageortext": N_("drag and drop onto image"),
    "gapselect": N_("select missing words"),
    "randomsamatch": N_("random short-answer matching"),
    "random": N_("random"),
}


class Skip(Exception):
    """A question this platform cannot hold; it is left out and reported."""


class Refused(Exception):
    """A mistake in the file that Moodle would refuse; `line` is where it is."""

    def __init__(self, message: Message, line: int | None):
        super().__init__(message)
        self.message, self.line = message, line


def read_quiz(
    root: Element, filename: str, readers: dict[str, Callable[[Element, dict], Question]], category: str = ""
) -> ParseResult:
    """Every question under `<quiz>` in order, each in the category of the last category entry before it."""
    result, problems = ParseResult(), []
    for element in root:
        if element.tag != "question":
            problems.append(
                (filename, element.sourceline or 1, N_("expected <question>, found <%(tag)s>", tag=element.tag))
            )
            continue
        qtype = (element.get("type") or "").strip()
        try:
            if qtype == "category":
                category = _category(element)
                if category not in result.categories:
                    result.categories.append(category)
            elif qtype in readers:
                question = readers[qtype](element, common(element))
                question.category = category
                result.questions.append(question)
            else:
                result.skipped.append(_unsupported(filename, element, qtype))
        except Skip as reason:
            result.skipped.append((filename, element.sourceline or 1, _skipped(element, reason.args[0])))
        except Refused as problem:
            problems.append(_problem(filename, element, problem))
    if problems:
        raise MoodleXmlError(problems)
    return result


def _problem(filename: str, element: Element, problem: Refused) -> Problem:
    name = name_of(element)
    line = problem.line or element.sourceline or 1
    if name and element.get("type") != "category":
        return filename, line, N_("'%(name)s': %(problem)s", name=name, problem=problem.message)
    return filename, line, problem.message


def _skipped(element: Element, reason: Message) -> Message:
    return N_("'%(name)s' skipped: %(reason)s", name=name_of(element), reason=reason)


def _unsupported(filename: str, element: Element, qtype: str) -> Problem:
    if not qtype:
        raise Refused(N_('a <question> needs a type, e.g. type="multichoice"'), element.sourceline)
    if qtype in UNSUPPORTED_TYPES:
        reason = N_(
            "%(kind)s questions (Moodle type '%(qtype)s') are not supported", kind=UNSUPPORTED_TYPES[qtype], qtype=qtype
        )
    else:
        reason = N_("Moodle question type '%(qtype)s' is not supported (a plugin's type?)", qtype=qtype)
    return filename, element.sourceline or 1, _skipped(element, reason)


def _category(element: Element) -> str:
    """The path of a category entry, kept as written (`$course$/top/Ports` stays so, as GIFT keeps it); an
    empty path is the bank's own category."""
    if element.find("category") is None:
        raise Refused(N_("a category entry needs <category><text>its path</text></category>"), element.sourceline)
    return text_of(element.find("category"))


def name_of(element: Element) -> str:
    """The question's name as written, '' when it has none (for messages)."""
    found = element.find("name/text")
    return (found.text or "").strip(PHP_WHITESPACE) if found is not None and not len(found) else ""


def common(element: Element) -> dict:
    """Name, text and general feedback, as Moodle's import_headers reads them."""
    if element.find("name") is None:
        raise Refused(N_("a question needs a <name>"), element.sourceline)
    text, text_format = formatted(element.find("questiontext"), "html")
    if value(element, "image_base64"):
        raise Skip(N_("it embeds an image (<image_base64>), and embedded files are not supported"))
    feedback, feedback_format = formatted(element.find("generalfeedback"), text_format)
    return {
        "name": text_of(element.find("name")) or default_name(text),
        "text": text,
        "text_format": text_format,
        "general_feedback": feedback,
        "general_feedback_format": own(feedback_format, text_format),
    }


def text_of(element: Element | None) -> str:
    """The trimmed `<text>` of an element ('' when either is absent), as Moodle trims it."""
    found = element.find("text") if element is not None else None
    return "" if found is None else _plain_text(found)


def _plain_text(found: Element) -> str:
    """The trimmed content of a `<text>` element, which holds no elements."""
    if len(found):
        raise Refused(
            N_("<text> holds the element <%(tag)s>: write HTML inside <![CDATA[ … ]]> or escape it", tag=found[0].tag),
            found[0].sourceline,
        )
    return (found.text or "").strip(PHP_WHITESPACE)


def formatted(element: Element | None, default_format: str) -> tuple[str, str]:
    """A text with its format (`default_format` when the element or its format attribute is absent)."""
    if element is None:
        return "", default_format
    text = ""
    for child in element:  # one pass over the few children: this runs for every text of every question
        if child.tag == "text" and not text:
            text = _plain_text(child)
        elif child.tag == "file":
            name = child.get("name", "")
            raise Skip(N_("it embeds the file '%(name)s' (<file>), and embedded files are not supported", name=name))
    if "@@PLUGINFILE@@" in text:
        raise Skip(N_("it shows files stored in Moodle (@@PLUGINFILE@@), and embedded files are not supported"))
    name = element.get("format")
    return text, default_format if name is None else text_format(name, element)


def text_format(name: str, element: Element) -> str:
    """Our name of a Moodle text format; an empty one is HTML, as Moodle assumes."""
    name = name.strip()
    if name in FORMAT_OF_NAME:
        return FORMAT_OF_NAME[name]
    if not name:
        return "html"
    if name in RETIRED_FORMATS:
        raise Skip(N_("its text format '%(name)s' is not supported (Moodle no longer renders it)", name=name))
    expected = ", ".join(FORMAT_OF_NAME)
    raise Refused(
        N_("unknown text format '%(name)s' (expected %(expected)s)", name=name, expected=expected), element.sourceline
    )


def own(part_format: str, question_format: str) -> str | None:
    """A part's format, stored only when it differs from the question text's."""
    return None if part_format == question_format else part_format


def value(element: Element, tag: str, default: str = "") -> str:
    """The trimmed text of a child element, `default` when there is none."""
    found = element.find(tag)
    return default if found is None else (found.text or "").strip(PHP_WHITESPACE)


def flag(text: str) -> bool:
    """A yes/no setting as Moodle's trans_single reads it: only 'false', '0' and '' are no."""
    return text not in ("false", "0", "")


def number(text: str, element: Element, what: str) -> float:
    """A number as Moodle writes one (`0.1`, `1.0E-5`); a blank is 0. `what`: a tag (`<unitpenalty>`) or words
    (a Message)."""
    """A number as Moodle writes one (`0.1`, `1.0E-5`); a blank is 0."""
    if not text:
        return 0.0
    if not NUMBER.fullmatch(text) or abs(float(text)) == float("inf"):
        raise Refused(N_("%(what)s '%(text)s' is not a number", what=what, text=text), element.sourceline)
    return float(text)


def whole_number(text: str, element: Element, what: str, choices: range) -> int:
    """A setting that is a whole number from `choices`; a blank is the first."""
    if not text:
        return choices[0]
    if not text.lstrip("-").isdigit() or int(text) not in choices:
        raise Refused(
            N_(
                "%(what)s '%(text)s' must be one of %(choices)s",
                what=what,
                text=text,
                choices=", ".join(map(str, choices)),
            ),
            element.sourceline,
        )
    return int(text)


def fraction(answer: Element) -> float:
    """An answer's grade: `fraction="50"` is 0.5; it must lie between -100 and 100."""
    raw = (answer.get("fraction") or "0").strip()
    try:
        percent = Decimal(raw) if NUMBER.fullmatch(raw) else None
    except InvalidOperation:
        percent = None
    if percent is None or not -100 <= percent <= 100:
        raise Refused(
            N_('the grade fraction="%(raw)s" is not a percentage from -100 to 100', raw=raw), answer.sourceline
        )
    return fraction_of(percent)
