"""Pages of long tables stay within the pages that exist."""

import pytest

from course.web.pagination import page_of


@pytest.mark.parametrize("requested, expected", [(1, 1), (0, 1), (-3, 1), (3, 3), (9, 3)])
def test_pages_stay_in_range(requested, expected):
    page = page_of(requested, 50, 120)
    assert (page.number, page.pages, page.start) == (expected, 3, (expected - 1) * 50)
    assert page_of(4, 50, 0).number == 1
