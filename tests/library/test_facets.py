"""Filters and facet counts over library entries (plain data)."""

from types import SimpleNamespace

from course.library.facets import Filters, facet_counts, matches


def _entry(kind="lesson", chapter=1, city="", province="", country="China", org_type="zone", themes=(), audiences=()):
    return SimpleNamespace(
        kind=kind,
        chapter=chapter,
        city=city,
        province=province,
        country=country,
        org_type=org_type,
        themes=list(themes),
        audiences=list(audiences),
    )


ENTRIES = [
    _entry(city="Jinhua", province="Zhejiang", themes=["logistics", "customs"], audiences=["sme"]),
    _entry(chapter=5, city="Jinhua", province="Zhejiang", org_type="enterprise", themes=["logistics"]),
    _entry(chapter=5, city="Nairobi", country="Kenya", kind="case", org_type="enterprise", themes=["payments"]),
    _entry(kind="term", chapter=None, country="", org_type="", themes=[]),
]


def test_every_set_filter_must_match():
    assert [matches(e, Filters(city="Jinhua", theme="logistics")) for e in ENTRIES] == [True, True, False, False]
    assert [matches(e, Filters(chapter=5, org_type="enterprise")) for e in ENTRIES] == [False, True, True, False]
    assert [matches(e, Filters()) for e in ENTRIES] == [True] * 4


def test_a_facet_counts_the_entries_that_pass_the_other_filters():
    counts = facet_counts(ENTRIES, Filters(theme="logistics"))
    assert counts["theme"] == [("logistics", 2), ("customs", 1), ("payments", 1)]  # its own filter left out
    assert counts["city"] == [("Jinhua", 2)]
    assert counts["kind"] == [("lesson", 2)]
    assert counts["region"] == [("Zhejiang", 2)]


def test_a_chosen_value_nothing_has_is_still_listed():
    counts = facet_counts(ENTRIES, Filters(country="Peru"))
    assert ("Peru", 0) in counts["country"]
    assert Filters(country="Peru", chapter=None).active() == {"country": "Peru"}
