"""Verification codes are random, readable and forgiving to type."""

import pytest

from course.certificates.codes import ALPHABET, new_code, normalise


def test_new_codes_are_grouped_and_unambiguous():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        groups = code.split("-")
        assert [len(g) for g in groups] == [4, 4, 4]
        assert set("".join(groups)) <= set(ALPHABET)
    assert not set("01ILO") & set(ALPHABET)


@pytest.mark.parametrize("typed", ["7kqm-x3tr-9whd", "7KQM X3TR 9WHD", "7KQMX3TR9WHD", " 7KQM-X3TR-9WHD "])
def test_typed_codes_are_normalised(typed):
    assert normalise(typed) == "7KQM-X3TR-9WHD"


@pytest.mark.parametrize(
    "typed", ["", "7KQM-X3TR", "7KQM-X3TR-9WH0", "OOOO-OOOO-OOOO", "7KQM-X3TR-9WHD-AAAA", "../etc"]
)
def test_impossible_codes_are_rejected(typed):
    assert normalise(typed) is None
