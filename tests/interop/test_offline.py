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


# --- the edition in every language of the content -----------------------------------------------------------------

LANGUAGES = {
    "": ("en", "Search the lessons and the glossary"),
    "zh/": ("zh-Hans", "搜索课程内容和术语表"),
    "fr/": ("fr", "Rechercher dans les leçons et le glossaire"),
}


def _translate(db, lesson_slug: str = "harbour-city-pilot") -> None:
    """Chinese and French texts of one lesson, its module and a glossary term, as `course sync` stores them."""
    from course.content import catalogue
    from course.models import ContentTranslation, GlossaryTerm, Lesson, Module

    lesson = db.exec(select(Lesson).where(Lesson.slug == lesson_slug)).one()
    module = db.get(Module, lesson.module_id)
    term = db.exec(select(GlossaryTerm)).first()
    for code, word in (("zh", "港城试点区"), ("fr", "Zone pilote de Harbour City")):
        db.add(
            ContentTranslation(
                kind="lesson",
                slug=lesson.slug,
                language=code,
                fields={"title": word, "body_html": f"<p>{word} : texte traduit.</p>"},
            )
        )
        db.add(ContentTranslation(kind="module", slug=module.slug, language=code, fields={"title": f"{word} (module)"}))
        db.add(ContentTranslation(kind="term", slug=term.slug, language=code, fields={"term": f"{word} (terme)"}))
    catalogue.record_change(db)
    db.commit()


def test_every_language_has_its_pages_in_its_language(synced_quizzes, export, db):
    _translate(db)
    package = export("--format", "offline")
    names = set(package.namelist())
    for folder, (tag, search_label) in LANGUAGES.items():
        home = package.read(FOLDER + folder + "index.html").decode()
        lesson = package.read(FOLDER + folder + "lessons/harbour-city-pilot.html").decode()
        for page in (home, lesson):
            assert f'<html lang="{tag}" dir="ltr">' in page
            assert 'class="languages"' in page  # the switch to the other languages
        assert search_label in home  # the interface in that language (Flask-Babel's catalogue)
        assert FOLDER + folder + "search-index.js" in names
        assert FOLDER + folder + "glossary.html" in names
    zh = package.read(FOLDER + "zh/lessons/harbour-city-pilot.html").decode()
    assert "<h1>港城试点区</h1>" in zh and "港城试点区 : texte traduit." in zh
    assert (
        'href="../../fr/lessons/harbour-city-pilot.html"' in zh and 'href="../../lessons/harbour-city-pilot.html"' in zh
    )
    assert 'href="../../package.css"' in zh  # the styles and scripts are shared by the languages
    fr_home = package.read(FOLDER + "fr/index.html").decode()
    assert "Zone pilote de Harbour City (module)" in fr_home
    english = package.read(FOLDER + "lessons/harbour-city-pilot.html").decode()
    assert "<h1>Harbour City pilot area</h1>" in english and 'href="../zh/lessons/harbour-city-pilot.html"' in english
    # a text without a translation is shown in English
    other = next(n for n in names if n.startswith(FOLDER + "fr/lessons/") and "harbour-city-pilot" not in n)
    english_other = package.read(other.replace("fr/", "", 1)).decode()
    title = re.search(r"<h1>(.*?)</h1>", english_other).group(1)
    assert f"<h1>{title}</h1>" in package.read(other).decode()
    index = json.loads(
        package.read(FOLDER + "zh/search-index.js").decode().removeprefix("window.SEARCH_INDEX = ").removesuffix(";\n")
    )
    assert any(e["title"] == "港城试点区" and e["url"] == "lessons/harbour-city-pilot.html" for e in index)


def test_links_between_the_languages_resolve_inside_the_edition(synced_quizzes, export, db):
    _translate(db)
    package = export("--format", "offline")
    names = set(package.namelist())
    pages = [n for n in names if n.endswith(".html")]
    assert {n.split("/")[1] for n in pages} >= {"zh", "fr", "index.html", "lessons"}
    for name in pages:
        page = package.read(name).decode()
        folder = name.rsplit("/", 1)[0]
        for target in re.findall(r'(?:href|src)="([^"#]+)', page):
            assert not target.startswith(("/", "http:", "https:", "file:")), f"{name} links out: {target}"
            assert _resolve(folder, target) in names, f"{name}: {target} is not in the edition"


def test_the_real_curriculum_in_every_language_fits_in_5_mb(app, runner, tmp_path):
    """`course sync` of the repository's modules/ and quizzes/ (English, Chinese, French), then the edition."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    app.config["CONTENT_DIR"], app.config["QUIZ_DIR"] = str(root / "modules"), str(root / "quizzes")
    result = runner.invoke(args=["course", "sync"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "offline.zip"
    result = runner.invoke(args=["course", "export", "--format", "offline", "-o", str(out)])
    assert result.exit_code == 0, result.output
    size = out.stat().st_size
    assert size < 5 * 1024 * 1024, f"{size / 1e6:.2f} MB"
    names = set(zipfile.ZipFile(out).namelist())
    for folder in ("", "zh/", "fr/"):
        assert FOLDER + folder + "index.html" in names
