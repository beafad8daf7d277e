"""The interface catalogues (course/translations/): every string the code and templates mark is translated in every
language, none is fuzzy, the translations keep the placeholders and markup, the compiled .mo files are those of the
.po files, and CBEC terms follow docs/terms.yml. After merging new templates: `scripts/translations`, translate
what it left empty or fuzzy, `scripts/translations compile`."""

from __future__ import annotations

import re

import pytest
import yaml
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from course.languages import LANGUAGES, SOURCE
from tests.conftest import ROOT

CATALOGUES = ROOT / "course" / "translations"
LOCALES = [language.locale for language in LANGUAGES if language is not SOURCE]
TAG = re.compile(r"</?[a-z]+[^>]*>")
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{n\}")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory, request):
    """What `pybabel extract` finds now, with the options of scripts/translations."""
    pot = tmp_path_factory.mktemp("extract") / "messages.pot"
    options = ["-k", "_l", "-k", "lazy_gettext", "-k", "lazy_ngettext:1,2", "-k", "N_"]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        CommandLineInterface().run(["pybabel", "-q", "extract", "-F", "babel.cfg", *options, "-o", str(pot), "course"])
    with pot.open("rb") as handle:
        return read_po(handle)


def _catalogue(locale: str):
    with (CATALOGUES / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=locale)


def _forms(message) -> list[str]:
    return list(message.string) if isinstance(message.string, (tuple, list)) else [message.string]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_marked_string_is_translated_and_none_is_fuzzy(extracted, locale):
    catalogue = _catalogue(locale)
    untranslated = []
    for message in extracted:
        if not message.id:
            continue
        translated = catalogue.get(message.id)
        if translated is None or translated.fuzzy or not all(_forms(translated)):
            untranslated.append(message.id if isinstance(message.id, str) else message.id[0])
    assert untranslated == [], f"{locale}: run scripts/translations and translate: {untranslated[:20]}"


@pytest.mark.parametrize("locale", LOCALES)
def test_translations_keep_placeholders_and_markup(locale):
    catalogue = _catalogue(locale)
    problems = [f"{message.id}: {errors}" for message, errors in catalogue.check() if errors]
    for message in catalogue:
        if not message.id or message.fuzzy:
            continue
        original = message.id if isinstance(message.id, str) else message.id[1]
        for form in _forms(message):
            if sorted(TAG.findall(form)) != sorted(TAG.findall(original)):
                problems.append(f"{original!r}: markup differs in {form!r}")
            if set(PLACEHOLDER.findall(form)) - set(PLACEHOLDER.findall(original)):
                problems.append(f"{original!r}: unknown placeholder in {form!r}")
    assert problems == []


@pytest.mark.parametrize("locale", LOCALES)
def test_the_compiled_catalogue_is_the_translated_one(locale):
    """The app reads the .mo files: one older than its .po would show stale texts (scripts/translations compile)."""
    catalogue = _catalogue(locale)
    with (CATALOGUES / locale / "LC_MESSAGES" / "messages.mo").open("rb") as handle:
        compiled = read_mo(handle)
    wanted = {_key(m.id): _key(m.string) for m in catalogue if m.id and not m.fuzzy and all(_forms(m))}
    found = {_key(m.id): _key(m.string) for m in compiled if m.id}
    assert found == wanted


def _key(value):
    return tuple(value) if isinstance(value, (list, tuple)) else value


TERMS = yaml.safe_load((ROOT / "docs" / "terms.yml").read_text(encoding="utf-8"))


def test_the_term_list_gives_every_term_in_the_six_languages():
    for term in TERMS:
        assert {"slug", "en", "zh", "fr", "es", "ar", "ru"} <= set(term), term
        assert all(str(term[key]).strip() for key in ("en", "zh", "fr", "es", "ar", "ru")), term


def _core(text: str) -> str:
    """A term without its parenthesised abbreviation or explanation, lower-case."""
    return re.sub(r"\s*[（(].*?[)）]", "", text).strip().casefold()


def _singular(text: str) -> str:
    """French words without their plural ending, so that "zones pilotes" contains "zone pilote"."""
    return re.sub(r"(\w)[sx]\b", r"\1", text.casefold())


@pytest.mark.parametrize("locale, key", [("zh_Hans", "zh"), ("fr", "fr")])
def test_interface_messages_use_the_listed_term_translations(locale, key):
    """Where an English message names a term of docs/terms.yml, its Chinese and French translations use the listed
    words. (Spanish, Arabic and Russian inflect terms inside words; their catalogues are reviewed by hand.)
    A `label` entry (a heading such as "Results" or "Reflection") counts only where the message is the label
    itself: "Quiz results" is not the model card's field. A term inside a path (customs/bonded) is a code."""
    catalogue = _catalogue(locale)
    problems = []
    for message in catalogue:
        if not message.id or isinstance(message.id, tuple):
            continue
        text = PLACEHOLDER.sub("", TAG.sub("", message.id))
        for term in TERMS:
            english = re.sub(r"\s*[（(].*?[)）]", "", term["en"]).strip()
            if term.get("label"):
                named = re.sub(r"[^\w\s-]", "", text).strip().casefold() == english.casefold()
            else:
                # An abbreviation (SME) counts in capitals only: "sme" is also a code in the roster's help text.
                pattern = r"(?<!/)\b" + re.escape(english) + r"(?!/)"
                flags = 0 if english.isupper() else re.IGNORECASE
                named = re.search(pattern, text, flags) is not None
            if named:
                wanted = _core(term[key])
                if _singular(wanted) not in _singular(message.string):
                    problems.append(f"{message.id!r} -> {message.string!r}: expected {term[key]!r}")
    assert problems == []
