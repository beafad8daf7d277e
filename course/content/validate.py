"""Checks across files: unique slugs, case coverage, glossary links, related lessons, path prerequisites."""

from __future__ import annotations

from collections import Counter

from course.content.errors import ContentProblem
from course.content.model import CourseContent
from course.content.paths import find_cycle


def validate_course(course: CourseContent, problems: list[ContentProblem]) -> None:
    """Append every cross-file problem of the course to `problems`."""
    _unique_slugs(course, problems)
    _case_coverage(course, problems)
    _glossary_links(course, problems)
    _related(course, problems)
    _assignments(course, problems)
    _figures(course, problems)
    _paths(course, problems)
    _organisations(course, problems)


def _unique_slugs(course: CourseContent, problems: list[ContentProblem]) -> None:
    seen: dict[str, str] = {}
    for lesson in course.lessons():
        if lesson.slug in seen:
            problems.append(
                ContentProblem(lesson.path, 1, f"lesson slug '{lesson.slug}' is also used by {seen[lesson.slug]}")
            )
        seen.setdefault(lesson.slug, lesson.path)
    terms: dict[str, str] = {}
    for entry in course.glossary:
        if entry.slug in terms:
            problems.append(
                ContentProblem(
                    entry.path, entry.line, f"glossary slug '{entry.slug}' is already defined in {terms[entry.slug]}"
                )
            )
        terms.setdefault(entry.slug, entry.path)
    chapters = Counter(m.chapter for m in course.modules)
    for module in course.modules:
        if chapters[module.chapter] > 1:
            problems.append(ContentProblem(module.path, 1, f"chapter {module.chapter} is used by more than one module"))


def _case_coverage(course: CourseContent, problems: list[ContentProblem]) -> None:
    owners: dict[int, list[str]] = {}
    for lesson in course.lessons():
        for case in lesson.cases:
            owners.setdefault(case, []).append(lesson.path)
    for case, paths in sorted(owners.items()):
        if len(paths) > 1:
            problems.append(ContentProblem(paths[1], 1, f"case {case} is already covered by {paths[0]}"))
        if course.case_count and not 1 <= case <= course.case_count:
            problems.append(ContentProblem(paths[0], 1, f"case {case} is outside 1-{course.case_count}"))
    if course.case_count:
        missing = [n for n in range(1, course.case_count + 1) if n not in owners]
        if missing:
            problems.append(
                ContentProblem(
                    "modules/course.yml", 1, f"cases not covered by any lesson: {', '.join(map(str, missing))}"
                )
            )


def _glossary_links(course: CourseContent, problems: list[ContentProblem]) -> None:
    defined = {entry.slug for entry in course.glossary}
    for module in course.modules:
        for slug in module.glossary:
            if slug not in defined:
                problems.append(ContentProblem(module.path, module.glossary_line, f"unknown glossary term '{slug}'"))
        documents = [(module.path, module.glossary_links)] + [
            (lesson.path, lesson.glossary_links) for lesson in module.lessons
        ]
        if module.synthesis is not None:
            documents.append((module.synthesis.path, module.synthesis.glossary_links))
        for path, links in documents:
            for slug, line in links:
                if slug not in defined:
                    problems.append(ContentProblem(path, line, f"glossary link to unknown term '{slug}'"))


def _related(course: CourseContent, problems: list[ContentProblem]) -> None:
    """Every related lesson exists, is another lesson, and is named once."""
    slugs = {lesson.slug for lesson in course.lessons()}
    for lesson in course.lessons():
        named: set[str] = set()
        for link in lesson.related:
            if not link.slug:
                continue
            if link.slug == lesson.slug:
                problems.append(ContentProblem(lesson.path, link.line, "a lesson cannot be related to itself"))
            elif link.slug not in slugs:
                problems.append(ContentProblem(lesson.path, link.line, f"related lesson '{link.slug}' does not exist"))
            elif link.slug in named:
                problems.append(ContentProblem(lesson.path, link.line, f"related lesson '{link.slug}' is named twice"))
            named.add(link.slug)


def _assignments(course: CourseContent, problems: list[ContentProblem]) -> None:
    """An assignment is presented by a lesson of its own module; its slug is unique."""
    seen: dict[str, str] = {}
    for module in course.modules:
        doc = module.assignment
        if doc is None:
            continue
        if doc.lesson and doc.lesson not in {lesson.slug for lesson in module.lessons}:
            problems.append(
                ContentProblem(doc.path, doc.line, f"lesson '{doc.lesson}' is not in module '{module.slug}'")
            )
        if doc.slug in seen:
            problems.append(
                ContentProblem(doc.path, 1, f"assignment slug '{doc.slug}' is also used by {seen[doc.slug]}")
            )
        seen.setdefault(doc.slug, doc.path)


def _figures(course: CourseContent, problems: list[ContentProblem]) -> None:
    """A figure is shown by lessons that exist."""
    slugs = {lesson.slug for lesson in course.lessons()}
    for figure in course.figures:
        for slug in figure.lessons:
            if slug not in slugs:
                line = figure.lesson_lines.get(slug, figure.line)
                problems.append(
                    ContentProblem(figure.path, line, f"figure '{figure.slug}': lesson '{slug}' does not exist")
                )


def _paths(course: CourseContent, problems: list[ContentProblem]) -> None:
    modules = {m.slug: m for m in course.modules}
    slugs = Counter(p.slug for p in course.paths)
    for path in course.paths:
        if slugs[path.slug] > 1:
            problems.append(ContentProblem(path.path, path.line, f"learning path slug '{path.slug}' is used twice"))
        in_path = [s.module for s in path.steps]
        for step in path.steps:
            if step.module not in modules:
                problems.append(ContentProblem(path.path, step.line, f"unknown module '{step.module}'"))
                continue
            for required in step.requires:
                if required not in in_path:
                    problems.append(
                        ContentProblem(
                            path.path, step.line, f"prerequisite '{required}' is not a module of path '{path.slug}'"
                        )
                    )
            lesson_slugs = {lesson.slug for lesson in modules[step.module].lessons}
            for lesson in step.lessons:
                if lesson not in lesson_slugs:
                    problems.append(
                        ContentProblem(path.path, step.line, f"lesson '{lesson}' is not in module '{step.module}'")
                    )
        cycle = find_cycle({s.module: s.requires for s in path.steps})
        if cycle:
            problems.append(
                ContentProblem(
                    path.path, path.line, f"prerequisites of path '{path.slug}' form a cycle: {' -> '.join(cycle)}"
                )
            )


def _organisations(course: CourseContent, problems: list[ContentProblem]) -> None:
    """An organisation named by several lessons has one type (cases are related by organisation name)."""
    types: dict[str, tuple[str, str]] = {}
    for lesson in course.lessons():
        if lesson.organisation is None or not lesson.organisation.type:
            continue
        name, kind = lesson.organisation.name, lesson.organisation.type
        first = types.setdefault(name, (kind, lesson.path))
        if first[0] != kind:
            problems.append(
                ContentProblem(
                    lesson.path,
                    lesson.organisation.line,
                    f"organisation '{name}' is '{first[0]}' in {first[1]}, not '{kind}'",
                )
            )
