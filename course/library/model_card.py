"""A case's replicable-model card as a dict: the one place that knows where a card comes from.

Keys, always all six: `actor` and `problem` (text), `tools`, `preconditions`, `results` and `copy` (lists of text).

- A lesson in the new content format, or a practice case, has a `model` mapping with those keys: it is used.
- A lesson in the current format has them in its body; they are read from the rendered HTML: actor = the
  organisation, problem = the first paragraph of "The story", tools = "Core elements", preconditions =
  "Preconditions", results = "Key figures", copy = "What others can copy".

Pure: the lesson or case is anything with those attributes.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

CARD_FIELDS = ("actor", "problem", "tools", "preconditions", "results", "copy")
LIST_FIELDS = ("tools", "preconditions", "results", "copy")
CARD_LABELS = {
    "actor": "Who acted",
    "problem": "The problem",
    "tools": "Tools and core elements",
    "preconditions": "Preconditions",
    "results": "Results",
    "copy": "What others can copy",
}
_FROM_SECTIONS = {  # card field -> (## section, ### part or "")
    "tools": ("Replicable model", "Core elements"),
    "preconditions": ("Replicable model", "Preconditions"),
    "results": ("Key figures", ""),
    "copy": ("Replicable model", "What others can copy"),
}
_PROBLEM_CHARACTERS = 400


def model_card(case) -> dict:
    """The card of a lesson or practice case (empty text and lists where it says nothing)."""
    model = getattr(case, "model", None)
    if isinstance(model, dict) and model:
        return _from_mapping(model)
    return _from_body(case)


def _from_mapping(model: dict) -> dict:
    card = {}
    for name in CARD_FIELDS:
        value = model.get(name)
        if name in LIST_FIELDS:
            items = value if isinstance(value, list) else [value] if value else []
            card[name] = [" ".join(str(v).split()) for v in items if str(v).strip()]
        else:
            card[name] = " ".join(str(value or "").split())
    return card


def _from_body(lesson) -> dict:
    sections = _sections(getattr(lesson, "body_html", "") or "")
    story = sections.get(("The story", ""), {}).get("paragraphs", [])
    card = {
        "actor": getattr(lesson, "org_name", "") or getattr(lesson, "title", ""),
        "problem": _shortened(story[0]) if story else "",
    }
    for name, place in _FROM_SECTIONS.items():
        card[name] = sections.get(place, {}).get("items", [])
    return card


def _shortened(text: str) -> str:
    """Whole sentences of a paragraph, up to about _PROBLEM_CHARACTERS."""
    if len(text) <= _PROBLEM_CHARACTERS:
        return text
    sentences = re.split(r"(?<=[.!?])\s+", text)
    kept = ""
    for sentence in sentences:
        if kept and len(kept) + len(sentence) > _PROBLEM_CHARACTERS:
            break
        kept = f"{kept} {sentence}".strip()
    return kept


def _sections(html: str) -> dict[tuple[str, str], dict[str, list[str]]]:
    parser = _SectionReader()
    parser.feed(html)
    parser.close()
    return parser.sections


class _SectionReader(HTMLParser):
    """The paragraphs and list items under each (## heading, ### heading) of rendered lesson HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections: dict[tuple[str, str], dict[str, list[str]]] = {}
        self.h2 = self.h3 = ""
        self.heading: str | None = None  # "h2" or "h3" while inside one
        self.block: str | None = None  # "p" or "li" while inside one
        self.depth = 0  # of nested lists: only top-level items count, without what is nested in them
        self.block_depth = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("h2", "h3"):
            self.heading, self.text = tag, []
        elif tag in ("ul", "ol"):
            self.depth += 1
        elif tag == "li" and self.depth == 1 and self.block is None:
            self.block, self.text, self.block_depth = "li", [], 1
        elif tag == "p" and self.block is None and self.depth == 0:
            self.block, self.text, self.block_depth = "p", [], 0

    def handle_endtag(self, tag):
        if tag == self.heading:
            title = " ".join("".join(self.text).split())
            if tag == "h2":
                self.h2, self.h3 = title, ""
            else:
                self.h3 = title
            self.heading = None
        elif tag in ("ul", "ol"):
            self.depth -= 1
        elif self.block is not None and tag == self.block and self.depth == self.block_depth:
            kind = "items" if tag == "li" else "paragraphs"
            text = " ".join("".join(self.text).split())
            if text:
                self.sections.setdefault((self.h2, self.h3), {"items": [], "paragraphs": []})[kind].append(text)
            self.block = None

    def handle_data(self, data):
        if self.heading is not None or (self.block is not None and self.depth == self.block_depth):
            self.text.append(data)
