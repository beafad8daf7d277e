"""Whole pages of one learner, rendered once and served again until something on them changes.

A lesson or module page read again and again (a seminar of 500 officials on the same lesson) is the
same page until the learner's records, the curriculum, their name, role, unread count, language or time zone
change: it is kept per process under those (`course.progress.learner_cache`) and only the CSRF token, which belongs to the
browser's session, is put in on each view. Visitors who are not signed in all get one page per
catalogue revision. A page with flashed messages is rendered afresh.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from flask import current_app, render_template, request, session
from flask_babel import get_locale, get_timezone
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from sqlmodel import Session

from course.progress.learner_cache import kept_for_learner

# Stands for the CSRF token in a kept page; random per process, so no authored text can contain it.
_TOKEN = "csrf-" + secrets.token_hex(16)


def _token_placeholder() -> str:
    return _TOKEN


def render_kept(db: Session, page: tuple, build: Callable[[], tuple[str, dict, int]]) -> tuple[str, int]:
    """The page `build()` describes (template name, context, status), kept for the signed-in learner under
    `page`; the answer is (HTML, status)."""
    user = current_user._get_current_object()
    if "_flashes" in session:
        template, context, status = build()
        return render_template(template, **context), status
    # Kept per language and time zone too: a reader who switches sees the page in the new one at once.
    where = (request.script_root, str(get_locale()), str(get_timezone()))
    if user.is_authenticated:
        # Everything of the user's that the page shows besides their records: the header's name and unread count.
        user_id, kind = user.id, ("page", *page, user.name, user.role, user.unread_notifications, *where)
    else:  # every visitor sees the same page: kept once per catalogue revision (and language)
        user_id, kind = None, ("page", *page, "visitor", *where)

    def render() -> tuple[str, int]:
        template, context, status = build()
        return render_template(template, **context, csrf_token=_token_placeholder), status

    html, status = kept_for_learner(db, user_id, kind, render, lambda _page: ())
    return html.replace(_TOKEN, _csrf_token()), status


_signed_tokens: dict[str, str] = {}  # a session's CSRF token -> one signed form of it
_SIGNED_KEPT = 100_000


def _csrf_token() -> str:
    """The signed CSRF token for the browser's session. Signing is the costly part of a kept page, and while
    tokens do not expire (WTF_CSRF_TIME_LIMIT None) one signed form per session serves every page."""
    raw = session.get("csrf_token")
    if raw is None or current_app.config.get("WTF_CSRF_TIME_LIMIT") is not None:
        return generate_csrf()
    signed = _signed_tokens.get(raw)
    if signed is None:
        signed = generate_csrf()
        if len(_signed_tokens) < _SIGNED_KEPT:
            _signed_tokens[raw] = signed
    return signed
