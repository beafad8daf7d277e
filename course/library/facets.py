"""Filters of the library and the counts beside each filter value: plain data in, plain data out.

An entry is anything with the attributes of `course.models.LibraryEntry` (kind, chapter, city, province,
country, org_type, themes, audiences). A facet's counts are those of the entries that match every *other*
filter, so that choosing a theme still shows how many cases each other theme would give.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields

KINDS = ("lesson", "case", "term")  # a course case, a practice case, a glossary term (worded by the web layer)


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    chapter: int | None = None
    country: str = ""
    region: str = ""  # province or state
    city: str = ""
    theme: str = ""
    org_type: str = ""
    audience: str = ""

    def active(self) -> dict:
        """The filters that are set, by name."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in ("", None)}


FACETS = tuple(f.name for f in fields(Filters))


def values_of(entry, facet: str) -> list:
    """The values an entry has for one facet (none, one, or several for themes and audiences)."""
    if facet == "theme":
        return list(entry.themes)
    if facet == "audience":
        return list(entry.audiences)
    value = getattr(entry, "province" if facet == "region" else facet)
    return [] if value in ("", None) else [value]


def matches(entry, filters: Filters, leave_out: str = "") -> bool:
    """Whether an entry passes every filter that is set (but `leave_out`)."""
    return all(value in values_of(entry, facet) for facet, value in filters.active().items() if facet != leave_out)


def facet_counts(entries: Iterable, filters: Filters) -> dict[str, list[tuple[object, int]]]:
    """For each facet, (value, number of entries) for the entries matching the other filters; most first, then by
    value. A chosen value is listed even when nothing has it."""
    entries = list(entries)
    counts = {}
    for facet in FACETS:
        counter = Counter(v for e in entries if matches(e, filters, leave_out=facet) for v in values_of(e, facet))
        chosen = getattr(filters, facet)
        if chosen not in ("", None) and chosen not in counter:
            counter[chosen] = 0
        counts[facet] = sorted(counter.items(), key=lambda item: (-item[1], str(item[0])))
    return counts
