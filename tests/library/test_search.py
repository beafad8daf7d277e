"""The library's search on both engines: kept in step by the sync, the same hits, ranking, highlights and filters."""

import pytest
from sqlalchemy import text
from sqlmodel import select

from course.library.facets import Filters
from course.library.search import search
from course.models import LibraryEntry

LESSONS = {"harbour-city-pilot", "river-town-bonded-zone", "rail-freight", "returns-hub"}


def _keys(results):
    return [(h.kind, h.key) for h in results.hits]


def _resync(runner):
    result = runner.invoke(args=["course", "sync"])
    assert result.exit_code == 0, result.output


def test_the_sync_files_every_lesson_and_term_and_a_second_sync_writes_nothing(synced, db, runner):
    rows = db.exec(select(LibraryEntry)).all()
    assert {(r.kind, r.key) for r in rows} == {("lesson", k) for k in LESSONS} | {("term", "cpa"), ("term", "teu")}
    harbour = next(r for r in rows if r.key == "harbour-city-pilot")
    assert (harbour.chapter, harbour.city, harbour.org_type, harbour.themes) == (
        1,
        "Harbour City",
        "zone",
        ["pilot-zones", "customs"],
    )
    assert "Harbour City set up a CPA in 2015" in harbour.body and "<" not in harbour.body
    before = sorted((r.id, r.kind, r.key, r.title, r.body) for r in rows)
    _resync(runner)
    db.expire_all()
    assert sorted((r.id, r.kind, r.key, r.title, r.body) for r in db.exec(select(LibraryEntry))) == before


def test_without_a_query_the_library_lists_the_cases_in_course_order(synced, db):
    results = search(db)
    assert _keys(results) == [
        ("lesson", "harbour-city-pilot"),
        ("lesson", "river-town-bonded-zone"),
        ("lesson", "rail-freight"),
        ("lesson", "returns-hub"),
    ]
    assert results.total == 4 and results.hits[0].snippet_html == "A short summary of Harbour City pilot area."


def test_a_word_in_the_title_ranks_above_the_same_word_in_the_body(synced, db, runner, content_dir):
    hub = content_dir / "02-logistics-basics" / "02-returns-hub.md"
    hub.write_text(hub.read_text().replace("refurbished goods.", "refurbished goods sent back by rail."))
    _resync(runner)
    results = search(db, "rail")
    assert _keys(results) == [("lesson", "rail-freight"), ("lesson", "returns-hub")]
    assert results.hits[0].score > results.hits[1].score > 0
    assert results.hits[0].title_html == "<mark>Rail</mark> freight to Europe"
    assert "sent back by <mark>rail</mark>" in results.hits[1].snippet_html


def test_stemming_matches_other_forms_of_a_word(synced, db):
    assert _keys(search(db, "containers")) == [("term", "teu")]  # "One twenty-foot container."
    assert ("lesson", "rail-freight") in _keys(search(db, "train"))  # "Trains carried 500 TEU a week."


@pytest.mark.parametrize(
    "typed, expected",
    [
        ('"pilot area"', {("term", "cpa"), ("lesson", "harbour-city-pilot")}),
        ("refurbished or trains", {("lesson", "rail-freight"), ("lesson", "returns-hub")}),
        (
            "pilot -harbour",
            {("term", "cpa"), ("lesson", "river-town-bonded-zone")},
        ),  # its theme: "Pilot and bonded zones"
        ("Harbour City Pilot Area", {("lesson", "harbour-city-pilot")}),
        ("warehousing", {("lesson", "river-town-bonded-zone"), ("lesson", "returns-hub")}),  # a theme, in words
        ("Kenya", set()),
    ],
)
def test_phrases_or_and_exclusions_read_alike_on_both_engines(synced, db, typed, expected):
    assert set(_keys(search(db, typed))) == expected


@pytest.mark.parametrize(
    "typed", ['"', "NEAR(", "title:rail", "rail*", "a AND OR NOT", "'; DROP TABLE lesson; --", "\\", "x" * 500]
)
def test_any_input_is_a_search_never_an_error(synced, db, typed):
    search(db, typed)  # no exception on either engine


def test_filters_narrow_the_hits_and_facets_count_them(synced, db):
    results = search(db, "", Filters(theme="logistics"))
    assert _keys(results) == [("lesson", "rail-freight"), ("lesson", "returns-hub")]
    assert dict(results.facets["theme"]) == {
        "logistics": 2,
        "pilot-zones": 2,
        "customs": 1,
        "warehousing": 2,
        "international-cooperation": 1,
    }
    assert dict(results.facets["chapter"]) == {2: 2}
    assert _keys(search(db, "", Filters(city="River Town", org_type="enterprise"))) == [("lesson", "rail-freight")]
    assert _keys(search(db, "", Filters(region="Coast"))) == [("lesson", "harbour-city-pilot")]
    assert search(db, "", Filters(country="Kenya")).total == 0
    assert {h.kind for h in search(db, "pilot", Filters(chapter=1)).hits} == {"lesson"}  # a term has no chapter


def test_pages_of_hits(synced, db):
    first, second = search(db, limit=3), search(db, offset=3, limit=3)
    assert (first.total, len(first.hits), len(second.hits)) == (4, 3, 1)
    assert second.hits[0].key == "returns-hub"


def test_an_archived_lesson_leaves_the_library(synced, db, runner, content_dir):
    (content_dir / "02-logistics-basics" / "02-returns-hub.md").unlink()
    (content_dir / "02-logistics-basics" / "assignment.yml").unlink()  # it is presented by that lesson
    (content_dir / "course.yml").write_text("case_count: 3\n")
    _resync(runner)
    assert ("lesson", "returns-hub") not in _keys(search(db, "returns"))
    assert db.exec(select(LibraryEntry).where(LibraryEntry.key == "returns-hub")).first() is None


def test_the_index_follows_an_edited_lesson(synced, db, runner, content_dir):
    assert search(db, "refurbished").total == 1
    hub = content_dir / "02-logistics-basics" / "02-returns-hub.md"
    hub.write_text(hub.read_text().replace("refurbished", "repaired"))
    _resync(runner)
    assert search(db, "refurbished").total == 0 and _keys(search(db, "repaired")) == [("lesson", "returns-hub")]


def test_postgres_searches_through_its_gin_index(synced, db):
    if db.get_bind().dialect.name != "postgresql":
        pytest.skip("the GIN index is PostgreSQL's")
    from course.library.engines import PG_DOCUMENT

    db.connection().execute(text("SET LOCAL enable_seqscan = off"))
    plan = db.connection().execute(
        text(f"EXPLAIN SELECT id FROM libraryentry WHERE ({PG_DOCUMENT}) @@ websearch_to_tsquery('english', 'rail')")
    )
    assert "ix_libraryentry_search" in "\n".join(row[0] for row in plan)
    db.rollback()


def test_a_glossary_term_counts_half_of_its_match(synced, db):
    from course.library import engines
    from course.library.search import TERM_WEIGHT

    hit = search(db, "container").hits[0]
    term = db.exec(select(LibraryEntry).where(LibraryEntry.key == "teu")).one()
    assert hit.key == "teu" and hit.score == pytest.approx(engines.text_matches(db, "container")[term.id] * TERM_WEIGHT)
