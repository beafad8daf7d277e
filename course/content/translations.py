"""Translated course content: sibling files next to the English ones (docs/content-format.md, "Translations").

`01-harbour.fr.md` translates `01-harbour.md`, `module.zh.md` translates `module.md`, `core.fr.yml` a glossary file,
`paths.fr.yml` the learning paths and `05-logistics.fr.gift` a question bank. English is the source: a translation
keeps the English structure and its data, and only its texts differ. This module finds the siblings, checks each
against its English file (problems as `path:line: message`) and returns the translated texts; the loaders call it
(`read_document_translations` for any markdown file with front matter, whatever keys its format has) and
`course/content/translation_sync.py` stores what it returns. Plain data in and out: no Flask, no database.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from course.content.errors import ContentError, ContentProblem
from course.content.frontmatter import Document, read_document
from course.content.glossary_links import find_glossary_links
from course.content.sections import headings
from course.content.yamlfile import LINE_KEY, clean, line_of, load_yaml
from course.languages import TRANSLATED_CONTENT
from course.questions.errors import QuestionFileError
from course.questions.files import read_question_file

# `stem.xx.ext`: a translation into language xx of `stem.ext`.
_SIBLING = re.compile(r"^(?P<stem>[^.]+(?:\.aiken)?)\.(?P<language>[a-z]{2})\.(?P<ext>md|yml|yaml|gift|txt|aiken)$")

# Front-matter keys that are data, not text: a translation repeats them unchanged or leaves them out (then the English
# value is used). A dotted key is a key inside a mapping; `[]` marks each item of a list.
DATA_KEYS = (
    "cases",
    "audiences",
    "minutes",
    "snapshot",
    "chapter",
    "study_time_minutes",
    "glossary",
    "themes",
    "organisation.type",
    "related[].slug",
)

Rel = Callable[[Path], str]


@dataclass
class TranslatedDocument:
    """One translation of a markdown file: its front matter (data keys filled in from the English) and body."""

    language: str
    path: str
    meta: dict
    body: str
    body_line: int


# --- file names --------------------------------------------------------------------------------------------------


def translation_language(name: str) -> str | None:
    """The language code of a translation's file name (`01-x.fr.md` → `fr`), or None for an English file."""
    match = _SIBLING.match(name)
    return match.group("language") if match else None


def english_name(name: str) -> str:
    """The English file a translation translates (`01-x.fr.md` → `01-x.md`)."""
    match = _SIBLING.match(name)
    return f"{match.group('stem')}.{match.group('ext')}" if match else name


def siblings(english_file: Path) -> dict[str, Path]:
    """The translations of an English file that exist, by language code, in the order of course/languages.py."""
    found = {}
    for language in TRANSLATED_CONTENT:
        candidate = english_file.with_name(f"{english_file.stem}.{language}{english_file.suffix}")
        if candidate.is_file():
            found[language] = candidate
    return found


def check_file_names(folder: Path, rel: Rel, problems: list[ContentProblem], recursive: bool = True) -> None:
    """Report translation files of an unknown language and translations without their English file."""
    files = folder.rglob("*") if recursive else folder.glob("*")
    for path in sorted(files):
        language = translation_language(path.name)
        if language is None or not path.is_file():
            continue
        if language not in TRANSLATED_CONTENT:
            known = ", ".join(TRANSLATED_CONTENT)
            hint = " (English is the source: drop the code)" if language == "en" else ""
            problems.append(ContentProblem(rel(path), 1, f"unknown language '{language}' (one of {known}){hint}"))
        elif not path.with_name(english_name(path.name)).is_file():
            message = f"a translation of '{english_name(path.name)}', which does not exist"
            problems.append(ContentProblem(rel(path), 1, message))


# --- markdown files with front matter (lessons, module pages, syntheses) -----------------------------------------


def read_document_translations(
    english_file: Path, english: Document, rel: Rel, problems: list[ContentProblem]
) -> dict[str, TranslatedDocument]:
    """Every translation of a markdown file, checked against its English `Document`; problems are collected."""
    found = {}
    for language, path in siblings(english_file).items():
        try:
            translated = read_document(path.read_text(encoding="utf-8"), rel(path))
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        before = len(problems)
        meta = _merge_meta(english, translated, problems)
        _check_body(english, translated, problems)
        if len(problems) == before:
            found[language] = TranslatedDocument(language, translated.path, meta, translated.body, translated.body_line)
    return found


def _merge_meta(english: Document, translated: Document, problems: list[ContentProblem]) -> dict:
    """The translation's front matter with its data keys checked against (or taken from) the English."""
    where = _Where(translated.path, translated.meta_offset, problems)
    return where.merge(english.meta, translated.meta, "")


class _Where:
    """Compares an English value with its translation, reporting problems at the translation's lines."""

    def __init__(self, path: str, offset: int, problems: list[ContentProblem]):
        self.path, self.offset, self.problems = path, offset, problems

    def fail(self, mapping, key: str, message: str) -> None:
        self.problems.append(ContentProblem(self.path, line_of(mapping, key, self.offset), message))

    def merge(self, english: dict, translated: dict, prefix: str) -> dict:
        merged = {}
        for key in translated:
            if key != LINE_KEY and key not in english:
                self.fail(translated, key, f"'{prefix}{key}' is not in the English file")
        for key, value in english.items():
            if key == LINE_KEY:
                continue
            name = f"{prefix}{key}"
            if name in DATA_KEYS:
                if key in translated and clean(translated[key]) != clean(value):
                    shown = clean(value)
                    self.fail(
                        translated,
                        key,
                        f"'{name}' is data, not text: write it as in English ({shown!r}) or leave it out",
                    )
                merged[key] = clean(value)
            elif key not in translated:
                self.fail(translated, "", f"'{name}' is missing: translate the English '{name}'")
            else:
                merged[key] = self.same_shape(value, translated[key], name, translated)
        return merged

    def same_shape(self, english, translated, name: str, holder: dict):
        """The translated value, when it has the English value's shape (text for text, as many list items...)."""
        key = name.rsplit(".", 1)[-1].split("[")[0]
        if isinstance(english, dict):
            if not isinstance(translated, dict):
                self.fail(holder, key, f"'{name}' must be a mapping, as in English")
                return clean(english)
            return self.merge(english, translated, f"{name}.")
        if isinstance(english, list):
            if not isinstance(translated, list) or len(translated) != len(english):
                count = len(translated) if isinstance(translated, list) else "no"
                self.fail(holder, key, f"'{name}' has {count} items; the English has {len(english)}")
                return clean(english)
            return [self.same_shape(e, t, f"{name}[]", holder) for e, t in zip(english, translated, strict=True)]
        if isinstance(english, str) != isinstance(translated, str) or not isinstance(translated, (str, int, float)):
            self.fail(holder, key, f"'{name}' must be text, as in English")
            return english
        if isinstance(translated, str) and english.strip() and not translated.strip():
            self.fail(holder, key, f"'{name}' is empty")
        return translated


def _check_body(english: Document, translated: Document, problems: list[ContentProblem]) -> None:
    """The same number of `##` sections (headings translated, matched by position) and the same glossary links."""
    english_sections = [title for level, title, _ in headings(english.body, english.body_line) if level == 2]
    found = [(title, line) for level, title, line in headings(translated.body, translated.body_line) if level == 2]
    if len(found) != len(english_sections):
        problems.append(
            ContentProblem(
                translated.path,
                translated.body_line,
                f"{len(found)} '##' sections; the English has {len(english_sections)} "
                f"({' / '.join(english_sections)}): keep them all, in the same order",
            )
        )
    english_links = {slug for slug, _ in find_glossary_links(english.body, english.body_line)}
    links = find_glossary_links(translated.body, translated.body_line)
    for slug, line in links:
        if slug not in english_links:
            problems.append(ContentProblem(translated.path, line, f"glossary link '{slug}' is not in the English text"))
    missing = english_links - {slug for slug, _ in links}
    if missing:
        names = ", ".join(sorted(missing))
        problems.append(ContentProblem(translated.path, translated.body_line, f"glossary links missing: {names}"))


# --- glossary files and paths.yml --------------------------------------------------------------------------------


def read_glossary_translations(
    english_file: Path, english_slugs: list[str], rel: Rel, problems: list[ContentProblem]
) -> dict[str, dict[str, tuple[str, str]]]:
    """{language: {slug: (term, definition)}} of a glossary file's translations: exactly the English slugs."""
    return _keyed_translations(
        english_file,
        english_slugs,
        rel,
        problems,
        keys=("term", "definition"),
        shape="a glossary translation must be a list of {slug, term, definition}",
        unknown=f"is not a term of {english_file.name}",
        missing="terms missing",
    )


def read_path_translations(
    english_file: Path, english_slugs: list[str], rel: Rel, problems: list[ContentProblem]
) -> dict[str, dict[str, tuple[str, str]]]:
    """{language: {slug: (title, description)}} of paths.yml's translations (slug, title and description only)."""
    return _keyed_translations(
        english_file,
        english_slugs,
        rel,
        problems,
        keys=("title", "description"),
        optional=("description",),
        shape="a paths translation must be a list of {slug, title, description}",
        unknown="is not a learning path of paths.yml",
        missing="learning paths missing",
        twice_allowed=True,
    )


def _keyed_translations(
    english_file: Path,
    english_slugs: list[str],
    rel: Rel,
    problems: list[ContentProblem],
    *,
    keys: tuple[str, ...],
    shape: str,
    unknown: str,
    missing: str,
    optional: tuple[str, ...] = (),
    twice_allowed: bool = False,
) -> dict[str, dict[str, tuple[str, ...]]]:
    """{language: {slug: texts of `keys`}} of a list file's translations, each entry a slug of the English file,
    every English slug translated; a language with a problem is left out (its problems are reported)."""
    found = {}
    for language, path in siblings(english_file).items():
        items = _yaml_list(path, rel, problems, shape)
        if items is None:
            continue
        entries = {}
        before = len(problems)
        for item in items:
            entry = _texts(item, keys, rel(path), problems, optional=optional)
            if entry is not None:
                slug, texts, line = entry
                if slug in entries and not twice_allowed:
                    problems.append(ContentProblem(rel(path), line, f"'{slug}' is translated twice"))
                elif slug not in english_slugs:
                    problems.append(ContentProblem(rel(path), line, f"'{slug}' {unknown}"))
                entries[slug] = texts
        absent = [slug for slug in english_slugs if slug not in entries]
        if absent:
            problems.append(ContentProblem(rel(path), 1, f"{missing}: {', '.join(absent)}"))
        if len(problems) == before:
            found[language] = entries
    return found


def _yaml_list(path: Path, rel: Rel, problems: list[ContentProblem], what: str) -> list | None:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"), rel(path)) or []
    except ContentError as exc:
        problems.extend(exc.problems)
        return None
    if not isinstance(data, list):
        problems.append(ContentProblem(rel(path), 1, what))
        return None
    return data


def _texts(item, keys: tuple[str, ...], where: str, problems, optional: tuple[str, ...] = ()):
    """(slug, (texts of `keys`), line) of one translated entry, or None after reporting what is wrong."""
    if not isinstance(item, dict) or not isinstance(item.get("slug"), str):
        problems.append(
            ContentProblem(where, line_of(item) if isinstance(item, dict) else 1, "each entry needs a slug")
        )
        return None
    allowed = {"slug", *keys, LINE_KEY}
    for key in item:
        if key not in allowed:
            problems.append(
                ContentProblem(where, line_of(item, key), f"'{key}' is not translated here (only {', '.join(keys)})")
            )
    texts = []
    for key in keys:
        value = item.get(key)
        if not isinstance(value, str) or not value.strip():
            if key in optional and value is None:
                texts.append("")
                continue
            problems.append(ContentProblem(where, line_of(item, key), f"'{key}' must be a translated text"))
            return None
        texts.append(value.strip())
    return item["slug"], tuple(texts), line_of(item)


# --- question banks ----------------------------------------------------------------------------------------------


def read_bank_translations(folder: Path, english: dict[str, list]) -> dict[str, dict[str, list]]:
    """{bank: {language: questions}} of the question files' translations (`05-logistics.fr.gift`), each checked
    against its English bank; ContentError lists every problem."""
    problems: list[ContentProblem] = []
    check_file_names(folder, lambda p: f"{folder.name}/{p.name}", problems, recursive=False)
    found: dict[str, dict[str, list]] = {}
    for path in sorted(folder.glob("*")):
        bank_name = english_name(path.name).split(".")[0]
        language = translation_language(path.name)
        if language not in TRANSLATED_CONTENT or bank_name not in english:
            continue
        where = f"{folder.name}/{path.name}"
        try:
            text = path.read_text(encoding="utf-8-sig")
            questions = read_question_file(text, where).questions
        except QuestionFileError as exc:
            problems += [ContentProblem(name, line, message) for name, line, message in exc.errors]
            continue
        except UnicodeDecodeError:
            problems.append(ContentProblem(where, 1, "the file is not UTF-8 text"))
            continue
        differences = question_translation_problems(english[bank_name], questions, where, text)
        problems += differences
        if not differences:
            found.setdefault(bank_name, {})[language] = questions
    if problems:
        raise ContentError(problems)
    return found


def question_translation_problems(english: list, translated: list, where: str, text: str) -> list[ContentProblem]:
    """What keeps a translated bank from being the same questions as the English one: same order, `::name::`,
    `$CATEGORY`, type, options (count, order, fractions), numbers and matching pairs; only texts may differ."""
    problems: list[ContentProblem] = []
    lines = _name_lines(text)
    if len(translated) != len(english):
        problems.append(ContentProblem(where, 1, f"{len(translated)} questions; the English file has {len(english)}"))
    for english_question, question in zip(english, translated, strict=False):
        line = lines.get(question.name, 1)
        for message in _question_differences(english_question, question):
            problems.append(ContentProblem(where, line, f"question '{question.name}': {message}"))
    return problems


def _name_lines(text: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = re.match(r"\s*::(.+?)::", line)
        if match:
            found.setdefault(match.group(1).strip(), number)
    return found


def _question_differences(english, translated) -> list[str]:
    if translated.name != english.name:
        return [f"the English question here is '{english.name}' (same questions, same order, same ::names::)"]
    if translated.category != english.category:
        return [f"category '{translated.category}'; the English has '{english.category}'"]
    if translated.type != english.type:
        return [f"a {translated.type} question; the English is a {english.type} question"]
    return [message for check in _CHECKS.get(english.type, ()) if (message := check(english, translated))]


def _same_fractions(parts: str):
    def check(english, translated) -> str:
        ours, theirs = getattr(english, parts), getattr(translated, parts)
        if len(theirs) != len(ours):
            return f"{len(theirs)} {parts}; the English has {len(ours)}"
        if [p.fraction for p in theirs] != [p.fraction for p in ours]:
            return f"the {parts}' marks (=, ~, %n%) differ from the English, in order: keep them as they are"
        return ""

    return check


def _same_answer(english, translated) -> str:
    return "" if translated.answer == english.answer else "the true/false answer differs from the English"


def _same_numbers(english, translated) -> str:
    def numbers(question):
        return [(a.value, a.tolerance, a.low, a.high, a.fraction) for a in question.answers]

    return "" if numbers(translated) == numbers(english) else "the accepted numbers differ from the English"


def _same_case_rule(english, translated) -> str:
    return "" if translated.case_sensitive == english.case_sensitive else "case sensitivity differs from the English"


def _same_pairs(english, translated) -> str:
    def pattern(question):
        ids = {text: index for index, text in enumerate(dict.fromkeys(p.answer for p in question.pairs))}
        return [(bool(p.text), ids[p.answer]) for p in question.pairs]

    if len(translated.pairs) != len(english.pairs):
        return f"{len(translated.pairs)} pairs; the English has {len(english.pairs)}"
    return "" if pattern(translated) == pattern(english) else "the pairs do not match the English pairs, in order"


_CHECKS = {
    "single": (_same_fractions("options"),),
    "multi": (_same_fractions("options"),),
    "truefalse": (_same_answer,),
    "short": (_same_fractions("answers"), _same_case_rule),
    "numerical": (_same_numbers,),
    "matching": (_same_pairs,),
}
