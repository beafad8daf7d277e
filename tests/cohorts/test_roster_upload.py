"""Enrol a cohort from a CSV: all or nothing, new accounts invited, no duplicates on re-upload."""

import re

from sqlmodel import select

from course.cohorts.invitations import token_hash
from course.models import CohortMember, Invitation, PathEnrolment, User
from tests.cohorts.conftest import DUE, GOOD_CSV, HEADER, count, upload

LINK = re.compile(r"http://localhost/invite/([A-Za-z0-9_\-]+)")


def _counts(db):
    return {model.__name__: count(db, model) for model in (User, CohortMember, PathEnrolment, Invitation)}


def test_good_csv_enrols_everyone_and_invites_new_accounts(cohort, client, auth, db):
    existing = auth.make_user("trainee", organisation="Kept Org", country="Kenya")
    auth.as_role("instructor")
    response = upload(auth, cohort.id, GOOD_CSV.replace("\n", "\r\n").encode("utf-8-sig"))
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    assert "3 added to the cohort" in page and "2 new accounts need an invitation" in page

    amina = db.exec(select(User).where(User.email == "amina@example.org")).one()
    chen = db.exec(select(User).where(User.email == "chen@example.org")).one()
    assert (amina.name, amina.organisation, amina.org_type, amina.country, amina.role, amina.password_hash) == (
        "Amina Wanjiru",
        "Kilimo Exports",
        "sme",
        "Kenya",
        "trainee",
        "",
    )
    assert (chen.org_type, chen.country) == ("government", "China")
    db.refresh(existing)
    assert (existing.name, existing.organisation, existing.country) == ("Trainee User", "Kept Org", "Kenya")

    members = set(db.exec(select(CohortMember.user_id).where(CohortMember.cohort_id == cohort.id)))
    assert members == {amina.id, chen.id, existing.id}
    enrolments = db.exec(select(PathEnrolment)).all()
    assert {(e.user_id, e.path_id, e.due_date) for e in enrolments} == {
        (u, cohort.path_id, DUE) for u in (amina.id, chen.id, existing.id)
    }

    tokens = LINK.findall(page)
    invitations = db.exec(select(Invitation)).all()
    assert len(tokens) == 2 and {i.user_id for i in invitations} == {amina.id, chen.id}
    assert {token_hash(t) for t in tokens} == {i.token_hash for i in invitations}
    assert all((i.expires_at - i.created_at).days == 14 and i.used_at is None for i in invitations)
    assert "amina@example.org" in page and "trainee@example.org" not in page


def test_invitation_links_are_shown_only_once(cohort, client, auth):
    auth.as_role("instructor")
    token = LINK.findall(upload(auth, cohort.id, GOOD_CSV).get_data(as_text=True))[0]
    for url in (f"/cohorts/{cohort.id}", "/cohorts/"):
        assert token not in client.get(url).get_data(as_text=True)


def test_csv_with_bad_rows_imports_nothing_and_lists_every_error(cohort, client, auth, db):
    auth.as_role("instructor")
    before = _counts(db)
    bad = HEADER + (
        "Fine Person,fine@example.org,Org,sme,Kenya\n"
        ",noname@example.org,Org,sme,Kenya\n"
        "Bad Email,bad-email,Org,sme,Kenya\n"
        "Twice,FINE@example.org,Org,ngo,Kenya\n"
    )
    response = upload(auth, cohort.id, bad)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Nothing was imported. Fix these 4 problems" in page
    for message in (
        "row 3: the name is missing",
        "row 4: “bad-email” is not a valid email address",
        "row 5: the organisation type is “ngo”; use one of sme, government, social, other",
        "row 5: the email fine@example.org is already listed in row 2",
    ):
        assert message in page
    assert _counts(db) == before
    assert db.exec(select(User).where(User.email == "fine@example.org")).first() is None


def test_reuploading_the_same_csv_creates_no_duplicates(cohort, client, auth, db):
    auth.make_user("trainee")
    auth.as_role("instructor")
    assert upload(auth, cohort.id, GOOD_CSV).status_code == 200
    after_first = _counts(db)
    response = upload(auth, cohort.id, GOOD_CSV)
    assert response.status_code == 302
    assert _counts(db) == after_first
    assert "0 people added to Officials — Nov 2030. 3 were already in the cohort." in client.get(
        response.headers["Location"]
    ).get_data(as_text=True)


def test_a_cohort_member_of_another_cohort_is_added_too(cohort, client, auth, db):
    from course.cohorts import membership
    from course.content import catalogue

    other = membership.create_cohort(
        db,
        name="SMEs 2030",
        path=catalogue.path_by_slug(db, "officials"),
        due_date=None,
        created_by=None,
        owner_id=cohort.owner_id,
    )
    db.commit()
    auth.as_role("instructor")
    upload(auth, other.id, GOOD_CSV)
    before = count(db, User)
    assert upload(auth, cohort.id, GOOD_CSV).status_code == 302
    assert count(db, User) == before
    assert count(db, CohortMember) == 6
    due = {e.due_date for e in db.exec(select(PathEnrolment))}
    assert due == {DUE}  # the later cohort's due date applies to the shared path


def test_a_file_that_is_not_csv_is_refused(cohort, client, auth, db):
    auth.as_role("instructor")
    response = upload(auth, cohort.id, GOOD_CSV, filename="roster.xlsx")
    assert response.status_code == 422 and "Upload a file ending in .csv." in response.get_data(as_text=True)
    assert count(db, CohortMember) == 0


def test_missing_header_is_reported(cohort, client, auth, db):
    auth.as_role("instructor")
    response = upload(auth, cohort.id, "name,email\nA,a@example.org\n")
    assert response.status_code == 422
    assert "row 1: missing column header organisation, organisation_type, country" in response.get_data(as_text=True)
    assert count(db, User) == 1  # the instructor's account only
