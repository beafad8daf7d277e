"""The one announcement hook: known kinds pass (a no-op until email sends them), unknown ones are a bug."""

import pytest

from course.announcements import announce


def test_a_case_decision_is_announced_quietly():
    assert announce(None, None, "case_decision", case_id=1, decision="published", comment="") is None


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown announcement"):
        announce(None, None, "case_desicion")
