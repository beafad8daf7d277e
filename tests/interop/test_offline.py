"""The offline edition: one zip of static pages with relative links only, practice quizzes, a search index."""

from __future__ import annotations

import json
import re
import zipfile

from sqlmodel import select

FOLDER = "cbec-academy-offline/"


def test_every_page_links_only_inside_the_edition(synced_quizzes, export):
    package = export("--format", "offline")
    names = set(package.namelist())
    assert {FOLDER + p for p in ("index.html", "glossary.html", "search-index.js", "quiz.js", "search.js")} <= names
    for name in names:
        if not name.endswith(".html"):
            continue
        page = package.read(name).decode()
        folder = name.rsplit("/", 1)[0]
        for target in re.findall(r'(?:href|src)="([^"#]+)', page):
            assert not target.startswith(("/", "http:", "https:")), f"{name} links out: {target}"
            resolved = _resolve(folder, target)
            assert resolved in names, f"{name}: {target} is not in the edition"


def _resolve(folder: str, target: str) -> str:
    parts = folder.split("/")
    for bit in target.split("/"):
        if bit == "..":
            parts.pop()
        elif bit != ".":
            parts.append(bit)
    return "/".join(parts)


def test_the_search_index_holds_every_lesson_and_term(synced_quizzes, export, db):
    from course.models import GlossaryTerm, Lesson

    package = export("--format", "offline")
    script = package.read(FOLDER + "search-index.js").decode()
    index = json.loads(script.removeprefix("window.SEARCH_INDEX = ").removesuffix(";\n"))
    lessons = {e["title"] for e in index if e["kind"] == "Lesson"}
    assert lessons == {lesson.title for lesson in db.exec(select(Lesson))}
    assert {e["title"] for e in index if e["kind"] == "Glossary"} == {t.term for t in db.exec(select(GlossaryTerm))}
    harbour = next(e for e in index if e["title"] == "Harbour City pilot area")
    assert "Harbour City set up a CPA in 2015" in harbour["text"]  # tags dropped, text kept
    assert harbour["url"] == "lessons/harbour-city-pilot.html"


def test_only_quizzes_that_allow_practice_are_included(synced_quizzes, db, runner, tmp_path):
    from course.models import Quiz

    out = tmp_path / "offline.zip"
    assert runner.invoke(args=["course", "export", "--format", "offline", "-o", str(out)]).exit_code == 0
    assert FOLDER + "quizzes/pilot-zones-quiz.html" in zipfile.ZipFile(out).namelist()
    quiz = db.exec(select(Quiz).where(Quiz.slug == "pilot-zones-quiz")).one()
    quiz.allow_practice = False
    db.commit()
    result = runner.invoke(args=["course", "export", "--format", "offline", "-o", str(out)])
    assert "End-of-module quiz: Pilot zones does not allow practice" in result.output
    assert FOLDER + "quizzes/pilot-zones-quiz.html" not in zipfile.ZipFile(out).namelist()
