"""Filters and globals the templates share."""

from __future__ import annotations

from flask import Flask, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from markupsafe import Markup

from course import timezones
from course.content.render import render_user_markdown
from course.languages import LANGUAGES
from course.quizzes.attempts import refusal_date
from course.quizzes.grades import pass_applies
from course.web import content_language, formatting, local_time, wording
from course.web.language.selection import current_language
from course.web.links import remembering_url_for
from course.web.question_text import render_text
from course.web.quiz import wording as quiz_wording

# The audience words (translated when shown): course/web/wording.py.
AUDIENCE_LABELS = wording.AUDIENCES


def register(app: Flask) -> None:
    """Make the helpers available to every template."""
    app.add_template_filter(lambda code: wording.label(wording.AUDIENCES, code), "audience_label")
    app.add_template_filter(_module_title, "module_title")
    app.add_template_filter(_theme_label, "theme_label")
    app.add_template_filter(_org_type_label, "org_type_label")
    app.add_template_filter(_related_reason, "related_reason")
    app.add_template_filter(place_name, "place_name")
    app.add_template_global(_library_url, "library_url")
    app.add_template_filter(lambda entry: f"{entry.kind}:{entry.key}", "library_pick")
    app.add_template_global(staff_nav)
    app.add_template_filter(render_text, "question_text")
    app.add_template_filter(lambda text: Markup(render_user_markdown(text)), "user_markdown")
    app.jinja_env.globals["url_for"] = remembering_url_for(app)
    app.add_template_global(quiz_wording.NUMBER_HINT, "number_hint")  # course/questions/numbers.py HINT, translated
    app.add_template_global(pass_applies)
    app.add_template_filter(timezones.iso_utc, "utc_iso")
    local_time.register(app)
    register_language(app)


def register_language(app: Flask) -> None:
    """The reader's language for `<html lang dir>` and the switcher, and the locale-aware formatters."""
    app.jinja_env.policies["ext.i18n.trimmed"] = True  # {% trans %} blocks: one line per message, as extracted
    app.add_template_global(current_language)
    app.add_template_global(LANGUAGES, "languages")
    formatting.register(app)
    content_language.register(app)
    app.add_template_global(wording.activity_text)
    app.add_template_global(quiz_wording.refusal_text)
    app.add_template_global(quiz_wording.script_words)
    app.add_template_global(refusal_date)
    app.add_template_filter(lambda code: wording.label(wording.ROLES, code), "role_label")


def _theme_label(code: str) -> str:
    from course.web.library.wording import theme_label  # the library's words (case themes), translated

    return theme_label(code)


def _org_type_label(code: str) -> str:
    from course.web.library.wording import org_type_label  # a case's organisation type, translated

    return org_type_label(code)


def _related_reason(reason: tuple) -> str:
    from course.web.library.wording import reason_text  # why a case is related to another, in words

    return reason_text(reason)


def _library_url(kind: str, key: str) -> str:
    from course.web.library.presenter import hit_url

    return hit_url(kind, key)


def place_name(case) -> str:
    """ "City, province, country" of a lesson or practice case, leaving out what it does not name; the country in
    the reader's language."""
    from course.web.library.wording import country_name

    return ", ".join(part for part in (case.city, case.province, country_name(case.country)) if part)


def _module_title(slug: str, state) -> str:
    progress = state.modules.get(slug)
    return content_language.localized(progress.module, "title") if progress else slug


def staff_nav() -> list[dict]:
    """Navigation entries for instructors and administrators."""
    items = []
    if current_user.is_authenticated and current_user.role in ("instructor", "admin"):
        items += [
            {"label": label, "url": url_for(endpoint)} for endpoint, label in STAFF_LINKS if endpoint in _endpoints()
        ]
    if current_user.is_authenticated and current_user.role == "admin":
        items.append({"label": _l("Users"), "url": url_for("admin.users")})
        items.append({"label": _l("Audit trail"), "url": url_for("admin.audit_trail")})
        items.append({"label": _l("Outbox"), "url": url_for("admin.mail_outbox")})
        items.append({"label": _l("Site settings"), "url": url_for("admin.site_settings")})
        items.append({"label": _l("Case review"), "url": url_for("library.review_list")})
        items.append({"label": _l("Impact page"), "url": url_for("impact.impact_settings")})
    return items


STAFF_LINKS = [
    ("instructor.banks", _l("Question banks")),
    ("instructor.quizzes", _l("Quizzes")),
    ("instructor.grading", _l("Grading")),
    ("cohorts.list_cohorts", _l("Cohorts")),
    ("reports.cohorts", _l("Reports")),
    ("action_plans.to_review", _l("Action plans")),
    ("interop.exports", _l("Packages")),
    ("reports.programme", _l("Programme report")),
]


def _endpoints() -> set[str]:
    from flask import current_app

    return set(current_app.view_functions)
