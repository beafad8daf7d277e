"""Helpers for the cohort pages: a cohort on the fixture path, prefixed forms, CSV uploads."""

import io
from datetime import UTC, datetime

import pytest
from sqlmodel import func, select

from course.cohorts import membership
from course.content import catalogue
from tests.conftest import csrf_token

DUE = datetime(2030, 11, 30, 23, 59, 59, tzinfo=UTC)
HEADER = "name,email,organisation,organisation_type,country\n"
GOOD_CSV = HEADER + (
    "Amina Wanjiru,amina@example.org,Kilimo Exports,SME,Kenya\n"
    "Chen Li,chen@example.org,Ningbo Port Office,Government,China\n"
    "\n"
    "Old Hand,trainee@example.org,Somewhere Else,other,Peru\n"
)


def count(db, model) -> int:
    return db.exec(select(func.count()).select_from(model)).one()


@pytest.fixture
def cohort(synced, db, auth):
    """A cohort on the 'officials' path, due 30 November 2030, owned by instructor@example.org (`auth.as_role`)."""
    creator = auth.make_user("instructor")
    found = membership.create_cohort(
        db,
        name="Officials — Nov 2030",
        path=catalogue.path_by_slug(db, "officials"),
        due_date=DUE,
        created_by=creator.id,
        owner_id=creator.id,
    )
    db.commit()
    return found


def post_form(auth, url, prefix, fields, **kwargs):
    """Post a prefixed form as the page renders it, with its own CSRF field."""
    data = {f"{prefix}-{name}": value for name, value in fields.items()}
    data[f"{prefix}-csrf_token"] = csrf_token(auth.client)
    return auth.post(url, data, **kwargs)


def upload(auth, cohort_id, text, filename="roster.csv"):
    body = text.encode() if isinstance(text, str) else text
    return post_form(
        auth,
        f"/cohorts/{cohort_id}/roster",
        "roster",
        {"roster": (io.BytesIO(body), filename)},
        content_type="multipart/form-data",
    )
