"""The search box read as PostgreSQL's websearch_to_tsquery reads it, written for SQLite's FTS5."""

import pytest

from course.library.query import MARK_END, MARK_START, fts5_query, has_terms, highlighted, parse, plain


@pytest.mark.parametrize(
    "typed, written",
    [
        ("rail freight", '("rail" AND "freight")'),
        ('"pilot area" customs', '("pilot area" AND "customs")'),
        ("rail or sea", '("rail") OR ("sea")'),
        ("rail -europe", '(("rail") NOT "europe")'),
        ("-europe rail", '(("rail") NOT "europe")'),
        ("the rail of a port", '("rail" AND "port")'),  # PostgreSQL drops English stop words
        ('"the port"', '("the port")'),  # ... but a phrase is kept whole
        ("e-commerce", '("e commerce")'),  # one word of two parts: a phrase
        ('NEAR(a b) AND "x', '("near" AND "b" AND "x")'),  # FTS5 operators are only words here (a, and: stop words)
        ("Xi'an", '("xi")'),  # as PostgreSQL reads it: "an" is a stop word
    ],
)
def test_fts5_query_follows_websearch(typed, written):
    assert fts5_query(typed) == written


@pytest.mark.parametrize("typed", ["", "   ", "the", "-rail", "or", '""', "*", "- or -"])
def test_a_query_of_nothing_to_look_for_asks_for_nothing(typed):
    assert not has_terms(typed) and fts5_query(typed) is None


def test_or_between_groups_keeps_their_exclusions():
    groups = parse("rail -europe or sea")
    assert [(g.wanted, g.unwanted) for g in groups] == [([("rail",)], [("europe",)]), ([("sea",)], [])]


def test_highlights_are_escaped_and_marked():
    assert highlighted(f"<b>{MARK_START}rail{MARK_END}</b> & sea") == "&lt;b&gt;<mark>rail</mark>&lt;/b&gt; &amp; sea"


def test_indexed_text_cannot_carry_markers():
    assert plain(f"a  {MARK_START}b{MARK_END}\n c") == "a b c"
