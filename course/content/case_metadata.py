"""Where a case happened, who carried it out and what it is about: the closed lists and their reading.

One place for the themes and organisation types (lesson front matter, the practice-case form and the
library's filters all read them from here). Front matter:

    place: {city: Jinhua, province: Zhejiang, country: China}   # city and province may be "" (national, online)
    organisation: {name: "Jinhua ... Port, Ltd.", type: enterprise}
    themes: [logistics, digital-platforms]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from babel import Locale

from course.content.fields import FieldReader
from course.content.yamlfile import LINE_KEY

THEMES = {
    "pilot-zones": "Pilot and bonded zones",
    "customs": "Customs",
    "payments": "Payments",
    "finance": "Finance",
    "logistics": "Logistics",
    "warehousing": "Warehousing",
    "digital-platforms": "Digital platforms",
    "marketing": "Marketing",
    "brand": "Brand building",
    "compliance": "Compliance",
    "talent": "Talent and training",
    "data": "Data",
    "dispute-resolution": "Dispute resolution",
    "industrial-clusters": "Industrial clusters",
    "rural-development": "Rural development",
    "international-cooperation": "International cooperation",
}
ORG_TYPES = {
    "government": "Government",
    "zone": "Pilot or bonded zone",
    "enterprise": "Enterprise",
    "platform": "Platform",
    "association": "Association",
    "court": "Court or arbitration body",
    "university": "University",
    "think-tank": "Think tank",
}
METADATA_KEYS = ("place", "organisation", "themes")
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}  # groupings and pseudo-regions among Babel's territories


@cache
def countries() -> tuple[str, ...]:
    """Country names in English as the Unicode CLDR gives them (via Babel), alphabetical: a case's country is
    one of them, so that the library's country filter holds one spelling of each."""
    names = Locale("en").territories
    return tuple(
        sorted(n for code, n in names.items() if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES)
    )


@dataclass(frozen=True)
class Place:
    city: str
    province: str
    country: str


@dataclass(frozen=True)
class Organisation:
    name: str
    type: str
    line: int = field(default=1, compare=False)  # where the front matter names it


def read_case_metadata(f: FieldReader, required: bool = True) -> dict:
    """`place`, `organisation` and `themes` of a lesson's front matter (None / [] when absent and not required);
    each problem is reported at its line."""
    return {
        "place": _place(f, required),
        "organisation": _organisation(f, required),
        "themes": _themes(f, required),
    }


def _mapping(f: FieldReader, key: str, fields: tuple[str, ...], required: bool) -> FieldReader | None:
    value = f.mapping.get(key)
    if value is None:
        if required:
            f.fail(key, f"'{key}' is required")
        return None
    if not isinstance(value, dict):
        f.fail(key, f"'{key}' must be a mapping with {', '.join(fields)}")
        return None
    inner = FieldReader(value, f.path, f.offset, f.problems)
    for unknown in sorted(k for k in value if k not in fields and k != LINE_KEY):
        inner.fail(unknown, f"'{key}' has unknown key '{unknown}' (allowed: {', '.join(fields)})")
    return inner


def _place(f: FieldReader, required: bool) -> Place | None:
    inner = _mapping(f, "place", ("city", "province", "country"), required)
    if inner is None:
        return None
    country = inner.text("country", required=False)
    if not country:
        inner.fail("country", "'place.country' is required")
    elif country not in countries():
        inner.fail(
            "country", f"'place.country' must be a country's English name, such as China or Kenya, not {country!r}"
        )
    return Place(inner.text("city", required=False), inner.text("province", required=False), country)


def _organisation(f: FieldReader, required: bool) -> Organisation | None:
    inner = _mapping(f, "organisation", ("name", "type"), required)
    if inner is None:
        return None
    name, kind = inner.text("name", required=False), inner.text("type", required=False)
    if not name:
        inner.fail("name", "'organisation.name' is required")
    if kind not in ORG_TYPES:
        inner.fail(
            "type",
            f"'organisation.type' must be one of: {', '.join(ORG_TYPES)}" + (f" (found {kind!r})" if kind else ""),
        )
    return Organisation(name, kind, f.line("organisation"))


def _themes(f: FieldReader, required: bool) -> list[str]:
    if f.mapping.get("themes") is None and not required:
        return []
    themes = f.items("themes", str, required=required, allowed=set(THEMES))
    if not themes and f.mapping.get("themes") == []:
        if not required:
            f.fail("themes", "'themes' must not be empty")
        return []
    repeated = sorted({t for t in themes if themes.count(t) > 1})
    if repeated:
        f.fail("themes", f"'themes' lists {', '.join(repeated)} more than once")
    return [t for t in dict.fromkeys(themes) if t in THEMES]
