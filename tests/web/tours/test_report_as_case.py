"""A submitted post-tour report proposed as a new practice case, through the pages: the library's guided form
arrives filled in from the report, submitting it makes a submission that waits for review and is recorded on the
report in the same transaction, once; nobody else may use the report, or see the case before it is published."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from sqlmodel import select

from course.library import practice_cases
from course.models import LibraryEntry, PracticeCase, TourApplication, TourReport
from tests.conftest import csrf_token
from tests.web.tours.helpers import TODAY, make_tour

BODY = "We saw **returns** handled in 48 hours in River Town."
COMPLETION = {  # what the report does not say, as the author completes it
    "org_type": "zone",
    "chapter": "2",
    "themes": ["logistics"],
    "audiences": ["sme"],
    "results": "Returns handled in 48 hours in 2025",
    "replicable": "A shared returns desk",
    "permission": "y",
}


@pytest.fixture
def reported(auth, db, synced):
    """A tour under way and the trainee's submitted report on it; the trainee is signed in."""
    owner = auth.make_user("instructor")
    tour = make_tour(db, owner, starts_on=TODAY - timedelta(days=3))
    trainee = auth.as_role("trainee", organisation="Kilimo Exports", country="Kenya")
    db.add(TourApplication(tour_id=tour.id, user_id=trainee.id, motivation="x", status="accepted"))
    db.commit()
    assert auth.post(f"/tours/{tour.id}/report", {"title": "Returns in River Town", "body": BODY, "submit": "1"})
    db.expire_all()
    return tour, trainee, db.exec(select(TourReport)).one()


def _form_fields(page: str) -> dict:
    """What the form's text inputs, textareas and selects show (not its buttons, checkboxes or token)."""
    fields = {}
    for tag in re.findall(r"<input[^>]*>", page):
        attributes = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
        if attributes.get("type", "text") in ("text", "email") and "name" in attributes:
            fields[attributes["name"]] = html.unescape(attributes.get("value", ""))
    for name, body in re.findall(r'<textarea[^>]*?name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
        fields[name] = html.unescape(body).strip()
    for name, options in re.findall(r'<select[^>]*?name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option (?:selected value="([^"]*)"|value="([^"]*)" selected)', options)
        fields[name] = html.unescape(chosen.group(1) or chosen.group(2) or "") if chosen else ""
    return fields


def test_the_author_proposes_the_report_and_the_submission_is_recorded_on_it(client, auth, db, reported):
    tour, trainee, report = reported
    page = client.get(f"/tours/{tour.id}/report").get_data(as_text=True)
    assert "Propose this report as a practice case" in page and f'href="/tours/{tour.id}/report/case"' in page

    form = client.get(f"/tours/{tour.id}/report/case")
    assert form.status_code == 200
    text = form.get_data(as_text=True)
    assert "This form starts from your post-tour report on “Coast tour”" in text
    fields = _form_fields(text)
    assert fields["title"] == "Returns in River Town"
    assert fields["org_name"] == "Kilimo Exports" and fields["country"] == "Kenya"
    assert fields["summary"] == "Seen on the study tour “Coast tour” (Harbour City)."
    assert fields["what_was_done"] == BODY
    assert fields["results_source"].startswith(f"Post-tour report by {trainee.name}, ")
    assert fields["contact_email"] == trainee.email and fields["contact_name"] == trainee.name
    assert db.exec(select(PracticeCase)).all() == []  # a GET writes nothing

    sent = auth.post(f"/tours/{tour.id}/report/case", fields | COMPLETION | {"send": "Submit for review"})
    assert sent.status_code == 302 and sent.headers["Location"].endswith(f"/tours/{tour.id}/report")
    db.expire_all()
    case = db.exec(select(PracticeCase)).one()
    assert (case.author_id, case.status, case.title) == (trainee.id, "submitted", "Returns in River Town")
    assert case.submitted_at is not None and case.what_was_done == BODY
    assert practice_cases.awaiting_review(db) == [case]  # where the administrators' review finds it
    assert db.get(TourReport, report.id).case_submission_id == case.id

    page = client.get(sent.headers["Location"]).get_data(as_text=True)
    assert "Proposed as a practice case" in page and f'href="/library/cases/{case.id}"' in page
    assert "Waiting for review" in page and "Propose this report as a practice case" not in page
    assert client.get(f"/library/cases/{case.id}").status_code == 200  # the author follows its review

    again = client.get(f"/tours/{tour.id}/report/case")  # only once: the existing submission
    assert again.status_code == 302 and again.headers["Location"].endswith(f"/library/cases/{case.id}")
    twice = auth.post(f"/tours/{tour.id}/report/case", fields | COMPLETION | {"send": "Submit for review"})
    assert twice.headers["Location"].endswith(f"/library/cases/{case.id}")
    db.expire_all()
    assert len(db.exec(select(PracticeCase)).all()) == 1

    auth.logout()  # nobody else sees it before it is published
    assert client.get(f"/library/cases/{case.id}").status_code == 404
    assert "Returns in River Town" not in client.get("/library/").get_data(as_text=True)
    assert db.exec(select(LibraryEntry).where(LibraryEntry.kind == "case")).all() == []
    auth.login("instructor@example.org")  # the tour's owner reads the report
    staff_view = client.get(f"/tours/{tour.id}/reports/{report.id}").get_data(as_text=True)
    assert "Proposed as a practice case (Waiting for review)" in staff_view
    assert f'href="/library/cases/{case.id}"' not in staff_view  # an instructor cannot open an unpublished case
    assert client.get(f"/library/cases/{case.id}").status_code == 404
    auth.logout()
    auth.as_role("admin")
    admin_view = client.get(f"/tours/{tour.id}/reports/{report.id}").get_data(as_text=True)
    assert f'href="/library/cases/{case.id}"' in admin_view and "Proposed as a practice case" in admin_view


def test_a_draft_saved_from_the_report_is_linked_and_finished_in_the_library(client, auth, db, reported):
    tour, _trainee, report = reported
    fields = _form_fields(client.get(f"/tours/{tour.id}/report/case").get_data(as_text=True))
    saved = auth.post(f"/tours/{tour.id}/report/case", fields | {"save": "Save draft"})
    db.expire_all()
    case = db.exec(select(PracticeCase)).one()
    assert saved.headers["Location"].endswith(f"/library/cases/{case.id}/edit") and case.status == "draft"
    assert db.get(TourReport, report.id).case_submission_id == case.id
    assert "Proposed as a practice case" in client.get(f"/tours/{tour.id}/report").get_data(as_text=True)


def test_an_incomplete_proposal_keeps_nothing(client, auth, db, reported):
    tour, _trainee, report = reported
    fields = _form_fields(client.get(f"/tours/{tour.id}/report/case").get_data(as_text=True))
    refused = auth.post(f"/tours/{tour.id}/report/case", fields | {"send": "Submit for review"})
    assert refused.status_code == 422
    db.expire_all()
    assert db.exec(select(PracticeCase)).all() == [] and db.get(TourReport, report.id).case_submission_id is None


def test_nobody_else_may_use_the_report(app, client, auth, db, reported):
    tour, _trainee, report = reported
    for role in ("official", "instructor", "admin"):
        other = app.test_client()
        auth.make_user(role)
        token = csrf_token(other)
        other.post(
            "/login", data={"email": f"{role}@example.org", "password": "correct horse battery", "csrf_token": token}
        )
        assert other.get(f"/tours/{tour.id}/report/case").status_code == 404, role
        posted = other.post(
            f"/tours/{tour.id}/report/case",
            data={"title": "Mine now", "send": "Submit for review", "csrf_token": token},
        )
        assert posted.status_code == 404, role
    assert client.post(f"/tours/{tour.id}/report/case", data={"title": "No token"}).status_code == 400  # CSRF
    db.expire_all()
    assert db.exec(select(PracticeCase)).all() == [] and db.get(TourReport, report.id).case_submission_id is None


def test_a_draft_report_cannot_be_proposed(client, auth, db, reported):
    _tour, trainee, _report = reported
    other_tour = make_tour(db, auth.make_user("instructor"), starts_on=TODAY - timedelta(days=1), title="Inland tour")
    db.add(TourApplication(tour_id=other_tour.id, user_id=trainee.id, motivation="x", status="accepted"))
    db.commit()
    auth.post(f"/tours/{other_tour.id}/report", {"title": "Not yet", "body": "Draft.", "save": "1"})
    assert client.get(f"/tours/{other_tour.id}/report/case").status_code == 404
    assert "Propose this report" not in client.get(f"/tours/{other_tour.id}/report").get_data(as_text=True)
