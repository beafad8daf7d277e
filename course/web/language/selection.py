"""Which language and time zone a request is served in; Flask-Babel asks these once per request.

The order: `?lang=` on the URL (that page only), the signed-in user's profile, the `language` cookie a visitor's
switcher set, the browser's Accept-Language, then the site default. The user row is the one Flask-Login already
loaded, so choosing costs no query.
"""

from __future__ import annotations

from flask import current_app, g, has_request_context, request
from flask_babel import get_locale
from flask_login import current_user

from course.languages import Language, best_match, known_locale, language_of

COOKIE = "language"
COOKIE_DAYS = 365


def select_locale() -> str:
    """The Babel locale of this request (`en`, `zh_Hans`, `fr`, `es`, `ar`, `ru`)."""
    default = current_app.config.get("BABEL_DEFAULT_LOCALE", "en")
    if not has_request_context():
        return default
    chosen = known_locale(request.args.get("lang"))
    if not chosen and not g.get("language_without_user") and current_user.is_authenticated:
        chosen = known_locale(getattr(current_user, "language", ""))
    if not chosen:
        chosen = known_locale(request.cookies.get(COOKIE))
    if not chosen:
        best = best_match(list(request.accept_languages))
        chosen = best.locale if best else default
    return chosen


def select_timezone() -> str | None:
    """The signed-in user's time zone when their profile has one (else Flask-Babel's default, UTC)."""
    if has_request_context() and current_user.is_authenticated:
        return getattr(current_user, "time_zone", "") or None
    return None


def current_language() -> Language:
    """The language this request is served in."""
    return language_of(str(get_locale() or "en"))
