"""Markdown to safe HTML: every rendering path is sanitised, there is no unsafe option."""

from __future__ import annotations

import html as html_entities
from collections.abc import Callable

import markdown
import nh3

from course.content.glossary_links import resolve_glossary_links

_EXTENSIONS = ["extra", "sane_lists", "toc"]
_ALLOWED_TAGS = set(nh3.ALLOWED_TAGS) | {"figure", "figcaption", "section"}
_ALLOWED_ATTRIBUTES = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
for _heading in ("h2", "h3", "h4"):
    _ALLOWED_ATTRIBUTES.setdefault(_heading, set()).add("id")
_ALLOWED_ATTRIBUTES.setdefault("a", set()).update({"href", "title"})
_ALLOWED_ATTRIBUTES.setdefault("abbr", set()).add("title")


def sanitise_html(html: str) -> str:
    """Strip scripts, event handlers, dangerous URLs and unknown tags from HTML."""
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def render_markdown(text: str, glossary_url: Callable[[str], str] | None = None) -> str:
    """Render markdown (raw HTML allowed in the input) to sanitised HTML."""
    if glossary_url is not None:
        text = resolve_glossary_links(text, glossary_url)
    html = markdown.markdown(text, extensions=_EXTENSIONS, output_format="html")
    return sanitise_html(html)


def plain_text(html: str) -> str:
    """The text of sanitised HTML, without markup, on one line (for PDF and markdown exports)."""
    text = nh3.clean(html, tags=set())
    return " ".join(html_entities.unescape(text).split())


# What trainees may write (reflections, replies, plans, reviews): text formatting and links, nothing else;
# no images (a remote image would tell a third party who read the page), no headings above h3.
_USER_TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "code", "pre", "a", "h2", "h3", "h4", "hr"}


def render_user_markdown(text: str) -> str:
    """Markdown a trainee or instructor wrote, rendered and sanitised to a small set of tags."""
    html = markdown.markdown(text or "", extensions=["sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=_USER_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
