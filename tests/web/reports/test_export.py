"""The progress CSV: the documented columns, scores as written, open attempts flagged, cells made safe."""

import csv
import io
import re
from pathlib import Path

from sqlmodel import select

DOCS = Path(__file__).resolve().parents[3] / "docs" / "exports.md"
COLUMNS = [
    "user_id",
    "name",
    "email",
    "organisation",
    "org_type",
    "country",
    "firm_size",
    "sex",
    "enrolled_at",
    "lessons_completed",
    "lessons_total",
    "progress_percent",
    "pilot-zones_quiz_best",
    "pilot-zones_quiz_in_progress",
    "logistics-basics_quiz_best",
    "logistics-basics_quiz_in_progress",
    "path_completed",
    "certificate_code",
    "events_enrolled",
    "event_sessions_attended",
    "study_tours_accepted",
    "feedback_answers",
    "feedback_relevance_mean",
    "feedback_usefulness_mean",
    "feedback_will_apply",
]


def _rows(client, arranged):
    response = client.get(f"/reports/cohorts/{arranged.cohort.id}/progress.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == f'attachment; filename="cohort-{arranged.cohort.id}-progress.csv"'
    header, *rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    return header, {row[2]: dict(zip(header, row, strict=True)) for row in rows}


def test_columns_are_exactly_the_documented_ones(client, auth, arranged):
    auth.as_role("instructor")
    header, _ = _rows(client, arranged)
    assert header == COLUMNS
    section = DOCS.read_text().split("## Cohort progress CSV")[1].split("\n## ")[0]  # other exports have tables too
    documented = re.findall(r"^\| `([a-z_<>-]+)` \|", section, flags=re.MULTILINE)
    fixed = [c for c in documented if "<" not in c]
    assert fixed == [c for c in COLUMNS if not c.startswith(("pilot-zones", "logistics-basics"))]
    assert "<module-slug>_quiz_best" in documented and "<module-slug>_quiz_in_progress" in documented


def test_rows(client, auth, arranged):
    auth.as_role("admin")
    _, rows = _rows(client, arranged)
    assert set(rows) == {"ama@example.org", "budi@example.org", "chen@example.org", "dara@example.org"}
    ama, budi, chen, dara = (rows[f"{k}@example.org"] for k in ("ama", "budi", "chen", "dara"))
    assert (ama["name"], ama["org_type"], ama["country"], ama["sex"], ama["firm_size"]) == (
        "Ama Mensah",
        "sme",
        "Ghana",
        "female",
        "small",
    )
    assert ama["enrolled_at"] == "2025-03-01T09:00:00+00:00"
    assert (ama["lessons_completed"], ama["lessons_total"], ama["progress_percent"]) == ("4", "4", "100")
    assert (ama["pilot-zones_quiz_best"], ama["path_completed"], ama["certificate_code"]) == (
        "80",
        "1",
        "CBEC-AMA-0001",
    )
    assert (ama["logistics-basics_quiz_best"], ama["logistics-basics_quiz_in_progress"]) == ("", "0")


def test_zero_is_written_and_open_attempts_are_flagged_not_scored(client, auth, arranged):
    auth.as_role("instructor")
    _, rows = _rows(client, arranged)
    budi, chen = rows["budi@example.org"], rows["chen@example.org"]
    # Budi scored 0 on his first attempt, has a second one open (and a practice attempt of 100 %).
    assert (budi["pilot-zones_quiz_best"], budi["pilot-zones_quiz_in_progress"]) == ("0", "1")
    assert (budi["path_completed"], budi["certificate_code"]) == ("0", "")
    assert (chen["pilot-zones_quiz_best"], chen["pilot-zones_quiz_in_progress"]) == ("", "0")


def test_formula_injection_is_defused(client, auth, arranged):
    auth.as_role("instructor")
    _, rows = _rows(client, arranged)
    assert rows["dara@example.org"]["name"] == "'=cmd|' /C calc'!A0"


def test_the_stream_gives_its_database_connection_back(app, client, auth, arranged):
    """Read as a server reads it (chunk by chunk, then closed), the export leaves no connection checked out."""
    auth.as_role("instructor")
    pool = app.extensions["db_engine"].pool
    before = pool.checkedout()  # the test's own session may hold one
    response = client.get(f"/reports/cohorts/{arranged.cohort.id}/progress.csv", buffered=False)
    chunks = list(response.response)
    response.close()
    assert chunks[0].startswith(b"user_id,name,") and len(b"".join(chunks).splitlines()) > 1
    assert pool.checkedout() == before


def test_rows_carry_events_tours_and_feedback(client, auth, arranged, db):
    """What a funder asks beside progress: seats held, sessions attended, tours joined and the feedback given."""
    from datetime import date

    from course.models import Attendance, EventEnrolment, EventSession, Feedback, StudyTour, TourApplication
    from tests.web.events.helpers import make_event

    ama, budi, eve = (arranged.users[k] for k in ("ama", "budi", "eve"))
    event = make_event(db, auth.make_user("admin"), capacity=5)
    first, second = db.exec(select(EventSession).where(EventSession.event_id == event.id)).all()
    tour = StudyTour(title="Pilot zones tour", starts_on=date(2026, 5, 1), ends_on=date(2026, 5, 4), capacity=10)
    db.add(tour)
    db.flush()
    for user in (ama, budi, eve):
        db.add(
            EventEnrolment(event_id=event.id, user_id=user.id, status="enrolled" if user is not budi else "waitlisted")
        )
    for user, session, present in ((ama, first, True), (ama, second, True), (eve, first, True), (budi, first, False)):
        db.add(Attendance(session_id=session.id, user_id=user.id, present=present))
    db.add_all(
        [
            TourApplication(tour_id=tour.id, user_id=ama.id, motivation="See a bonded zone", status="accepted"),
            TourApplication(tour_id=tour.id, user_id=budi.id, motivation="Learn", status="declined"),
            Feedback(
                object_type="event", object_id=event.id, user_id=ama.id, relevance=4, usefulness=5, will_apply=True
            ),
            Feedback(
                object_type="studytour", object_id=tour.id, user_id=ama.id, relevance=5, usefulness=2, will_apply=False
            ),
            Feedback(
                object_type="event", object_id=event.id, user_id=eve.id, relevance=1, usefulness=1, will_apply=True
            ),
        ]
    )
    db.commit()
    auth.as_role("instructor")
    _, rows = _rows(client, arranged)
    figures = ("events_enrolled", "event_sessions_attended", "study_tours_accepted", "feedback_answers")
    means = ("feedback_relevance_mean", "feedback_usefulness_mean", "feedback_will_apply")
    ama_row, budi_row, chen_row = (rows[f"{k}@example.org"] for k in ("ama", "budi", "chen"))
    assert [ama_row[c] for c in figures + means] == ["1", "2", "1", "2", "4.5", "3.5", "1"]
    assert [budi_row[c] for c in figures + means] == ["0", "0", "0", "0", "", "", "0"]  # waitlisted, absent, declined
    assert [chen_row[c] for c in figures + means] == ["0", "0", "0", "0", "", "", "0"]
    assert "eve@example.org" not in rows
