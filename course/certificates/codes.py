"""Verification codes: random, easy to read aloud and type, with no 0/O or 1/I/L to confuse."""

from __future__ import annotations

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
GROUPS, GROUP_SIZE = 3, 4  # 12 random characters, about 59 bits


def new_code() -> str:
    """A fresh code such as 7KQM-X3TR-9WHD."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_SIZE))
    return _group(chars)


def normalise(text: str) -> str | None:
    """The canonical form of a code someone typed (any case, spaces or dashes), or None if it cannot be one."""
    chars = "".join(ch for ch in text.upper() if ch not in " -\t")
    if len(chars) != GROUPS * GROUP_SIZE or any(ch not in ALPHABET for ch in chars):
        return None
    return _group(chars)


def _group(chars: str) -> str:
    return "-".join(chars[i : i + GROUP_SIZE] for i in range(0, len(chars), GROUP_SIZE))
