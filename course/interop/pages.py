"""The HTML pages every package format shares: lesson, module overview, glossary, quiz and home pages.

Plain Jinja2 (autoescaped) templates of this folder, rendered without Flask. Their interface strings are marked
for translation (`_()`, `{% trans %}`): rendered in English unless the caller lends other words with
`speaking(translations)` (the offline edition lends Flask-Babel's catalogue of each language: course/interop/interface.py). Lesson bodies are the HTML the
sync stored (already sanitised); their site links (`/glossary#x`, `/lessons/slug`) are pointed at the
package's own files, or at the live site when the package does not hold the page.
"""

from __future__ import annotations

import gettext as gettext_module
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

HERE = Path(__file__).resolve().parent
_SITE_LINK = re.compile(r'href="(/[^"#]*)(#[^"]*)?"')
_ENGLISH = gettext_module.NullTranslations()
_words: ContextVar[gettext_module.NullTranslations | None] = ContextVar("package_words", default=None)


def _current() -> gettext_module.NullTranslations:
    return _words.get() or _ENGLISH


@contextmanager
def speaking(translations: gettext_module.NullTranslations) -> Iterator[None]:
    """Render the pages (and `gettext` below) with these translations (a gettext catalogue) meanwhile."""
    token = _words.set(translations)
    try:
        yield
    finally:
        _words.reset(token)


def gettext(message: str, **variables) -> str:
    """A package's interface string in the language lent by `speaking` (English by default)."""
    text = _current().gettext(message)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    text = _current().ngettext(singular, plural, num)
    return text % ({"num": num} | variables)


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
    )
    environment.policies["ext.i18n.trimmed"] = True  # as babel.cfg extracts them
    environment.install_gettext_callables(
        lambda message: _current().gettext(message),
        lambda singular, plural, n: _current().ngettext(singular, plural, n),
        newstyle=True,
    )
    return environment


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
