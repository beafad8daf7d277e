"""The real curriculum as served: catalogue API with all 63 lessons, every lesson page renders."""

import pytest

from tests.conftest import ROOT


@pytest.fixture
def course_site(app, runner):
    app.config["CONTENT_DIR"] = str(ROOT / "modules")
    app.config["QUIZ_DIR"] = str(ROOT / "quizzes")
    result = runner.invoke(args=["course", "sync"])
    assert result.exit_code == 0, result.output
    return app


def test_catalog_lists_all_63_cases_between_the_opening_and_the_capstone(course_site, client):
    modules = client.get("/api/v1/catalog").get_json()["modules"]
    assert [m["chapter"] for m in modules] == list(range(0, 11))
    assert [m["slug"] for m in modules][:: len(modules) - 1] == ["about-this-course", "from-cases-to-action"]
    lessons = [lesson for m in modules[1:-1] for lesson in m["lessons"]]
    assert len(lessons) == 63
    assert sorted(case for lesson in lessons for case in lesson["cases"]) == list(range(1, 64))
    assert all(lesson["cases"] == [] for m in (modules[0], modules[-1]) for lesson in m["lessons"])


def test_every_lesson_page_renders_with_neighbours_and_stays_small(course_site, client, auth):
    auth.as_role("trainee")
    modules = client.get("/api/v1/catalog").get_json()["modules"]
    for module in modules:
        slugs = [lesson["slug"] for lesson in module["lessons"]]
        for index, slug in enumerate(slugs):
            response = client.get(f"/lessons/{slug}")
            html = response.get_data(as_text=True)
            assert response.status_code == 200, slug
            assert len(response.data) < 50_000, slug
            assert "After this lesson you can" in html and "Takeaway" in html, slug
            if module["chapter"] not in (0, 10):
                assert "What the case reports" in html and "Our reading" in html and "Data note" in html, slug
                assert "Replicable-model card" in html, slug
            if index + 1 < len(slugs):
                assert f'href="/lessons/{slugs[index + 1]}"' in html
            if index > 0:
                assert f'href="/lessons/{slugs[index - 1]}"' in html


def test_every_glossary_link_in_lessons_points_to_a_term_on_the_glossary_page(course_site, client, auth):
    import re

    auth.as_role("trainee")
    glossary = client.get("/glossary").get_data(as_text=True)
    anchors = set(re.findall(r'<dt id="([^"]+)"', glossary))
    modules = client.get("/api/v1/catalog").get_json()["modules"]
    linked = set()
    for module in modules:
        for lesson in module["lessons"]:
            linked |= set(
                re.findall(r'href="/glossary#([^"]+)"', client.get(f"/lessons/{lesson['slug']}").get_data(as_text=True))
            )
    assert linked and linked <= anchors
