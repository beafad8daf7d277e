"""The offline edition: the course as a static site in one zip that opens from a folder or a USB stick.

Every page works from `file://` without a server or network: links are relative, the search index and
the quizzes' questions are plain scripts in the pages (browsers refuse to fetch files from `file://`).
Quizzes are practice only: nothing is recorded, and their keys are in the files, so only the quizzes
that allow practice on the site are included.
"""

from __future__ import annotations

import html
import json
import re

from course.interop import pages
from course.interop.model import CourseMaterial
from course.interop.package import Package, zip_files
from course.interop.quiz_data import question_count, quiz_data

SHARED_FILES = ("package.css", "quiz.js", "search.js")
LIMIT_BYTES = 5 * 1024 * 1024
_TAG = re.compile(r"<[^>]+>")


def build(material: CourseMaterial) -> Package:
    """The static site of the course as a zip, its pages in a folder named after the edition."""
    files: dict[str, bytes | str] = {}
    notes: list[str] = []
    targets = _site_targets(material)
    nav = (("Home", "../index.html"), ("Glossary", "../glossary.html"))
    index: list[dict] = []
    for module in material.modules:
        quiz = module.quiz if module.quiz is not None and module.quiz.allow_practice else None
        links = [(lesson.title, f"../lessons/{lesson.slug}.html") for lesson in module.lessons]
        files[f"modules/{module.slug}.html"] = _page(
            material,
            "module.html",
            title=module.title,
            nav=nav,
            module=module,
            overview=pages.localise_links(module.overview_html, targets, material.site_url),
            lesson_links=links,
            quiz_link=(f"Practice quiz: {quiz.title}", f"../quizzes/{quiz.slug}.html") if quiz else None,
        )
        index.append(_entry("Module", module.title, f"modules/{module.slug}.html", module.summary))
        for position, lesson in enumerate(module.lessons):
            previous = links[position - 1] if position else None
            following = links[position + 1] if position + 1 < len(links) else None
            files[f"lessons/{lesson.slug}.html"] = _page(
                material,
                "lesson.html",
                title=lesson.title,
                nav=(*nav, (f"Module {module.chapter}", f"../modules/{module.slug}.html")),
                lesson=lesson,
                module=module,
                body=pages.localise_links(lesson.body_html, targets, material.site_url),
                previous=previous,
                next=following,
            )
            index.append(_entry("Lesson", lesson.title, f"lessons/{lesson.slug}.html", lesson.body_html))
        if quiz is not None:
            files[f"quizzes/{quiz.slug}.html"] = _page(
                material,
                "quiz.html",
                title=quiz.title,
                nav=(*nav, (f"Module {module.chapter}", f"../modules/{module.slug}.html")),
                quiz=quiz,
                count=question_count(quiz),
                data=quiz_data(quiz),
                mode="practice",
                notice="Practice only: your answers are checked in this page and recorded nowhere.",
                scripts=("quiz.js",),
            )
        elif module.quiz is not None:
            notes.append(f"{module.quiz.title} does not allow practice: the edition has no quiz for it.")
    files["glossary.html"] = pages.render(
        "glossary.html",
        root="",
        language=material.language,
        title="Glossary",
        nav=(("Home", "index.html"),),
        glossary=material.glossary,
    )
    index += [_entry("Glossary", e.term, f"glossary.html#{e.slug}", e.definition) for e in material.glossary]
    files["index.html"] = pages.render(
        "home.html",
        root="",
        language=material.language,
        title=material.title,
        intro="The course to read without a connection. Open any lesson; practise with the quizzes.",
        modules=[(f"Module {m.chapter}: {m.title}", f"modules/{m.slug}.html", m.summary) for m in material.modules],
        glossary_href="glossary.html",
        footer="Offline edition. Quizzes here are practice only: results are recorded nowhere.",
        scripts=("search-index.js", "search.js"),
    )
    files["search-index.js"] = "window.SEARCH_INDEX = " + json.dumps(index, ensure_ascii=False) + ";\n"
    for name in SHARED_FILES:
        files[name] = pages.asset(name)
    folder = material.identifier + "-offline"
    data = zip_files({f"{folder}/{path}": content for path, content in sorted(files.items())})
    if len(data) > LIMIT_BYTES:
        notes.append(f"The edition is {len(data) / 1e6:.1f} MB, over the 5 MB it should fit in.")
    notes.append(f"Unzip it and open {folder}/index.html in a browser.")
    return Package(f"{folder}.zip", data, "application/zip", tuple(notes))


def _site_targets(material: CourseMaterial) -> dict[str, str]:
    """Site paths the edition holds -> their files, relative to a page one folder deep."""
    targets = {"/": "../index.html", "/glossary": "../glossary.html"}
    for module in material.modules:
        targets[f"/modules/{module.slug}"] = f"../modules/{module.slug}.html"
        targets |= {f"/lessons/{lesson.slug}": f"../lessons/{lesson.slug}.html" for lesson in module.lessons}
    return targets


def _page(material: CourseMaterial, template: str, **context) -> str:
    return pages.render(template, root="../", language=material.language, **context)


def _entry(kind: str, title: str, url: str, text_html: str) -> dict:
    """One search entry: plain text of the page (tags dropped, entities read)."""
    text = " ".join(html.unescape(_TAG.sub(" ", text_html)).split())
    return {"kind": kind, "title": title, "url": url, "text": text}
