"""The measurements: pages against the ceiling with wrk, SQL statements per request, dashboards, the CSV."""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import event

from benchmarks import wrk
from benchmarks.browser import Browser, csrf_token
from benchmarks.database import SECRET_KEY
from course import create_app


@dataclass
class MeasuredPage:
    what: str
    path: str
    cookie: str | None  # None: anonymous


@dataclass
class PageFigures:
    """Medians over the rounds; the ratio is the median of each round's page / ceiling."""

    requests_per_second: float
    ceiling: float
    ratio: float
    p50_ms: float
    p99_ms: float
    errors: int
    rounds: list[dict]


def pages_against_ceiling(app_url: str, ceiling_url: str, pages: list[MeasuredPage], rounds: int, seconds: int) -> dict:
    """wrk on the ceiling, then on a page, for each page, `rounds` times; figures per page."""
    measured: dict[str, list[dict]] = {page.what: [] for page in pages}
    for number in range(1, rounds + 1):
        for page in pages:
            ceiling = wrk.run(ceiling_url + "/", seconds=seconds)
            result = wrk.run(app_url + page.path, seconds=seconds, cookie=page.cookie)
            ratio = result.requests_per_second / ceiling.requests_per_second
            measured[page.what].append({"ceiling": ceiling.as_dict(), "page": result.as_dict(), "ratio": ratio})
            print(
                f"  round {number}: {page.what}: {result.requests_per_second:.0f} req/s, "
                f"ceiling {ceiling.requests_per_second:.0f} -> {ratio:.2f}",
                flush=True,
            )
    return {what: _medians(runs) for what, runs in measured.items()}


def _medians(runs: list[dict]) -> PageFigures:
    def median(key: str, side: str = "page") -> float:
        return statistics.median(run[side][key] for run in runs)

    return PageFigures(
        requests_per_second=median("requests_per_second"),
        ceiling=median("requests_per_second", "ceiling"),
        ratio=statistics.median(run["ratio"] for run in runs),
        p50_ms=median("p50_ms"),
        p99_ms=median("p99_ms"),
        errors=sum(run["page"]["errors"] for run in runs),
        rounds=runs,
    )


@contextmanager
def _counting_statements(engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn, _cursor, statement, _parameters, _context, _executemany):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def statements_per_request(database_url: str, email: str, password: str, paths: list[str]) -> dict[str, int]:
    """SQL statements of one repeat GET of each path, in-process (Flask test client), signed in as email."""
    app = create_app({"DATABASE_URL": database_url, "SECRET_KEY": SECRET_KEY})
    engine, client = app.extensions["db_engine"], app.test_client()
    try:
        token = csrf_token(client.get("/login").get_data(as_text=True))
        client.post("/login", data={"email": email, "password": password, "csrf_token": token})
        counts = {}
        for path in paths:
            client.get(path)  # the first view may record things or warm caches; a repeat view is measured
            with _counting_statements(engine) as statements:
                status = client.get(path).status_code
            if status != 200:
                raise RuntimeError(f"GET {path} in-process: {status}")
            counts[path] = len(statements)
        return counts
    finally:
        engine.dispose()


def sequential_milliseconds(browser: Browser, path: str, requests: int) -> dict:
    """p50 (and slowest) of sequential GETs after a warm-up."""
    times = []
    for _ in range(requests + 1):
        status, _first, total, _size = browser.first_byte_seconds(path)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status}")
        times.append(total * 1000)
    times = times[1:]  # the warm-up
    return {"p50_ms": statistics.median(times), "slowest_ms": max(times), "requests": len(times)}


def first_byte(browser: Browser, path: str, runs: int = 3) -> dict:
    """Medians of time to the first body byte and to the last, over a few GETs."""
    results = [browser.first_byte_seconds(path) for _ in range(runs)]
    if any(status != 200 for status, *_ in results):
        raise RuntimeError(f"GET {path}: {[status for status, *_ in results]}")
    return {
        "first_byte_ms": statistics.median(r[1] * 1000 for r in results),
        "total_ms": statistics.median(r[2] * 1000 for r in results),
        "bytes": results[-1][3],
    }
