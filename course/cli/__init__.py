"""Command-line groups, one module each: `flask db`, `flask users`, `flask course`, `flask quiz`, `flask mail`,
`flask events`, `flask badges`, `flask xapi`."""

from __future__ import annotations

from flask import Flask


def register_commands(app: Flask) -> None:
    """Add every command group to the app's `flask` command."""
    from course.cli.badges import badges_cli
    from course.cli.course import course_cli
    from course.cli.db import db_cli
    from course.cli.events import events_cli
    from course.cli.mail import mail_cli
    from course.cli.quiz import quiz_cli
    from course.cli.users import users_cli
    from course.cli.xapi import xapi_cli

    for group in (db_cli, users_cli, course_cli, quiz_cli, mail_cli, events_cli, badges_cli, xapi_cli):
        app.cli.add_command(group)
