"""Read the content folder (modules, lessons, glossary, paths) into plain data."""

from __future__ import annotations

import re
from pathlib import Path

from course.content.assignment import ASSIGNMENT_FILE, read_assignment
from course.content.chapters import holds_cases
from course.content.errors import ContentError, ContentProblem
from course.content.fields import FieldReader
from course.content.figures import FIGURES_DIR, read_figures
from course.content.frontmatter import read_document
from course.content.glossary_links import find_glossary_links
from course.content.lesson import read_lesson
from course.content.model import CourseContent, GlossaryEntry, LessonDoc, ModuleDoc
from course.content.paths import read_paths
from course.content.synthesis import SYNTHESIS_FILE, read_synthesis
from course.content.translations import (
    check_file_names,
    read_document_translations,
    read_glossary_translations,
    read_path_translations,
    translation_language,
)
from course.content.validate import validate_course
from course.content.yamlfile import line_of, load_yaml

MODULE_DIR = re.compile(r"^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")
LESSON_FILE = re.compile(r"^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
NOT_LESSONS = {"module.md", SYNTHESIS_FILE, ASSIGNMENT_FILE}


def load_course(content_dir: str | Path) -> CourseContent:
    """Read and validate the whole course; raise ContentError listing every problem."""
    root = Path(content_dir)
    problems: list[ContentProblem] = []
    if not root.is_dir():
        raise ContentError([ContentProblem(str(root), 1, "content folder not found")])
    settings = _read_settings(root, problems)
    check_file_names(root, lambda p: _rel(p, root), problems)
    modules = [m for m in (_read_module(d, root, problems) for d in _module_dirs(root, problems)) if m]
    glossary = _read_glossary(root, problems)
    paths = read_paths(root / "paths.yml", root, problems)
    _read_path_translations(root, paths, problems)
    course = CourseContent(modules, glossary, paths, settings.get("case_count"), read_figures(root, problems))
    if not problems:
        validate_course(course, problems)
    if problems:
        raise ContentError(problems)
    return course


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def _read_settings(root: Path, problems: list[ContentProblem]) -> dict:
    path = root / "course.yml"
    if not path.exists():
        return {}
    try:
        data = load_yaml(path.read_text(encoding="utf-8"), _rel(path, root)) or {}
    except ContentError as exc:
        problems.extend(exc.problems)
        return {}
    reader = FieldReader(data, _rel(path, root), 0, problems)
    return {"case_count": reader.integer("case_count", required=False, minimum=1) or None}


def _module_dirs(root: Path, problems: list[ContentProblem]) -> list[Path]:
    dirs = []
    for entry in sorted(root.iterdir()):
        if not entry.is_dir() or entry.name in {"glossary", FIGURES_DIR} or entry.name.startswith((".", "_")):
            continue
        if MODULE_DIR.match(entry.name):
            dirs.append(entry)
        else:
            problems.append(ContentProblem(_rel(entry, root), 1, "module folder names must look like 'NN-slug'"))
    return dirs


def _read_module(folder: Path, root: Path, problems: list[ContentProblem]) -> ModuleDoc | None:
    position, slug = MODULE_DIR.match(folder.name).groups()
    path = folder / "module.md"
    rel = _rel(path, root)
    if not path.exists():
        problems.append(ContentProblem(rel, 1, "module.md is missing"))
        return None
    try:
        doc = read_document(path.read_text(encoding="utf-8"), rel)
    except ContentError as exc:
        problems.extend(exc.problems)
        return None
    f = FieldReader(doc.meta, rel, doc.meta_offset, problems)
    objectives = f.items("objectives", str)
    if objectives and not 3 <= len(objectives) <= 5:
        f.fail("objectives", f"a module needs 3 to 5 learning objectives, found {len(objectives)}")
    module = ModuleDoc(
        slug=slug,
        title=f.text("title"),
        chapter=f.integer("chapter", minimum=0),
        position=int(position),
        summary=f.text("summary"),
        objectives=objectives,
        study_minutes=f.integer("study_time_minutes", minimum=1),
        glossary=f.items("glossary", str, required=False),
        overview=doc.body,
        path=rel,
        glossary_line=f.line("glossary"),
        glossary_links=find_glossary_links(doc.body, doc.body_line),
        translations=read_document_translations(path, doc, lambda p: _rel(p, root), problems),
    )
    if not doc.body.strip():
        problems.append(ContentProblem(rel, doc.body_line, "the module overview is empty"))
    files = _lesson_files(folder, root, problems)
    module.lessons = [lesson for lesson in (_read_lesson(p, root, module.chapter, problems) for p in files) if lesson]
    assignment = folder / ASSIGNMENT_FILE
    module.assignment = read_assignment(assignment, _rel(assignment, root), problems)
    synthesis = folder / SYNTHESIS_FILE
    if holds_cases(module.chapter):
        module.synthesis = read_synthesis(synthesis, _rel(synthesis, root), problems)
        if module.synthesis is not None:
            module.synthesis.translations = _document_translations(synthesis, root, problems)
    elif synthesis.exists():
        problems.append(
            ContentProblem(_rel(synthesis, root), 1, "the opening and capstone modules have no synthesis page")
        )
    return module


def _lesson_files(folder: Path, root: Path, problems: list[ContentProblem]) -> list[Path]:
    files = []
    for entry in sorted(folder.iterdir()):
        if entry.name in NOT_LESSONS or entry.name.startswith(".") or translation_language(entry.name):
            continue  # translations are read with their English file
        if entry.is_file() and LESSON_FILE.match(entry.name):
            files.append(entry)
        else:
            problems.append(ContentProblem(_rel(entry, root), 1, "lesson files must be named 'NN-slug.md'"))
    return files


def _read_lesson(path: Path, root: Path, chapter: int, problems: list[ContentProblem]) -> LessonDoc | None:
    position, slug = LESSON_FILE.match(path.name).groups()
    rel = _rel(path, root)
    try:
        doc = read_document(path.read_text(encoding="utf-8"), rel)
    except ContentError as exc:
        problems.extend(exc.problems)
        return None
    lesson = read_lesson(doc, slug, int(position), chapter, problems)
    lesson.translations = read_document_translations(path, doc, lambda p: _rel(p, root), problems)
    return lesson


def _document_translations(path: Path, root: Path, problems: list[ContentProblem]) -> dict:
    """The translations of a markdown file whose own reader does not keep its `Document` (a synthesis page)."""
    try:
        english = read_document(path.read_text(encoding="utf-8"), _rel(path, root))
    except ContentError:
        return {}  # its reader reported the problem
    return read_document_translations(path, english, lambda p: _rel(p, root), problems)


def _read_glossary(root: Path, problems: list[ContentProblem]) -> list[GlossaryEntry]:
    entries: list[GlossaryEntry] = []
    for path in sorted((root / "glossary").glob("*.yml")):
        if translation_language(path.name):
            continue  # read with its English file, below
        rel = _rel(path, root)
        try:
            data = load_yaml(path.read_text(encoding="utf-8"), rel) or []
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        if not isinstance(data, list):
            problems.append(ContentProblem(rel, 1, "a glossary file must be a list of terms"))
            continue
        for item in data:
            if not isinstance(item, dict):
                problems.append(ContentProblem(rel, 1, "each glossary entry must have slug, term and definition"))
                continue
            f = FieldReader(item, rel, 0, problems)
            entries.append(GlossaryEntry(f.text("slug"), f.text("term"), f.text("definition"), rel, line_of(item)))
        _attach_glossary_translations(path, [e for e in entries if e.path == rel], root, problems)
    return entries


def _attach_glossary_translations(path: Path, entries: list[GlossaryEntry], root: Path, problems) -> None:
    slugs = [entry.slug for entry in entries]
    for language, texts in read_glossary_translations(path, slugs, lambda p: _rel(p, root), problems).items():
        for entry in entries:
            entry.translations[language] = texts[entry.slug]


def _read_path_translations(root: Path, paths: list, problems: list[ContentProblem]) -> None:
    slugs = [path.slug for path in paths]
    found = read_path_translations(root / "paths.yml", slugs, lambda p: _rel(p, root), problems)
    for language, texts in found.items():
        for path in paths:
            path.translations[language] = texts[path.slug]
