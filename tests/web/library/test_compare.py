"""Compare models: two to four cases' replicable-model cards side by side, printable; bad picks are refused."""

import re

import pytest

URL = "/library/compare"


def test_two_lessons_side_by_side(synced, client):
    response = client.get(f"{URL}?case=lesson:harbour-city-pilot&case=lesson:rail-freight")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    heads = re.findall(r'<th scope="col"><a href="([^"]+)">', html)
    assert heads == ["/lessons/harbour-city-pilot", "/lessons/rail-freight"]
    for label in (
        "Who acted",
        "The problem",
        "Tools and core elements",
        "Preconditions",
        "Results",
        "What others can copy",
    ):
        assert f'<th scope="row">{label}</th>' in html
    assert "The Harbour City pilot area operator" in html and "Exporters waited too long." in html  # their model cards
    assert "<li>One tool</li>" in html and "<li>Case 1 result</li>" in html and "<li>Case 3 result</li>" in html
    assert "data-print" in html and "print.js" in html


def test_without_a_pick_the_page_lists_the_cases_to_tick(synced, client):
    html = client.get(URL).get_data(as_text=True)
    assert 'value="lesson:harbour-city-pilot"' in html and "<legend>Module 2: Logistics basics</legend>" in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("case=lesson:harbour-city-pilot", "Pick 2 to 4 cases to compare (you picked 1)."),
        ("case=lesson:harbour-city-pilot&case=lesson:harbour-city-pilot", "(you picked 1)"),
        (
            "case=lesson:harbour-city-pilot&case=lesson:rail-freight&case=lesson:returns-hub"
            "&case=lesson:river-town-bonded-zone&case=lesson:nope",
            "(you picked 5)",
        ),
        ("case=lesson:harbour-city-pilot&case=lesson:nope", "There is no case &#39;lesson:nope&#39; in the library."),
        ("case=lesson:harbour-city-pilot&case=term:cpa", "There is no case &#39;term:cpa&#39; in the library."),
        ("case=lesson:harbour-city-pilot&case=case:999", "There is no case &#39;case:999&#39; in the library."),
    ],
)
def test_a_bad_pick_gets_a_clear_message(synced, client, query, message):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html and "<table" not in html


def test_the_library_offers_to_compare_its_hits_and_a_lesson_its_related_cases(synced, client):
    html = client.get("/library").get_data(as_text=True)
    assert f'<form method="get" action="{URL}"' in html and 'name="case" value="lesson:rail-freight"' in html
    lesson = client.get("/lessons/rail-freight").get_data(as_text=True)
    assert f'href="{URL}?case=lesson:rail-freight&amp;case=lesson:river-town-bonded-zone"' in lesson
