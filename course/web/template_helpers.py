"""Filters and globals the templates share."""

from __future__ import annotations

from flask import Flask, url_for
from flask_login import current_user

from course.questions.numbers import HINT as NUMBER_HINT
from course.quizzes.grades import pass_applies
from course.web.links import remembering_url_for
from course.web.question_text import render_text

AUDIENCE_LABELS = {"sme": "SMEs", "official": "government officials", "social": "social organisations"}


def register(app: Flask) -> None:
    """Make the helpers available to every template."""
    app.add_template_filter(lambda code: AUDIENCE_LABELS.get(code, code), "audience_label")
    app.add_template_filter(_module_title, "module_title")
    app.add_template_global(staff_nav)
    app.add_template_filter(render_text, "question_text")
    app.jinja_env.globals["url_for"] = remembering_url_for(app)
    app.add_template_global(NUMBER_HINT, "number_hint")
    app.add_template_global(pass_applies)


def _module_title(slug: str, state) -> str:
    progress = state.modules.get(slug)
    return progress.module.title if progress else slug


def staff_nav() -> list[dict]:
    """Navigation entries for instructors and administrators."""
    items = []
    if current_user.is_authenticated and current_user.role in ("instructor", "admin"):
        items += [
            {"label": label, "url": url_for(endpoint)} for endpoint, label in STAFF_LINKS if endpoint in _endpoints()
        ]
    if current_user.is_authenticated and current_user.role == "admin":
        items.append({"label": "Users", "url": url_for("admin.users")})
        items.append({"label": "Audit trail", "url": url_for("admin.audit_trail")})
    return items


STAFF_LINKS = [
    ("instructor.banks", "Question banks"),
    ("instructor.quizzes", "Quizzes"),
    ("instructor.grading", "Grading"),
    ("cohorts.list_cohorts", "Cohorts"),
    ("reports.cohorts", "Reports"),
]


def _endpoints() -> set[str]:
    from flask import current_app

    return set(current_app.view_functions)
