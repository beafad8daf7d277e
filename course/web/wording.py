"""The words for codes that the data layer stores and returns (audiences, organisation types, roles, activity
verbs...): one place, translated through Flask-Babel at the moment a page or form shows them."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l


def N_(text: str) -> str:
    """Marks a text for `pybabel extract` where it is written; it is translated where it is shown (`_(text)`)."""
    return text


AUDIENCES = {"sme": _l("SMEs"), "official": _l("government officials"), "social": _l("social organisations")}
ORG_TYPES = {
    "sme": _l("SME (small or medium enterprise)"),
    "government": _l("Government"),
    "social": _l("Social organisation"),
    "other": _l("Other"),
}
FIRM_SIZES = {
    "": _l("Prefer not to say"),
    "micro": _l("Micro (1-9 people)"),
    "small": _l("Small (10-49)"),
    "medium": _l("Medium (50-249)"),
    "large": _l("Large (250+)"),
    "na": _l("Not a firm"),
}
SEXES = {"": _l("Prefer not to say"), "female": _l("Female"), "male": _l("Male"), "other": _l("Other")}
GROUPINGS = {
    "org_type": _l("Organisation type"),
    "country": _l("Country"),
    "firm_size": _l("Firm size"),
    "sex": _l("Sex"),
}
NOT_GIVEN = _l("Prefer not to say / not given")
ROLES = {
    "trainee": _l("trainee"),
    "official": _l("official"),
    "instructor": _l("instructor"),
    "admin": _l("admin"),
}

_ACTIVITY = {
    ("experienced", "lesson"): _l("opened the lesson “%(label)s”"),
    ("completed", "lesson"): _l("completed the lesson “%(label)s”"),
    ("answered", "quiz"): _l("answered the quiz “%(label)s”"),
    ("passed", "quiz"): _l("passed the quiz “%(label)s”"),
    ("failed", "quiz"): _l("did not pass the quiz “%(label)s”"),
}


def label(labels: dict, code: str) -> str:
    """The words for a code, or the code itself when it has none."""
    return str(labels[code]) if code in labels else code


def activity_text(event) -> str:
    """One line of a learner's activity ("completed the lesson “…”") from its xAPI verb and object type."""
    words = _ACTIVITY.get((event.verb, event.object_type))
    if words is None:
        return _("%(verb)s %(object)s “%(label)s”", verb=event.verb, object=event.object_type, label=event.label)
    return words % {"label": event.label}
