"""The library's query and filters as a request gives them (the page and the JSON API read them the same way)."""

from __future__ import annotations

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from course.content.case_metadata import ORG_TYPES, THEMES
from course.content.lesson import AUDIENCES
from course.library.facets import KINDS, Filters
from course.library.query import MAX_QUERY

_CLOSED = {"kind": KINDS, "theme": THEMES, "org_type": ORG_TYPES, "audience": AUDIENCES}
_FREE = ("country", "region", "city")
MOST_CHAPTER = 99


def read_search(args: MultiDict) -> tuple[str, Filters, list[str]]:
    """(query, filters, problems): each value that cannot be a filter is left out and named in `problems`."""
    query = " ".join(args.get("q", "").replace("\x00", "").split())[:MAX_QUERY]
    values, problems = {}, []
    chapter = args.get("chapter", "").strip()
    if chapter:
        if chapter.isdigit() and int(chapter) <= MOST_CHAPTER:
            values["chapter"] = int(chapter)
        else:
            problems.append(_("'chapter' must be a module number, not %(value)s.", value=repr(chapter[:20])))
    for name, allowed in _CLOSED.items():
        value = args.get(name, "").strip()
        if value and value not in allowed:
            problems.append(_("'%(name)s' must be one of: %(values)s.", name=name, values=", ".join(allowed)))
        elif value:
            values[name] = value
    for name in _FREE:
        value = " ".join(args.get(name, "").replace("\x00", "").split())[:100]
        if value:
            values[name] = value
    return query, Filters(**values), problems
