"""Small cells cannot be recovered from what the public page shows, even by someone who knows the rule."""

import itertools

import pytest

from course.reports.disclosure import SMALL, WITHHELD, breakdown, count, mean, share


def _published(cells: tuple[int, ...]) -> list:
    return list(breakdown(dict(enumerate(cells)), sum(cells)).values())


def _what_subtraction_tells(cells: tuple[int, ...]) -> dict[int, set[int]]:
    """Every value each withheld cell may have for someone who reads the page: the total (or only that it is
    below 5), the cells shown, "< 5" meaning 0-4 and "not shown" meaning 5 or more beside cells shown as "< 5"
    (when every cell is "not shown", anything)."""
    published = _published(cells)
    total = sum(cells)
    withheld = [i for i, s in enumerate(published) if s.withheld]
    any_small = any(s.text == SMALL for s in published)
    ceiling = total if total >= 5 else 4

    def values(i):
        if published[i].text == SMALL:
            return range(5)
        return range(5, ceiling + 1) if any_small else range(ceiling + 1)

    rest = [total - sum(s.value for s in published if not s.withheld)] if total >= 5 else range(5)
    possible = {}
    for i in withheld:
        sums = {0}
        for j in withheld:
            if j != i:
                sums = {a + b for a in sums for b in values(j) if a + b <= ceiling}
        possible[i] = {v for v in values(i) for r in rest if r - v in sums}
    return possible


def _tables():
    yield from itertools.product(range(21), repeat=2)
    yield from itertools.product(range(12), repeat=3)
    yield from itertools.product(range(8), repeat=4)


def test_no_withheld_cell_can_be_worked_out_from_the_total():
    recovered = []
    for cells in _tables():
        for i, values in _what_subtraction_tells(cells).items():
            if len(values) < 2:
                recovered.append((cells, i, values))
    assert not recovered, recovered[:10]


def test_every_small_cell_is_withheld_and_says_so():
    for cells in _tables():
        shown = breakdown(dict(enumerate(cells)), sum(cells))
        for n, s in zip(cells, shown.values(), strict=True):
            if n < 5:
                assert s.withheld and s.text in (SMALL, WITHHELD), (cells, s)
            else:
                assert s.text in (f"{n:,}", WITHHELD), (cells, s)


def test_a_single_small_cell_takes_the_next_smallest_with_it():
    shown = breakdown({"female": 120, "male": 3, "other": 40, "": 7}, 170)
    assert [s.text for s in shown.values()] == ["120", SMALL, "40", WITHHELD]
    assert breakdown({"a": 10, "b": 20}, 30) == {"a": count(10), "b": count(20)}


def test_a_tiny_total_hides_everything():
    assert [s.text for s in breakdown({"a": 3, "b": 1}, 4).values()] == [SMALL, SMALL]
    assert count(4).text == SMALL and count(0).text == SMALL and count(5).text == "5"
    assert count(12345).text == "12,345"


@pytest.mark.parametrize(
    "part, whole, texts",
    [
        (40, 50, ("40", "80%")),
        (3, 50, (SMALL, WITHHELD)),  # few passed
        (48, 50, (WITHHELD, WITHHELD)),  # few failed: whole minus part would tell
        (2, 4, (SMALL, WITHHELD)),
        (0, 0, (SMALL, "—")),
    ],
)
def test_a_share_needs_five_on_each_side(part, whole, texts):
    assert tuple(s.text for s in share(part, whole)) == texts


def test_a_mean_needs_five_people():
    assert mean(42.0, 5, "42%").text == "42%"
    assert mean(42.0, 4, "42%").withheld
    assert mean(None, 0, "").text == "—"
