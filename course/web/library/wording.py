"""The library's words, translated when a page shows them: case themes and organisation types (the codes of
`course/content/case_metadata.py`), kinds of library entry, a practice case's statuses, the model card's headings,
and the sentences for what the data layer refuses or reports as codes (`CaseRefused`, related-case reasons, the
problems of a comparison)."""

from __future__ import annotations

from functools import cache

from babel import Locale
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from course.web.wording import label

THEMES = {
    "pilot-zones": _l("Pilot and bonded zones"),
    "customs": _l("Customs"),
    "payments": _l("Payments"),
    "finance": _l("Finance"),
    "logistics": _l("Logistics"),
    "warehousing": _l("Warehousing"),
    "digital-platforms": _l("Digital platforms"),
    "marketing": _l("Marketing"),
    "brand": _l("Brand building"),
    "compliance": _l("Compliance"),
    "talent": _l("Talent and training"),
    "data": _l("Data"),
    "dispute-resolution": _l("Dispute resolution"),
    "industrial-clusters": _l("Industrial clusters"),
    "rural-development": _l("Rural development"),
    "international-cooperation": _l("International cooperation"),
}
ORG_TYPES = {
    "government": _l("Government"),
    "zone": _l("Pilot or bonded zone"),
    "enterprise": _l("Enterprise"),
    "platform": _l("Platform"),
    "association": _l("Association"),
    "court": _l("Court or arbitration body"),
    "university": _l("University"),
    "think-tank": _l("Think tank"),
}
KINDS = {"lesson": _l("Course case"), "case": _l("Practice case"), "term": _l("Glossary term")}
STATUSES = {
    "draft": _l("Draft"),
    "submitted": _l("Waiting for review"),
    "changes_requested": _l("Changes requested"),
    "rejected": _l("Not accepted"),
    "published": _l("Published"),
}
CARD_LABELS = {
    "actor": _l("Who acted"),
    "problem": _l("The problem"),
    "tools": _l("Tools and core elements"),
    "preconditions": _l("Preconditions"),
    "results": _l("Results"),
    "copy": _l("What others can copy"),
}
FACET_TITLES = {
    "kind": _l("Type"),
    "chapter": _l("Module"),
    "country": _l("Country"),
    "region": _l("Region"),
    "city": _l("City"),
    "theme": _l("Theme"),
    "org_type": _l("Organisation"),
    "audience": _l("Audience"),
}
NEEDED = {  # what a case lacks before it can be submitted (`practice_cases.missing`)
    "title": _l("a title"),
    "org_name": _l("the organisation's name"),
    "org_type": _l("the type of organisation"),
    "country": _l("the country"),
    "chapter": _l("the module it belongs to"),
    "themes": _l("at least one theme"),
    "audiences": _l("who it serves"),
    "summary": _l("a summary of the problem"),
    "what_was_done": _l("what was done"),
    "results": _l("at least one result"),
    "results_source": _l("where the figures come from"),
    "replicable": _l("at least one element others can copy"),
    "contact_email": _l("a contact email"),
    "permission": _l("your permission to publish"),
    "org_type_listed": _l("a type of organisation from the list"),
    "country_listed": _l("a country from the list"),
    "lists_listed": _l("themes and audiences from the lists"),
}


def theme_label(code: str) -> str:
    return label(THEMES, code)


def org_type_label(code: str) -> str:
    return label(ORG_TYPES, code)


@cache
def _country_codes() -> dict[str, str]:
    return {name: code for code, name in Locale("en").territories.items()}


def country_name(english: str) -> str:
    """A country stored by its English name (`case_metadata.countries`), named in the reader's language."""
    locale = get_locale()
    if not english or locale is None or locale.language == "en":
        return english
    code = _country_codes().get(english)
    return Locale.parse(str(locale)).territories.get(code, english) if code else english


def status_label(code: str) -> str:
    return label(STATUSES, code)


def module_label(number, title: str = "") -> str:
    """ "Module 5: Logistics", or "Module 5" without a title."""
    if title:
        return _("Module %(number)s: %(title)s", number=number, title=title)
    return _("Module %(number)s", number=number)


def locked_text(status: str) -> str:
    return _("This case is %(status)s: it can no longer be changed.", status=status_label(status).lower())


def refusal_text(refused) -> str:
    """The sentence for a `practice_cases.CaseRefused` (its code, the case's status, what it lacks)."""
    status = status_label(refused.status).lower()
    if refused.code == "locked":
        return locked_text(refused.status)
    if refused.code == "already_submitted":
        return _("This case is %(status)s: it was already submitted.", status=status)
    if refused.code == "not_submitted":
        return _("This case is %(status)s: only a submitted case can be reviewed.", status=status)
    if refused.code == "incomplete":
        # TRANSLATORS: between the things a practice case still lacks ("a title; the country").
        lacking = _("; ").join(label(NEEDED, code) for code in refused.lacking)
        return _("Before submitting, add %(lacking)s.", lacking=lacking)
    if refused.code == "no_decision":
        return _("Choose to publish, to ask for changes or to reject.")
    if refused.code == "changes_need_comment":
        return _("Say what should change.")
    if refused.code == "rejection_needs_reason":
        return _("Give the reason.")
    return refused.code


def reason_text(reason: tuple) -> str:
    """Why a case is related to another (`course.library.related`): ("organisation",), ("city", name) or
    ("themes", codes)."""
    kind = reason[0]
    if kind == "organisation":
        return _("Same organisation")
    if kind == "city":
        return _("Also in %(city)s", city=reason[1])
    return _("Also about %(themes)s", themes=", ".join(theme_label(t) for t in reason[1]))


def comparison_problem(problem: tuple) -> str:
    """What is wrong with a pick of cases to compare (`course.library.comparison`): ("count", picked, fewest,
    most) or ("unknown", pick)."""
    if problem[0] == "count":
        _kind, picked, fewest, most = problem
        return _(
            "Pick %(fewest)s to %(most)s cases to compare (you picked %(picked)s).",
            fewest=fewest,
            most=most,
            picked=picked,
        )
    return _("There is no case %(pick)s in the library.", pick=repr(problem[1]))
