"""Cases related to a case by what the library knows of each: the same organisation, the same city, shared themes.

Pure: entries are anything with the attributes of `course.models.LibraryEntry`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

MOST = 6  # related cases shown on a case page
_CASE_KINDS = ("lesson", "case")


@dataclass(frozen=True)
class Related:
    entry: object
    reasons: tuple[tuple, ...]  # ("organisation",), ("city", "Jinhua"), ("themes", ("logistics", "customs")): worded
    # by the web layer ("Same organisation", "Also in Jinhua", "Also about Logistics, Customs")
    weight: int


def related_cases(entry, entries: Iterable, most: int = MOST) -> list[Related]:
    """The cases most related to `entry`: same organisation weighs 4, same city 2, each shared theme 1; a case
    needs a weight of 2 (one theme in common is not enough). Heaviest first, then in library order."""
    found = []
    for other in entries:
        if other.kind not in _CASE_KINDS or (other.kind, other.key) == (entry.kind, entry.key):
            continue
        reasons, weight = [], 0
        if entry.org_name and other.org_name == entry.org_name:
            reasons.append(("organisation",))
            weight += 4
        if entry.city and other.city == entry.city and other.country == entry.country:
            reasons.append(("city", entry.city))
            weight += 2
        shared = [t for t in entry.themes if t in other.themes]
        if shared:
            reasons.append(("themes", tuple(shared)))
            weight += len(shared)
        if weight >= 2:
            found.append(Related(other, tuple(reasons), weight))
    found.sort(key=lambda r: (-r.weight, r.entry.position, r.entry.title))
    return found[:most]
