"""Small server-rendered SVG bar charts: no script, no chart framework.

Every bar carries its number as text and each series has its own fill pattern, so a chart reads
without colour; the <title>/<desc> (with the figures) make it readable by screen readers too.
All text is escaped here; the result is safe to place inline in a page.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from flask_babel import gettext as _
from markupsafe import Markup, escape

from course.reports.cohort import FunnelStep, Gain, GroupSummary
from course.web.formatting import percent

WIDTH = 420  # drawn for a phone: the chart scales to the column (style.css), labels stay readable at 360 px
BAR_AREA = 300
BAR_HEIGHT = 18
GROUP_GAP = 12
LINE_HEIGHT = 16
LINE_CHARS = 52  # about 8 px a character at 13 px: a label line fills WIDTH; CJK characters count twice
# Solid, hatched and dotted: distinguishable in greyscale and for colour-blind readers.
PATTERNS = (
    '<pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<rect width="6" height="6" fill="#0b5cad"/></pattern>',
    '<pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
    '<rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="#5a6472"/></pattern>',
    '<pattern id="{id}" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<rect width="6" height="6" fill="#ffffff"/><circle cx="3" cy="3" r="1.6" fill="#1b6e3a"/></pattern>',
)


@dataclass(frozen=True)
class Bar:
    value: float | None  # None: no data, no bar
    text: str  # printed after the bar, e.g. "120 (30%)"


@dataclass(frozen=True)
class BarGroup:
    """One row of the chart: a label and one bar per series."""

    label: str
    bars: tuple[Bar, ...]


def bar_chart(
    title: str,
    description: str,
    groups: list[BarGroup],
    *,
    series: tuple[str, ...] = (),
    max_value: float | None = None,
    chart_id: str = "chart",
) -> Markup:
    """A horizontal bar chart, each group's label written in full above its bars (wrapped over lines, never cut
    off); `series` names the bars of each group (and draws a legend)."""
    chart_id = _safe_id(chart_id)
    count = max((len(g.bars) for g in groups), default=1)
    top = 28 if series else 6
    scale = max_value if max_value else max((b.value or 0 for g in groups for b in g.bars), default=0) or 1
    heights = [len(_lines(g.label)) * LINE_HEIGHT + count * BAR_HEIGHT + GROUP_GAP for g in groups]
    height = top + sum(heights) + 6
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" aria-label="{escape(title)}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(_described(description, groups, series))}</desc>',
        "<defs>" + "".join(p.format(id=f"{chart_id}-p{i}") for i, p in enumerate(PATTERNS)) + "</defs>",
    ]
    parts += _legend(series, chart_id)
    y = top
    for group, group_height in zip(groups, heights, strict=True):
        parts.append(_group(group, y, scale, chart_id))
        y += group_height
    parts.append("</svg>")
    return Markup("".join(parts))


def _group(group: BarGroup, y: int, scale: float, chart_id: str) -> str:
    lines = _lines(group.label)
    rows = [f"<g><title>{escape(group.label)}</title>"]
    for n, line in enumerate(lines):
        rows.append(f'<text x="0" y="{y + (n + 1) * LINE_HEIGHT - 4}" font-size="13">{escape(line)}</text>')
    y += len(lines) * LINE_HEIGHT
    for i, bar in enumerate(group.bars):
        top = y + i * BAR_HEIGHT
        width = 0 if bar.value is None else round(BAR_AREA * max(0.0, min(bar.value, scale)) / scale, 1)
        if bar.value is not None:
            rows.append(
                f'<rect x="0" y="{top + 2}" width="{width}" height="{BAR_HEIGHT - 4}" '
                f'fill="url(#{chart_id}-p{i % len(PATTERNS)})" stroke="#1d2430" stroke-width="1"/>'
            )
        rows.append(f'<text x="{width + 6}" y="{top + BAR_HEIGHT - 5}" font-size="12">{escape(bar.text)}</text>')
    rows.append("</g>")
    return "".join(rows)


def _lines(label: str) -> list[str]:
    """A label in lines of at most LINE_CHARS (CJK characters count twice), broken at spaces where there are any."""
    label = str(label)  # a translated label may be a lazy string
    lines: list[str] = []
    line = ""
    for word in re.findall(r"\S+\s*", label) or [label]:
        for piece in _pieces(word):
            if line and _width(line + piece.rstrip()) > LINE_CHARS:
                lines.append(line.rstrip())
                line = ""
            line += piece
    return [*lines, line.rstrip()] if line.strip() or not lines else lines


def _pieces(word: str) -> list[str]:
    """A word too long for a line, in line-sized pieces (Chinese has no spaces between words)."""
    pieces, piece = [], ""
    for char in word:
        if _width(piece + char) > LINE_CHARS:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _legend(series: tuple[str, ...], chart_id: str) -> list[str]:
    parts, x = [], 0
    for i, name in enumerate(series):
        parts.append(
            f'<rect x="{x}" y="6" width="14" height="14" fill="url(#{chart_id}-p{i % len(PATTERNS)})" '
            f'stroke="#1d2430" stroke-width="1"/>'
            f'<text x="{x + 20}" y="18" font-size="12">{escape(name)}</text>'
        )
        x += 30 + 8 * _width(name)
    return parts


def _described(description: str, groups: list[BarGroup], series: tuple[str, ...]) -> str:
    """The description followed by every figure, for readers who cannot see the bars."""
    figures = []
    for group in groups:
        values = [f"{series[i]} {bar.text}" if i < len(series) else bar.text for i, bar in enumerate(group.bars)]
        figures.append(f"{group.label}: {', '.join(values)}")
    return " ".join([description.strip(), "; ".join(figures) + "." if figures else _("No data yet.")]).strip()


def _safe_id(text: str) -> str:
    return re.sub(r"[^a-z0-9-]", "-", text.lower()) or "chart"


def funnel_chart(funnel: tuple[FunnelStep, ...], enrolled: int, chart_id: str = "funnel") -> Markup:
    """How many members completed each module of the path, in path order."""
    groups = [
        BarGroup(
            step.module_title,
            (Bar(step.completed, _of(step.completed, enrolled)),),
        )
        for step in funnel
    ]
    return bar_chart(
        _("Completion funnel by module"),
        _("Members who completed each module of the path, in path order."),
        groups,
        max_value=enrolled or 1,
        chart_id=chart_id,
    )


def gain_chart(gains: tuple[Gain, ...] | list[Gain], chart_id: str = "gain") -> Markup:
    """Mean pre-test and post-test score per module (hatched: pre-test, solid: post-test)."""
    groups = [
        BarGroup(
            _("%(module)s (n = %(n)s)", module=g.module_title, n=g.n),
            (Bar(g.pre_mean, _percent(g.pre_mean)), Bar(g.post_mean, _percent(g.post_mean))),
        )
        for g in gains
    ]
    return bar_chart(
        _("Knowledge gain: pre-test and post-test means"),
        _("Mean scores in percent over the members who took both tests of a module."),
        groups,
        series=(_("Pre-test"), _("Post-test")),
        max_value=100,
        chart_id=chart_id,
    )


def breakdown_chart(groups: list[GroupSummary], grouping: str, chart_id: str = "breakdown") -> Markup:
    """Share of each group's members who completed the path."""
    bars = [
        BarGroup(
            g.label,
            (
                Bar(
                    g.summary.completion_percent,
                    _(
                        "%(done)s of %(total)s completed (%(percent)s)",
                        done=g.summary.completed,
                        total=g.summary.enrolled,
                        percent=percent(g.summary.completion_percent / 100, 0),
                    ),
                ),
            ),
        )
        for g in groups
    ]
    return bar_chart(
        _("Path completion by %(group)s", group=grouping.lower()),
        _("Percentage of each group's members who completed the path."),
        bars,
        max_value=100,
        chart_id=chart_id,
    )


def _of(part: int, whole: int) -> str:
    return _(
        "%(done)s of %(total)s (%(percent)s)", done=part, total=whole, percent=percent(part / whole if whole else 0, 0)
    )


def _percent(value: float | None) -> str:
    return _("no data") if value is None else percent(value / 100)
