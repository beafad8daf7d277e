"""Security headers on every response, and pages that keep to the Content-Security-Policy (no inline code)."""

import re
from urllib.parse import urljoin, urlsplit

from tests.conftest import make_app

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
LINK = re.compile(r'href="(/[^"#]*)"')
EXPECTED = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}


def _crawl(client, start: str, limit: int = 80) -> dict[str, object]:
    """The pages reachable by links from `start` (GET only, at most `limit`), by path."""
    seen, queue, pages = set(), [start], {}
    while queue and len(pages) < limit:
        url = queue.pop(0)
        if url in seen or url.startswith(("/static/", "/logout")):
            continue
        seen.add(url)
        response = client.get(url)
        pages[url] = response
        if response.mimetype == "text/html":
            queue += [urljoin(url, link) for link in LINK.findall(response.get_data(as_text=True))]
    return pages


def test_every_page_has_the_headers_and_no_inline_script_or_style(synced_quizzes, client, auth):
    auth.as_role("admin")
    pages = _crawl(client, "/")
    paths = {urlsplit(u).path.split("/")[1] for u in pages}
    assert {"", "modules", "lessons", "paths", "glossary", "my-learning", "account", "instructor", "cohorts"} <= paths
    for url, response in pages.items():
        policy = response.headers.get("Content-Security-Policy", "")
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy, url
        assert "unsafe-inline" not in policy and "img-src 'self' data:" in policy, url
        for name, value in EXPECTED.items():
            assert response.headers.get(name) == value, (url, name)
        assert "Strict-Transport-Security" not in response.headers
        if response.mimetype == "text/html":
            html = response.get_data(as_text=True)
            for pattern in (INLINE_SCRIPT, INLINE_STYLE, INLINE_HANDLER):
                assert not pattern.search(html), (url, pattern.search(html).group(0))


def test_error_pages_static_files_and_json_have_the_headers_too(client):
    for url in ("/no-such-page", "/static/style.css", "/api/v1/catalog", "/api/v1/me/progress"):
        with client.get(url) as response:
            assert response.headers["X-Content-Type-Options"] == "nosniff", url
            assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"], url


def test_hsts_only_when_cookies_are_https_only(database_url, content_dir, tmp_path):
    app = make_app(database_url, content_dir, tmp_path / "q", SESSION_COOKIE_SECURE=True)
    try:
        response = app.test_client().get("/login")
        assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    finally:
        app.extensions["db_engine"].dispose()


def test_invitation_pages_keep_their_stricter_referrer_policy(auth, db, client):
    from course.accounts import create_user
    from course.cohorts import invitations

    user = create_user(db, email="amina@example.org", name="Amina", password=None)
    token = invitations.invite(db, user=user)
    db.commit()
    assert client.get(f"/invite/{token}").headers["Referrer-Policy"] == "no-referrer"
