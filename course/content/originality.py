"""Find runs of words a lesson shares with the source text (lessons must be in our own words).

Names do not count: a run of two or more capitalised words ("China (Hangzhou) Cross-Border E-Commerce
Comprehensive Pilot Area", "Working Group on Cross-Border E-commerce") stands as one word on both sides,
so an organisation's full name may be quoted but the sentence around it may not.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

RUN_LENGTH = 10
NAME = "<name>"
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_CONNECTORS = {"of", "and", "for", "the", "de", "on", "in"}  # inside a name: "Bank of Communications"


def words(text: str) -> list[str]:
    """Lower-case words of a text, punctuation and markup dropped, each name as one word."""
    raw = _WORD.findall(text.replace("’", "'"))
    found: list[str] = []
    index = 0
    while index < len(raw):
        end = _name_end(raw, index)
        if end - index >= 2:
            found.append(NAME)
            index = end
        else:
            found.append(raw[index].lower())
            index += 1
    return found


def _capital(word: str) -> bool:
    return word[0].isupper()


def _name_end(raw: list[str], start: int) -> int:
    """Where a run of capitalised words starting at `start` ends (connectors only between capitals)."""
    end = start
    while end < len(raw):
        if _capital(raw[end]):
            end += 1
        elif raw[end] in _CONNECTORS and end > start and end + 1 < len(raw) and _capital(raw[end + 1]):
            end += 1
        else:
            break
    return end


def shingles(text: str, size: int = RUN_LENGTH) -> set[tuple[str, ...]]:
    """Every run of `size` consecutive words in a text."""
    w = words(text)
    return {tuple(w[i : i + size]) for i in range(len(w) - size + 1)}


def copied_runs(text: str, source_shingles: set[tuple[str, ...]], size: int = RUN_LENGTH) -> list[str]:
    """The runs of `size` words in `text` that also occur in the source (a run of names only is allowed)."""
    w = words(text)
    found = []
    for i in range(len(w) - size + 1):
        run = tuple(w[i : i + size])
        if run in source_shingles and any(word != NAME for word in run):
            found.append(" ".join(run))
    return found


def main(argv: list[str]) -> int:
    """CLI: originality SOURCE FILE... -> prints copied runs, exit 1 if any."""
    source, *files = argv
    source_shingles = shingles(Path(source).read_text(encoding="utf-8"))
    bad = 0
    for name in files:
        for run in copied_runs(Path(name).read_text(encoding="utf-8"), source_shingles):
            print(f"{name}: copied run: {run}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
