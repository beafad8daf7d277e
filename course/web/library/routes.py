"""The library page: search the cases, lessons and glossary, filter them, open what was found, compare models."""

from flask import render_template, request, url_for

from course.content import catalogue
from course.db import get_session
from course.library.comparison import FEWEST, MOST, compare
from course.library.facets import FACETS
from course.library.model_card import CARD_FIELDS
from course.library.search import PAGE_SIZE, search
from course.library.shelf import shelf
from course.web.access import allow
from course.web.content_language import localized
from course.web.library import bp
from course.web.library.filters import read_search
from course.web.library.presenter import FACET_TITLES, facet_label, hit_url
from course.web.library.wording import CARD_LABELS, comparison_problem
from course.web.pagination import Page


@bp.route("")
@allow("reader")
def library():
    session = get_session()
    query, filters, problems = read_search(request.args)
    requested = max(1, min(request.args.get("page", 1, type=int), 10_000))
    results = search(session, query, filters, offset=(requested - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    page = Page(results.offset // PAGE_SIZE + 1, PAGE_SIZE, results.total)
    chapters = {m.chapter: localized(m, "title") for m in catalogue.active_modules(session)}
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


@bp.route("/compare")
@allow("reader")
def compare_models():
    """Two to four cases' replicable-model cards side by side (printable); without a pick, a list to pick from."""
    session = get_session()
    picks = request.args.getlist("case")
    chapters = {m.chapter: localized(m, "title") for m in catalogue.active_modules(session)}
    if not picks:
        cases = [e for e in shelf(session).entries if e.kind in ("lesson", "case")]
        return render_template("library/compare_pick.html", cases=cases, chapters=chapters, fewest=FEWEST, most=MOST)
    compared, problems = compare(session, picks)
    return render_template(
        "library/compare.html",
        compared=compared,
        problems=[comparison_problem(p) for p in problems],
        labels=CARD_LABELS,
        fields=CARD_FIELDS,
    ), (400 if problems else 200)
