"""The content loader is pure: it reads a folder and returns data or path:line errors."""

import pytest

from course.content.errors import ContentError
from course.content.loader import load_course
from tests.conftest import FIXTURE_CONTENT


def test_fixture_course_loads():
    course = load_course(FIXTURE_CONTENT)
    assert [m.slug for m in course.modules] == ["pilot-zones", "logistics-basics"]
    assert [lesson.slug for lesson in course.modules[0].lessons] == ["harbour-city-pilot", "river-town-bonded-zone"]
    assert course.modules[0].lessons[0].cases == [1]
    assert course.paths[0].steps[1].requires == ["pilot-zones"]


def _problems(content_dir) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_course(content_dir)
    return [str(p) for p in caught.value.problems]


def _edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


LESSON = "01-pilot-zones/01-harbour-city-pilot.md"


@pytest.mark.parametrize(
    "file, old, new, expected",
    [
        (LESSON, "cases: [1]\n", "", "modules/01-pilot-zones/01-harbour-city-pilot.md:2: 'cases' is required"),
        (
            LESSON,
            "minutes: 10",
            "minutes: ten",
            "modules/01-pilot-zones/01-harbour-city-pilot.md:6: 'minutes' must be a whole number",
        ),
        (
            LESSON,
            "audiences: [official, sme]",
            "audiences: [tourists]",
            "modules/01-pilot-zones/01-harbour-city-pilot.md:4: 'audiences' has unknown value 'tourists'",
        ),
        (
            LESSON,
            'title: "Harbour City pilot area"',
            'title: "unclosed',
            "modules/01-pilot-zones/01-harbour-city-pilot.md:",
        ),
        (
            LESSON,
            "## Key figures",
            "## Numbers",
            "modules/01-pilot-zones/01-harbour-city-pilot.md:8: missing section 'Key figures'",
        ),
        (LESSON, "### Preconditions", "### Needs", "missing replicable-model part 'Preconditions'"),
        (
            LESSON,
            "(glossary:cpa)",
            "(glossary:nope)",
            "modules/01-pilot-zones/01-harbour-city-pilot.md:10: glossary link to unknown term 'nope'",
        ),
        (
            LESSON,
            "cases: [1]",
            "cases: [2]",
            "case 2 is already covered by modules/01-pilot-zones/01-harbour-city-pilot.md",
        ),
        (
            "01-pilot-zones/module.md",
            "glossary: [cpa]",
            "glossary: [cpa, ghost]",
            "modules/01-pilot-zones/module.md:10: unknown glossary term 'ghost'",
        ),
        (
            "paths.yml",
            "requires: [pilot-zones]",
            "requires: [mars]",
            "modules/paths.yml:7: prerequisite 'mars' is not a module",
        ),
        (
            "paths.yml",
            "    - module: pilot-zones\n",
            "    - module: pilot-zones\n      requires: [logistics-basics]\n",
            "form a cycle: pilot-zones -> logistics-basics -> pilot-zones",
        ),
        ("course.yml", "case_count: 4", "case_count: 5", "cases not covered by any lesson: 5"),
    ],
)
def test_broken_content_is_reported_with_path_and_line(content_dir, file, old, new, expected):
    _edit(content_dir / file, old, new)
    problems = _problems(content_dir)
    assert any(expected in p for p in problems), problems


def test_missing_front_matter(content_dir):
    (content_dir / LESSON).write_text("# no front matter\n")
    assert _problems(content_dir) == [
        "modules/01-pilot-zones/01-harbour-city-pilot.md:1: missing front matter: the file must start with '---'"
    ]


def test_badly_named_lesson_file(content_dir):
    (content_dir / "01-pilot-zones" / "notes.txt").write_text("x")
    assert "modules/01-pilot-zones/notes.txt:1: lesson files must be named 'NN-slug.md'" in _problems(content_dir)


def test_duplicate_glossary_slug(content_dir):
    (content_dir / "glossary" / "more.yml").write_text("- slug: cpa\n  term: Again\n  definition: Twice.\n")
    assert any("glossary slug 'cpa' is already defined" in p for p in _problems(content_dir))
