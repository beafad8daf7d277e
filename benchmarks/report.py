"""Figures beside their targets: the printed table, the summary of unmet targets and the JSON file."""

from __future__ import annotations

import json
import operator
from dataclasses import asdict, dataclass, field
from pathlib import Path

_COMPARE = {"<": operator.lt, "<=": operator.le, ">=": operator.ge}


@dataclass
class Target:
    compare: str  # "<", "<=" or ">="
    limit: float
    on_ratio: bool = False  # the target applies to the ratio to the ceiling, not to the figure

    def met(self, figure: float | None, ratio: float | None) -> bool | None:
        value = ratio if self.on_ratio else figure
        return None if value is None else _COMPARE[self.compare](value, self.limit)

    def text(self, unit: str) -> str:
        compare = {"<=": "≤", ">=": "≥"}.get(self.compare, self.compare)
        return f"{compare} {self.limit:g}" + (" of ceiling" if self.on_ratio else f" {unit}")


@dataclass
class Figure:
    what: str
    value: float | None  # None: not measured (failed or timed out; see note)
    unit: str
    target: Target | None = None
    ceiling: float | None = None
    ratio: float | None = None
    note: str = ""
    details: dict = field(default_factory=dict)

    @property
    def met(self) -> bool | None:
        return self.target.met(self.value, self.ratio) if self.target else None

    def as_dict(self) -> dict:
        return {**asdict(self), "target": self.target.text(self.unit) if self.target else None, "met": self.met}


def _number(value: float | None, missing: str = "—") -> str:
    if value is None:
        return missing
    return f"{value:.2f}" if abs(value) < 10 else f"{value:.0f}"


def table(engine: str, figures: list[Figure]) -> str:
    """A plain-text table: what | figure | ceiling | ratio | target | met? | note."""
    rows = [("what", "figure", "ceiling", "ratio", "target", "met?", "note")]
    for f in figures:
        met = {True: "yes", False: "NO", None: "—" if f.target else ""}[f.met]
        figure = f"{_number(f.value)} {f.unit}" if f.value is not None else "—"
        target = f.target.text(f.unit) if f.target else ""
        rows.append((f.what, figure, _number(f.ceiling, ""), _number(f.ratio, ""), target, met, f.note))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = [f"== {engine} =="]
    for number, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[-1])
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def unmet(results: dict[str, list[Figure]]) -> list[str]:
    """One line per target missed (or not measured), engine first."""
    return [
        f"{engine}: {f.what.strip()}: "
        + (f"{_number(f.value)} {f.unit}" if f.value is not None else "not measured")
        + (f" ({_number(f.ratio)} of ceiling)" if f.ratio is not None else "")
        + f", target {f.target.text(f.unit)}"
        + (f" [{f.note}]" if f.value is None else "")
        for engine, figures in results.items()
        for f in figures
        if f.target and not f.met
    ]


def write_json(path: Path, runs: dict[str, dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(runs, indent=2, default=str) + "\n", encoding="utf-8")
