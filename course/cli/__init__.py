<<<<<<< HEAD
"""Command-line groups, one module each: `flask db`, `flask users`, `flask course`, `flask quiz`, `flask mail`,
`flask events`, `flask badges`."""
=======
"""Command-line groups, one module each: `flask db`, `flask users`, `flask course`, `flask quiz`, `flask badges`, `flask xapi`."""
>>>>>>> fc68411 (Interop (issue 17): xAPI statements to a learning record store: 'flask xapi send' (cron) posts the statements of the JSON export, same ids, to LRS_URL with Basic credentials in batches; never in a trainee's request, never twice (a cursor on the new lrsfeed row moves after the store's answer; one run at a time by a lease, no lock held while waiting), retried with a back-off after failures; 'flask xapi status'; tested against a stand-in LRS on a loopback port (migration be4c65bde64f))

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

<<<<<<< HEAD
    for group in (db_cli, users_cli, course_cli, quiz_cli, mail_cli, events_cli, badges_cli):
=======
    for group in (db_cli, users_cli, course_cli, quiz_cli, badges_cli, xapi_cli):
>>>>>>> fc68411 (Interop (issue 17): xAPI statements to a learning record store: 'flask xapi send' (cron) posts the statements of the JSON export, same ids, to LRS_URL with Basic credentials in batches; never in a trainee's request, never twice (a cursor on the new lrsfeed row moves after the store's answer; one run at a time by a lease, no lock held while waiting), retried with a back-off after failures; 'flask xapi status'; tested against a stand-in LRS on a loopback port (migration be4c65bde64f))
        app.cli.add_command(group)
