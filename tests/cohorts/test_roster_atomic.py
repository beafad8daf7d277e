"""A roster upload is all or nothing even when the database fails after the first rows were written.

Bad rows are found before anything is written (tests/cohorts/test_roster_upload.py). Here every row is
valid and the database itself refuses a row of the second half: an enrolment at commit, or a new
account mid-way (as when someone else enrols the same email at the same moment).
"""

from sqlmodel import select

from course.models import CohortMember, Invitation, PathEnrolment, User
from tests.cohorts.conftest import HEADER, count, upload
from tests.conftest import recorded_writes, refuse

FIRST_HALF = (
    "Amina Wanjiru,amina@example.org,Kilimo Exports,SME,Kenya\n"
    "Chen Li,chen@example.org,Ningbo Port Office,Government,China\n"
)


def _state(db):
    """Accounts, members, enrolments and invitations as stored (the read transaction is ended)."""
    db.expire_all()
    state = {
        "users": sorted((u.email, u.name, u.password_hash) for u in db.exec(select(User))),
        "members": sorted((m.cohort_id, m.user_id) for m in db.exec(select(CohortMember))),
        "enrolments": sorted((e.user_id, e.path_id) for e in db.exec(select(PathEnrolment))),
        "invitations": count(db, Invitation),
    }
    db.rollback()
    return state


def test_an_enrolment_refused_at_commit_saves_no_one(cohort, client, auth, db):
    existing = auth.make_user("trainee", email="kept@example.org")
    auth.as_role("instructor")
    before = _state(db)
    engine = client.application.extensions["db_engine"]
    refuse(engine, "pathenrolment", "user_id", existing.id)  # the last row's enrolment
    roster = HEADER + FIRST_HALF + "Kept Trainee,kept@example.org,Kept Org,other,Peru\n"
    with recorded_writes(engine) as written:
        response = upload(auth, cohort.id, roster)
    assert {"user", "invitation"} <= set(written)  # Amina's and Chen's accounts were written first
    assert response.status_code == 302 and response.headers["Location"] == f"/cohorts/{cohort.id}"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Nothing was saved; please try again." in page
    assert _state(db) == before
    assert db.exec(select(User).where(User.email == "amina@example.org")).first() is None


def _refuse_a_new_account_in_the_second_half(client, auth, cohort, db):
    auth.as_role("instructor")
    before = _state(db)
    engine = client.application.extensions["db_engine"]
    refuse(engine, "user", "email", "late@example.org")
    roster = HEADER + FIRST_HALF + "Late Comer,late@example.org,Late Org,social,Ghana\n"
    with recorded_writes(engine) as written:
        response = upload(auth, cohort.id, roster)
    assert written.count("user") >= 2  # Amina's and Chen's accounts were written first
    return before, response


def test_a_new_account_refused_mid_way_saves_no_one(cohort, client, auth, db):
    client.application.config["PROPAGATE_EXCEPTIONS"] = False  # whatever page the trainee sees
    before, response = _refuse_a_new_account_in_the_second_half(client, auth, cohort, db)
    assert response.status_code != 200  # not the page of invitation links
    assert _state(db) == before


def test_a_new_account_refused_mid_way_is_explained_like_one_refused_at_commit(cohort, client, auth, db):
    client.application.config["PROPAGATE_EXCEPTIONS"] = False
    _, response = _refuse_a_new_account_in_the_second_half(client, auth, cohort, db)
    assert response.status_code == 302
    assert "Nothing was saved; please try again." in client.get(response.headers["Location"]).get_data(as_text=True)
