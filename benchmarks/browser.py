"""A minimal HTTP client that signs in like a browser: keeps cookies, reads CSRF tokens, posts forms."""

from __future__ import annotations

import http.client
import re
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

_CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')
_CSRF_FIELD = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


@dataclass
class Response:
    status: int
    location: str
    body: str


class Browser:
    """One visitor of one server; only the Cookie header is sent, exactly what wrk will send."""

    def __init__(self, base_url: str, cookie_header: str | None = None) -> None:
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        pairs = (pair.partition("=") for pair in (cookie_header or "").split("; ") if pair)
        self.cookies: dict[str, str] = {name: value for name, _, value in pairs}

    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def request(self, method: str, path: str, form: dict | None = None) -> Response:
        headers = {"Cookie": self.cookie_header()} if self.cookies else {}
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection(self.host, self.port, timeout=600)
        try:
            conn.request(method, path, body=body, headers=headers)
            answer = conn.getresponse()
            text = answer.read().decode("utf-8", "replace")
            for header in answer.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return Response(answer.status, answer.headers.get("Location", ""), text)
        finally:
            conn.close()

    def get(self, path: str, expect: int = 200) -> Response:
        response = self.request("GET", path)
        if response.status != expect:
            raise RuntimeError(f"GET {path}: {response.status}, expected {expect}")
        return response

    def post_form(self, path: str, fields: dict | None = None, token_page: str | None = None) -> Response:
        """POST a form with the CSRF token of token_page (or of path itself); expects a redirect or 204."""
        page = self.get(token_page or path)
        response = self.request("POST", path, {**(fields or {}), "csrf_token": csrf_token(page.body)})
        if response.status not in (204, 302, 303):
            raise RuntimeError(f"POST {path}: {response.status}\n{response.body[:2000]}")
        return response

    def log_in(self, email: str, password: str) -> None:
        response = self.post_form("/login", {"email": email, "password": password})
        if "/login" in response.location:
            raise RuntimeError(f"logging in as {email} failed")

    def first_byte_seconds(self, path: str) -> tuple[int, float, float, int]:
        """(status, seconds to the first body byte, seconds to the last, bytes) of one GET."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=600)
        try:
            started = time.perf_counter()
            conn.request("GET", path, headers={"Cookie": self.cookie_header()})
            answer = conn.getresponse()
            first = answer.read(1)
            first_byte = time.perf_counter() - started
            size = len(first) + len(answer.read())
            return answer.status, first_byte, time.perf_counter() - started, size
        finally:
            conn.close()


def csrf_token(html: str) -> str:
    """The CSRF token of a page: its <meta name="csrf-token"> or a form's hidden field."""
    found = _CSRF_META.search(html) or _CSRF_FIELD.search(html)
    if found is None:
        raise RuntimeError("no CSRF token on the page")
    return found.group(1)
