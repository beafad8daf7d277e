"""GET /api/v1/cases: the library's search as JSON, with the page's filters, ranking and highlights."""

import re

import pytest

URL = "/api/v1/cases"


def _json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    return response.get_json()


def test_every_case_with_its_metadata_for_a_visitor(synced, client):
    data = _json(client, URL)
    assert (data["total"], data["offset"], data["limit"], data["next"], data["query"], data["filters"]) == (
        4,
        0,
        20,
        None,
        "",
        {},
    )
    first = data["results"][0]
    assert first == {
        "kind": "lesson",
        "key": "harbour-city-pilot",
        "url": "http://localhost/lessons/harbour-city-pilot",
        "title": "Harbour City pilot area",
        "title_html": "Harbour City pilot area",
        "snippet_html": "A short summary of Harbour City pilot area.",
        "summary": "A short summary of Harbour City pilot area.",
        "score": 0.0,
        "chapter": 1,
        "place": {"city": "Harbour City", "province": "Coast", "country": "China"},
        "organisation": {"name": "Harbour City Pilot Area", "type": "zone"},
        "themes": ["pilot-zones", "customs"],
        "audiences": ["official", "sme"],
    }
    assert {"value": "logistics", "count": 2} in data["facets"]["theme"]


def test_the_api_ranks_and_filters_as_the_page_does(synced, client):
    data = _json(client, f"{URL}?q=rail+OR+container")
    page = client.get("/library?q=rail+OR+container").get_data(as_text=True)
    shown = re.findall(r'<li class="hit">\s*<h3><a href="([^"]+)">', page)
    assert [r["url"].removeprefix("http://localhost") for r in data["results"]] == shown
    assert data["results"][0]["key"] == "rail-freight" and "<mark>Rail</mark>" in data["results"][0]["title_html"]
    assert data["results"][0]["score"] > 0
    data = _json(client, f"{URL}?chapter=2&theme=logistics&org_type=enterprise&audience=sme&country=China")
    assert [r["key"] for r in data["results"]] == ["rail-freight", "returns-hub"]
    assert data["filters"] == {
        "chapter": 2,
        "theme": "logistics",
        "org_type": "enterprise",
        "audience": "sme",
        "country": "China",
    }
    assert _json(client, f"{URL}?country=Kenya")["total"] == 0
    assert [r["key"] for r in _json(client, f"{URL}?city=River+Town&region=Inland")["results"]] == [
        "river-town-bonded-zone",
        "rail-freight",
    ]


def test_pages_follow_the_next_link(synced, client):
    data = _json(client, f"{URL}?limit=3")
    assert len(data["results"]) == 3 and data["next"] == "http://localhost/api/v1/cases?offset=3&limit=3"
    rest = _json(client, data["next"].removeprefix("http://localhost"))
    assert [r["key"] for r in rest["results"]] == ["returns-hub"] and rest["next"] is None


@pytest.mark.parametrize(
    "query, problem",
    [
        ("chapter=two", "'chapter' must be a module number"),
        ("theme=tourism", "'theme' must be one of"),
        ("org_type=charity", "'org_type' must be one of"),
        ("audience=all", "'audience' must be one of"),
        ("limit=0", "'limit' must be a whole number from 1 to 100."),
        ("limit=101", "'limit' must be a whole number from 1 to 100."),
        ("offset=-1", "'offset' must be a whole number of at least 0."),
    ],
)
def test_a_bad_filter_is_a_clear_400(synced, client, query, problem):
    data = _json(client, f"{URL}?{query}", status=400)
    assert data["status"] == 400 and any(p.startswith(problem) for p in data["problems"])
