"""Check translated course content (sibling files, issues 14 and 16) against the English.

Usage (standard library and PyYAML only):

    python3 scripts/check_translations.py [--root DIR] [--lang zh] [--require] [FILE ...]

For every English file under `modules/` and `quizzes/` that has a sibling translation
(`01-guangzhou-cpa.zh.md`, `ch01-03.zh.yml`, `01-government-planning.zh.gift`, `paths.zh.yml`) it
compares the two and prints `path: message` for each problem:

- lessons, module pages, syntheses: the data keys of the front matter are identical (or omitted),
  the text keys are present, lists keep their length, the body has the same number of `##` and
  `###` sections, the same links (`glossary:`, `http…`) and the same figures;
- glossaries: the same slugs (in any order), the same figures in each entry;
- quiz banks: the same `$CATEGORY` lines, question names in the same order, the same type, format
  and keys (`=`/`~` markers, `%n%` weights, numerical answers, T/F, number of matching pairs),
  the same figures in each question;
- paths: the same slugs, a title and a description for each;
- everywhere: no paragraph or text left in English (zh, ar, ru: a text of four or more Latin-script
  words with no character of the target script; fr, es: a text of six or more words with more
  English than target-language function words). Names and codes are short and pass.

Figures are compared by value, so "3.7 billion yuan" matches "37亿元" and "3,7 milliards"; a small
whole number (up to 12) that only the translation has is accepted, since English spells such
numbers out ("nine years", "in March").
Given FILE arguments (English files or their siblings), only those are checked. `--require` also
reports every English file that has no sibling in the language(s) checked. Exit status 1 when a
problem is found.
"""

from __future__ import annotations

import argparse
import re
import sys
from decimal import Decimal
from pathlib import Path

import yaml

LANGUAGES = ("zh", "fr", "es", "ar", "ru")
DATA_KEYS = ("cases", "audiences", "minutes", "snapshot", "chapter", "study_time_minutes", "glossary", "themes")
TEXT_KEYS = ("title", "summary", "objectives", "takeaway", "model", "data_note")
SMALL_WHOLE = 12
SHARED_UNITS = (0, 3, 4, 6, 8, 9, 12, -3, -4, -6, -8, -9, -12)  # thousand, 万, million, 亿, billion, trillion

SCRIPT = {
    "zh": re.compile(r"[\u3400-\u9fff\uf900-\ufaff]"),
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
}
FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "is", "are", "with", "for", "that", "this", "it", "was", "which", "from"},
    "fr": {"le", "la", "les", "et", "des", "du", "est", "sont", "avec", "pour", "que", "qui", "une", "dans"},
    "es": {"el", "la", "los", "las", "y", "del", "es", "son", "con", "para", "que", "una", "en", "por"},
}
MULTIPLIERS = {
    "en": {"thousand": 3, "million": 6, "billion": 9, "trillion": 12},
    "fr": {"mille": 3, "million": 6, "millions": 6, "milliard": 9, "milliards": 9, "billion": 12, "billions": 12},
    "es": {"mil": 3, "millón": 6, "millones": 6, "billón": 12, "billones": 12},
    "zh": {"万亿": 12, "亿": 8, "万": 4},
    "ar": {"ألف": 3, "مليون": 6, "مليار": 9},
    "ru": {"тыс.": 3, "млн": 6, "млрд": 9, "трлн": 12},
}
# Digits with "1,234" grouping (en, zh, ar) or "1 234" grouping and a decimal comma (fr, es, ru).
POINT_NUMBER = r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d])"
COMMA_NUMBER = r"(?<![\d,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?(?![\d])"
LINK = re.compile(r"\]\(([^)\s]+)\)")
URL = re.compile(r"https?://\S+")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


class Report:
    """Problems found, printed as `path: message`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[str] = []

    def add(self, path: Path, message: str) -> None:
        self.problems.append(f"{path.relative_to(self.root)}: {message}")


# ---- figures, links and untranslated texts ------------------------------------------------


def figures(text: str, lang: str) -> set[Decimal]:
    """The numbers in a text, by value (multipliers such as 'million' or 亿 applied)."""
    text = URL.sub(" ", LINK.sub("]", text))
    words = MULTIPLIERS.get(lang, {}) | (MULTIPLIERS["en"] if lang != "en" else {})
    pattern = COMMA_NUMBER if lang in ("fr", "es", "ru") else POINT_NUMBER
    unit = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    found = set()
    for match in re.finditer(pattern + rf"(?:\s?多?({unit})(?![A-Za-z]))?", text):
        whole = re.sub(r"[ ,\u00a0\u202f]", "", match.group(1))
        value = Decimal(whole + ("." + match.group(2) if match.group(2) else ""))
        if match.group(3):
            value *= Decimal(10) ** words[match.group(3)]
        found.add(value.normalize())
    return found


def compare_figures(report: Report, path: Path, where: str, english: str, translated: str, lang: str) -> None:
    """Every figure of the English is in the translation, and no figure is added."""
    source, target = figures(english, "en"), figures(translated, lang)
    missing = sorted(v for v in source if not _scaled_in(v, target))
    extra = sorted(
        v for v in target if not _scaled_in(v, source) and not (v == v.to_integral_value() and 0 <= v <= SMALL_WHOLE)
    )
    if missing:
        report.add(path, f"{where}: figures missing in the translation: {', '.join(map(_plain, missing))}")
    if extra:
        report.add(path, f"{where}: figures not in the English: {', '.join(map(_plain, extra))}")


def _scaled_in(value: Decimal, others: set[Decimal]) -> bool:
    """True when `others` holds the value, or the value times a unit that one side left out.

    "from 22.3 to 40 billion yuan" shares one "billion" between two figures, which a translation
    writes out twice ("从223亿元到400亿元"); powers of ten that are no unit (10, 100) never match.
    """
    return any(value * Decimal(10) ** power in others for power in SHARED_UNITS)


def _plain(value: Decimal) -> str:
    return format(value, "f")


def links(text: str) -> set[str]:
    """Link targets (glossary:slug, lesson:slug, URLs)."""
    return set(LINK.findall(text))


def untranslated(text: str, lang: str) -> bool:
    """True when a text still reads as English in a translation into `lang`."""
    text = URL.sub(" ", re.sub(r"`[^`]*`", " ", LINK.sub("]", text)))
    words = LATIN_WORD.findall(text)
    if lang in SCRIPT:
        return len(words) >= 4 and not SCRIPT[lang].search(text)
    lowered = [w.lower() for w in words]
    english = sum(w in FUNCTION_WORDS["en"] for w in lowered)
    own = sum(w in FUNCTION_WORDS.get(lang, set()) for w in lowered)
    return len(words) >= 6 and english > own


def paragraphs(body: str) -> list[str]:
    """Blocks of a markdown body: paragraphs, list items, table rows and quotes, one by one."""
    blocks, current = [], []
    for line in body.splitlines():
        stripped = line.strip()
        starts_item = re.match(r"([-*+]|\d+\.|>|\|)\s?", stripped) is not None
        if not stripped or stripped.startswith("#") or starts_item:
            if current:
                blocks.append(" ".join(current))
            current = []
            if stripped.startswith("|"):
                blocks.extend(cell for cell in stripped.strip("|").split("|") if cell.strip())
            elif stripped and not stripped.startswith("#"):
                current = [stripped]
            continue
        current.append(stripped)
    if current:
        blocks.append(" ".join(current))
    return blocks


def check_texts(report: Report, path: Path, where: str, texts: list[str], lang: str) -> None:
    for text in texts:
        if untranslated(text, lang):
            report.add(path, f"{where}: left in English: {text[:70]!r}")


# ---- markdown files (lessons, module pages, syntheses) --------------------------------------


def split_markdown(text: str) -> tuple[dict, str]:
    if not text.startswith("---"):
        return {}, text
    _, front, body = text.split("---", 2)
    return yaml.safe_load(front) or {}, body


def strings(value) -> list[str]:
    """Every string inside a YAML value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    return []


def shape(value):
    """The structure of a YAML value: dict keys and list lengths, not the texts."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(item) for item in value]
    return type(value).__name__ if not isinstance(value, str) else "str"


def check_front_matter(report: Report, path: Path, english: dict, translated: dict, lang: str) -> None:
    for key in translated.keys() - english.keys():
        report.add(path, f"front matter: key {key!r} is not in the English file")
    for key in DATA_KEYS:
        if key in translated and translated[key] != english.get(key):
            report.add(path, f"front matter: {key} differs from the English ({translated[key]!r})")
    for key in TEXT_KEYS:
        if key in english and key not in translated:
            report.add(path, f"front matter: text key {key!r} is missing")
        elif key in english and shape(english[key]) != shape(translated[key]):
            report.add(path, f"front matter: {key} does not have the English structure (items or keys)")
    org, english_org = translated.get("organisation"), english.get("organisation")
    if org is not None and isinstance(english_org, dict):
        if org.get("type") != english_org.get("type"):
            report.add(path, "front matter: organisation.type differs from the English")
        if not org.get("name"):
            report.add(path, "front matter: organisation.name is missing")
    if "place" in translated and isinstance(english.get("place"), dict):
        if set(translated["place"]) != set(english["place"]) or not translated["place"].get("country"):
            report.add(path, "front matter: place needs the English keys and a country")
    if "related" in translated:
        english_slugs = [item.get("slug") for item in english.get("related") or []]
        slugs = [item.get("slug") for item in translated["related"] or []]
        if slugs != english_slugs:
            report.add(path, f"front matter: related slugs differ from the English ({slugs})")
        check_texts(report, path, "related", [item.get("why", "") for item in translated["related"] or []], lang)
    texts = [s for key in TEXT_KEYS for s in strings(translated.get(key))]
    check_texts(report, path, "front matter", texts, lang)


def front_text(front: dict) -> str:
    keys = [*TEXT_KEYS, "related"]
    return "\n".join(s for key in keys for s in strings(front.get(key)) if not re.fullmatch(r"[a-z0-9-]+", s))


def check_markdown(report: Report, english_path: Path, path: Path, lang: str) -> None:
    english, body = split_markdown(english_path.read_text(encoding="utf-8"))
    translated, translated_body = split_markdown(path.read_text(encoding="utf-8"))
    check_front_matter(report, path, english, translated, lang)
    for level in ("## ", "### "):
        count, english_count = _headings(translated_body, level), _headings(body, level)
        if count != english_count:
            report.add(path, f"body: {count} '{level.strip()}' sections, the English has {english_count}")
    if links(translated_body) != links(body):
        only_en, only_tr = links(body) - links(translated_body), links(translated_body) - links(body)
        report.add(path, f"body: links differ (only in English: {sorted(only_en)}; only here: {sorted(only_tr)})")
    compare_figures(report, path, "front matter", front_text(english), front_text(translated), lang)
    compare_figures(report, path, "body", body, translated_body, lang)
    check_texts(report, path, "body", paragraphs(translated_body), lang)


def _headings(body: str, level: str) -> int:
    return sum(1 for line in body.splitlines() if line.startswith(level))


# ---- glossaries and paths ------------------------------------------------------------------------


def check_glossary(report: Report, english_path: Path, path: Path, lang: str) -> None:
    english = yaml.safe_load(english_path.read_text(encoding="utf-8")) or []
    translated = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    slugs, english_slugs = [e.get("slug") for e in translated], [e.get("slug") for e in english]
    # The same slugs, each once; the order may differ (merges append terms in different orders).
    if sorted(slugs) != sorted(english_slugs):
        missing, extra = set(english_slugs) - set(slugs), set(slugs) - set(english_slugs)
        twice = sorted({slug for slug in slugs if slugs.count(slug) > 1})
        report.add(
            path, f"slugs differ from the English (missing {sorted(missing)}, extra {sorted(extra)}, twice {twice})"
        )
    by_slug = {e.get("slug"): e for e in english}
    for entry in translated:
        source = by_slug.get(entry.get("slug"))
        if source is None:
            continue
        where = f"glossary {entry.get('slug')}"
        if not entry.get("term") or not entry.get("definition"):
            report.add(path, f"{where}: term or definition is missing")
            continue
        check_texts(report, path, where, [entry["term"], entry["definition"]], lang)
        english_text = source.get("term", "") + "\n" + source.get("definition", "")
        compare_figures(report, path, where, english_text, entry["term"] + "\n" + entry["definition"], lang)


def check_paths(report: Report, english_path: Path, path: Path, lang: str) -> None:
    english = yaml.safe_load(english_path.read_text(encoding="utf-8")) or []
    translated = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if [p.get("slug") for p in translated] != [p.get("slug") for p in english]:
        report.add(path, "path slugs differ from the English (same paths, same order)")
    for entry in translated:
        extra = set(entry) - {"slug", "title", "description"}
        if extra:
            report.add(
                path, f"path {entry.get('slug')}: only slug, title and description belong here ({sorted(extra)})"
            )
        check_texts(
            report, path, f"path {entry.get('slug')}", [entry.get("title", ""), entry.get("description", "")], lang
        )


# ---- quiz banks (GIFT) ---------------------------------------------------------------------------


def unescaped_split(text: str, markers: str) -> list[tuple[str, str]]:
    """Split at unescaped marker characters: [(marker or '', text after it), ...]."""
    parts, current, marker, i = [], [], "", 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if char in markers:
            parts.append((marker, "".join(current)))
            current, marker = [], char
        else:
            current.append(char)
        i += 1
    parts.append((marker, "".join(current)))
    return parts


def unescaped_positions(text: str, char: str) -> list[int]:
    """Where `char` occurs in a GIFT text without a backslash before it."""
    found, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == char:
            found.append(i)
        i += 1
    return found


def gift_blocks(text: str) -> list[str]:
    """Questions and $CATEGORY lines of a GIFT file, comments left out."""
    lines = [line for line in text.splitlines() if not line.strip().startswith("//")]
    return [block.strip() for block in re.split(r"\n\s*\n", "\n".join(lines)) if block.strip()]


def parse_question(block: str) -> dict:
    """Name, format, type, keys and texts of one GIFT question (enough to compare translations)."""
    name, rest = "", block
    if rest.startswith("::"):
        end = rest.find("::", 2)
        name, rest = rest[2:end], rest[end + 2 :]
    fmt = ""
    match = re.match(r"\s*\[(\w+)\]", rest)
    if match:
        fmt, rest = match.group(1), rest[match.end() :]
    openings, closings = unescaped_positions(rest, "{"), unescaped_positions(rest, "}")
    if not openings or not closings:
        return {"name": name, "format": fmt, "type": "description", "keys": [], "texts": [rest.strip()]}
    opening, closing = openings[0], closings[-1]
    body = rest[opening + 1 : closing].strip()
    texts = [rest[:opening], rest[closing + 1 :]]
    body, _, general = body.partition("####")
    texts.append(general)
    kind, keys = _answer_keys(body, texts)
    return {"name": name, "format": fmt, "type": kind, "keys": keys, "texts": [t.strip() for t in texts if t.strip()]}


def _answer_keys(body: str, texts: list[str]) -> tuple[str, list]:
    if not body:
        return "essay", []
    if re.fullmatch(r"(T|F|TRUE|FALSE)(#.*)?", body, re.S):
        answer, *feedback = body.split("#")
        texts.extend(feedback)
        return "truefalse", [answer[0]]
    if body.startswith("#"):
        keys = []
        for marker, part in unescaped_split(body[1:], "="):
            answer, *feedback = (text for _, text in unescaped_split(part, "#"))
            if answer.strip():
                keys.append((marker, answer.strip()))
            texts.extend(feedback)
        return "numerical", keys
    options = [(marker, part) for marker, part in unescaped_split(body, "=~") if marker]
    keys, matching = [], False
    for marker, part in options:
        weighted = re.match(r"\s*(%-?[\d.]+%)?(.*)", part, re.S)
        weight = weighted.group(1) or ""
        answer, *feedback = (text for _, text in unescaped_split(weighted.group(2), "#"))
        feedback = "#".join(feedback)
        if "->" in answer:
            matching = True
            left, _, right = answer.partition("->")
            texts.extend([left, right])
        else:
            texts.append(answer)
        texts.append(feedback)
        keys.append((marker, weight))
    if matching:
        return "matching", [len(options)]
    return ("shortanswer" if all(m == "=" for m, _ in options) else "choice"), keys


def check_gift(report: Report, english_path: Path, path: Path, lang: str) -> None:
    english = gift_blocks(english_path.read_text(encoding="utf-8"))
    translated = gift_blocks(path.read_text(encoding="utf-8"))
    if len(english) != len(translated):
        report.add(path, f"{len(translated)} questions and category lines, the English has {len(english)}")
    for source_block, block in zip(english, translated, strict=False):
        if source_block.startswith("$CATEGORY") or block.startswith("$CATEGORY"):
            if source_block != block:
                report.add(path, f"category line differs: {block!r} (English {source_block!r})")
            continue
        source, question = parse_question(source_block), parse_question(block)
        where = f"question {source['name']!r}"
        if question["name"] != source["name"]:
            report.add(path, f"{where}: the translation has the name {question['name']!r} here")
            continue
        for field in ("format", "type", "keys"):
            if question[field] != source[field]:
                report.add(path, f"{where}: {field} differs ({question[field]!r}, English {source[field]!r})")
        check_texts(report, path, where, question["texts"], lang)
        compare_figures(report, path, where, "\n".join(source["texts"]), "\n".join(question["texts"]), lang)


# ---- walking the tree ----------------------------------------------------------------------------


def english_files(root: Path) -> list[Path]:
    candidates = [*root.glob("modules/**/*.md"), *root.glob("modules/**/*.yml"), *root.glob("quizzes/*.gift")]
    return sorted(p for p in candidates if not _language_of(p))


def _language_of(path: Path) -> str:
    parts = path.name.split(".")
    return parts[-2] if len(parts) >= 3 and parts[-2] in LANGUAGES else ""


def sibling(path: Path, lang: str) -> Path:
    return path.with_name(f"{path.stem}.{lang}{path.suffix}")


def checker(path: Path):
    if path.suffix == ".md":
        return check_markdown
    if path.suffix == ".gift":
        return check_gift
    if path.name == "paths.yml":
        return check_paths
    if path.parent.name == "glossary":
        return check_glossary
    return None  # course.yml and other settings files have nothing to translate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--lang", action="append", choices=LANGUAGES, help="language(s) to check (default: all)")
    parser.add_argument("--require", action="store_true", help="report English files that have no sibling")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    root, languages = args.root.resolve(), args.lang or list(LANGUAGES)
    report = Report(root)
    if args.files:
        chosen = {_english_of(f.resolve()) for f in args.files}
    else:
        chosen = set(english_files(root))
    checked = 0
    for english_path in sorted(chosen):
        check = checker(english_path)
        for lang in languages:
            translated = sibling(english_path, lang)
            if check is None:
                continue
            if not translated.exists():
                if args.require:
                    report.add(translated, "missing: the English file has no translation")
                continue
            check(report, english_path, translated, lang)
            checked += 1
    for problem in report.problems:
        print(problem)
    print(f"{checked} translated files checked, {len(report.problems)} problems")
    return 1 if report.problems else 0


def _english_of(path: Path) -> Path:
    lang = _language_of(path)
    return path.with_name(path.name.replace(f".{lang}.", ".")) if lang else path


if __name__ == "__main__":
    sys.exit(main())
