"""Cohort pages: staff only, create a cohort, enrol one trainee."""

from datetime import UTC, datetime

import pytest
from sqlmodel import select

from course.cohorts.invitations import token_hash
from course.content.catalogue import path_by_slug
from course.models import Cohort, CohortMember, Invitation, PathEnrolment, User
from course.web.access import allow
from tests.cohorts.conftest import DUE, count, post_form

DASHBOARD = "reports.cohort_dashboard"
PAGES = ["/cohorts/", "/cohorts/new", "/cohorts/{id}"]
ACTIONS = ["/cohorts/new", "/cohorts/{id}/enrol", "/cohorts/{id}/roster", "/cohorts/{id}/members/1/invitation"]


@pytest.mark.parametrize("url", PAGES)
def test_trainee_is_refused_cohort_pages(cohort, client, auth, url):
    auth.as_role("trainee")
    assert client.get(url.format(id=cohort.id)).status_code == 403


@pytest.mark.parametrize("url", ACTIONS)
def test_trainee_cannot_post_to_cohort_actions(cohort, client, auth, db, url):
    auth.as_role("trainee")
    before = count(db, CohortMember), count(db, Cohort)
    response = auth.post(
        url.format(id=cohort.id), {"enrol-email": "x@example.org", "enrol-name": "X", "name": "Sneaky", "path": "1"}
    )
    assert response.status_code == 403
    assert (count(db, CohortMember), count(db, Cohort)) == before


def test_visitor_is_sent_to_login(cohort, client):
    response = client.get(f"/cohorts/{cohort.id}")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_staff_see_cohorts_in_the_nav_and_list(cohort, client, auth):
    auth.as_role("instructor")
    assert 'href="/cohorts/"' in client.get("/").get_data(as_text=True)
    page = client.get("/cohorts/").get_data(as_text=True)
    assert "Officials — Nov 2030" in page and "Officials path" in page and "30 Nov 2030" in page


def test_admin_may_use_cohorts_too(cohort, client, auth):
    auth.as_role("admin")
    assert client.get(f"/cohorts/{cohort.id}").status_code == 200


def test_instructor_creates_a_cohort(synced, client, auth, db):
    instructor = auth.as_role("instructor")
    form = client.get("/cohorts/new").get_data(as_text=True)
    assert '<label for="path">Learning path</label>' in form and "Officials path" in form
    path_id = path_by_slug(db, "officials").id
    response = auth.post(
        "/cohorts/new", {"name": "  Officials — Nov 2026 ", "path": str(path_id), "due_date": "2099-11-30"}
    )
    assert response.status_code == 302
    row = db.exec(select(Cohort)).one()
    assert response.headers["Location"] == f"/cohorts/{row.id}"
    assert (row.name, row.path_id, row.created_by) == ("Officials — Nov 2026", path_id, instructor.id)
    assert row.due_date == datetime(2099, 11, 30, 23, 59, 59, tzinfo=UTC)
    page = client.get(f"/cohorts/{row.id}").get_data(as_text=True)
    assert "Officials — Nov 2026" in page and "No one is enrolled yet." in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "", "due_date": ""}, "This field is required."),
        ({"name": "Officials — Nov 2030", "due_date": ""}, "A cohort with this name already exists."),
        ({"name": "officials — nov 2030", "due_date": ""}, "A cohort with this name already exists."),
        ({"name": "Past", "due_date": "2001-01-01"}, "Choose a date from today on."),
        ({"name": "Bad date", "due_date": "31/11/2030"}, "Not a valid date value."),
    ],
)
def test_bad_cohort_forms_are_refused(cohort, client, auth, db, fields, message):
    auth.as_role("instructor")
    response = auth.post("/cohorts/new", fields | {"path": str(cohort.path_id)})
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert count(db, Cohort) == 1


def test_unknown_path_is_refused(cohort, client, auth, db):
    auth.as_role("instructor")
    assert auth.post("/cohorts/new", {"name": "X", "path": "999"}).status_code == 422
    assert count(db, Cohort) == 1


def test_enrol_an_existing_account(cohort, client, auth, db):
    learner = auth.make_user("trainee", email="learner@example.org", organisation="Kilimo", country="Kenya")
    auth.as_role("instructor")
    response = post_form(
        auth, f"/cohorts/{cohort.id}/enrol", "enrol", {"email": " Learner@Example.org ", "org_type": "sme"}
    )
    assert response.status_code == 302
    member = db.exec(select(CohortMember)).one()
    assert (member.cohort_id, member.user_id) == (cohort.id, learner.id)
    enrolment = db.exec(select(PathEnrolment).where(PathEnrolment.user_id == learner.id)).one()
    assert (enrolment.path_id, enrolment.due_date) == (cohort.path_id, DUE)
    assert count(db, Invitation) == 0
    page = client.get(f"/cohorts/{cohort.id}").get_data(as_text=True)
    assert "1 person added to Officials — Nov 2030." in page
    for text in ("learner@example.org", "Kilimo", "SME (small or medium enterprise)", "Kenya", "Active"):
        assert text in page


def test_enrolling_a_member_again_changes_nothing(cohort, client, auth, db):
    auth.make_user("trainee", email="learner@example.org")
    auth.as_role("instructor")
    for _ in range(2):
        post_form(auth, f"/cohorts/{cohort.id}/enrol", "enrol", {"email": "learner@example.org", "org_type": "sme"})
    assert count(db, CohortMember) == 1 and count(db, PathEnrolment) == 1
    assert "1 was already in the cohort." in client.get(f"/cohorts/{cohort.id}").get_data(as_text=True)


def test_enrol_a_new_person_needs_a_name(cohort, client, auth, db):
    auth.as_role("instructor")
    users = count(db, User)
    response = post_form(auth, f"/cohorts/{cohort.id}/enrol", "enrol", {"email": "new@example.org", "org_type": "sme"})
    assert response.status_code == 422
    assert "This email has no account yet: enter the trainee&#39;s name" in response.get_data(as_text=True)
    assert count(db, User) == users and count(db, CohortMember) == 0


def test_enrol_a_new_person_creates_an_invited_account(cohort, client, auth, db):
    auth.as_role("instructor")
    response = post_form(
        auth,
        f"/cohorts/{cohort.id}/enrol",
        "enrol",
        {
            "email": "new@example.org",
            "name": "Nadia New",
            "organisation": "Gov Office",
            "org_type": "government",
            "country": "Morocco",
        },
    )
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    user = db.exec(select(User).where(User.email == "new@example.org")).one()
    assert (user.name, user.role, user.password_hash, user.org_type, user.country) == (
        "Nadia New",
        "trainee",
        "",
        "government",
        "Morocco",
    )
    link = page.split("http://localhost/invite/")[1].split("<")[0]
    invitation = db.exec(select(Invitation)).one()
    assert (
        invitation.user_id == user.id
        and invitation.token_hash == token_hash(link)
        and link not in invitation.token_hash
    )
    assert db.exec(select(CohortMember).where(CohortMember.user_id == user.id)).one()
    assert db.exec(select(PathEnrolment).where(PathEnrolment.user_id == user.id)).one().due_date == DUE
    cohort_page = client.get(f"/cohorts/{cohort.id}").get_data(as_text=True)
    assert "Invitation pending" in cohort_page and link not in cohort_page


def test_bad_email_is_refused(cohort, client, auth, db):
    auth.as_role("instructor")
    response = post_form(
        auth, f"/cohorts/{cohort.id}/enrol", "enrol", {"email": "nope", "name": "N", "org_type": "sme"}
    )
    assert response.status_code == 422 and "Invalid email address." in response.get_data(as_text=True)
    assert count(db, CohortMember) == 0


def test_unknown_cohort_is_404(synced, client, auth):
    auth.as_role("instructor")
    assert client.get("/cohorts/999").status_code == 404


def test_no_dashboard_link_without_the_reports_page(cohort, app, client, auth):
    app.view_functions.pop(DASHBOARD, None)  # as when the reports pages are not installed
    auth.as_role("instructor")
    assert "Dashboard" not in client.get(f"/cohorts/{cohort.id}").get_data(as_text=True)


def test_dashboard_link_when_the_reports_page_exists(cohort, app, client, auth):
    if DASHBOARD not in app.view_functions:  # a stand-in, added before the app serves its first request
        app.add_url_rule("/reports/cohorts/<int:cohort_id>", DASHBOARD, allow("admin")(lambda cohort_id: ""))
    auth.as_role("instructor")
    page = client.get(f"/cohorts/{cohort.id}").get_data(as_text=True)
    dashboard_url = f'href="{app.url_map.bind("localhost").build(DASHBOARD, {"cohort_id": cohort.id})}"'
    assert f"<a {dashboard_url}>Dashboard</a>" in page
