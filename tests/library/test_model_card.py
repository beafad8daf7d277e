"""The model card of a case, from a `model` mapping when there is one, else from the lesson's sections."""

from types import SimpleNamespace

import pytest

from course.content.loader import load_course
from course.content.render import render_markdown
from course.library.model_card import CARD_FIELDS, model_card
from tests.conftest import FIXTURE_CONTENT, ROOT

BODY = """## The story

A port far inland had no way to the sea. Trucks took days. Costs rose.

More story.

## Key figures

- **22** million parcels in 2023
- Exports of US$ 12.87 million

## Replicable model

### Core elements
- A bonded zone
- A rail link
    - a nested detail that is not an element
### How the model works
It works.
### Preconditions
- A customs office
### What others can copy
- Link the zone to the rail line

## Reflection

> What would you copy?
"""


def _lesson(body=BODY, **extra):
    return SimpleNamespace(body_html=render_markdown(body), org_name="Jinyi CBZ", title="Jinyi", **extra)


def test_a_current_lesson_card_is_read_from_its_sections():
    assert model_card(_lesson()) == {
        "actor": "Jinyi CBZ",
        "problem": "A port far inland had no way to the sea. Trucks took days. Costs rose.",
        "tools": ["A bonded zone", "A rail link"],
        "preconditions": ["A customs office"],
        "results": ["22 million parcels in 2023", "Exports of US$ 12.87 million"],
        "copy": ["Link the zone to the rail line"],
    }


def test_a_long_first_paragraph_is_cut_at_a_sentence():
    long = "## The story\n\n" + " ".join(f"Sentence number {n} says a little more about it." for n in range(20))
    problem = model_card(_lesson(long))["problem"]
    assert problem.startswith("Sentence number 0") and problem.endswith(".") and len(problem) <= 400


def test_a_model_mapping_wins_over_the_sections():
    model = {
        "actor": "Port operator",
        "problem": "Inland  exporters must truck goods to a distant seaport.",
        "tools": ["Multimodal hub", "Smart Port Area"],
        "preconditions": "A rail line",
        "results": [],
        "copy": ["Join transport modes"],
    }
    assert model_card(_lesson(model=model)) == {
        "actor": "Port operator",
        "problem": "Inland exporters must truck goods to a distant seaport.",
        "tools": ["Multimodal hub", "Smart Port Area"],
        "preconditions": ["A rail line"],
        "results": [],
        "copy": ["Join transport modes"],
    }


def test_a_lesson_without_the_sections_has_an_empty_card():
    card = model_card(SimpleNamespace(body_html="<p>Just text.</p>", org_name="", title="A title"))
    assert card == {"actor": "A title", "problem": "", "tools": [], "preconditions": [], "results": [], "copy": []}


@pytest.mark.parametrize("folder", [ROOT / "modules", FIXTURE_CONTENT], ids=["the course", "the fixture course"])
def test_every_lesson_has_a_full_card(folder):
    for doc in load_course(folder).lessons():
        lesson = SimpleNamespace(body_html=render_markdown(doc.body), org_name=doc.organisation.name, title=doc.title)
        card = model_card(lesson)
        assert all(card[name] for name in CARD_FIELDS), (doc.path, card)
