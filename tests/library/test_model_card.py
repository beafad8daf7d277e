"""The model card of a case, from its `model`: a stored mapping, the loader's card, or none."""

from types import SimpleNamespace

import pytest

from course.content.loader import load_course
from course.library.model_card import CARD_FIELDS, model_card
from tests.conftest import FIXTURE_CONTENT, ROOT


def test_a_model_mapping_is_read_with_lists_and_spaces_tidied():
    model = {
        "actor": "Port operator",
        "problem": "Inland  exporters must truck goods to a distant seaport.",
        "tools": ["Multimodal hub", "Smart Port Area"],
        "preconditions": "A rail line",
        "results": [],
        "copy": ["Join transport modes"],
    }
    assert model_card(SimpleNamespace(model=model)) == {
        "actor": "Port operator",
        "problem": "Inland exporters must truck goods to a distant seaport.",
        "tools": ["Multimodal hub", "Smart Port Area"],
        "preconditions": ["A rail line"],
        "results": [],
        "copy": ["Join transport modes"],
    }


def test_a_lesson_without_a_model_has_an_empty_card():
    card = model_card(SimpleNamespace(model={}))
    assert card == {"actor": "", "problem": "", "tools": [], "preconditions": [], "results": [], "copy": []}


@pytest.mark.parametrize("folder", [ROOT / "modules", FIXTURE_CONTENT], ids=["the course", "the fixture course"])
def test_every_case_lesson_has_a_full_card(folder):
    for doc in load_course(folder).lessons():
        if doc.cases:
            card = model_card(doc)
            assert all(card[name] for name in CARD_FIELDS), (doc.path, card)
