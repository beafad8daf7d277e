"""Glossary links written as [text](glossary:slug) in lessons and overviews."""

from __future__ import annotations

import re

GLOSSARY_LINK = re.compile(r"\]\(glossary:([a-z0-9]+(?:-[a-z0-9]+)*)\)")


def find_glossary_links(body: str, first_line: int) -> list[tuple[str, int]]:
    """Every glossary slug linked in a body, with the file line it is on."""
    found = []
    for offset, line in enumerate(body.splitlines()):
        found.extend((match.group(1), first_line + offset) for match in GLOSSARY_LINK.finditer(line))
    return found


def resolve_glossary_links(body: str, url_for_term) -> str:
    """Rewrite glossary: links into real URLs using `url_for_term(slug)`."""
    return GLOSSARY_LINK.sub(lambda m: f"]({url_for_term(m.group(1))})", body)
