"""Small-cell protection for figures anyone may read (the public impact page). Pure.

A count of fewer than 5 people is shown as "< 5". Where counts are published beside the total they add up
to (a breakdown by sex or by month, say), hiding the small cells alone is not enough: the total minus the
cells shown would give them back. So, as statistical offices do, more cells are withheld (shown as "not
shown"), the smallest first, until no withheld cell can be worked out from what is published, even by
someone who knows this rule: each withheld cell must keep at least two possible values. A share (a pass
rate) is shown only when both the people it counts and the rest are 5 or more, and a mean only over 5 or
more people.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import TypeVar

THRESHOLD = 5
SMALL = "< 5"
WITHHELD = "not shown"

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Shown:
    """A published figure: its value, or None when withheld, the text that stands for it (English, as the API and
    tests read it) and its kind, from which the web layer writes it in the reader's language: "count", "percent"
    (one decimal), "share" (a percentage without decimals), "points" (percentage points, one decimal), "scale"
    (a 1-5 mean, one decimal), "small" (fewer than 5), "withheld" or "blank" (nothing to show)."""

    value: int | float | None
    text: str
    kind: str = "count"

    @property
    def withheld(self) -> bool:
        return self.value is None


def _number(n: int) -> Shown:
    return Shown(n, f"{n:,}")


_SMALL = Shown(None, SMALL, "small")
_WITHHELD = Shown(None, WITHHELD, "withheld")
BLANK = Shown(None, "—", "blank")


def count(n: int) -> Shown:
    """A count of people on its own."""
    return _SMALL if n < THRESHOLD else _number(n)


def breakdown(cells: Mapping[K, int], total: int) -> dict[K, Shown]:
    """Counts that add up to `total` (published with `count`), protected from being worked out by subtraction."""
    if total < THRESHOLD:  # the total is "< 5" too, and so is every cell
        return {key: _SMALL for key in cells}
    small = {key for key, n in cells.items() if n < THRESHOLD}
    if not small:
        return {key: _number(n) for key, n in cells.items()}
    withheld = set(small)
    others = sorted((key for key in cells if key not in small), key=lambda key: cells[key])  # stable: ties in order
    while not _safe(cells, small, withheld, [key for key in others if key not in withheld]):
        remaining = [key for key in others if key not in withheld]
        if not remaining:  # nothing left to withhold beside them: withhold the whole breakdown, alike
            return {key: _WITHHELD for key in cells}
        withheld.add(remaining[0])
    return {
        key: ((_SMALL if key in small else _WITHHELD) if key in withheld else _number(n)) for key, n in cells.items()
    }


def _safe(cells: Mapping, small: set, withheld: set, shown: list) -> bool:
    """Whether every withheld cell keeps two possible values, given the total of the withheld cells (the total
    minus the cells shown), that small cells are 0-4, and that the others withheld are 5 or more and no larger
    than the smallest cell shown (they were withheld smallest first)."""
    if len(withheld) < 2:
        return False
    total = sum(cells[key] for key in withheld)
    ceiling = min((cells[key] for key in shown), default=total)
    bounds = {key: (0, THRESHOLD - 1) if key in small else (THRESHOLD, min(ceiling, total)) for key in withheld}
    low_sum = sum(low for low, _ in bounds.values())
    high_sum = sum(high for _, high in bounds.values())
    for low, high in bounds.values():
        least = max(low, total - (high_sum - high))
        most = min(high, total - (low_sum - low))
        if most <= least:
            return False
    return True


def share(part: int, whole: int) -> tuple[Shown, Shown]:
    """A part of a group (those who passed of those who took a quiz) and its percentage: shown only when both the
    part and the rest are 5 or more, else the part is withheld and so is the percentage."""
    percent = Shown(100 * part / whole, f"{100 * part / whole:.0f}%", "share") if whole else BLANK
    if part < THRESHOLD:
        return _SMALL, (_WITHHELD if whole else BLANK)
    if whole - part < THRESHOLD:
        return _WITHHELD, _WITHHELD
    return _number(part), percent


def mean(value: float | None, n: int, text: str, kind: str = "percent") -> Shown:
    """A mean over `n` people, shown as `text` only when they are 5 or more."""
    if value is None:
        return BLANK
    return Shown(value, text, kind) if n >= THRESHOLD else _WITHHELD
