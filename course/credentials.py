"""What an account's email and password must be: one rule for every form and command. No Flask, no database."""

from __future__ import annotations

from collections.abc import Iterable

from email_validator import EmailNotValidError, validate_email
from zxcvbn import zxcvbn

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 200
# zxcvbn's score runs from 0 (top-100 password) to 4; 3 means "safely unguessable" for an online attack.
MIN_PASSWORD_SCORE = 3
PASSWORD_ADVICE = "A few unrelated words that only you would put together work well."


def password_refusal(password: str, *, related: Iterable[str] = ()) -> tuple[str, str] | None:
    """Why `password` is refused, as (code, zxcvbn's own warning or ""): "too_short", "too_long" or "guessable";
    None when it is acceptable. `related` holds the account's own words (email, name), which make a password
    easier to guess. The web layer words the codes in the reader's language (course/web/auth/forms.py)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return "too_short", ""
    if len(password) > MAX_PASSWORD_LENGTH:
        return "too_long", ""
    words = [w for text in related if text for w in (text, *text.replace("@", " ").replace(".", " ").split())]
    # zxcvbn judges at most 72 characters; a password whose start is strong is strong.
    verdict = zxcvbn(password[:72], user_inputs=words)
    if verdict["score"] >= MIN_PASSWORD_SCORE:
        return None
    return "guessable", verdict["feedback"]["warning"]


def password_problem(password: str, *, related: Iterable[str] = ()) -> str | None:
    """`password_refusal` in English, for the `flask users` commands (an administrator's terminal)."""
    refusal = password_refusal(password, related=related)
    if refusal is None:
        return None
    code, warning = refusal
    if code == "too_short":
        return f"Use at least {MIN_PASSWORD_LENGTH} characters."
    if code == "too_long":
        return f"Use at most {MAX_PASSWORD_LENGTH} characters."
    warning = warning or "It follows a pattern that is easy to guess."
    return f"This password is too easy to guess. {warning} {PASSWORD_ADVICE}"


def email_problem(email: str) -> str | None:
    """Why `email` is not an email address, or None when it is one (its domain is not looked up)."""
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError as error:
        return f"Not an email address: {error}"
    return None
