"""One-time link tokens: random, shown once in a link, stored only as their SHA-256 (a leaked table opens nothing)."""

from __future__ import annotations

import hashlib
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
