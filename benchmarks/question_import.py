"""Time `flask quiz import` of a generated GIFT and Moodle XML file of simple questions (also used by benchmarks/run).

    python benchmarks/question_import.py [--questions 20000] [--format gift|xml|both]

The database is DATABASE_URL, or a temporary SQLite file by default. For PostgreSQL give a
scratch schema in the URL and --schema to create it first and drop it afterwards:

    DATABASE_URL='postgresql+psycopg://127.0.0.1:5432/test?options=-csearch_path%3Dbench' \\
        python benchmarks/question_import.py --schema bench

It migrates an empty database, writes a GIFT file that mixes multiple choice, true/false, short
answer and numerical questions (and the same questions as Moodle XML, written element by element as
Moodle's exporter writes them), imports each into a new bank through the CLI command, then imports
it again (every question unchanged) and a third time with every question's text changed (every
question revised), and prints the seconds of each; it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.cohort_dashboard import _database
from benchmarks.database import SECRET_KEY
from benchmarks.servers import REPO_ROOT
from course import create_app, migrate
from course.questions import parse_gift, write_moodle_xml


def gift_questions(count: int, edition: str = "") -> str:
    """A GIFT text of `count` distinct questions, the four simple types in turn; another `edition` changes
    every question's text but not its name."""
    makers = (
        lambda i: f"::mc{i}::Which number follows {i}?{edition} {{={i + 1} ~{i + 2} ~{i + 3}}}",
        lambda i: f"::tf{i}::The number {i} is even.{edition} {{{'T' if i % 2 == 0 else 'F'}}}",
        lambda i: f"::short{i}::Write the code of item {i}.{edition} {{=item-{i} =item {i}}}",
        lambda i: f"::num{i}::What is {i} times two?{edition} {{#{2 * i}}}",
    )
    return "\n\n".join(makers[i % 4](i) for i in range(count)) + "\n"


def moodle_xml_questions(count: int, edition: str = "") -> str:
    """The questions of `gift_questions` as a Moodle XML file."""
    return write_moodle_xml(parse_gift(gift_questions(count, edition)).questions)


GENERATORS = {"gift": gift_questions, "xml": moodle_xml_questions}


def timed_import(database_url: str, count: int, folder: Path, timeout_seconds: float) -> dict:
    """Write count questions to a file and import them into a new bank; seconds, or why there are none."""
    gift = folder / f"bench-{count}.gift"
    gift.write_text(gift_questions(count), encoding="utf-8")
    command = [sys.executable, "-m", "flask", "--app", "app", "quiz", "import", str(gift), "--bank", f"Bench {count}"]
    environment = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": SECRET_KEY}
    started = time.perf_counter()
    try:
        finished = subprocess.run(
            command, cwd=REPO_ROOT, env=environment, capture_output=True, text=True, timeout=timeout_seconds
        )
    except subprocess.TimeoutExpired:
        return {"questions": count, "seconds": None, "outcome": f"timed out after {timeout_seconds:.0f} s"}
    seconds = time.perf_counter() - started
    if finished.returncode != 0:
        message = (finished.stderr or finished.stdout).strip().splitlines()[-1:] or ["no message"]
        return {"questions": count, "seconds": None, "outcome": f"failed: {message[0]}"}
    return {"questions": count, "seconds": seconds, "outcome": finished.stdout.strip()}


def main() -> None:
    options = _arguments()
    formats = list(GENERATORS) if options.format == "both" else [options.format]
    with _database(os.environ.get("DATABASE_URL"), options.schema) as url, tempfile.TemporaryDirectory() as folder:
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "benchmark", "QUESTIONS_PER_IMPORT": options.questions})
        engine = app.extensions["db_engine"]
        print(f"database: {engine.url.render_as_string(hide_password=True)}")
        migrate.upgrade(engine)
        runner = app.test_cli_runner()
        for file_format in formats:
            generate = GENERATORS[file_format]
            path = Path(folder) / f"generated.{file_format}"
            path.write_text(generate(options.questions), encoding="utf-8")
            print(f"{path.name}: {options.questions} questions, {path.stat().st_size / 1024 / 1024:.1f} MiB")
            for label, edition in (
                ("into a new bank", ""),
                ("again, every question unchanged", ""),
                ("revised", " (2)"),
            ):
                path.write_text(generate(options.questions, edition), encoding="utf-8")
                started = time.perf_counter()
                result = runner.invoke(args=["quiz", "import", str(path), "--bank", f"generated-{file_format}"])
                seconds = time.perf_counter() - started
                assert result.exit_code == 0, result.output
                print(f"{file_format} import {label}: {seconds:.1f} s ({result.output.strip()})")
        engine.dispose()


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=20_000)
    parser.add_argument("--format", choices=[*GENERATORS, "both"], default="both", help="which files to import")
    parser.add_argument("--schema", help="PostgreSQL scratch schema to create first and drop afterwards")
    return parser.parse_args()


if __name__ == "__main__":
    main()
