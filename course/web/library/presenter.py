"""How library hits and facet values read on a page and in JSON: their links and labels."""

from __future__ import annotations

from flask import url_for

from course.content.case_metadata import ORG_TYPES, THEMES
from course.library.facets import KINDS
from course.web.template_helpers import AUDIENCE_LABELS

FACET_TITLES = {
    "kind": "Type",
    "chapter": "Module",
    "country": "Country",
    "region": "Region",
    "city": "City",
    "theme": "Theme",
    "org_type": "Organisation",
    "audience": "Audience",
}
_LABELS = {"kind": KINDS, "theme": THEMES, "org_type": ORG_TYPES, "audience": AUDIENCE_LABELS}


def facet_label(facet: str, value, chapters: dict[int, str]) -> str:
    """The words for one filter value ("Module 5: Logistics", "Payments", "Enterprise")."""
    if facet == "chapter":
        title = chapters.get(value)
        return f"Module {value}: {title}" if title else f"Module {value}"
    return _LABELS.get(facet, {}).get(value, str(value))


def hit_url(kind: str, key: str, external: bool = False) -> str:
    """Where a hit is read: a lesson page, a practice case page, or the term in the glossary."""
    if kind == "lesson":
        return url_for("learn.lesson", slug=key, _external=external)
    if kind == "case":
        return url_for("library.practice_case", case_id=int(key), _external=external)
    return url_for("learn.glossary", _anchor=key, _external=external)
