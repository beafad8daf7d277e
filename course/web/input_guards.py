"""Input that the database cannot store or look up is refused before any view runs."""

from __future__ import annotations

from flask import Flask, abort, request
from flask_babel import gettext as _
from werkzeug.routing import IntegerConverter

# The largest id stored: id columns are INTEGER, a signed 32-bit number on PostgreSQL, which refuses to compare
# one with a larger number ("integer out of range") rather than find nothing.
LARGEST_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """`<int:…>` in every URL: a number beyond any stored id is a 404, not a database overflow error."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", LARGEST_ID)
        super().__init__(map, *args, **kwargs)


def register_converters(app: Flask) -> None:
    """Before any route is added: the converters the routes' placeholders use."""
    app.url_map.converters["int"] = IdConverter


def register(app: Flask) -> None:
    app.before_request(refuse_nul_characters)


def refuse_nul_characters() -> None:
    """PostgreSQL cannot store a NUL character in text: say so instead of failing on the write."""
    texts = [*(request.view_args or {}).values(), *(v for vs in request.args.listvalues() for v in vs)]
    if request.method == "POST" and request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        texts += [value for values in request.form.listvalues() for value in values]
    if any(isinstance(text, str) and "\x00" in text for text in texts):
        abort(400, _("The text you sent holds a NUL character (\\0), which cannot be stored. Remove it and try again."))
