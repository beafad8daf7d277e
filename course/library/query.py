"""What a visitor typed into the library's search box, read as PostgreSQL's `websearch_to_tsquery` reads it.

Words are ANDed, "quoted text" is a phrase, `or` between two parts gives either, `-word` leaves out what has
the word. PostgreSQL reads the text itself; for SQLite the same reading is written as an FTS5 query
(`fts5_query`), dropping the English stop words PostgreSQL drops, so that both engines find the same cases.
Snippets come back with `MARK_START`/`MARK_END` around matched words; `highlighted` turns them into <mark>.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

MAX_QUERY = 200  # characters of a query that are read
MARK_START, MARK_END = "\ue000", "\ue001"  # private-use characters: never in indexed text (see `plain`)

# PostgreSQL's English stop words (snowball english.stop): words that match nothing on its side.
STOP_WORDS = frozenset(
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
    herself it its itself they them their theirs themselves what which who whom this that these those am is are
    was were be been being have has had having do does did doing a an the and but if or because as until while of
    at by for with about against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each few more most other
    some such no nor not only own same so than too very s t can will just don should now""".split()
)
_PART = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")


@dataclass
class Group:
    """Parts that must all be there (words or phrases, each a tuple of words) and words that must not."""

    wanted: list[tuple[str, ...]] = field(default_factory=list)
    unwanted: list[tuple[str, ...]] = field(default_factory=list)


def parse(text: str) -> list[Group]:
    """The query as groups joined by OR; each group ANDs its wanted parts and leaves out its unwanted ones."""
    groups, current, pending_or = [], Group(), False
    for match in _PART.finditer(text[:MAX_QUERY]):
        phrase, word = match.group(1), match.group(2)
        if word is not None and word.lower() == "or":
            pending_or = bool(current.wanted or current.unwanted)
            continue
        negated = word is not None and word.startswith("-")
        words = tuple(w.lower() for w in _WORD.findall(phrase if phrase is not None else word))
        if phrase is None:
            words = tuple(w for w in words if w not in STOP_WORDS)
        if not words:
            continue
        if pending_or:
            groups.append(current)
            current, pending_or = Group(), False
        (current.unwanted if negated else current.wanted).append(words)
    groups.append(current)
    return [g for g in groups if g.wanted]


def has_terms(text: str) -> bool:
    """Whether the query asks for anything (not only stop words or exclusions)."""
    return bool(parse(text))


def fts5_query(text: str) -> str | None:
    """The query in FTS5's syntax, every word quoted (so no input is read as an FTS5 operator); None when
    it asks for nothing."""
    groups = parse(text)
    if not groups:
        return None

    def quoted(words: tuple[str, ...]) -> str:
        return '"' + " ".join(words).replace('"', '""') + '"'

    written = []
    for group in groups:
        part = " AND ".join(quoted(w) for w in group.wanted)
        for words in group.unwanted:
            part = f"({part}) NOT {quoted(words)}"
        written.append(f"({part})")
    return " OR ".join(written)


def plain(text: str) -> str:
    """Text fit for the index: the highlight markers removed, whitespace collapsed."""
    return " ".join(text.replace(MARK_START, "").replace(MARK_END, "").split())


def highlighted(text: str) -> str:
    """A snippet as safe HTML: everything escaped, matched words in <mark>."""
    return html.escape(text, quote=False).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
