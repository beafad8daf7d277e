"""The offline edition: the course as a static site in one zip that opens from a folder or a USB stick.

Every page works from `file://` without a server or network: links are relative, the search index and
the quizzes' questions are plain scripts in the pages (browsers refuse to fetch files from `file://`).
Quizzes are practice only: nothing is recorded, and their keys are in the files, so only the quizzes
that allow practice on the site are included.

The edition holds the course in every language its content has: English at the root of the edition's folder, each
other language in a folder of its content code (`zh/`, `fr/`) with the same pages, its own search index and the
interface strings of the pages in that language (`speak(locale)` lends them: course/interop/interface.py). Every
page links the same page in the other languages. The styles and scripts are shared by all the languages.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass

from course.interop import pages
from course.interop.model import CourseMaterial
from course.interop.package import Package, zip_files
from course.interop.pages import gettext as _
from course.interop.quiz_data import question_count, quiz_data

SHARED_FILES = ("package.css", "quiz.js", "search.js")
LIMIT_BYTES = 5 * 1024 * 1024
_TAG = re.compile(r"<[^>]+>")

Speak = Callable[[str], AbstractContextManager]


@dataclass(frozen=True)
class _Edition:
    """One language of the edition and where its pages are (`folder`: "" for English, else e.g. "zh/")."""

    material: CourseMaterial
    folder: str


def build(material: CourseMaterial, speak: Speak | None = None) -> Package:
    """The static site of the course as a zip, its pages in a folder named after the edition; one tree of pages per
    language of `material` (English, then `material.translations`)."""
    editions = [_Edition(material, "")] + [_Edition(m, f"{m.content}/") for m in material.translations]
    files: dict[str, bytes | str] = {}
    notes: list[str] = []
    for edition in editions:
        with (speak or _english)(edition.material.locale):
            _language_files(edition, editions, files, notes if edition.folder == "" else [])
    for name in SHARED_FILES:
        files[name] = pages.asset(name)
    folder = material.identifier + "-offline"
    data = zip_files({f"{folder}/{path}": content for path, content in sorted(files.items())})
    if len(data) > LIMIT_BYTES:
        notes.append(f"The edition is {len(data) / 1e6:.1f} MB, over the 5 MB it should fit in.")
    if len(editions) > 1:
        notes.append("Languages: " + ", ".join(e.material.language_name for e in editions) + ".")
    notes.append(f"Unzip it and open {folder}/index.html in a browser.")
    return Package(f"{folder}.zip", data, "application/zip", tuple(notes))


def _english(locale: str) -> AbstractContextManager:
    return nullcontext()


def _language_files(edition: _Edition, editions: list[_Edition], files: dict, notes: list[str]) -> None:
    """The pages and search index of one language, into `files` (paths inside the edition's folder)."""
    material = edition.material

    def page(path: str, template: str, **context) -> None:
        depth = path.count("/")
        files[edition.folder + path] = pages.render(
            template,
            root="../" * depth,
            assets="../" * (depth + edition.folder.count("/")),
            language=material.language,
            direction=material.direction,
            switch=_switch(edition, editions, path),
            **context,
        )

    targets = _site_targets(material)
    nav = ((_("Home"), "../index.html"), (_("Glossary"), "../glossary.html"))
    index: list[dict] = []
    for module in material.modules:
        quiz = module.quiz if module.quiz is not None and module.quiz.allow_practice else None
        links = [(lesson.title, f"../lessons/{lesson.slug}.html") for lesson in module.lessons]
        module_nav = (*nav, (_("Module %(number)s", number=module.chapter), f"../modules/{module.slug}.html"))
        page(
            f"modules/{module.slug}.html",
            "module.html",
            title=module.title,
            nav=nav,
            module=module,
            overview=pages.localise_links(module.overview_html, targets, material.site_url),
            lesson_links=links,
            quiz_link=(_("Practice quiz: %(title)s", title=quiz.title), f"../quizzes/{quiz.slug}.html")
            if quiz
            else None,
        )
        index.append(_entry(_("Module"), module.title, f"modules/{module.slug}.html", module.summary))
        for position, lesson in enumerate(module.lessons):
            previous = links[position - 1] if position else None
            following = links[position + 1] if position + 1 < len(links) else None
            parts = tuple(
                (name, pages.localise_links(part, targets, material.site_url))
                for name, part in (lesson.sections or (("body_html", lesson.body_html),))
            )
            page(
                f"lessons/{lesson.slug}.html",
                "lesson.html",
                title=lesson.title,
                nav=module_nav,
                lesson=lesson,
                module=module,
                parts=parts,
                previous=previous,
                next=following,
            )
            text = " ".join(part for _name, part in lesson.sections) if lesson.sections else lesson.body_html
            index.append(_entry(_("Lesson"), lesson.title, f"lessons/{lesson.slug}.html", text))
        if quiz is not None:
            page(
                f"quizzes/{quiz.slug}.html",
                "quiz.html",
                title=quiz.title,
                nav=module_nav,
                quiz=quiz,
                count=question_count(quiz),
                data=quiz_data(quiz),
                mode="practice",
                notice=_("Practice only: your answers are checked in this page and recorded nowhere."),
                scripts=("quiz.js",),
            )
        elif module.quiz is not None:
            notes.append(f"{module.quiz.title} does not allow practice: the edition has no quiz for it.")
    page(
        "glossary.html",
        "glossary.html",
        title=_("Glossary"),
        nav=((_("Home"), "index.html"),),
        glossary=material.glossary,
    )
    glossary = _("Glossary")
    index += [_entry(glossary, e.term, f"glossary.html#{e.slug}", e.definition) for e in material.glossary]
    page(
        "index.html",
        "home.html",
        title=material.title,
        intro=_("The course to read without a connection. Open any lesson; practise with the quizzes."),
        modules=[
            (_("Module %(number)s: %(title)s", number=m.chapter, title=m.title), f"modules/{m.slug}.html", m.summary)
            for m in material.modules
        ],
        glossary_href="glossary.html",
        footer=_("Offline edition. Quizzes here are practice only: results are recorded nowhere."),
        scripts=("search-index.js", "search.js"),
        own_scripts=("search-index.js",),
    )
    files[edition.folder + "search-index.js"] = "window.SEARCH_INDEX = " + json.dumps(index, ensure_ascii=False) + ";\n"


def _switch(edition: _Edition, editions: list[_Edition], path: str) -> list[dict]:
    """Links to the same page (`path` inside a language's folder) in the other languages."""
    up = "../" * (path.count("/") + edition.folder.count("/"))
    return [
        {"tag": other.material.language, "name": other.material.language_name, "href": up + other.folder + path}
        for other in editions
        if other is not edition
    ]


def _site_targets(material: CourseMaterial) -> dict[str, str]:
    """Site paths the edition holds -> their files, relative to a page one folder deep."""
    targets = {"/": "../index.html", "/glossary": "../glossary.html"}
    for module in material.modules:
        targets[f"/modules/{module.slug}"] = f"../modules/{module.slug}.html"
        targets |= {f"/lessons/{lesson.slug}": f"../lessons/{lesson.slug}.html" for lesson in module.lessons}
    return targets


def _entry(kind: str, title: str, url: str, text_html: str) -> dict:
    """One search entry: plain text of the page (tags dropped, entities read)."""
    text = " ".join(html.unescape(_TAG.sub(" ", text_html)).split())
    return {"kind": kind, "title": title, "url": url, "text": text}
