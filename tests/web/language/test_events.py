"""The events' and study tours' pages in another language: headings, kinds, statuses, the scheduler's problems and
the dates the pages write, in the reader's language (English pages read as before)."""

from datetime import timedelta

from tests.web.events.helpers import SOON, event_form, local, make_event
from tests.web.tours.helpers import make_tour


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_data(as_text=True)


def test_a_trainee_reads_the_events_in_french(client, auth, db, synced):
    owner = auth.make_user("instructor")
    event = make_event(db, owner, capacity=1)
    auth.as_role("trainee")
    assert auth.post(f"/events/{event.id}/enrol").status_code == 302
    page = _page(client, f"/events/{event.id}?lang=fr")
    assert "Séminaire" in page and "Séances" in page and "À propos de cet événement" in page
    assert "Libérer ma place" in page and "Ajouter à mon agenda (.ics)" in page
    assert "About this event" not in page and "Give up my seat" not in page
    calendar = _page(client, f"/events/calendar?month={SOON:%Y-%m}&lang=fr")
    assert "Événements en " in calendar and "lundi" in calendar and "Events in" not in calendar
    feed = _page(client, "/events/feed?lang=ar")
    assert "فعالياتك في تقويمك" in feed and "Your events in your calendar" not in feed


def test_staff_manage_an_event_in_arabic_and_read_the_schedule_problems_in_french(client, auth, db, synced):
    owner = auth.as_role("instructor")
    event = make_event(db, owner)
    page = _page(client, f"/events/{event.id}/manage?lang=ar")
    assert "الجلسات والحضور" in page and "إلغاء الفعالية" in page and "الملاحظات" in page
    assert "Sessions and attendance" not in page and "Cancel the event" not in page
    managed = _page(client, "/events/manage?lang=ar")
    assert "Events I manage" not in managed and "Schedule an event" not in managed
    start = SOON
    overlapping = event_form(**{"sessions-1-starts": local(start + timedelta(hours=1), "Africa/Nairobi")})
    overlapping["sessions-1-ends"] = local(start + timedelta(hours=3), "Africa/Nairobi")
    refused = auth.post("/events/new?lang=fr", overlapping)
    assert refused.status_code == 422
    text = refused.get_data(as_text=True)
    assert "Les séances 1 et 2 se chevauchent" in text and "overlap" not in text
    english = auth.post("/events/new", overlapping).get_data(as_text=True)
    assert "Sessions 1 and 2 overlap: one must end before the other starts." in english


def test_study_tours_in_french_and_russian(client, auth, db, synced):
    owner = auth.make_user("instructor")
    tour = make_tour(db, owner)
    auth.as_role("trainee")
    assert (
        auth.post(f"/tours/{tour.id}/apply", {"motivation": "To learn.", "organisation": "Kilimo"}).status_code == 302
    )
    listing = _page(client, "/tours/?lang=fr")
    assert "Voyages d'étude" in listing and "Votre candidature : en attente" in listing
    assert "Your application: pending" not in listing
    page = _page(client, f"/tours/{tour.id}?lang=ru")
    assert "Маршрут" in page and "ожидает решения" in page and "Itinerary" not in page
    english = _page(client, f"/tours/{tour.id}")
    assert f"{tour.starts_on:%d %B %Y}" in english and "waiting for a decision" in english
    auth.logout()
    auth.as_role("instructor")
    manage = _page(client, f"/tours/{tour.id}/manage?lang=fr")
    assert "Candidatures (1)" in manage and "Mettre sur la liste d'attente" in manage
    assert "Put on the waiting list" not in manage and "Applications (1)" not in manage


def test_a_persons_calendar_feed_is_written_in_their_own_language(client, auth, db, synced):
    """The feed is fetched by a calendar application (no browser, no session): it follows the owner's language."""
    event = make_event(db, auth.make_user("instructor"), sessions=2)
    trainee = auth.as_role("trainee")
    assert auth.post(f"/events/{event.id}/enrol").status_code == 302
    trainee.language = "fr"
    db.commit()
    page = auth.post("/events/feed").get_data(as_text=True)
    path = page.split("<code>")[1].split("</code>")[0].split("localhost", 1)[1]
    auth.logout()
    feed = client.get(path, headers={"Accept-Language": "en"}).get_data(as_text=True).replace("\r\n ", "")
    assert "X-WR-CALNAME:CBEC Academy : mes événements" in feed
    assert "Pilot zones seminar (séance 1 sur 2)" in feed and "Rejoindre en ligne : https://meet.example.org" in feed
    assert "Séminaire du programme de formation" in feed and "CATEGORIES:Séminaire" in feed
    assert "session 1 of 2" not in feed and "Join online" not in feed


def test_an_event_calendar_file_follows_the_request_and_the_api_keeps_english_labels(client, auth, db, synced):
    event = make_event(db, auth.make_user("instructor"), sessions=2)
    auth.as_role("trainee")
    ics = client.get(f"/events/{event.id}.ics?lang=ru").get_data(as_text=True).replace("\r\n ", "")
    assert "(занятие 1 из 2)" in ics and "session 1 of 2" not in ics
    api = client.get("/api/v1/events?lang=fr", headers={"Accept-Language": "fr"}).get_json()
    assert [item["kind_label"] for item in api["events"]] == ["Seminar"]
