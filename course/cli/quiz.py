"""`flask quiz import FILE [--bank NAME]`, `flask quiz export BANK -o FILE [--format gift|xml]` and
`flask quiz close-overdue`."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from sqlmodel import Session

from course.certificates.issuing import issue_due_certificates
from course.db import engine
from course.models import Attempt
from course.questions import QuestionFileError
from course.questions.files import EXPORT_FORMATS, export_format_for, read_question_file, write_question_file
from course.quizzes.attempts import overdue_attempt_ids, submit_attempt
from course.quizzes.banks import (
    TooManyQuestions,
    bank_by_name,
    check_import_size,
    export_bank,
    get_or_create_bank,
    import_questions,
)

quiz_cli = AppGroup("quiz", help="Import and export question banks.")


@quiz_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--bank", "bank_name", default=None, help="Bank to import into (default: the file name).")
def import_command(file: Path, bank_name: str | None) -> None:
    """Import a GIFT, Aiken or Moodle XML file into a bank (the format is read from the content): every question
    or none; questions of a type this platform does not hold are skipped and listed."""
    try:
        parsed = read_question_file(file.read_text(encoding="utf-8-sig"), str(file))
    except QuestionFileError as exc:
        for name, line, message in exc.errors:
            click.echo(f"{name}:{line}: {message}", err=True)
        raise click.ClickException(f"{len(exc.errors)} error(s); nothing was imported") from None
    except UnicodeDecodeError:
        raise click.ClickException(f"{file}: the file is not UTF-8 text; nothing was imported") from None
    limit = current_app.config["QUESTIONS_PER_IMPORT"]
    try:
        check_import_size(len(parsed.questions), limit)  # before the bank is made
    except TooManyQuestions as exc:
        raise click.ClickException(f"{file}: {exc}") from None
    name = bank_name or file.name.split(".")[0]
    with Session(engine()) as session:
        bank = get_or_create_bank(session, name)
        report = import_questions(session, bank, parsed.questions, limit=limit)
        session.commit()
    for where, line, message in parsed.skipped:
        click.echo(f"{where}:{line}: {message}", err=True)
    skipped = f"; {len(parsed.skipped)} skipped" if parsed.skipped else ""
    click.echo(f"Bank '{name}': {report.summary()}{skipped}.")


@quiz_cli.command("export")
@click.argument("bank_name")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option(
    "--format",
    "file_format",
    type=click.Choice(sorted(EXPORT_FORMATS)),
    default=None,
    help="gift or xml (Moodle XML); default: from the file's extension (.xml: Moodle XML, else GIFT).",
)
def export_command(bank_name: str, output: Path, file_format: str | None) -> None:
    """Write a bank's current questions as GIFT or Moodle XML."""
    file_format = file_format or export_format_for(output.name) or "gift"
    with Session(engine()) as session:
        bank = bank_by_name(session, bank_name)
        if bank is None:
            raise click.ClickException(f"no bank named '{bank_name}'")
        questions = export_bank(session, bank)
    output.write_text(write_question_file(questions, file_format), encoding="utf-8")
    label = "Moodle XML" if file_format == "xml" else "GIFT"
    click.echo(f"{len(questions)} questions written to {output} ({label}).")


@quiz_cli.command("close-overdue")
def close_overdue_command() -> None:
    """Submit every attempt left open past its deadline with the answers saved in time (run it from cron, e.g.
    every five minutes, as Moodle submits open attempts when their time is up); each attempt in its own transaction."""
    with Session(engine()) as session:
        attempt_ids = overdue_attempt_ids(session)
    closed = 0
    for attempt_id in attempt_ids:
        with Session(engine()) as session:
            attempt = session.get(Attempt, attempt_id)
            if attempt is not None and submit_attempt(session, attempt):
                issue_due_certificates(session, attempt.user_id)
                closed += 1
            session.commit()
    click.echo(f"{closed} overdue attempt{'s' if closed != 1 else ''} submitted.")
