"""The programme's new texts in another language: what a visitor is offered on the events' and tours' pages, and a
post-tour report proposed as a practice case (the button, the pre-filled form, the summary worded in French)."""

import html
from datetime import timedelta

from sqlmodel import select

from course.models import TourApplication, TourReport
from tests.web.events.helpers import make_event
from tests.web.tours.helpers import TODAY, make_tour


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_data(as_text=True)


def test_a_visitor_is_offered_to_log_in_in_french_and_arabic(client, auth, db, synced):
    owner = auth.make_user("instructor")
    event, tour = make_event(db, owner), make_tour(db, owner)
    page = _page(client, f"/events/{event.id}?lang=fr")
    assert "Se connecter pour s'inscrire" in page and "créez un compte gratuit" in page
    assert "Log in to enrol" not in page
    assert "pour vous inscrire à un événement" in _page(client, "/events/?lang=fr")
    tour_page = _page(client, f"/tours/{tour.id}?lang=ar")
    assert "سجّل الدخول لتقديم الطلب" in tour_page and "Log in to apply" not in tour_page
    assert "Applying" not in tour_page


def test_a_report_proposed_as_a_practice_case_in_french(client, auth, db, synced):
    owner = auth.make_user("instructor")
    tour = make_tour(db, owner, starts_on=TODAY - timedelta(days=2))
    trainee = auth.as_role("trainee")
    db.add(TourApplication(tour_id=tour.id, user_id=trainee.id, motivation="x", status="accepted"))
    db.commit()
    auth.post(f"/tours/{tour.id}/report", {"title": "Returns", "body": "We saw returns.", "submit": "1"})
    page = _page(client, f"/tours/{tour.id}/report?lang=fr")
    assert "Proposer ce rapport comme cas pratique" in page and "Propose this report" not in page
    form = html.unescape(_page(client, f"/tours/{tour.id}/report/case?lang=fr"))
    assert "Ce formulaire part de votre rapport de voyage sur « Coast tour »" in form
    assert "Vu lors du voyage d'étude « Coast tour » (Harbour City)." in form
    assert "Rapport de voyage de " in form and "This form starts from" not in form
    assert db.exec(select(TourReport)).one().case_submission_id is None


def test_lessons_named_on_event_and_tour_pages_are_in_the_readers_language(client, auth, db, synced):
    """An event's related lessons, a tour's site visits and its pre-reading name each lesson in its translation."""
    from course.content import catalogue
    from course.models import ContentTranslation

    db.add(
        ContentTranslation(kind="lesson", slug="harbour-city-pilot", language="fr", fields={"title": "La zone pilote"})
    )
    catalogue.record_change(db)
    db.commit()
    owner = auth.make_user("instructor")
    event, tour = make_event(db, owner), make_tour(db, owner)
    event.lessons = ["harbour-city-pilot"]
    db.add(event)
    db.commit()
    assert ">La zone pilote</a>" in _page(client, f"/events/{event.id}?lang=fr")
    tour_page = _page(client, f"/tours/{tour.id}?lang=fr")
    assert tour_page.count(">La zone pilote</a>") == 2  # the site visit and the pre-reading
    assert ">La zone pilote</a>" not in _page(client, f"/events/{event.id}")  # English readers get the English title
