"""How library hits and facet values read on a page and in JSON: their links and labels."""

from __future__ import annotations

from flask import url_for

from course.web.library import wording
from course.web.template_helpers import AUDIENCE_LABELS

FACET_TITLES = wording.FACET_TITLES
_LABELS = {"kind": wording.KINDS, "theme": wording.THEMES, "org_type": wording.ORG_TYPES, "audience": AUDIENCE_LABELS}


def facet_label(facet: str, value, chapters: dict[int, str]) -> str:
    """The words for one filter value ("Module 5: Logistics", "Payments", "Enterprise")."""
    if facet == "chapter":
        return wording.module_label(value, chapters.get(value))
    if facet == "country":
        return wording.country_name(value)
    return wording.label(_LABELS.get(facet, {}), value) if isinstance(value, str) else str(value)


def hit_url(kind: str, key: str, external: bool = False) -> str:
    """Where a hit is read: a lesson page, a practice case page, or the term in the glossary."""
    if kind == "lesson":
        return url_for("learn.lesson", slug=key, _external=external)
    if kind == "case":
        return url_for("library.practice_case", case_id=int(key), _external=external)
    return url_for("learn.glossary", _anchor=key, _external=external)


def case_document(results, limit: int) -> dict:
    """The JSON of one page of library hits (`GET /api/v1/cases`, docs/exports.md): keys are only ever added."""
    following = results.offset + len(results.hits)
    args = {"q": results.query, **results.filters.active(), "offset": following, "limit": limit}
    return {
        "query": results.query,
        "filters": results.filters.active(),
        "total": results.total,
        "offset": results.offset,
        "limit": limit,
        "results": [_hit_document(hit) for hit in results.hits],
        "facets": {
            name: [{"value": value, "count": count} for value, count in counts]
            for name, counts in results.facets.items()
        },
        "next": url_for("api.cases", _external=True, **{k: v for k, v in args.items() if v not in ("", None)})
        if following < results.total
        else None,
    }


def _hit_document(hit) -> dict:
    return {
        "kind": hit.kind,
        "key": hit.key,
        "url": hit_url(hit.kind, hit.key, external=True),
        "title": hit.title,
        "title_html": hit.title_html,
        "snippet_html": hit.snippet_html,
        "summary": hit.summary,
        "score": round(hit.score, 6),
        "chapter": hit.chapter,
        "place": {"city": hit.city, "province": hit.province, "country": hit.country},
        "organisation": {"name": hit.org_name, "type": hit.org_type},
        "themes": hit.themes,
        "audiences": hit.audiences,
    }
