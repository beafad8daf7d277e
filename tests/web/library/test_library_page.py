"""The library page: search box, highlighted ranked hits, filters with counts, related cases on a case's page."""

import re

import pytest


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def _titles(html):
    return re.findall(r'<li class="hit">\s*<h3><a href="([^"]+)">', html)


def test_every_visitor_finds_the_library_in_the_header(synced, client, auth):
    assert '<a href="/library">Library</a>' in _page(client, "/")
    auth.as_role("trainee")
    assert '<a href="/library">Library</a>' in _page(client, "/glossary")


def test_the_library_lists_every_case_for_a_visitor(synced, client):
    html = _page(client, "/library")
    assert "4 results" in html
    assert _titles(html) == [
        "/lessons/harbour-city-pilot",
        "/lessons/river-town-bonded-zone",
        "/lessons/rail-freight",
        "/lessons/returns-hub",
    ]
    assert "Harbour City, Coast, China" in html and "Harbour City Pilot Area (Pilot or bonded zone)" in html


def test_a_search_ranks_and_highlights_and_finds_glossary_terms(synced, client):
    html = _page(client, "/library?q=container")
    assert _titles(html) == ["/glossary#teu"]
    assert "twenty-foot <mark>container</mark>" in html
    html = _page(client, "/library?q=rail")
    assert _titles(html)[0] == "/lessons/rail-freight" and "<mark>Rail</mark> freight to Europe" in html
    assert 'value="rail"' in html  # the box keeps the query


def test_a_query_is_text_never_markup(synced, client):
    html = _page(client, "/library?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_facets_count_filter_and_can_be_removed(synced, client):
    html = _page(client, "/library")
    assert re.search(r'<a href="/library\?theme=logistics">Logistics</a> <span class="meta">\(2\)</span>', html)
    assert re.search(r'<a href="/library\?city=River\+Town">River Town</a> <span class="meta">\(2\)</span>', html)
    html = _page(client, "/library?theme=logistics")
    assert _titles(html) == ["/lessons/rail-freight", "/lessons/returns-hub"]
    assert '<a class="chip" href="/library">Logistics' in html
    html = _page(client, "/library?theme=logistics&city=River+Town&q=freight")
    assert _titles(html) == ["/lessons/rail-freight"]
    assert '<a class="chip" href="/library?q=freight&amp;city=River+Town">Logistics' in html


@pytest.mark.parametrize(
    "url, message",
    [
        ("/library?chapter=first", "&#39;chapter&#39; must be a module number"),
        ("/library?theme=tourism", "&#39;theme&#39; must be one of: pilot-zones"),
        ("/library?org_type=charity", "&#39;org_type&#39; must be one of"),
        ("/library?audience=everyone", "&#39;audience&#39; must be one of"),
    ],
)
def test_a_filter_that_cannot_be_is_named_and_left_out(synced, client, url, message):
    html = _page(client, url)
    assert message in html and "That filter was left out." in html and "4 results" in html


def test_a_page_past_the_end_shows_the_last_one(synced, client):
    assert "4 results" in _page(client, "/library?page=99") and len(_titles(_page(client, "/library?page=99"))) == 4


def test_a_case_page_links_to_related_cases(synced, client):
    html = _page(client, "/lessons/rail-freight")
    related = html[html.index('id="related-cases"') :]
    assert '<a href="/lessons/river-town-bonded-zone">River Town bonded zone</a>' in related
    assert "Also in River Town" in related
    assert '<a href="/library?city=River+Town">River Town, Inland, China</a>' in html
    assert "related-cases" not in _page(client, "/lessons/harbour-city-pilot")  # nothing close enough
