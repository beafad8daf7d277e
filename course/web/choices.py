"""Select-field choices in the form wtforms expects."""

from wtforms.fields.choices import SelectChoice


def choices(pairs) -> list[SelectChoice]:
    """(value, label) pairs as SelectChoice objects."""
    return [SelectChoice(value, label) for value, label in pairs]
