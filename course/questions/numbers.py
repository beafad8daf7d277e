"""Numbers as people type them in a numerical answer. Pure.

Accepted, around an optional sign (`+`, `-` or `−`) and an optional exponent (`1.5e3`):
- a point or a comma as the decimal mark: `0.5`, `0,5`;
- thousands separated by commas, points, apostrophes or spaces (normal, no-break, thin): `1,500`,
  `1.500.000`, `1'500`, `1 500`; groups after the first must have three digits;
- with both a point and a comma, the last one is the decimal mark: `1,500.25` and `1.500,25`;
- one comma followed by exactly three digits and preceded by a number other than 0 is a thousands
  separator: `1,500` is one thousand five hundred; `0,500`, `2,5` and `1.500` (a point) are decimals.

Anything else (letters, two decimal marks, groups of the wrong size) is not a number: None.
"""

from __future__ import annotations

import math
import re

HINT = "You may write 1500, 1,500 or 1 500; for decimals, a point or a comma: 0.5 or 0,5."

_SPACES = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2019": "'", "\u2212": "-"})
_SHAPE = re.compile(r"(?P<sign>[+-]?)(?P<body>[0-9][0-9 ',.]*|[.,][0-9]+)(?P<exp>[eE][+-]?[0-9]+)?")
_GROUPED = re.compile(r"[0-9]{1,3}(?:(?P<sep>[ ',.])[0-9]{3})(?:(?P=sep)[0-9]{3})*")


def read_number(text: str) -> float | None:
    """The number `text` means, or None when it is not one (see the module's rules)."""
    match = _SHAPE.fullmatch(text.strip().translate(_SPACES))
    if match is None:
        return None
    whole = _plain(match["body"])
    if whole is None:
        return None
    number = float(f"{match['sign']}{whole}{match['exp'] or ''}")
    return number if math.isfinite(number) else None


def _plain(body: str) -> str | None:
    """The digits with one decimal point, or None."""
    if " " in body or "'" in body:  # spaces and apostrophes only ever group thousands
        integer, _, fraction = _split_decimal(body, decimal_marks=".,")
        return _grouped(integer, fraction)
    points, commas = body.count("."), body.count(",")
    if points and commas:
        mark = "." if body.rfind(".") > body.rfind(",") else ","
        integer, _, fraction = body.rpartition(mark)
        return _grouped(integer, fraction)
    mark = "." if points else "," if commas else ""
    if not mark:
        return body
    if body.count(mark) > 1:  # 1,500,000: every mark groups thousands
        return _grouped(body, "")
    integer, _, fraction = body.partition(mark)
    if len(fraction) == 3 and integer not in ("", "0") and mark == ",":
        return _grouped(body, "")  # 1,500
    return f"{integer or '0'}.{fraction}" if fraction else None


def _split_decimal(body: str, decimal_marks: str) -> tuple[str, str, str]:
    """(integer part, mark, fraction) of a body whose thousands are grouped by spaces or apostrophes."""
    for mark in decimal_marks:
        if mark in body:
            return body.rpartition(mark)
    return body, "", ""


def _grouped(integer: str, fraction: str) -> str | None:
    """The integer part without its thousands separators (which must group by three), and the fraction."""
    if not _GROUPED.fullmatch(integer) and not integer.isdigit():
        return None
    if fraction and not fraction.isdigit():
        return None
    digits = re.sub(r"[ ',.]", "", integer)
    return f"{digits}.{fraction}" if fraction else digits


# A number (by the rules above, checked by read_number) and a unit around it, as Moodle splits a response.
_UNIT_AFTER = re.compile(r"(?P<number>[+-]?[0-9.,' ]*[0-9](?:[eE][+-]?[0-9]+)?)\s*(?P<unit>.*)", re.DOTALL)
_UNIT_BEFORE = re.compile(
    r"(?P<unit>.*?)\s*(?P<number>[+-]?(?:[0-9]|[.,][0-9])[0-9.,' ]*(?:[eE][+-]?[0-9]+)?)", re.DOTALL
)


def read_number_with_unit(text: str, units_left: bool = False) -> tuple[float | None, str]:
    """The number written and the unit written after it (before it when `units_left`), '' when none;
    (None, '') when there is no number. `1 500 m` is (1500.0, 'm'); `$1,500` with units_left is (1500.0, '$')."""
    whole = read_number(text)
    if whole is not None:
        return whole, ""
    cleaned = text.strip().translate(_SPACES)
    found = (_UNIT_BEFORE if units_left else _UNIT_AFTER).fullmatch(cleaned)
    if found is None:
        return None, ""
    number = read_number(found["number"])
    return (number, found["unit"].strip()) if number is not None else (None, "")
