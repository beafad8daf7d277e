"""The library page: search the cases, lessons and glossary, filter them, and open what was found."""

from flask import render_template, request, url_for

from course.content import catalogue
from course.db import get_session
from course.library.facets import FACETS
from course.library.search import PAGE_SIZE, search
from course.web.access import allow
from course.web.library import bp
from course.web.library.filters import read_search
from course.web.library.presenter import FACET_TITLES, facet_label, hit_url
from course.web.pagination import Page


@bp.route("")
@allow("reader")
def library():
    session = get_session()
    query, filters, problems = read_search(request.args)
    requested = max(1, min(request.args.get("page", 1, type=int), 10_000))
    results = search(session, query, filters, offset=(requested - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    page = Page(results.offset // PAGE_SIZE + 1, PAGE_SIZE, results.total)
    chapters = {m.chapter: m.title for m in catalogue.active_modules(session)}
    chosen = filters.active()

    def link(**changes) -> str:
        """This search with some filters changed (None removes one); back to the first page."""
        args = {"q": query, **chosen} | changes
        return url_for("library.library", **{k: v for k, v in args.items() if v not in ("", None)})

    return render_template(
        "library/search.html",
        results=results,
        problems=problems,
        page=page,
        facets=[(name, results.facets[name]) for name in FACETS if results.facets[name]],
        facet_titles=FACET_TITLES,
        chosen=chosen,
        link=link,
        label=lambda facet, value: facet_label(facet, value, chapters),
        hit_url=hit_url,
    )
