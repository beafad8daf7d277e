"""Grades as percentages in question files (GIFT `%50%`, Moodle XML `fraction="50"`), written exactly."""

from __future__ import annotations

from decimal import Decimal


def percent_text(fraction: float) -> str:
    """The percentage of a fraction, exact enough that `fraction_of` gives the same float back: 0.5 is '50'."""
    percent = Decimal(repr(float(fraction))) * 100
    return format(percent.normalize(), "f")


def fraction_of(percent: Decimal) -> float:
    """The fraction a percentage stands for: Decimal('50') is 0.5."""
    return float(percent / 100)
