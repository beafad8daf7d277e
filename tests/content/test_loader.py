"""The content loader is pure: it reads a folder and returns data or path:line errors."""

import pytest

from course.content.errors import ContentError
from course.content.loader import load_course
from tests.conftest import FIXTURE_CONTENT


def test_fixture_course_loads():
    course = load_course(FIXTURE_CONTENT)
    assert [m.slug for m in course.modules] == ["pilot-zones", "logistics-basics"]
    assert [lesson.slug for lesson in course.modules[0].lessons] == ["harbour-city-pilot", "river-town-bonded-zone"]
    harbour = course.modules[0].lessons[0]
    assert harbour.cases == [1]
    assert harbour.objectives == ["Explain what Harbour City pilot area did for exporters."]
    assert harbour.takeaway == "One thing to remember about Harbour City pilot area." and not harbour.snapshot
    assert [(link.slug, link.why) for link in harbour.related] == [
        ("river-town-bonded-zone", "Another zone in the same province.")
    ]
    assert harbour.model.tools == ["One tool", "Another tool"] and harbour.model.copy == ["Something to copy"]
    assert [title for title, _ in harbour.sections] == ["What the case reports", "Our reading", "Reflection"]
    assert harbour.section("Our reading") == "This suggests that speed matters."
    assert course.modules[0].lessons[1].data_note == "The zone gives no parcel counts."
    assert course.modules[0].synthesis.title == "What these cases teach together"
    assert course.modules[0].synthesis.questions.count("- ") == 2
    assert course.paths[0].steps[1].requires == ["pilot-zones"]


def test_a_case_module_needs_its_synthesis(content_dir):
    (content_dir / "02-logistics-basics" / "synthesis.md").unlink()
    assert "modules/02-logistics-basics/synthesis.md:1: synthesis.md is missing: every case module closes with one" in (
        _problems(content_dir)
    )


OPENING = """---
title: About this course
cases: []
audiences: [sme, official, social]
summary: How the course was made.
minutes: 5
objectives: [Describe where the cases come from.]
takeaway: The figures are self-reported.
---
Free text before any section.

## Where the cases come from

Any sections at all.
"""
OPENING_MODULE = """---
title: About this course
chapter: 0
summary: Start here.
study_time_minutes: 10
objectives: [One, Two, Three]
---
Read this first.
"""


def test_the_opening_and_capstone_chapters_take_free_lessons_without_cases(content_dir):
    folder = content_dir / "00-about"
    folder.mkdir()
    (folder / "module.md").write_text(OPENING_MODULE)
    (folder / "01-about-this-course.md").write_text(OPENING)
    course = load_course(content_dir)
    opening = course.modules[0].lessons[0]
    assert course.modules[0].chapter == 0 and course.modules[0].synthesis is None
    assert opening.cases == [] and opening.model is None and opening.preamble == "Free text before any section."
    assert opening.sections == [("Where the cases come from", "Any sections at all.")]


def test_only_the_opening_and_capstone_may_leave_cases_out(content_dir):
    folder = content_dir / "00-about"
    folder.mkdir()
    (folder / "module.md").write_text(OPENING_MODULE)
    (folder / "01-about-this-course.md").write_text(OPENING.replace("cases: []", "cases: [4]"))
    _edit(content_dir / LESSON, "cases: [1]", "cases: []")
    problems = _problems(content_dir)
    assert (
        "modules/00-about/01-about-this-course.md:3: the opening and capstone lessons cover no case: write 'cases: []'"
        in problems
    )
    assert f"{HARBOUR}:3: 'cases' must not be empty" in problems


def test_a_path_may_require_attending_an_event_of_a_series(content_dir):
    _edit(
        content_dir / "paths.yml",
        "  steps:\n",
        "  attend:\n    - series: policy-seminar\n      title: Attend a policy seminar\n  steps:\n",
    )
    path = load_course(content_dir).paths[0]
    assert path.attendance == [{"series": "policy-seminar", "title": "Attend a policy seminar"}]
    assert load_course(FIXTURE_CONTENT).paths[0].attendance == []


def _problems(content_dir) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_course(content_dir)
    return [str(p) for p in caught.value.problems]


def _edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


LESSON = "01-pilot-zones/01-harbour-city-pilot.md"
HARBOUR = "modules/01-pilot-zones/01-harbour-city-pilot.md"


@pytest.mark.parametrize(
    "file, old, new, expected",
    [
        (LESSON, "cases: [1]\n", "", f"{HARBOUR}:2: 'cases' is required"),
        (LESSON, "minutes: 10", "minutes: ten", f"{HARBOUR}:6: 'minutes' must be a whole number"),
        (LESSON, "audiences: [official, sme]", "audiences: [tourists]", f"{HARBOUR}:4: 'audiences' has unknown value"),
        (LESSON, 'title: "Harbour City pilot area"', 'title: "unclosed', f"{HARBOUR}:"),
        (LESSON, "## Our reading", "## Numbers", f"{HARBOUR}:28: unexpected section 'Numbers'"),
        (LESSON, "## Our reading", "## Numbers", f"{HARBOUR}:24: missing section 'Our reading'"),
        (LESSON, "## What the case reports\n", "Intro.\n\n## What the case reports\n", f"{HARBOUR}:24: text before"),
        (LESSON, "This suggests that speed matters.", "", f"{HARBOUR}:28: section 'Our reading' is empty"),
        (
            LESSON,
            "## Our reading\n\nThis suggests that speed matters.\n\n## Reflection\n\n> What would you copy?",
            "## Reflection\n\n> What would you copy?\n\n## Our reading\n\nThis suggests that speed matters.",
            f"{HARBOUR}:24: sections must come in this order: What the case reports, Our reading, Reflection",
        ),
        (LESSON, "(glossary:cpa)", "(glossary:nope)", f"{HARBOUR}:26: glossary link to unknown term 'nope'"),
        (
            LESSON,
            "cases: [1]",
            "cases: [2]",
            "case 2 is already covered by modules/01-pilot-zones/01-harbour-city-pilot.md",
        ),
        (LESSON, "objectives:\n", "objectives: []\nx:\n", f"{HARBOUR}:7: 'objectives' must not be empty"),
        (
            LESSON,
            "  - Explain what Harbour City pilot area did for exporters.\n",
            "  - Explain one.\n  - Explain two.\n  - Explain three.\n",
            f"{HARBOUR}:7: a lesson has 1 or 2 objectives, found 3",
        ),
        (LESSON, "takeaway: One thing", "takeaway: |\n  One\n  thing", f"{HARBOUR}:9: 'takeaway' must be one line"),
        (
            LESSON,
            "takeaway: One thing to remember about Harbour City pilot area.\n",
            "",
            f"{HARBOUR}:2: 'takeaway' is required",
        ),
        (LESSON, "minutes: 10", "minutes: 10\nsnapshot: maybe", f"{HARBOUR}:7: 'snapshot' must be true or false"),
        (LESSON, "minutes: 10", "minutes: 10\nobjective: [x]", f"{HARBOUR}:7: unknown front-matter key 'objective'"),
        (
            LESSON,
            "slug: river-town-bonded-zone",
            "slug: nowhere",
            f"{HARBOUR}:11: related lesson 'nowhere' does not exist",
        ),
        (
            LESSON,
            "slug: river-town-bonded-zone",
            "slug: harbour-city-pilot",
            f"{HARBOUR}:11: a lesson cannot be related to itself",
        ),
        (LESSON, "    why: Another zone in the same province.\n", "", f"{HARBOUR}:11: 'why' is required"),
        (LESSON, "  actor: The Harbour City pilot area operator\n", "", f"{HARBOUR}:14: 'actor' is required"),
        (
            LESSON,
            "  tools: [One tool, Another tool]",
            "  tools: [a, b, c, d, e, f]",
            f"{HARBOUR}:16: 'model.tools' needs 1 to 5",
        ),
        (LESSON, "  copy: [Something to copy]", "  copy: []", f"{HARBOUR}:19: 'copy' must not be empty"),
        (
            LESSON,
            "  copy: [Something to copy]",
            "  copy: [x]\n  price: 3",
            f"{HARBOUR}:20: unknown model-card key 'price'",
        ),
        (LESSON, "model:\n", "mode:\n", f"{HARBOUR}:13: unknown front-matter key 'mode'"),
        (LESSON, "model:\n", "mode:\n", f"{HARBOUR}:2: 'model' is required"),
        (
            "01-pilot-zones/synthesis.md",
            "## Questions to compare",
            "## Questions",
            "missing section 'Questions to compare'",
        ),
        (
            "01-pilot-zones/synthesis.md",
            "- Which case could your region copy first?\n",
            "",
            "modules/01-pilot-zones/synthesis.md:8: 'Questions to compare' lists 2 to 4 questions, found 1",
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
        (
            "paths.yml",
            "  steps:\n",
            "  attend:\n    - series: Policy Seminar\n      title: Attend one\n  steps:\n",
            "modules/paths.yml:6: series 'Policy Seminar' must be lower-case words joined by hyphens",
        ),
        (
            "paths.yml",
            "  steps:\n",
            "  attend:\n    - series: policy-seminar\n  steps:\n",
            "modules/paths.yml:6: 'title' is required",
        ),
        (
            "paths.yml",
            "  steps:\n",
            "  attend: policy-seminar\n  steps:\n",
            "modules/paths.yml:5: 'attend' must be a list of {series, title} entries",
        ),
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


def test_figures_are_read_with_their_files(content_dir):
    figures = load_course(content_dir).figures
    assert [(f.slug, f.lessons) for f in figures] == [
        ("rail-route", ["rail-freight"]),
        ("codes", ["harbour-city-pilot", "rail-freight"]),
    ]
    assert figures[0].svg.startswith("<svg") and "| City | Europe |" in figures[0].text and figures[1].svg == ""


SVG = "figures/rail-route.svg"


@pytest.mark.parametrize(
    "file, old, new, expected",
    [
        (SVG, "<line ", "<script>alert(1)</script><line ", "element <script> is not allowed in a figure"),
        (SVG, "<rect ", '<rect onclick="alert(1)" ', "attribute 'onclick' on <rect> is not allowed in a figure"),
        (SVG, "<rect ", '<rect style="fill:red" ', "attribute 'style' on <rect> is not allowed in a figure"),
        (SVG, 'fill="#eef4fb"', 'fill="url(https://x.example/a)"', "'fill' on <rect> refers outside the figure"),
        (SVG, "<line ", '<foreignObject width="9" height="9"/><line ', "element <foreignObject> is not allowed"),
        (
            SVG,
            '<desc id="rail-route-desc">One arrow from the city to Europe.</desc>\n',
            "",
            "starts with <title> and <desc>",
        ),
        (SVG, ' role="img"', "", 'needs role="img" and aria-labelledby'),
        (SVG, "</svg>", "", "the SVG is not well-formed"),
        (
            "figures.yml",
            "text: rail-route.md",
            "text: nowhere.md",
            "modules/figures.yml:4: figure file 'modules/figures/nowhere.md' not found",
        ),
        (
            "figures.yml",
            "lessons: [rail-freight]",
            "lessons: [ghost]",
            "modules/figures.yml:5: figure 'rail-route': lesson 'ghost' does not exist",
        ),
        ("figures.yml", "slug: codes", "slug: rail-route", "figure slug 'rail-route' is used twice"),
    ],
)
def test_broken_figures_are_reported(content_dir, file, old, new, expected):
    _edit(content_dir / file, old, new)
    problems = _problems(content_dir)
    assert any(expected in p for p in problems), problems


PATH = "modules/01-pilot-zones/01-harbour-city-pilot.md"


def test_case_metadata_is_read_into_the_lesson():
    lesson = load_course(FIXTURE_CONTENT).modules[0].lessons[0]
    assert (lesson.place.city, lesson.place.province, lesson.place.country) == ("Harbour City", "Coast", "China")
    assert (lesson.organisation.name, lesson.organisation.type) == ("Harbour City Pilot Area", "zone")
    assert lesson.themes == ["pilot-zones", "customs"]


def test_a_national_case_may_leave_city_and_province_empty():
    place = load_course(FIXTURE_CONTENT).modules[1].lessons[1].place
    assert (place.city, place.province, place.country) == ("", "", "China")


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("country: China", 'country: ""', f"{PATH}:20: 'place.country' is required"),
        ("country: China", "country: PRC", f"{PATH}:20: 'place.country' must be a country's English name"),
        ("{city: Harbour City, province: Coast, country: China}", "China", f"{PATH}:20: 'place' must be a mapping"),
        ("country: China}", "country: China, region: East}", f"{PATH}:20: 'place' has unknown key 'region'"),
        ("type: zone", "type: charity", f"{PATH}:21: 'organisation.type' must be one of: government, zone,"),
        ('name: "Harbour City Pilot Area", ', "", f"{PATH}:21: 'organisation.name' is required"),
        ("[pilot-zones, customs]", "[pilot-zones, tourism]", f"{PATH}:22: 'themes' has unknown value 'tourism'"),
        ("[pilot-zones, customs]", "[]", f"{PATH}:22: 'themes' must not be empty"),
        ("[pilot-zones, customs]", "[customs, customs]", f"{PATH}:22: 'themes' lists customs more than once"),
        ("[pilot-zones, customs]", "pilot-zones", f"{PATH}:22: 'themes' must be a list of text values"),
        ("place: {city: Harbour City, province: Coast, country: China}\n", "", f"{PATH}:2: 'place' is required"),
        ('organisation: {name: "Harbour City Pilot Area", type: zone}\n', "", f"{PATH}:2: 'organisation' is required"),
        ("themes: [pilot-zones, customs]\n", "", f"{PATH}:2: 'themes' is required"),
    ],
)
def test_case_metadata_mistakes_are_reported_at_their_line(content_dir, old, new, expected):
    _edit(content_dir / LESSON, old, new)
    problems = _problems(content_dir)
    assert any(p.startswith(expected) for p in problems), problems


def test_one_organisation_has_one_type_across_lessons(content_dir):
    _edit(
        content_dir / "01-pilot-zones/02-river-town-bonded-zone.md",
        '{name: "River Town Bonded Zone", type: zone}',
        '{name: "Harbour City Pilot Area", type: government}',
    )
    assert _problems(content_dir) == [
        "modules/01-pilot-zones/02-river-town-bonded-zone.md:22: organisation 'Harbour City Pilot Area' is 'zone' "
        "in modules/01-pilot-zones/01-harbour-city-pilot.md, not 'government'"
    ]
