"""Fixtures for the events tests."""

import pytest
from flask import has_app_context

from course import announcements


@pytest.fixture(autouse=True)
def _notices_given_their_app(app, monkeypatch):
    """These tests call the events' data functions directly, outside a request: the notices those functions send
    (course.notifications.notify: templates, signed unsubscribe links) get the app they need, and are real."""
    real = announcements.notify

    def notify_in_app(*args, **kwargs):
        if has_app_context():
            return real(*args, **kwargs)
        with app.app_context():
            return real(*args, **kwargs)

    monkeypatch.setattr(announcements, "notify", notify_in_app)
