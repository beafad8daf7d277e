"""Check rewritten lessons against lesson format v2 (issue 15) and print reading figures.

Usage (textstat 0.7.3 works offline; newer releases download a dictionary at run time):

    python -m venv .venv-review && .venv-review/bin/pip install pyyaml textstat==0.7.3
    .venv-review/bin/python scripts/content_review.py SOURCE.md modules/01-* ... quizzes/01-*.gift ...

For every lesson it prints: words, Flesch-Kincaid grade, reading ease, and the problems found
(front matter keys and closed lists, the three body sections, word ranges, glossary links,
related slugs, "the source", and every run of 10 words shared with the source text).
Module overviews (module.md) and syntheses (synthesis.md) get the grade, words and run check;
files named on the command line (quiz banks, glossary files) get the run and glossary-link check.
Exit status 1 when a problem is found. It is a reviewer's tool, not the loader.
"""

from __future__ import annotations

import math
import re
import statistics
import sys
from pathlib import Path

import textstat
import yaml

RUN = 10
ORG_TYPES = {"government", "zone", "enterprise", "platform", "association", "court", "university", "think-tank"}
THEMES = {
    "pilot-zones", "customs", "payments", "finance", "logistics", "warehousing", "digital-platforms",
    "marketing", "brand", "compliance", "talent", "data", "dispute-resolution", "industrial-clusters",
    "rural-development", "international-cooperation",
}  # fmt: skip
AUDIENCES = {"sme", "official", "social"}
KEYS = {
    "title", "cases", "audiences", "summary", "minutes", "snapshot", "objectives", "takeaway", "place",
    "organisation", "themes", "related", "model",
}  # fmt: skip
OPTIONAL = {"data_note"}
SECTIONS = ["What the case reports", "Our reading", "Reflection"]
VERBS = {"explain", "compare", "judge", "describe", "decide", "assess", "identify", "apply", "weigh", "list"}
# Proper names may be repeated word for word; they are taken out before runs are compared.
NAMES = [
    "China (Qingdao) Cross-Border E-Commerce Comprehensive Pilot Area Public Service Platform",
    "Qingdao Qingbao Cross-Border E-Commerce Integrated Service Co., Ltd.",
    "Chengdu Global Cross-Border E-Commerce Service Resource Center",
    "Shenzhen Qianhai Jiumi Information Technology Co., Ltd.",
    "Shenzhen Mingxin Digital Intelligence Technology Co., Ltd.",
    "Big Data Industry Development Demonstration Project",
    "Top 10 Digital Foreign Trade Industrial Zones",
    "500-City Industrial Belt Going Global",
    "Jinhua Zhejiang - China Railway Combined Transport Port, Ltd.",
]
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def split(text: str) -> tuple[dict, str]:
    """Front matter and body of a markdown file."""
    _, meta, body = text.split("---\n", 2)
    return yaml.safe_load(meta), body


def plain(markdown: str) -> str:
    """The prose of a markdown body, as a reader hears it (for the reading figures)."""
    text = re.sub(r"^#+ .*$", "", markdown, flags=re.M)  # headings are labels, not prose
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    text = re.sub(r"^\s*(?:[-*>]|\d+\.)\s+", "", text, flags=re.M)
    text = text.replace("**", "").replace("`", "")
    # Full stops that do not end a sentence would count as sentence ends and flatter the grade.
    text = re.sub(r"(\d)[.,](\d)", r"\1\2", text)
    text = re.sub(r"\b(Co|Ltd|Inc|No|www)\.", r"\1", text)
    text = re.sub(r"\.(com|cn)\b", r"\1", text)
    text = re.sub(r"\b([A-Z])\.", r"\1", text)  # U.S. and initials
    return text


def exact_grade(prose: str) -> float:
    """Flesch-Kincaid grade from textstat's own counts, without its rounding of the two averages."""
    sentences = max(1, textstat.sentence_count(prose))
    count = max(1, textstat.lexicon_count(prose))
    return 0.39 * count / sentences + 11.8 * textstat.syllable_count(prose) / count - 15.59


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


def runs(text: str, size: int = RUN) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + size]) for i in range(len(w) - size + 1)}


def without_names(text: str) -> str:
    for name in NAMES:
        text = re.sub(r"\s+".join(map(re.escape, name.split())), " | ", text, flags=re.I)
    return text


def shared_runs(text: str, source_runs: set[tuple[str, ...]]) -> list[str]:
    """Maximal stretches of text whose every 10-word window occurs in the source (names aside)."""
    w = words(without_names(text))
    hits = [i for i in range(len(w) - RUN + 1) if tuple(w[i : i + RUN]) in source_runs]
    stretches, start, last = [], None, None
    for i in hits:
        if start is None or i > last + 1:
            if start is not None:
                stretches.append(" ".join(w[start : last + RUN]))
            start = i
        last = i
    if start is not None:
        stretches.append(" ".join(w[start : last + RUN]))
    return stretches


def sections(body: str) -> list[tuple[str, str]]:
    parts = re.split(r"^## (.*)$", body, flags=re.M)
    return [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts), 2)]


def check_lesson(path: Path, meta: dict, body: str, slugs: set[str], glossary: set[str]) -> list[str]:
    problems = []
    keys = set(meta)
    if missing := KEYS - keys:
        problems.append(f"missing keys {sorted(missing)}")
    if extra := keys - KEYS - OPTIONAL:
        problems.append(f"unknown keys {sorted(extra)}")
    if not set(meta.get("audiences", [])) <= AUDIENCES:
        problems.append("audiences outside the closed list")
    objectives = meta.get("objectives") or []
    if not 1 <= len(objectives) <= 2:
        problems.append("objectives must be 1-2")
    for objective in objectives:
        if not isinstance(objective, str):
            problems.append(f"objective is not a string (quote it): {objective}")
        elif objective.split()[0].lower() not in VERBS:
            problems.append(f"objective does not start with a verb we use: {objective[:40]}")
    takeaway = meta.get("takeaway")
    if not isinstance(takeaway, str) or not takeaway.strip() or "\n" in takeaway.strip():
        problems.append("takeaway must be one non-empty line")
    place = meta.get("place") or {}
    if not place.get("country"):
        problems.append("place.country required")
    organisation = meta.get("organisation") or {}
    if organisation.get("type") not in ORG_TYPES or not organisation.get("name"):
        problems.append("organisation needs a name and a type from the closed list")
    if not meta.get("themes") or not set(meta["themes"]) <= THEMES:
        problems.append(f"themes outside the closed list: {set(meta.get('themes') or []) - THEMES}")
    own = path.stem.split("-", 1)[1]
    for link in meta.get("related") or []:
        if link.get("slug") not in slugs:
            problems.append(f"related slug does not exist: {link.get('slug')}")
        if link.get("slug") == own:
            problems.append("related names the lesson itself")
        if not (link.get("why") or "").strip():
            problems.append(f"related {link.get('slug')} has no why")
    model = meta.get("model") or {}
    if set(model) != {"actor", "problem", "tools", "preconditions", "results", "copy"}:
        problems.append(f"model keys: {sorted(model)}")
    for key in ("actor", "problem"):
        if not isinstance(model.get(key), str):
            problems.append(f"model.{key} must be a string")
    for key in ("tools", "preconditions", "results", "copy"):
        value = model.get(key)
        if not isinstance(value, list) or not 1 <= len(value) <= 5 or not all(isinstance(v, str) for v in value):
            problems.append(f"model.{key} must list 1-5 strings")
    found = sections(body)
    if [name for name, _ in found] != SECTIONS:
        problems.append(f"sections are {[name for name, _ in found]}")
    counts = {name: len(words(plain(text))) for name, text in found}
    total = sum(counts.values())
    low, high = (150, 300) if meta.get("snapshot") else (350, 550)
    if not low <= total <= high:
        problems.append(f"{total} words, expected {low}-{high}")
    expected_minutes = max(1, math.ceil(total / 150))
    if meta.get("minutes") != expected_minutes:
        problems.append(f"minutes {meta.get('minutes')}, words/150 rounded up is {expected_minutes}")
    return problems


def check_common(text: str, glossary: set[str], source_runs: set) -> list[str]:
    problems = [
        f"unknown glossary slug {s}" for s in re.findall(r"\(glossary:([a-z0-9-]+)\)", text) if s not in glossary
    ]
    if re.search(r"\bthe source\b|\baccording to the source\b", text, flags=re.I):
        problems.append('mentions "the source"')
    problems += [f"shared {RUN}+ word run: {run}" for run in shared_runs(text, source_runs)]
    return problems


def glossary_slugs(root: Path) -> set[str]:
    slugs = set()
    for path in sorted((root / "modules" / "glossary").glob("*.yml")):
        slugs |= {entry["slug"] for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []}
    return slugs


def main(argv: list[str]) -> int:
    source, *folders = argv
    root = Path(__file__).resolve().parent.parent
    source_runs = runs(Path(source).read_text(encoding="utf-8"))
    lesson_slugs = {p.stem.split("-", 1)[1] for p in root.glob("modules/[0-9]*/[0-9]*.md")}
    glossary = glossary_slugs(root)
    grades, exact, bad = [], [], 0
    print(f"{'file':58} {'words':>5} {'FK':>5} {'exact':>5} {'ease':>5}")
    for other in (Path(f) for f in folders if Path(f).is_file()):  # quiz banks, glossary files
        for problem in check_common(other.read_text(encoding="utf-8"), glossary, source_runs):
            print(f"{other}\n    ! {problem}")
            bad += 1
    for folder in (f for f in folders if Path(f).is_dir()):
        for path in sorted(Path(folder).glob("*.md")):
            meta, body = split(path.read_text(encoding="utf-8"))
            prose = plain(body)
            grade = textstat.flesch_kincaid_grade(prose)
            problems = check_common(path.read_text(encoding="utf-8"), glossary, source_runs)
            if path.name not in ("module.md", "synthesis.md"):
                grades.append(grade)
                exact.append(exact_grade(prose))
                problems += check_lesson(path, meta, body, lesson_slugs, glossary)
            ease = textstat.flesch_reading_ease(prose)
            print(f"{str(path):58} {len(words(prose)):5} {grade:5.1f} {exact_grade(prose):5.1f} {ease:5.1f}")
            for problem in problems:
                print(f"    ! {problem}")
            bad += len(problems)
    if grades:
        print(
            f"lessons: {len(grades)}, median grade {statistics.median(grades):.1f}, max {max(grades):.1f}"
            f" (exact: median {statistics.median(exact):.1f}, max {max(exact):.1f})"
        )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
