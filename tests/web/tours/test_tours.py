"""Study tours end to end: planning, applying, decisions, pre-reading, reports, and bad input."""

from datetime import timedelta

import pytest
from sqlmodel import select

from course.content import catalogue
from course.models import AuditEntry, StudyTour, TourApplication, TourReport, TourVisit
from course.progress import records
from course.tours import applications, reports
from tests.web.tours.helpers import TODAY, make_tour, tour_form


@pytest.fixture
def told(monkeypatch):
    calls = []
    monkeypatch.setattr(
        "course.announcements.announce", lambda s, user, kind, **data: calls.append((user.email, kind, data))
    )
    return calls


def test_staff_plan_a_tour_whose_visits_show_cases(client, auth, db, synced):
    instructor = auth.as_role("instructor")
    response = auth.post("/tours/new", tour_form())
    assert response.status_code == 302, response.get_data(as_text=True)
    tour = db.exec(select(StudyTour)).one()
    assert (tour.owner_id, tour.capacity, tour.prereading) == (instructor.id, 1, ["harbour-city-pilot"])
    assert "<strong>on site</strong>" in tour.summary_html and "onerror" not in tour.summary_html
    visits = db.exec(select(TourVisit).order_by(TourVisit.day)).all()
    assert [(v.place, v.lessons, v.cases) for v in visits] == [
        ("Harbour City pilot area", ["harbour-city-pilot"], [1]),
        ("River Town bonded zone", [], []),
    ]
    assert db.exec(select(AuditEntry.action)).all() == ["tour.create"]
    page = client.get(f"/tours/{tour.id}").get_data(as_text=True)
    assert "Harbour City pilot area" in page and 'href="/lessons/harbour-city-pilot"' in page and "case 1" in page


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"ends_on": (TODAY + timedelta(days=29)).isoformat()}, "The tour ends before it starts"),
        ({"visits-1-day": (TODAY + timedelta(days=40)).isoformat()}, "Visit 2 is on"),
        ({"applications_close_on": (TODAY + timedelta(days=31)).isoformat()}, "Applications must close before"),
        ({"visits-0-lessons": "no-such-lesson"}, "Visit 1: no lesson or case no-such-lesson"),
        ({"visits-0-cases": "1, x"}, "Give case numbers separated by commas"),
        ({"visits-1-place": ""}, "Visit 2: give its day and place"),
        ({"capacity": "0"}, "The places must be between 1 and 10000"),
        (
            {
                "visits-0-day": "",
                "visits-0-place": "",
                "visits-0-what": "",
                "visits-0-lessons": "",
                "visits-0-cases": "",
                "visits-1-day": "",
                "visits-1-place": "",
                "visits-1-what": "",
            },
            "Add at least one site visit",
        ),
    ],
)
def test_bad_tours_are_refused_with_a_message_and_nothing_saved(client, auth, db, synced, changes, message):
    auth.as_role("instructor")
    response = auth.post("/tours/new", tour_form(**changes))
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert db.exec(select(StudyTour)).all() == []


def test_apply_then_staff_decide_and_the_applicant_is_told(client, auth, db, synced, told):
    owner = auth.make_user("instructor")
    tour = make_tour(db, owner, capacity=1)
    auth.as_role("trainee")
    refused = auth.post(f"/tours/{tour.id}/apply", {"motivation": " ", "organisation": "Kilimo"})
    assert "Tell the programme why" in client.get(refused.headers["Location"]).get_data(as_text=True)
    assert db.exec(select(TourApplication)).all() == []
    auth.post(
        f"/tours/{tour.id}/apply", {"motivation": "To copy the single window.", "nominated_by": "Ministry of Trade"}
    )
    application = db.exec(select(TourApplication)).one()
    assert (application.status, application.nominated_by) == ("pending", "Ministry of Trade")
    auth.logout()
    auth.make_user("official")
    auth.login("official@example.org")
    auth.post(f"/tours/{tour.id}/apply", {"motivation": "Officials' view."})
    auth.logout()
    auth.login("instructor@example.org")
    first, second = db.exec(select(TourApplication).order_by(TourApplication.id)).all()
    page = client.get(f"/tours/{tour.id}/manage").get_data(as_text=True)
    assert "To copy the single window." in page and "pre-reading 0 of 1 done" in page
    declined = auth.post(f"/tours/{tour.id}/applications/{second.id}/decision", {"status": "declined", "reason": ""})
    assert "Give the reason for declining" in client.get(declined.headers["Location"]).get_data(as_text=True)
    auth.post(f"/tours/{tour.id}/applications/{first.id}/decision", {"status": "accepted", "reason": "Welcome."})
    full = auth.post(f"/tours/{tour.id}/applications/{second.id}/decision", {"status": "accepted"})
    assert "The tour is full (1 accepted)" in client.get(full.headers["Location"]).get_data(as_text=True)
    auth.post(
        f"/tours/{tour.id}/applications/{second.id}/decision", {"status": "waitlisted", "reason": "Next time first."}
    )
    db.expire_all()
    assert [(a.status, a.reason) for a in db.exec(select(TourApplication).order_by(TourApplication.id))] == [
        ("accepted", "Welcome."),
        ("waitlisted", "Next time first."),
    ]
    assert [(email, kind) for email, kind, _ in told] == [
        ("trainee@example.org", "tour_decision"),
        ("official@example.org", "tour_decision"),
    ]
    assert db.exec(select(AuditEntry.action).where(AuditEntry.action == "tour.decision")).all() == ["tour.decision"] * 2
    auth.logout()
    auth.login()
    page = client.get(f"/tours/{tour.id}").get_data(as_text=True)
    assert "<strong>accepted</strong>" in page and "Welcome." in page


def test_the_pre_reading_checklist_follows_the_applicants_progress(client, auth, db, synced):
    tour = make_tour(db, auth.make_user("instructor"))
    trainee = auth.as_role("trainee")
    page = client.get(f"/tours/{tour.id}").get_data(as_text=True)
    assert "0 of 1 done" in page and "to read</span>" in page
    lesson = catalogue.lesson_by_slug(db, "harbour-city-pilot")
    records.mark_complete(db, user_id=trainee.id, lesson=lesson)
    db.commit()
    page = client.get(f"/tours/{tour.id}").get_data(as_text=True)
    assert "1 of 1 done" in page and "done</span>" in page


def test_applications_close_and_a_withdrawn_applicant_may_apply_again(client, auth, db, synced):
    tour = make_tour(db, auth.make_user("instructor"))
    auth.as_role("trainee")
    auth.post(f"/tours/{tour.id}/apply", {"motivation": "First try."})
    auth.post(f"/tours/{tour.id}/withdraw")
    assert db.exec(select(TourApplication.status)).one() == "withdrawn"
    auth.post(f"/tours/{tour.id}/apply", {"motivation": "Second try."})
    db.expire_all()
    assert db.exec(select(TourApplication.motivation)).one() == "Second try."
    started = make_tour(db, auth.make_user("instructor", email="i2@example.org"), starts_on=TODAY, title="Under way")
    response = auth.post(f"/tours/{started.id}/apply", {"motivation": "Late."})
    assert "Applications to this tour are closed." in client.get(response.headers["Location"]).get_data(as_text=True)
    assert db.exec(select(TourApplication).where(TourApplication.tour_id == started.id)).all() == []


def test_a_participant_writes_a_report_that_staff_read_and_that_can_become_a_case(client, auth, db, synced):
    owner = auth.make_user("instructor")
    tour = make_tour(db, owner, starts_on=TODAY - timedelta(days=3))
    trainee = auth.as_role("trainee")
    assert client.get(f"/tours/{tour.id}/report").status_code == 404  # not a participant
    application = applications.TourApplication(tour_id=tour.id, user_id=trainee.id, motivation="x", status="accepted")
    db.add(application)
    db.commit()
    body = "We saw **returns** handled in 48 hours.<script>alert(1)</script>"
    assert (
        auth.post(f"/tours/{tour.id}/report", {"title": "Returns in River Town", "body": body, "save": "1"}).status_code
        == 302
    )
    draft = db.exec(select(TourReport)).one()
    assert (
        draft.submitted_at is None
        and "<strong>returns</strong>" in draft.body_html
        and "<script" not in draft.body_html
    )
    auth.logout()
    auth.login(owner.email)
    assert "No report submitted yet" in client.get(f"/tours/{tour.id}/manage").get_data(as_text=True)
    assert client.get(f"/tours/{tour.id}/reports/{draft.id}").status_code == 404  # a draft stays the author's
    auth.logout()
    auth.login()
    auth.post(f"/tours/{tour.id}/report", {"title": "Returns in River Town", "body": body, "submit": "1"})
    db.expire_all()
    report = db.exec(select(TourReport)).one()
    assert report.submitted_at is not None
    auth.logout()
    auth.login(owner.email)
    page = client.get(f"/tours/{tour.id}/reports/{report.id}").get_data(as_text=True)
    assert "<strong>returns</strong>" in page and "alert(1)" not in page
    draft_case = reports.case_draft(report, tour, trainee)
    assert draft_case.values["what_was_done"] == body and draft_case.values["title"] == "Returns in River Town"
    assert draft_case.values["org_name"] == trainee.organisation and report.case_submission_id is None
    assert (draft_case.tour_title, draft_case.written_on) == (tour.title, report.submitted_at.date())
