"""A case's replicable-model card as a dict: the one place that knows where a card comes from.

Keys, always all six: `actor` and `problem` (text), `tools`, `preconditions`, `results` and `copy` (lists of text),
from the `model` of a lesson (a mapping as stored, or the loader's ModelCard) or of a practice case. An opening or
capstone lesson has none: its card is empty.

Pure: the lesson or case is anything with a `model` attribute.
"""

from __future__ import annotations

CARD_FIELDS = ("actor", "problem", "tools", "preconditions", "results", "copy")
LIST_FIELDS = ("tools", "preconditions", "results", "copy")


def model_card(case) -> dict:
    """The card of a lesson or practice case (empty text and lists where it says nothing)."""
    model = getattr(case, "model", None)
    if model is not None and not isinstance(model, dict):
        model = model.as_dict()
    return _from_mapping(model or {})


def _from_mapping(model: dict) -> dict:
    card = {}
    for name in CARD_FIELDS:
        value = model.get(name)
        if name in LIST_FIELDS:
            items = value if isinstance(value, list) else [value] if value else []
            card[name] = [" ".join(str(v).split()) for v in items if str(v).strip()]
        else:
            card[name] = " ".join(str(value or "").split())
    return card
