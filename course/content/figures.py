"""Accessible figures (`modules/figures.yml` and `modules/figures/`): inline SVG diagrams with a title, a
description and a text or table equivalent, or tables alone, and the lessons that show each.

An SVG is checked here, not cleaned: only drawing elements and presentation attributes are allowed (no
script, no event handlers, no links out, no `style`, which the Content-Security-Policy would block), and it
must name itself with <title> and <desc> referenced by aria-labelledby.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import ElementTree

from course.content.errors import ContentError, ContentProblem
from course.content.fields import FieldReader
from course.content.yamlfile import line_of, load_yaml

FIGURES_FILE, FIGURES_DIR = "figures.yml", "figures"
_SVG_NS = "{http://www.w3.org/2000/svg}"
SVG_ELEMENTS = {
    "svg", "g", "title", "desc", "defs", "marker", "rect", "circle", "ellipse", "line",
    "polyline", "polygon", "path", "text", "tspan",
}  # fmt: skip
SVG_ATTRIBUTES = {
    "xmlns", "viewBox", "width", "height", "role", "aria-labelledby", "aria-hidden", "id", "class", "x", "y",
    "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points", "transform", "fill", "stroke",
    "stroke-width", "stroke-dasharray", "font-size", "font-weight", "font-family", "text-anchor",
    "dominant-baseline", "marker-end", "marker-start", "markerWidth", "markerHeight", "refX", "refY", "orient",
    "preserveAspectRatio", "opacity",
}  # fmt: skip
_URL_REF = re.compile(r"url\((?!#)")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class FigureDoc:
    slug: str
    title: str
    svg: str  # the checked SVG markup, "" for a table-only figure
    text: str  # markdown: the text or table equivalent (for a table-only figure, the figure itself)
    lessons: list[str]
    path: str
    line: int
    lesson_lines: dict[str, int] = field(default_factory=dict)


def read_figures(root: Path, problems: list[ContentProblem]) -> list[FigureDoc]:
    """Every figure of `root/figures.yml` (optional), with its files read and checked."""
    path = root / FIGURES_FILE
    if not path.exists():
        return []
    rel = _rel(path, root)
    try:
        data = load_yaml(path.read_text(encoding="utf-8"), rel) or []
    except ContentError as exc:
        problems.extend(exc.problems)
        return []
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        problems.append(ContentProblem(rel, 1, "figures.yml must be a list of figures (slug, title, files, lessons)"))
        return []
    figures = [_figure(item, root, rel, problems) for item in data]
    seen: set[str] = set()
    for figure in figures:
        if figure.slug in seen:
            problems.append(ContentProblem(rel, figure.line, f"figure slug '{figure.slug}' is used twice"))
        seen.add(figure.slug)
    return figures


def _rel(path: Path, root: Path) -> str:
    return str(path.relative_to(root.parent)) if path.is_relative_to(root.parent) else str(path)


def _figure(item: dict, root: Path, rel: str, problems: list[ContentProblem]) -> FigureDoc:
    f = FieldReader(item, rel, 0, problems)
    slug = f.text("slug")
    if slug and not _SLUG.match(slug):
        f.fail("slug", "'slug' must be lowercase words joined by hyphens")
    svg_name, text_name = f.text("svg", required=False), f.text("text")
    svg = _read(root / FIGURES_DIR / svg_name, root, f, "svg") if svg_name else ""
    if svg:
        svg = _checked_svg(svg, _rel(root / FIGURES_DIR / svg_name, root), problems)
    text = _read(root / FIGURES_DIR / text_name, root, f, "text") if text_name else ""
    lessons = f.items("lessons", str)
    entries = item.get("lessons") if isinstance(item.get("lessons"), list) else []
    return FigureDoc(
        slug=slug,
        title=f.text("title"),
        svg=svg,
        text=text,
        lessons=lessons,
        path=rel,
        line=line_of(item),
        lesson_lines={slug: f.line("lessons") for slug in entries if isinstance(slug, str)},
    )


def _read(path: Path, root: Path, f: FieldReader, key: str) -> str:
    if not path.is_file():
        f.fail(key, f"figure file '{_rel(path, root)}' not found")
        return ""
    return path.read_text(encoding="utf-8")


def _checked_svg(svg: str, rel: str, problems: list[ContentProblem]) -> str:
    """The SVG markup without an XML declaration, when it passes every check; '' (and problems) otherwise."""
    svg = re.sub(r"^\s*<\?xml[^>]*\?>\s*", "", svg)
    try:
        root = ElementTree.fromstring(svg)
    except (ParseError, ValueError) as exc:
        problems.append(ContentProblem(rel, getattr(exc, "position", (1, 0))[0], f"the SVG is not well-formed: {exc}"))
        return ""
    found: list[str] = []
    for element in root.iter():
        name = element.tag.removeprefix(_SVG_NS)
        if name not in SVG_ELEMENTS:
            found.append(f"element <{name}> is not allowed in a figure")
        for attribute, value in element.attrib.items():
            if attribute not in SVG_ATTRIBUTES:
                found.append(f"attribute '{attribute}' on <{name}> is not allowed in a figure")
            elif _URL_REF.search(value):
                found.append(f"attribute '{attribute}' on <{name}> refers outside the figure")
    if root.tag.removeprefix(_SVG_NS) != "svg":
        found.append("the file's root element must be <svg>")
    children = [child.tag.removeprefix(_SVG_NS) for child in root]
    if children[:2] != ["title", "desc"]:
        found.append("an SVG figure starts with <title> and <desc>, in that order")
    else:
        ids = [root[0].get("id"), root[1].get("id")]
        if None in ids or root.get("aria-labelledby", "").split() != ids or root.get("role") != "img":
            found.append('the <svg> needs role="img" and aria-labelledby naming the ids of its <title> and <desc>')
    problems.extend(ContentProblem(rel, 1, message) for message in found)
    return "" if found else svg.strip()
