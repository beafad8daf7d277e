"""The HTML pages every package format shares: lesson, module overview, glossary, quiz and home pages.

Plain Jinja2 (autoescaped) templates of this folder, rendered without Flask. Lesson bodies are the HTML the
sync stored (already sanitised); their site links (`/glossary#x`, `/lessons/slug`) are pointed at the
package's own files, or at the live site when the package does not hold the page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

HERE = Path(__file__).resolve().parent
_SITE_LINK = re.compile(r'href="(/[^"#]*)(#[^"]*)?"')


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))


def render(template: str, **context) -> str:
    """One page of a package."""
    return _environment().get_template(template).render(**context)


def asset(name: str) -> str:
    """The text of a file every package copies (stylesheet, scripts)."""
    return (HERE / "assets" / name).read_text(encoding="utf-8")


def localise_links(html: str, targets: Mapping[str, str], site_url: str) -> Markup:
    """Point site links at the package's files (`targets`: site path -> file), else at the live site.

    A link to a page the package lacks and no `site_url` to send it to loses its address but keeps its text.
    """

    def replace(match: re.Match) -> str:
        path, fragment = match.group(1), match.group(2) or ""
        if path in targets:
            return f'href="{targets[path]}{fragment}"'
        if site_url:
            return f'href="{site_url}{path}{fragment}"'
        return 'data-site-link="' + path + '"'

    return Markup(_SITE_LINK.sub(replace, html))  # the sync sanitised the lesson HTML
