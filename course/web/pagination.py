"""Pages of long tables: which page was asked for, kept within the pages that exist."""

from __future__ import annotations

from dataclasses import dataclass

from flask import request


@dataclass(frozen=True)
class Page:
    """One page of a long table."""

    number: int
    size: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def start(self) -> int:
        return (self.number - 1) * self.size


def page_of(requested: int, size: int, total: int) -> Page:
    """The requested page, kept within the pages that exist."""
    return Page(min(max(1, requested), Page(1, size, total).pages), size, total)


def requested_page(size: int, total: int) -> Page:
    """The page named by the request's `page` argument (the first when absent or not a number)."""
    return page_of(request.args.get("page", 1, type=int), size, total)
