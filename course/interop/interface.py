"""The packages' interface strings in a language: Flask-Babel's catalogue of its locale, lent to the package pages.

The only part of course/interop that needs Flask (an application context): the builders stay plain.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import flask_babel

from course.interop import pages


@contextmanager
def speaking(locale: str) -> Iterator[None]:
    """Render package pages in `locale` meanwhile (`flask_babel.force_locale`)."""
    with flask_babel.force_locale(locale), pages.speaking(flask_babel.get_translations()):
        yield
