"""Question text to safe HTML for templates, whatever format the author chose."""

from __future__ import annotations

from markupsafe import Markup

from course.questions.html import question_html


def render_text(text: str, text_format: str) -> Markup:
    """Sanitised HTML for a question, option or feedback text, marked safe for Jinja."""
    return Markup(question_html(text, text_format))
