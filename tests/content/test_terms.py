"""The glossary and the shared term list (docs/terms.yml) agree: every glossary term is listed, and the Chinese and
French glossaries name it with the listed words (the glossary may add an abbreviation or an explanation)."""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import ROOT

GLOSSARY = ROOT / "modules" / "glossary"
TERMS = {term["slug"]: term for term in yaml.safe_load((ROOT / "docs" / "terms.yml").read_text(encoding="utf-8"))}


def _glossary(language: str | None) -> dict[str, str]:
    terms = {}
    for path in sorted(GLOSSARY.glob("*.yml")):
        parts = path.name.split(".")
        if (len(parts) == 2 and language is None) or (len(parts) == 3 and parts[1] == language):
            terms.update({entry["slug"]: entry["term"] for entry in yaml.safe_load(path.read_text(encoding="utf-8"))})
    return terms


def test_the_term_list_is_sorted_by_slug_without_duplicates():
    slugs = [term["slug"] for term in yaml.safe_load((ROOT / "docs" / "terms.yml").read_text(encoding="utf-8"))]
    assert slugs == sorted(set(slugs))


def test_every_glossary_slug_is_in_the_term_list():
    english = _glossary(None)
    assert english, "no English glossary found"
    assert sorted(set(english) - set(TERMS)) == []


@pytest.mark.parametrize("language", ["zh", "fr"])
def test_the_translated_glossary_uses_the_listed_terms(language):
    translated = _glossary(language)
    assert set(translated) == set(_glossary(None)), f"{language}: the glossary translates other slugs"
    problems = [
        f"{slug}: glossary {term!r}, list {TERMS[slug][language]!r}"
        for slug, term in sorted(translated.items())
        if TERMS[slug][language].casefold() not in term.casefold()
    ]
    assert problems == []
