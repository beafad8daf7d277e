"""`flask course …`: load the curriculum and question banks; set up the demo with one account per role."""

from __future__ import annotations

import secrets

import click
from flask import current_app
from flask.cli import AppGroup
from sqlmodel import Session

from course import accounts, migrate, upkeep
from course.cli.demo_programme import add_demo_programme
from course.cli.export import export_command
from course.content import catalogue
from course.content.errors import ContentError
from course.content.loader import load_course
from course.content.sync import sync_course
from course.db import engine
from course.models import LearningPath
from course.progress import enrolments
from course.quizzes.sync import sync_quizzes

course_cli = AppGroup("course", help="Load course content.")
course_cli.add_command(export_command)


@course_cli.command("sync")
@click.option("--content", "content_dir", default=None, help="Content folder (default: modules/).")
def sync(content_dir: str | None) -> None:
    """Load modules/ and quizzes/ into the database in one transaction."""
    folder = content_dir or current_app.config["CONTENT_DIR"]
    try:
        course = load_course(folder)
        with Session(engine()) as session:
            report = sync_course(session, course)
            quiz_report = sync_quizzes(
                session,
                current_app.config["QUIZ_DIR"],
                questions_per_import=current_app.config["QUESTIONS_PER_IMPORT"],
            )
            session.commit()
    except ContentError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        raise click.ClickException(f"sync stopped: {len(exc.problems)} problem(s); nothing was changed") from None
    click.echo(f"Content: {report.summary()}.")
    for name, line, message in quiz_report.skipped:
        click.echo(f"{name}:{line}: {message}", err=True)
    click.echo(f"Quizzes: {quiz_report}.")


@course_cli.command("readability")
@click.option("--content", "content_dir", default=None, help="Content folder (default: modules/).")
def readability_report(content_dir: str | None) -> None:
    """Print Flesch-Kincaid grade, reading ease and words of every lesson, then the median grade."""
    from course.content import readability

    try:
        course = load_course(content_dir or current_app.config["CONTENT_DIR"])
    except ContentError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        raise click.ClickException("the content does not load; fix it first") from None
    measured = []
    click.echo(f"{'lesson':<50} {'grade':>6} {'ease':>6} {'words':>6}")
    for lesson in course.lessons():
        result = readability.of_lesson(lesson)
        measured.append(result)
        flag = "  above the ceiling" if result.grade > readability.GRADE_CEILING else ""
        click.echo(f"{lesson.slug:<50} {result.grade:>6.1f} {result.ease:>6.1f} {result.words:>6}{flag}")
    median = readability.median_grade(measured)
    words = sorted(r.words for r in measured)
    click.echo(
        f"median grade {median:.1f} (target at most {readability.GRADE_MEDIAN_TARGET:.0f}, none above "
        f"{readability.GRADE_CEILING:.0f}); median words {words[len(words) // 2] if words else 0}; "
        f"{len(measured)} lessons"
    )


@course_cli.command("rebuild-standing")
def rebuild_standing() -> None:
    """Work out every module summary, cohort tally and programme tally again from the records."""
    with Session(engine()) as session:
        upkeep.rebuild(session)
        session.commit()
    click.echo("Module summaries, cohort tallies and programme tallies rebuilt from the records.")


# The demo accounts, one per role. Trainee and official follow the first path for their audience.
DEMO_ACCOUNTS = (
    {
        "role": "trainee",
        "email": "trainee@demo.cbec-academy.org",
        "name": "Amina Demo Trainee",
        "organisation": "Kilimo Demo Exports",
        "org_type": "sme",
        "country": "Kenya",
        "firm_size": "small",
        "path_audience": "sme",
    },
    {
        "role": "official",
        "email": "official@demo.cbec-academy.org",
        "name": "Kofi Demo Official",
        "organisation": "Demo Ministry of Trade",
        "org_type": "government",
        "country": "Ghana",
        "firm_size": "na",
        "path_audience": "official",
    },
    {
        "role": "instructor",
        "email": "instructor@demo.cbec-academy.org",
        "name": "Lina Demo Instructor",
        "organisation": "CBEC Academy",
        "org_type": "social",
        "country": "Viet Nam",
        "firm_size": "na",
    },
    {
        "role": "admin",
        "email": "admin@demo.cbec-academy.org",
        "name": "Demo Administrator",
        "organisation": "CBEC Academy",
        "org_type": "other",
        "country": "",
        "firm_size": "na",
    },
)


DEMO_INSTRUCTOR = "instructor@demo.cbec-academy.org"


def _path_for(session: Session, audience: str) -> LearningPath | None:
    """The first active path for this audience, else the first active path (None when there is none)."""
    paths = catalogue.active_paths(session)
    return next((p for p in paths if p.audience == audience), paths[0] if paths else None)


@course_cli.command("demo")
def demo() -> None:
    """Migrate, load the content and create one demo account per role with generated passwords."""
    migrate.upgrade(engine())
    ctx = click.get_current_context()
    ctx.invoke(sync)
    created: list[tuple[str, str, str, str]] = []
    existing: list[str] = []
    with Session(engine()) as session:
        for spec in DEMO_ACCOUNTS:
            profile = dict(spec)
            email, role, audience = profile.pop("email"), profile.pop("role"), profile.pop("path_audience", None)
            if accounts.find_user(session, email=email):
                existing.append(email)
                continue
            password = secrets.token_urlsafe(12)
            user = accounts.create_user(session, email=email, password=password, role=role, verified=True, **profile)
            path = _path_for(session, audience) if audience else None
            if path is not None:
                enrolments.enrol(session, user_id=user.id, path=path)
            created.append((role, email, password, path.title if path else ""))
        instructor = accounts.find_user(session, email=DEMO_INSTRUCTOR)
        programme = add_demo_programme(session, instructor) if instructor is not None else []
        session.commit()
    if created:
        click.echo("Demo accounts created. These passwords are shown once; note them now.")
        width = max(len(email) for _, email, _, _ in created)
        click.echo(f"  {'role':<12}{'email':<{width + 2}}password")
        for role, email, password, _ in created:
            click.echo(f"  {role:<12}{email:<{width + 2}}{password}")
        for role, _, _, path_title in created:
            if path_title:
                click.echo(f"The {role} follows the path “{path_title}”.")
    if programme:
        click.echo(f"Added {' and '.join(programme)}: see Events and Study tours.")
    if existing:
        click.echo(
            "Demo accounts that exist already (their passwords were shown when they were made): "
            + ", ".join(existing)
            + "."
        )
        click.echo(
            "Reset a password with: flask --app app users set-password EMAIL "
            "(for the admin also: flask --app app users create-admin admin@demo.cbec-academy.org)."
        )
