"""Security headers on every response: what the browser may load, run, frame and send on."""

from __future__ import annotations

from flask import Flask

# No 'unsafe-inline': every script and style comes from /static. Remote images in authored lessons and
# questions are blocked by img-src, so a page never tells a third party who read it.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "img-src 'self' data:",
        "style-src 'self'",
        "script-src 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
    )
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}
STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains"


def register(app: Flask) -> None:
    """Add the headers to every response; HSTS only when cookies are HTTPS-only (CBEC_SECURE_COOKIES=1)."""
    headers = dict(HEADERS)
    if app.config.get("SESSION_COOKIE_SECURE"):
        headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY

    @app.after_request
    def add_security_headers(response):
        for name, value in headers.items():
            response.headers.setdefault(name, value)  # a view may be stricter (invitations: no-referrer)
        return response
