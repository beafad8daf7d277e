"""The real curriculum under modules/: complete, valid, and in our own words."""

import re
from pathlib import Path

import pytest

from course.content.loader import load_course
from course.content.originality import copied_runs, shingles
from tests.conftest import ROOT, SHARED

COURSE = load_course(ROOT / "modules")
SOURCE = SHARED / "source" / "cbec-practice-cases.md"
CHAPTER_WORDS = [
    "planning",
    "services",
    "platforms",
    "brand",
    "logistics",
    "financ",
    "technical",
    "industrial",
    "dispute",
]


def test_nine_modules_in_source_order():
    assert [m.chapter for m in COURSE.modules] == list(range(1, 10))
    for module, word in zip(COURSE.modules, CHAPTER_WORDS, strict=True):
        assert word in module.title.lower() or word in module.slug, module.title


def test_every_case_is_covered_exactly_once():
    cases = sorted(case for lesson in COURSE.lessons() for case in lesson.cases)
    assert cases == list(range(1, 64))


@pytest.mark.parametrize("module", COURSE.modules, ids=lambda m: m.slug)
def test_module_overview_is_complete(module):
    assert 3 <= len(module.objectives) <= 5
    assert module.study_minutes > 0 and module.glossary
    assert len(module.overview.split()) >= 150


@pytest.mark.parametrize("lesson", COURSE.lessons(), ids=lambda lesson: lesson.slug)
def test_lesson_has_story_figures_model_and_reflection(lesson):
    body = lesson.body
    story = body.split("## Key figures")[0]
    assert len(story.split()) >= 150, "the narrative is too short"
    figures = body.split("## Key figures")[1].split("## Replicable model")[0]
    assert re.search(r"^- ", figures, re.M), "key figures must be a list"
    reflection = body.split("## Reflection")[1]
    assert "?" in reflection
    assert set(lesson.audiences) <= {"sme", "official", "social"} and lesson.audiences


def test_required_glossary_terms_exist():
    slugs = {entry.slug for entry in COURSE.glossary}
    for slug in [
        "cpa",
        "cbz",
        "customs-code-9610",
        "customs-code-9710",
        "customs-code-9810",
        "customs-code-1210",
        "customs-code-1039",
        "odr",
        "teu",
        "overseas-warehouse",
        "sea-rail-intermodal",
        "sunshine-compliance",
    ]:
        assert slug in slugs


def test_paths_for_the_three_audiences():
    assert sorted(p.audience for p in COURSE.paths) == ["official", "sme", "social"]


@pytest.mark.skipif(not SOURCE.exists(), reason="the source text (../shared/source) is not beside this checkout")
def test_no_lesson_copies_a_dozen_words_of_the_source():
    source = shingles(SOURCE.read_text(encoding="utf-8"))
    files = sorted((ROOT / "modules").rglob("*.md")) + sorted((ROOT / "quizzes").glob("*.gift"))
    copied = {
        str(f.relative_to(ROOT)): runs
        for f in files
        if (runs := copied_runs(Path(f).read_text(encoding="utf-8"), source))
    }
    assert copied == {}
