"""Absolute links for messages: from the request when there is one, else from the SITE_URL setting (a local
address when it is not set, as on a developer's machine)."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from flask import current_app, has_request_context, request, url_for

LOCAL_SITE = "http://127.0.0.1:5000"


def site_url() -> str:
    """The site's address for links made outside a request."""
    return current_app.config["SITE_URL"] or LOCAL_SITE


def external_url(endpoint: str, **values) -> str:
    """The absolute URL of a route, as a link in an email needs it."""
    if has_request_context():
        return url_for(endpoint, _external=True, **values)
    base = urlsplit(site_url())
    adapter = current_app.url_map.bind(base.netloc, script_name=base.path or "/", url_scheme=base.scheme or "http")
    return adapter.build(endpoint, values, force_external=True)


def absolute(url: str) -> str:
    """`url` made absolute: a path on this site ("/events/3") gets the site's scheme and host."""
    if not url or urlsplit(url).scheme:
        return url
    if has_request_context():
        return urljoin(request.host_url, url)
    return urljoin(site_url(), url)
