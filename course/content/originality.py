"""Find runs of words a lesson shares with the source text (lessons must be in our own words)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

RUN_LENGTH = 12
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def words(text: str) -> list[str]:
    """Lower-case words of a text, punctuation and markup dropped."""
    return _WORD.findall(text.lower().replace("’", "'"))


def shingles(text: str, size: int = RUN_LENGTH) -> set[tuple[str, ...]]:
    """Every run of `size` consecutive words in a text."""
    w = words(text)
    return {tuple(w[i : i + size]) for i in range(len(w) - size + 1)}


def copied_runs(text: str, source_shingles: set[tuple[str, ...]], size: int = RUN_LENGTH) -> list[str]:
    """The runs of `size` words in `text` that also occur in the source."""
    w = words(text)
    found = []
    for i in range(len(w) - size + 1):
        run = tuple(w[i : i + size])
        if run in source_shingles:
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
