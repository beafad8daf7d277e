"""`benchmarks/run`: measure the platform from outside, under gunicorn and wrk, beside a bare-Flask ceiling.

For each engine it prepares a scratch database (curriculum, synthetic cohorts, a trainee with some
progress, an admin), starts the app and the ceiling under the same gunicorn settings, measures,
prints a table of every figure beside its target and writes all figures as JSON. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import database, measures, question_import, servers, wrk
from benchmarks.browser import Browser
from benchmarks.measures import MeasuredPage
from benchmarks.report import Figure, Target, table, unmet, write_json

RESULTS = Path(__file__).resolve().parent / "results"
PAGE_TARGETS = {"lesson page, signed in": 0.5, "module page, signed in": 0.5, "home page, anonymous": 0.5}
API = "/api/v1/me/progress"


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="benchmarks/run", description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=("sqlite", "postgresql"), help="one engine only (default: both)")
    parser.add_argument("--quick", action="store_true", help="cohorts of 100 and 1 000, shorter runs: a smoke test")
    parser.add_argument(
        "--full", action=argparse.BooleanOptionalAction, default=True, help="add the 100 000 cohort (default: on)"
    )
    parser.add_argument("--rounds", type=int, help="ceiling/page alternations per page (default 3, quick 2)")
    parser.add_argument("--seconds", type=int, help="length of each wrk run (default 5, quick 3)")
    parser.add_argument("--dashboard-requests", type=int, default=10, help="sequential dashboard requests (10)")
    parser.add_argument("--import-timeout", type=float, default=120, help="seconds before an import is given up")
    parser.add_argument("--json", type=Path, help="results file (default benchmarks/results/<engine>-<UTC>.json)")
    parser.add_argument("--postgresql-url", default=database.POSTGRESQL_URL, help="where the scratch schema goes")
    options = parser.parse_args(argv)
    options.engines = [options.engine] if options.engine else ["sqlite", "postgresql"]
    options.rounds = options.rounds or (2 if options.quick else 3)
    options.seconds = options.seconds or (3 if options.quick else 5)
    if options.quick:
        options.cohorts, options.imports = [100, 1_000], [1_000, 4_000]
    else:
        options.cohorts = [100, 10_000] + ([100_000] if options.full else [])
        options.imports = [5_000, 20_000]
    return options


def main(argv: list[str] | None = None) -> int:
    """Run every engine asked for; 0 when every target is met, 1 when one is not, 2 when a run failed."""
    options = _arguments(argv)
    try:
        return _run(options)
    except KeyboardInterrupt:
        print("\nInterrupted: servers stopped, scratch database removed.", file=sys.stderr)
        return 130


def _run(options: argparse.Namespace) -> int:
    wrk.executable()  # stop now, with the install hint, rather than after minutes of preparation
    # Ctrl-C and kill both unwind through `finally`, which stops the servers and drops the schema
    # (SIGINT too: a shell starts background jobs with it ignored).
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    json_path = options.json or RESULTS / f"{'+'.join(options.engines)}-{stamp}.json"
    runs, figures, failed = {}, {}, False
    for engine in options.engines:
        started = time.perf_counter()
        try:
            figures[engine], runs[engine] = _run_engine(engine, options)
        except Exception:  # one engine failing must not hide the other's figures
            traceback.print_exc()
            runs[engine], failed = {"error": traceback.format_exc()}, True
        else:
            print("\n" + table(engine, figures[engine]) + "\n", flush=True)
        runs[engine]["wall_seconds"] = round(time.perf_counter() - started, 1)
        write_json(json_path, runs)
    missed = unmet(figures)
    print("Targets not met:" if missed else "Every target met.", *missed, sep="\n  ")
    print(f"Figures written to {json_path}")
    return 2 if failed else 1 if missed else 0


def _interrupt(_signal, _frame) -> None:
    raise KeyboardInterrupt


def _run_engine(engine: str, options: argparse.Namespace) -> tuple[list[Figure], dict]:
    print(f"== {engine}: preparing cohorts of {', '.join(f'{n:,}' for n in options.cohorts)} ==", flush=True)
    with (
        database.scratch_database(engine, options.postgresql_url) as url,
        tempfile.TemporaryDirectory(prefix="cbec-bench-") as folder,
    ):
        prepared = database.prepare(url, options.cohorts)
        started = []
        try:
            environment = {"DATABASE_URL": url, "SECRET_KEY": database.SECRET_KEY}
            started.append(servers.start("app", "app:app", environment, Path(folder)))
            started.append(servers.start("ceiling", "benchmarks.ceiling:app", {}, Path(folder)))
            for server in started:
                servers.wait_until_answering(server)
            figures, load_average = _measure(prepared, *started, options)
        finally:
            for server in started:
                servers.stop(server)
        figures += _imports(url, options, Path(folder))
    record = {
        "engine": engine,
        "utc": datetime.now(UTC).isoformat(timespec="seconds"),
        "options": {k: v for k, v in vars(options).items() if k not in ("json", "postgresql_url")},
        "load_average_before": load_average,
        "cpus": os.cpu_count(),
        "preparation_seconds": prepared.seconds,
        "figures": [f.as_dict() for f in figures],
    }
    return figures, record


def _signed_in(app_url: str, email: str) -> Browser:
    browser = Browser(app_url)
    browser.log_in(email, database.PASSWORD)
    return browser


def _give_progress(trainee: Browser, prepared: database.Prepared) -> None:
    """Follow the path, open the first lessons, complete all but the last, submit the module quiz (no answers)."""
    trainee.post_form(f"/paths/{prepared.path_slug}/follow", token_page="/paths")
    for number, slug in enumerate(prepared.lesson_slugs):
        trainee.post_form(f"/lessons/{slug}/visit", token_page=f"/lessons/{slug}")
        if number < len(prepared.lesson_slugs) - 1:
            trainee.post_form(f"/lessons/{slug}/complete", token_page=f"/lessons/{slug}")
    if prepared.quiz_id is not None:
        quiz_page = f"/quizzes/{prepared.quiz_id}"
        attempt = trainee.post_form(f"{quiz_page}/start", token_page=quiz_page).location
        if "/attempts/" in attempt:
            attempt_path = "/" + attempt.split("/", 3)[-1] if "://" in attempt else attempt
            trainee.post_form(f"{attempt_path}/submit", token_page=attempt_path)
        else:
            print(f"  the quiz did not start (redirected to {attempt}); going on without an attempt")
    trainee.get("/my-learning")  # shows, and so clears, the flashed messages kept in the session cookie


def _measure(prepared, app_server, ceiling_server, options) -> tuple[list[Figure], tuple[float, ...]]:
    """Every figure taken while the servers run, and the load average just before the wrk runs."""
    trainee = _signed_in(app_server.base_url, database.TRAINEE_EMAIL)
    _give_progress(trainee, prepared)
    admin = _signed_in(app_server.base_url, database.ADMIN_EMAIL)
    cookie = trainee.cookie_header()
    pages = [
        MeasuredPage("lesson page, signed in", f"/lessons/{prepared.lesson_slugs[0]}", cookie),
        MeasuredPage("module page, signed in", f"/modules/{prepared.module_slug}", cookie),
        MeasuredPage("home page, anonymous", "/", None),
        MeasuredPage("My learning", "/my-learning", cookie),
        MeasuredPage(API, API, cookie),
    ]
    for page in pages:  # with the very header wrk sends, so a lost session shows here, not as fast redirects
        Browser(app_server.base_url, page.cookie).get(page.path)
    statements = measures.statements_per_request(
        prepared.url, database.TRAINEE_EMAIL, database.PASSWORD, [p.path for p in pages]
    )
    load_average = os.getloadavg()
    print(f"load average before measuring: {' '.join(f'{x:.2f}' for x in load_average)} on {os.cpu_count()} CPUs")
    measured = measures.pages_against_ceiling(
        app_server.base_url, ceiling_server.base_url, pages, options.rounds, options.seconds
    )
    figures = [_page_figure(page, measured[page.what], statements[page.path]) for page in pages]
    figures.append(Figure(f"SQL statements per request: {API}", statements[API], "queries", Target("<=", 6)))
    figures += _dashboards(admin, prepared.cohorts, options)
    return figures, load_average


def _page_figure(page: MeasuredPage, measured: measures.PageFigures, statements: int) -> Figure:
    limit = PAGE_TARGETS.get(page.what, 0.3 if page.what == "My learning" else None)
    note = f"p50 {measured.p50_ms:.1f} ms, p99 {measured.p99_ms:.1f} ms, {statements} SQL statements"
    if measured.errors:
        note += f", {measured.errors} ERRORS"
    return Figure(
        page.what,
        measured.requests_per_second,
        "req/s",
        Target(">=", limit, on_ratio=True) if limit else None,
        ceiling=measured.ceiling,
        ratio=measured.ratio,
        note=note,
        details={
            "path": page.path,
            "sql_statements": statements,
            "p50_ms": measured.p50_ms,
            "p99_ms": measured.p99_ms,
            "rounds": measured.rounds,
        },
    )


def _dashboards(admin: Browser, cohorts: dict[int, int], options) -> list[Figure]:
    """p50 of each cohort's dashboard; targets: < 100 ms up to 10 000 trainees, < 300 ms beyond, ≤ 3× the smallest."""
    figures, smallest, smallest_p50 = [], min(cohorts), None
    for size, cohort_id in sorted(cohorts.items()):
        path = f"/reports/cohorts/{cohort_id}"
        timed = measures.sequential_milliseconds(admin, path, options.dashboard_requests)
        smallest_p50 = smallest_p50 or timed["p50_ms"]
        print(f"  dashboard of {size:,}: p50 {timed['p50_ms']:.0f} ms", flush=True)
        target = None if size == smallest else Target("<", 100 if size <= 10_000 else 300)
        note = f"{timed['requests']} sequential requests, slowest {timed['slowest_ms']:.0f} ms"
        figures.append(
            Figure(f"cohort dashboard, {size:,} trainees", timed["p50_ms"], "ms", target, note=note, details=timed)
        )
        if size != smallest and size <= 10_000:
            times = timed["p50_ms"] / smallest_p50
            figures.append(Figure(f"  dashboard p50, {size:,} ÷ {smallest:,} trainees", times, "×", Target("<=", 3)))
    biggest = max(cohorts)
    csv = measures.first_byte(admin, f"/reports/cohorts/{cohorts[biggest]}/progress.csv")
    note = f"whole file {csv['total_ms']:.0f} ms, {csv['bytes'] / 1024:.0f} KiB"
    figures.append(
        Figure(f"progress CSV of {biggest:,}: first byte", csv["first_byte_ms"], "ms", Target("<", 200), note=note)
    )
    return figures


def _imports(url: str, options, folder: Path) -> list[Figure]:
    """Import the smaller file, then the bigger one unless the smaller timed out; the bigger has the target."""
    figures, results = [], []
    for count in options.imports:
        if results and results[-1]["seconds"] is None:
            results.append({"questions": count, "seconds": None, "outcome": "skipped: the smaller import failed"})
        else:
            print(f"  importing {count:,} questions (timeout {options.import_timeout:.0f} s)", flush=True)
            results.append(question_import.timed_import(url, count, folder, options.import_timeout))
        limit = 20 * count / 20_000  # 20 s for 20 000 questions, in proportion for other sizes
        target = Target("<", limit) if count == max(options.imports) else None
        figures.append(
            Figure(f"import {count:,} questions", results[-1]["seconds"], "s", target, note=results[-1]["outcome"])
        )
    small, big = results[0], results[-1]
    growth = big["seconds"] / small["seconds"] if big["seconds"] and small["seconds"] else None
    linear = big["questions"] / small["questions"]
    figures.append(
        Figure(
            f"  time ratio {big['questions']:,} / {small['questions']:,} questions",
            growth,
            "×",
            Target("<=", linear * 1.25),
            note=f"{linear:g} is linear" if growth else "not measured: an import did not finish",
        )
    )
    return figures


if __name__ == "__main__":
    sys.exit(main())
