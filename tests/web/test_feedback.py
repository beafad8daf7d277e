"""Attendees give feedback after an event or a study tour; staff see figures, a chart and the CSV."""

from datetime import timedelta

from sqlmodel import select

from course.events import attendance, seats
from course.events.scheduling import sessions_of
from course.models import EventEnrolment, Feedback, TourApplication
from tests.web.events.helpers import SOON, make_event
from tests.web.tours.helpers import TODAY, make_tour

ANSWER = {"relevance": "5", "usefulness": "4", "will_apply": "y", "apply_text": "Use the single window checklist."}


def test_an_attendee_answers_once_the_event_began_and_staff_see_the_figures(client, auth, db, synced):
    owner = auth.make_user("instructor")
    event = make_event(db, owner, sessions=1, starts=SOON - timedelta(days=20))
    trainee, absent = auth.make_user("trainee"), auth.make_user("official")
    for person in (trainee, absent):
        db.add(EventEnrolment(event_id=event.id, user_id=person.id, status="enrolled"))  # the sign-up closed long ago
    db.commit()
    (only,) = sessions_of(db, event.id)
    attendance.mark(db, only, {trainee.id: True, absent.id: False}, by=owner)
    db.commit()
    auth.login(absent.email)
    assert client.get(f"/events/{event.id}/feedback").status_code == 404
    assert auth.post(f"/events/{event.id}/feedback", ANSWER).status_code == 404
    auth.logout()
    auth.login(trainee.email)
    assert "Tell us how it went" in client.get(f"/events/{event.id}").get_data(as_text=True)
    bad = auth.post(f"/events/{event.id}/feedback", ANSWER | {"relevance": "9"})
    assert bad.status_code == 422 and "Not a valid choice" in bad.get_data(as_text=True)
    assert db.exec(select(Feedback)).all() == []
    assert auth.post(f"/events/{event.id}/feedback", ANSWER).status_code == 302
    assert auth.post(f"/events/{event.id}/feedback", ANSWER | {"relevance": "4"}).status_code == 302  # replaces
    (row,) = db.exec(select(Feedback)).all()
    db.refresh(row)
    assert (row.object_type, row.relevance, row.usefulness, row.will_apply) == ("event", 4, 4, True)
    auth.logout()
    auth.login(owner.email)
    page = client.get(f"/events/{event.id}/manage").get_data(as_text=True)
    assert "1 of 1 who attended answered (100%)" in page
    assert "<svg" in page and "Feedback ratings" in page and "<caption>Ratings given" in page
    csv_text = client.get(f"/events/{event.id}/feedback.csv").get_data(as_text=True)
    assert csv_text.startswith("object_type,object_id,title,user_id,name,email")
    assert "Use the single window checklist." in csv_text


def test_the_form_does_not_open_before_the_event(client, auth, db, synced):
    owner = auth.make_user("instructor")
    event = make_event(db, owner, sessions=1)
    trainee = auth.as_role("trainee")
    with synced.app_context():  # enrolling tells the trainee (course.notifications)
        seats.enrol(db, event, trainee)
    db.commit()
    attendance.mark(db, sessions_of(db, event.id)[0], {trainee.id: True}, by=owner)
    db.commit()
    assert client.get(f"/events/{event.id}/feedback").status_code == 404


def test_tour_participants_answer_from_the_first_day(client, auth, db, synced):
    owner = auth.make_user("instructor")
    tour = make_tour(db, owner, starts_on=TODAY - timedelta(days=1))
    trainee = auth.as_role("trainee")
    db.add(TourApplication(tour_id=tour.id, user_id=trainee.id, motivation="x", status="accepted"))
    db.commit()
    assert auth.post(f"/tours/{tour.id}/feedback", ANSWER).status_code == 302
    auth.logout()
    auth.login(owner.email)
    page = client.get(f"/tours/{tour.id}/manage").get_data(as_text=True)
    assert "1 of 1 participants answered" in page
    assert "studytour," in client.get(f"/tours/{tour.id}/feedback.csv").get_data(as_text=True)
