"""Question text to safe HTML, whatever format the author chose."""

from __future__ import annotations

from markupsafe import Markup, escape

from course.content.render import render_markdown, sanitise_html


def render_text(text: str, text_format: str) -> Markup:
    """Sanitised HTML for a question, option or feedback text."""
    if not text:
        return Markup("")
    if text_format == "markdown":
        return Markup(render_markdown(text))
    if text_format == "plain":
        return Markup(str(escape(text)).replace("\n", "<br>"))
    if text_format == "moodle":
        # Moodle's auto-format: HTML is kept, line breaks become <br>
        return Markup(sanitise_html(text.replace("\n", "<br>\n")))
    return Markup(sanitise_html(text))
