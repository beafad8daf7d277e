"""Each app process sends from the outbox in a thread of its own, so one server needs no other program.

The thread starts with the process's first request (under gunicorn: in each worker, after the fork), wakes
every MAIL_POLL_SECONDS and right after a commit that queued mail, and runs the sender. Several processes
and servers may all run one: the outbox's claims keep them off each other's messages. Turn it off with
MAIL_BACKGROUND=0 when `flask mail send-pending --loop` runs as a worker of its own.
"""

from __future__ import annotations

import logging
import os
import threading

from flask import Flask, current_app, has_app_context
from sqlalchemy import event
from sqlmodel import Session

from course.mail import outbox
from course.mail.sender import send_for_app

log = logging.getLogger("course.mail")
_lock = threading.Lock()


class SenderThread:
    """The process's sender: a daemon thread, a wake-up call and a stop switch."""

    def __init__(self, app: Flask):
        self.app, self.pid = app, os.getpid()
        self.wake, self.stopping = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._run, name="cbec-mail-sender", daemon=True)

    def _run(self) -> None:
        while not self.stopping.is_set():
            try:
                with self.app.app_context():
                    send_for_app(self.app)
            except Exception:  # a database or template problem: say so and try again at the next round
                log.exception("the mail sender failed; it tries again in %s s", self.app.config["MAIL_POLL_SECONDS"])
            self.wake.wait(self.app.config["MAIL_POLL_SECONDS"])
            self.wake.clear()

    def stop(self, timeout: float = 10) -> None:
        self.stopping.set()
        self.wake.set()
        self.thread.join(timeout)


def init_app(app: Flask) -> None:
    """Start the sender with the first request of each process, when MAIL_BACKGROUND is on."""
    if not event.contains(Session, "after_commit", _wake_after_mail_committed):
        event.listen(Session, "after_commit", _wake_after_mail_committed)
    if not app.config["MAIL_BACKGROUND"]:
        return

    @app.before_request
    def start_sender() -> None:
        running = app.extensions.get("mail_sender")
        if running is None or running.pid != os.getpid():  # none yet, or inherited from the parent of a fork
            _start(app)


def _start(app: Flask) -> None:
    with _lock:
        running = app.extensions.get("mail_sender")
        if running is not None and running.pid == os.getpid():
            return
        sender = app.extensions["mail_sender"] = SenderThread(app)
        sender.thread.start()


def _wake_after_mail_committed(session: Session) -> None:
    if session.info.pop(outbox.QUEUED, False) and has_app_context():
        sender = current_app.extensions.get("mail_sender")
        if sender is not None and sender.pid == os.getpid():
            sender.wake.set()


def stop(app: Flask) -> None:
    """Stop this process's sender thread, if it runs (tests; a clean shutdown)."""
    sender = app.extensions.pop("mail_sender", None)
    if sender is not None and sender.pid == os.getpid():
        sender.stop()
