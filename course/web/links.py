"""`url_for` for templates, remembered: a page builds the same dozen links on every view (navigation, static
files, the lessons of a module), and building one costs more than looking it up.

A link is remembered by the request's script root, the endpoint and its values. Links whose building depends on
more (an external URL, an anchor or method, a blueprint-relative endpoint, or an app with URL defaults
callbacks) are built every time.
"""

from __future__ import annotations

from flask import Flask, has_request_context, request

_KEPT = 20_000  # links per app: the site has a few hundred pages, so this is never reached in practice


def remembering_url_for(app: Flask):
    """A drop-in `url_for` for the app's templates."""
    links: dict[tuple, str] = {}

    def url_for(endpoint: str, **values) -> str:
        if (
            not has_request_context()
            or endpoint.startswith(".")
            or app.url_default_functions
            or any(k.startswith("_") for k in values)
        ):
            return app.url_for(endpoint, **values)
        key = (request.script_root, endpoint, *sorted(values.items()))
        try:
            return links[key]
        except KeyError:
            pass
        except TypeError:  # a value that cannot be a key (a list): build it
            return app.url_for(endpoint, **values)
        url = app.url_for(endpoint, **values)
        if len(links) < _KEPT:
            links[key] = url
        return url

    return url_for
