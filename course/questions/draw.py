"""Choosing questions for a new attempt: random draws prefer questions not yet seen."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence


def draw_questions(
    candidates: Sequence[int], count: int, seen: set[int], rng: random.Random, exclude: set[int] = frozenset()
) -> list[int]:
    """`count` question ids from `candidates`, unseen ones first, never one from `exclude`."""
    pool = [c for c in candidates if c not in exclude]
    fresh = [c for c in pool if c not in seen]
    stale = [c for c in pool if c in seen]
    rng.shuffle(fresh)
    rng.shuffle(stale)
    return (fresh + stale)[:count]


def order_items(
    items: list, shuffle: bool, rng: random.Random, pinned: Callable[[object], bool] = lambda _: False
) -> list:
    """The attempt's question order: as authored, or shuffled once for the whole attempt with the pinned items
    (descriptions, which introduce what follows them) kept in their authored places."""
    items = list(items)
    if not shuffle:
        return items
    movable = [item for item in items if not pinned(item)]
    rng.shuffle(movable)
    moved = iter(movable)
    return [item if pinned(item) else next(moved) for item in items]
