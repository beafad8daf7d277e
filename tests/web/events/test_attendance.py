"""Staff mark attendance per session (form), print a sign-in sheet, and upload a CSV (all or nothing)."""

import io

import pytest
from sqlmodel import select

from course.events import seats
from course.events.scheduling import sessions_of
from course.models import Attendance, AuditEntry
from tests.web.events.helpers import make_event


@pytest.fixture
def seminar(auth, db, synced):
    """A two-session seminar run by the signed-in instructor, with two trainees enrolled."""
    instructor = auth.as_role("instructor")
    event = make_event(db, instructor, capacity=5)
    people = [auth.make_user("trainee", email=f"t{n}@example.org") for n in range(2)]
    for person in people:
        seats.enrol(db, event, person)
    db.commit()
    return event, people, sessions_of(db, event.id)


def _marks(db):
    db.expire_all()
    return {(a.session_id, a.user_id): a.present for a in db.exec(select(Attendance)).all()}


def test_marking_a_session_records_present_and_absent(client, auth, db, seminar):
    event, (a, b), (first, _) = seminar
    page = client.get(f"/events/{event.id}/sessions/{first.id}/attendance").get_data(as_text=True)
    assert "Tick everyone who was present" in page and a.name in page
    response = auth.post(f"/events/{event.id}/sessions/{first.id}/attendance", {"present": [str(a.id)]})
    assert response.status_code == 302
    assert _marks(db) == {(first.id, a.id): True, (first.id, b.id): False}
    assert db.exec(select(AuditEntry.action)).all()[-1] == "event.attendance"
    manage = client.get(f"/events/{event.id}/manage").get_data(as_text=True)
    assert "1 of 2" in manage


def test_ticking_someone_not_enrolled_is_refused(client, auth, db, seminar):
    event, _, (first, _) = seminar
    outsider = auth.make_user("official")
    response = auth.post(f"/events/{event.id}/sessions/{first.id}/attendance", {"present": [str(outsider.id)]})
    assert response.status_code == 422
    assert "Tick only people enrolled" in response.get_data(as_text=True)
    assert _marks(db) == {}


def test_the_sign_in_sheet_lists_the_enrolled_for_printing(client, auth, db, seminar):
    event, (a, b), (_, second) = seminar
    page = client.get(f"/events/{event.id}/sessions/{second.id}/sign-in-sheet").get_data(as_text=True)
    assert "Session 2 of 2" in page and a.email in page and b.email in page and 'class="signature"' in page
    css = client.get("/static/style.css").get_data(as_text=True)
    assert "@media print" in css and ".site-header" in css.split("@media print")[1]


def _upload(auth, event, text: str):
    return auth.post(
        f"/events/{event.id}/attendance/upload",
        {"attendance": (io.BytesIO(text.encode()), "attendance.csv")},
        content_type="multipart/form-data",
    )


def test_a_csv_marks_every_session_at_once(client, auth, db, seminar):
    event, (a, b), (first, second) = seminar
    response = _upload(
        auth, event, f"email,session,present\n{a.email},1,yes\n{a.email.upper()},2,yes\n{b.email},1,no\n"
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    assert _marks(db) == {(first.id, a.id): True, (second.id, a.id): True, (first.id, b.id): False}


def test_a_csv_with_one_bad_line_changes_nothing_and_names_each_line(client, auth, db, seminar):
    event, (a, _), _ = seminar
    auth.make_user("official")
    text = (
        "email,session,present\n"
        f"{a.email},1,yes\n"
        f"{a.email},3,yes\n"
        "nobody@example.org,1,yes\n"
        "official@example.org,2,yes\n"
        f"{a.email},2,maybe\n"
    )
    response = _upload(auth, event, text)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "line 3: session “3” is not a session number of this event (1 to 2)" in page
    assert "line 6: present is “maybe”: write yes or no" in page
    assert _marks(db) == {}
    response = _upload(auth, event, "email,session,present\nnobody@example.org,1,yes\nofficial@example.org,2,yes\n")
    page = response.get_data(as_text=True)
    assert "line 2: no account has the email nobody@example.org" in page
    assert "line 3: official@example.org is not enrolled in this event" in page
    assert _marks(db) == {}


def test_another_instructor_cannot_reach_the_attendance(client, auth, db, seminar):
    event, _, (first, _) = seminar
    auth.logout()
    other = auth.make_user("instructor", email="other-instructor@example.org")
    auth.login(other.email)
    assert client.get(f"/events/{event.id}/sessions/{first.id}/attendance").status_code == 404
    assert client.get(f"/events/{event.id}/manage").status_code == 404
