"""Question text to sanitised HTML, whatever format the author chose (a plain string: no Flask here)."""

from __future__ import annotations

from html import escape

from course.content.render import render_markdown, sanitise_html


def question_html(text: str, text_format: str) -> str:
    """Sanitised HTML for a question, option or feedback text."""
    if not text:
        return ""
    if text_format == "markdown":
        return render_markdown(text)
    if text_format == "plain":
        return escape(text).replace("\n", "<br>")
    if text_format == "moodle":
        # Moodle's auto-format: HTML is kept, line breaks become <br>
        return sanitise_html(text.replace("\n", "<br>\n"))
    return sanitise_html(text)
