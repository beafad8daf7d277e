"""A trainee who has completed the fixture's 'officials' path through the real pages."""

import pytest
from sqlmodel import select

from course.models import Certificate

PATH_LESSONS = ["harbour-city-pilot", "river-town-bonded-zone", "rail-freight", "returns-hub"]


def complete_path(auth, lessons=PATH_LESSONS):
    """Follow the officials path and mark each lesson complete; returns the last response."""
    auth.post("/paths/officials/follow")
    response = None
    for slug in lessons:
        response = auth.post(f"/lessons/{slug}/complete")
        assert response.status_code == 302
    return response


@pytest.fixture
def earned(synced, auth, db):
    """(holder, certificate) for a trainee from Kilimo Exports who finished the path."""
    holder = auth.as_role("trainee", organisation="Kilimo Exports", country="Kenya")
    complete_path(auth)
    certificate = db.exec(select(Certificate).where(Certificate.user_id == holder.id)).one()
    return holder, certificate
