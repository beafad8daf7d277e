"""Post xAPI statements to a learning record store (LRS): one HTTP request per batch. Pure: no Flask here."""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request

XAPI_VERSION = "1.0.3"
ALREADY_STORED = 409  # a statement id the store holds already: it keeps the first, as xAPI says


class LrsError(Exception):
    """The store could not be reached or refused the batch; nothing counts as sent."""


def send_statements(url: str, username: str, password: str, statements: list[dict], *, timeout: float = 10.0) -> int:
    """POST the statements to `url`/statements; the HTTP status when the store took them (2xx or 409)."""
    request = urllib.request.Request(
        url.rstrip("/") + "/statements",
        data=json.dumps(statements).encode(),
        method="POST",
        headers={
            "Content-Type": "application/json",
            "X-Experience-API-Version": XAPI_VERSION,
            "Authorization": "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode(),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        if exc.code == ALREADY_STORED:
            return exc.code
        raise LrsError(f"the store answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise LrsError(f"the store could not be reached: {reason}") from None
