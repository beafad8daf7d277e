"""Low-level Moodle XML shared by the reader and the writer: a parser safe against entity attacks, text
formats, numbers, and how texts are written (as Moodle's exporter writes them)."""

from __future__ import annotations

import re

from lxml import etree

from course.questions.errors import N_, MoodleXmlError

# Moodle's names of text formats and ours. wiki_like is a format Moodle no longer renders.
FORMAT_OF_NAME = {"moodle_auto_format": "moodle", "html": "html", "plain_text": "plain", "markdown": "markdown"}
NAME_OF_FORMAT = {ours: name for name, ours in FORMAT_OF_NAME.items()}
RETIRED_FORMATS = ("wiki_like",)

PHP_WHITESPACE = " \t\n\r\0\x0b"  # what PHP's trim() strips: Moodle trims every text it imports
NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
# XML 1.0 cannot carry these characters at all, not even as character references.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_DECLARATION = re.compile(r"\A(\s*<\?xml\b[^>]*?)\s+encoding\s*=\s*(['\"])[^'\"]*\2")
# A DOCTYPE can only come before the root element, the first tag that starts with a letter.
_FIRST_ELEMENT = re.compile(r"<[A-Za-z_:]")
_NO_DOCTYPE = N_("a DOCTYPE is not allowed in a question file (it can declare entities)")
_PARSER_OPTIONS = {
    "resolve_entities": False,  # no entity is ever expanded (XXE, billion laughs)
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,  # libxml2's limits on depth and text size stay on
    "remove_comments": True,
    "remove_pis": True,
}


def parse_document(text: str, filename: str) -> etree._Element:
    """The `<quiz>` element of a Moodle XML text, or MoodleXmlError: not well-formed, a DOCTYPE (which is
    how entity attacks come in; Moodle XML never has one), or another root element."""
    root_at = _FIRST_ELEMENT.search(text)
    if "<!DOCTYPE" in text[: root_at.start() if root_at else len(text)]:
        raise MoodleXmlError([(filename, _line_of_doctype(text), _NO_DOCTYPE)])
    # The text is already decoded: an encoding in the declaration would only make lxml refuse it.
    text = _DECLARATION.sub(r"\1", text.removeprefix("\ufeff"), count=1)
    try:
        root = etree.fromstring(text, etree.XMLParser(**_PARSER_OPTIONS))
    except etree.XMLSyntaxError as error:
        raise MoodleXmlError(
            [(filename, max(error.lineno or 1, 1), N_("not well-formed XML: %(error)s", error=error.msg))]
        ) from None
    if root.getroottree().docinfo.doctype:
        raise MoodleXmlError([(filename, 1, _NO_DOCTYPE)])
    if root.tag != "quiz":
        raise MoodleXmlError(
            [(filename, root.sourceline or 1, N_("expected a Moodle XML <quiz>, found <%(tag)s>", tag=root.tag))]
        )
    return root


def _line_of_doctype(text: str) -> int:
    return text.count("\n", 0, text.find("<!DOCTYPE")) + 1


def text_element(text: str, indent: int) -> str:
    """`<text>…</text>` on one line, as Moodle writes it: CDATA when the text needs escaping. A carriage return
    is written as a character reference, the only way XML keeps it."""
    pad = "  " * indent
    if "\r" in text:
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
        return f"{pad}<text>{escaped}</text>\n"
    if any(char in text for char in "&<>\"'"):
        return f"{pad}<text><![CDATA[{text.replace(']]>', ']]]]><![CDATA[>')}]]></text>\n"
    return f"{pad}<text>{text}</text>\n"


def xml_safe(text: str) -> str:
    """The text without the characters XML cannot carry (each becomes U+FFFD)."""
    return NOT_IN_XML.sub("\ufffd", text)
