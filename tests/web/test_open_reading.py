"""Open reading: visitors read lessons, modules, the glossary and the catalogue; an admin can make reading
members-only from the site settings page, stored in the database and seen at once."""

import re

from sqlmodel import select

from course.models import AuditEntry, LessonProgress, SiteSettings

LESSON = "/lessons/harbour-city-pilot"
READING = ["/", "/modules/pilot-zones", LESSON, "/glossary", "/paths"]
TOKEN = re.compile(r'name="csrf-token" content="([^"]+)"')


def _token(client) -> str:
    return TOKEN.search(client.get("/login").get_data(as_text=True)).group(1)


def _switch(auth, on: bool):
    data = {"members_only": "y"} if on else {}
    return auth.post("/admin/settings", data)


def test_a_visitor_reads_every_page_and_two_visitors_share_one_kept_lesson_page(app, synced, client):
    for url in READING:
        assert client.get(url).status_code == 200, url
    other = app.test_client()
    first, second = client.get(LESSON).get_data(as_text=True), other.get(LESSON).get_data(as_text=True)
    assert TOKEN.search(first).group(1) != TOKEN.search(second).group(1)  # each browser its own CSRF token
    assert TOKEN.sub("", first) == TOKEN.sub("", second)
    assert "Sign in to track your progress" in first


def test_a_visitor_cannot_record_progress(synced, client, db):
    token = _token(client)
    for action in ("complete", "visit"):
        response = client.post(f"{LESSON}/{action}", data={"csrf_token": token})
        assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert db.exec(select(LessonProgress)).all() == []


def test_the_admin_makes_reading_members_only_and_opens_it_again(app, synced, client, auth, db):
    admin = auth.as_role("admin")
    page = client.get("/admin/settings").get_data(as_text=True)
    assert "open to everyone" in page
    response = _switch(auth, True)
    assert response.status_code == 302
    assert db.get(SiteSettings, 1).members_only is True
    entry = db.exec(select(AuditEntry).where(AuditEntry.action == "site.settings")).one()
    assert (entry.actor_id, entry.before, entry.after) == (admin.id, {"members_only": False}, {"members_only": True})
    visitor = app.test_client()
    for url in READING:
        answer = visitor.get(url)
        assert answer.status_code == 302 and "/login" in answer.headers["Location"], url
    assert visitor.get("/api/v1/catalog").status_code == 401
    for url in ("/login", "/register", "/verify"):
        assert visitor.get(url).status_code == 200, url
    assert client.get(LESSON).status_code == 200  # members still read
    _switch(auth, False)
    db.expire_all()
    assert db.get(SiteSettings, 1).members_only is False
    assert visitor.get(LESSON).status_code == 200
    assert len(db.exec(select(AuditEntry).where(AuditEntry.action == "site.settings")).all()) == 2


def test_saving_the_same_setting_again_records_nothing(synced, client, auth, db):
    auth.as_role("admin")
    _switch(auth, False)
    assert db.exec(select(AuditEntry)).all() == []


def test_another_server_sees_the_switch_at_its_next_revision_check(app, synced, client, database_url, monkeypatch):
    from sqlmodel import Session

    from course.content import catalogue
    from course.db import make_engine
    from course.site import set_members_only

    monkeypatch.setattr(catalogue, "REVISION_CHECK_SECONDS", 3600.0)
    assert client.get(LESSON).status_code == 200  # this process holds the open catalogue
    elsewhere = make_engine(database_url)  # another server's engine: its change cannot drop our snapshot
    with Session(elsewhere) as session:
        set_members_only(session, True)
        session.commit()
    elsewhere.dispose()
    assert client.get(LESSON).status_code == 200  # until its next check of the revision
    monkeypatch.setattr(catalogue, "REVISION_CHECK_SECONDS", 0.0)
    response = app.test_client().get(LESSON)
    assert response.status_code == 302 and "/login" in response.headers["Location"]
