"""Translations in sibling files (docs/content-format.md): read with their English file, checked against it."""

import pytest

from course.content.errors import ContentError
from course.content.loader import load_course
from course.content.translations import read_bank_translations, translation_language
from course.questions import parse_gift

LESSON_FR = """---
title: "La zone pilote de Harbour City"
cases: [1]
summary: Un court résumé de la zone pilote de Harbour City.
objectives:
  - Expliquer ce que la zone pilote de Harbour City a fait pour les exportateurs.
takeaway: Une chose à retenir de la zone pilote de Harbour City.
related:
  - slug: river-town-bonded-zone
    why: Une autre zone de la même province.
model:
  actor: L'opérateur de la zone pilote de Harbour City
  problem: Les exportateurs attendaient trop longtemps.
  tools: [Un outil, Un autre outil]
  preconditions: [Une condition]
  results: [Résultat du cas 1]
  copy: [Quelque chose à copier]
place: {city: Harbour City, province: Côte, country: Chine}
organisation: {name: "Zone pilote de Harbour City", type: zone}
---
## Ce que rapporte le cas

Harbour City a créé une [zone pilote intégrée](glossary:cpa) en 2015 et dédouané les colis plus vite.

## Notre lecture

Cela suggère que la rapidité compte.

## Réflexion

> Que copieriez-vous ?
"""

MODULE_FR = """---
title: Zones pilotes
summary: Comment les zones pilotes aident les exportateurs.
objectives:
  - Expliquer ce que fait une [zone pilote](glossary:cpa).
  - Citer deux services d'une zone pilote.
  - Juger quel service manque à votre région.
---
Les zones pilotes testent de nouvelles règles. Lisez d'abord la [zone pilote](glossary:cpa).
"""

GLOSSARY_FR = """- slug: cpa
  term: Zone pilote intégrée du commerce électronique transfrontalier (CPA)
  definition: Une zone urbaine qui expérimente les règles du commerce électronique transfrontalier.
- slug: teu
  term: EVP (TEU)
  definition: Un conteneur de vingt pieds.
"""

PATHS_FR = """- slug: officials
  title: Parcours des fonctionnaires
  description: Pour les fonctionnaires.
"""


@pytest.fixture
def translated(content_dir):
    """The fixture course with a French lesson, module page, glossary and paths."""
    (content_dir / "01-pilot-zones/01-harbour-city-pilot.fr.md").write_text(LESSON_FR)
    (content_dir / "01-pilot-zones/module.fr.md").write_text(MODULE_FR)
    (content_dir / "glossary/terms.fr.yml").write_text(GLOSSARY_FR)
    (content_dir / "paths.fr.yml").write_text(PATHS_FR)
    return content_dir


def _problems(content_dir) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_course(content_dir)
    return [str(p) for p in caught.value.problems]


def _edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_translations_load_with_their_english_files_and_take_the_data_from_them(translated):
    course = load_course(translated)
    module = course.modules[0]
    lesson = module.lessons[0]
    assert [m.slug for m in course.modules] == ["pilot-zones", "logistics-basics"]  # no lesson or module was added
    assert [item.slug for item in module.lessons] == ["harbour-city-pilot", "river-town-bonded-zone"]
    french = lesson.translations["fr"]
    assert french.meta["title"] == "La zone pilote de Harbour City"
    assert french.meta["minutes"] == 10 and french.meta["audiences"] == ["official", "sme"]  # left out: English
    assert french.path == "modules/01-pilot-zones/01-harbour-city-pilot.fr.md" and "Réflexion" in french.body
    assert module.translations["fr"].meta["objectives"][1] == "Citer deux services d'une zone pilote."
    assert module.translations["fr"].meta["chapter"] == 1
    terms = {entry.slug: entry.translations for entry in course.glossary}
    assert terms["teu"] == {"fr": ("EVP (TEU)", "Un conteneur de vingt pieds.")}
    assert course.paths[0].translations == {"fr": ("Parcours des fonctionnaires", "Pour les fonctionnaires.")}
    assert lesson.translations.keys() == {"fr"} and module.lessons[1].translations == {}


FR_LESSON = "modules/01-pilot-zones/01-harbour-city-pilot.fr.md"


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("cases: [1]", "cases: [2]", f"{FR_LESSON}:3: 'cases' is data, not text: write it as in English ([1])"),
        ("summary: Un court", "resume: Un court", f"{FR_LESSON}:4: 'resume' is not in the English file"),
        ("## Notre lecture\n", "", f"{FR_LESSON}:21: 2 '##' sections; the English has 3"),
        ("(glossary:cpa)", "(glossary:teu)", f"{FR_LESSON}:23: glossary link 'teu' is not in the English text"),
        ('title: "La zone pilote de Harbour City"\n', "", f"{FR_LESSON}:2: 'title' is missing"),
        ("summary: Un court résumé de la zone pilote de Harbour City.", "summary: [a, b]", f"{FR_LESSON}:4: 'summary'"),
    ],
)
def test_a_translation_that_does_not_match_its_english_file_stops_the_load(translated, old, new, expected):
    _edit(translated / "01-pilot-zones/01-harbour-city-pilot.fr.md", old, new)
    problems = _problems(translated)
    assert any(p.startswith(expected) for p in problems), problems


def test_a_module_translation_keeps_as_many_objectives(translated):
    _edit(translated / "01-pilot-zones/module.fr.md", "  - Citer deux services d'une zone pilote.\n", "")
    assert _problems(translated) == [
        "modules/01-pilot-zones/module.fr.md:4: 'objectives' has 2 items; the English has 3"
    ]


def test_glossary_translations_have_exactly_the_english_slugs(translated):
    _edit(translated / "glossary/terms.fr.yml", "- slug: teu", "- slug: tue")
    problems = _problems(translated)
    assert "modules/glossary/terms.fr.yml:4: 'tue' is not a term of terms.yml" in problems
    assert "modules/glossary/terms.fr.yml:1: terms missing: teu" in problems


def test_a_paths_translation_holds_titles_and_descriptions_only(translated):
    _edit(translated / "paths.fr.yml", "  description: Pour les fonctionnaires.", "  audience: sme")
    assert _problems(translated) == [
        "modules/paths.fr.yml:3: 'audience' is not translated here (only title, description)"
    ]


def test_file_names_of_unknown_languages_and_translations_without_english_are_refused(translated):
    (translated / "01-pilot-zones/01-harbour-city-pilot.de.md").write_text(LESSON_FR)
    (translated / "01-pilot-zones/03-lost-lesson.zh.md").write_text(LESSON_FR)
    problems = _problems(translated)
    assert (
        "modules/01-pilot-zones/01-harbour-city-pilot.de.md:1: unknown language 'de' (one of ar, zh, fr, ru, es)"
        in problems
    )
    assert (
        "modules/01-pilot-zones/03-lost-lesson.zh.md:1: a translation of '03-lost-lesson.md', which does not exist"
        in problems
    )


@pytest.mark.parametrize(
    "name, language",
    [
        ("01-x.fr.md", "fr"),
        ("module.zh.md", "zh"),
        ("core.ar.yml", "ar"),
        ("05-logistics.ru.gift", "ru"),
        ("01-x.md", None),
        ("05-logistics.gift", None),
        ("bank.aiken.txt", None),
        ("paths.yml", None),
    ],
)
def test_translation_file_names(name, language):
    assert translation_language(name) == language


ENGLISH_BANK = """$CATEGORY: 01-pilot-zones

::capital::Which city set up the first pilot area? {
=Harbour City#Yes.
~River Town#No.
}

::year::In which year? {#2015}

::name::Name the container unit. {=TEU =twenty-foot equivalent unit}
"""

FRENCH_BANK = """$CATEGORY: 01-pilot-zones

::capital::Quelle ville a créé la première zone pilote ? {
=Harbour City#Oui.
~River Town#Non.
}

::year::En quelle année ? {#2015}

::name::Nommez l'unité de conteneur. {=EVP =équivalent vingt pieds}
"""


def _bank_problems(tmp_path, translated_text) -> list[str]:
    (tmp_path / "01-pilot-zones.gift").write_text(ENGLISH_BANK)
    (tmp_path / "01-pilot-zones.fr.gift").write_text(translated_text)
    english = {"01-pilot-zones": parse_gift(ENGLISH_BANK).questions}
    with pytest.raises(ContentError) as caught:
        read_bank_translations(tmp_path, english)
    return [str(p) for p in caught.value.problems]


def test_a_translated_bank_is_the_same_questions_with_other_texts(tmp_path):
    (tmp_path / "01-pilot-zones.gift").write_text(ENGLISH_BANK)
    (tmp_path / "01-pilot-zones.fr.gift").write_text(FRENCH_BANK)
    english = {"01-pilot-zones": parse_gift(ENGLISH_BANK).questions}
    found = read_bank_translations(tmp_path, english)
    questions = found["01-pilot-zones"]["fr"]
    assert [q.name for q in questions] == ["capital", "year", "name"]
    assert questions[2].answers[0].text == "EVP"


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "=Harbour City#Oui.\n~River Town#Non.",
            "~Harbour City#Oui.\n=River Town#Non.",
            "question 'capital': the options' marks",
        ),
        ("{#2015}", "{#2016}", "question 'year': the accepted numbers differ"),
        ("::year::", "::annee::", "question 'annee': the English question here is 'year'"),
        ("{=EVP =équivalent vingt pieds}", "{=EVP}", "question 'name': 1 answers; the English has 2"),
        ("::year::En quelle année ? {#2015}", "::year::En quelle année ? {T}", "question 'year': a truefalse question"),
        ("$CATEGORY: 01-pilot-zones", "$CATEGORY: zones", "question 'capital': category 'zones'"),
    ],
)
def test_a_translated_bank_that_differs_from_the_english_is_refused_at_its_line(tmp_path, old, new, expected):
    problems = _bank_problems(tmp_path, FRENCH_BANK.replace(old, new))
    assert any(expected in p for p in problems), problems
    assert all(p.startswith(f"{tmp_path.name}/01-pilot-zones.fr.gift:") for p in problems)
