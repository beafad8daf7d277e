"""`flask badges …`: the issuer's Open Badges signing keys."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from course.certificates import keyring

badges_cli = AppGroup("badges", help="Open Badges: the issuer's signing keys.")


def _path():
    return keyring.path_of(current_app.instance_path, current_app.config["BADGE_KEYRING"])


@badges_cli.command("rotate-key")
def rotate_key() -> None:
    """Sign new credentials with a new key; earlier keys stay published so their credentials still verify."""
    ring = keyring.rotate(_path())
    click.echo(f"New signing key {ring.current['kid']} in {_path()}.")
    if len(ring.keys) > 1:
        click.echo(f"{len(ring.keys) - 1} earlier key(s) kept public only, for credentials already issued.")
    click.echo("With several servers, copy this file to each (or set CBEC_BADGE_KEYRING to a shared path).")


@badges_cli.command("keys")
def list_keys() -> None:
    """List the keys: the one that signs, and the earlier ones still published."""
    ring = keyring.load(_path())
    for entry in ring.keys:
        role = "signs new credentials" if entry is ring.current else "published, retired"
        click.echo(f"{entry['kid']}  created {entry['created']}  {role}")
