"""`flask course export`: the course or a module as a Common Cartridge, SCORM 1.2 or offline package."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlmodel import Session

from course.db import engine
from course.interop.formats import FORMATS, ExportRefused, export
from course.interop.material import UnknownModule, course_material, module_choices


@click.command("export")
@click.option("--format", "format_name", type=click.Choice(list(FORMATS)), required=True, help="The package format.")
@click.option("--module", "module_slug", default=None, help="One module's slug (default: the whole course).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The file to write.")
@click.option("--site-url", default=None, help="The live site, for links a package cannot hold (CBEC_SITE_URL).")
@with_appcontext
def export_command(format_name: str, module_slug: str | None, output: str, site_url: str | None) -> None:
    """Write the course (or one module) as an .imscc, a SCORM 1.2 zip or the offline edition."""
    site_url = current_app.config["SITE_URL"] if site_url is None else site_url
    with Session(engine()) as session:
        try:
            material = course_material(
                session, module_slug=module_slug, site_url=site_url, translations=format_name == "offline"
            )
            package = export(format_name, material, module_chosen=module_slug is not None)
        except UnknownModule:
            slugs = ", ".join(m.slug for m in module_choices(session)) or "none (run flask course sync)"
            raise click.ClickException(f"no active module has the slug {module_slug!r}; modules: {slugs}") from None
        except ExportRefused as exc:
            raise click.ClickException(str(exc)) from None
    if not material.modules:
        raise click.ClickException("the database holds no modules yet: run flask course sync first")
    _write(Path(output), package.data)
    for note in package.notes:
        click.echo(note)
    click.echo(f"Wrote {output} ({len(package.data) / 1024:.0f} KB).")


def _write(path: Path, data: bytes) -> None:
    """Write the file whole or not at all: a half-written package would be worse than none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
