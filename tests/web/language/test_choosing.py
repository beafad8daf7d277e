"""Which language a page is served in: profile, then the switcher's cookie, then Accept-Language, then English."""

import re

from sqlmodel import select

from course.models import User

LESSON = "/lessons/harbour-city-pilot"
HTML_TAG = re.compile(r"<html lang=\"([^\"]+)\" dir=\"([^\"]+)\">")


def _lang(response) -> tuple[str, str]:
    return HTML_TAG.search(response.get_data(as_text=True)).groups()


def test_english_when_nothing_asks_for_another(client, synced):
    assert _lang(client.get("/")) == ("en", "ltr")


def test_the_browser_accept_language_picks_a_known_language(client, synced):
    assert _lang(client.get("/", headers={"Accept-Language": "de-DE, fr-CA;q=0.8, en;q=0.5"})) == ("fr", "ltr")
    assert _lang(client.get("/", headers={"Accept-Language": "zh-CN,zh;q=0.9"})) == ("zh-Hans", "ltr")
    assert _lang(client.get("/", headers={"Accept-Language": "ar-EG"})) == ("ar", "rtl")
    assert _lang(client.get("/", headers={"Accept-Language": "de, ja;q=0.5"})) == ("en", "ltr")


def test_a_visitor_switcher_keeps_the_choice_in_a_cookie_and_goes_back(client, synced):
    response = client.get("/language?language=ru&next=/paths")
    assert response.status_code == 302 and response.headers["Location"] == "/paths"
    assert "language=ru" in response.headers["Set-Cookie"]
    assert _lang(client.get("/glossary", headers={"Accept-Language": "fr"})) == ("ru", "ltr")


def test_the_switcher_never_sends_anyone_off_the_site_and_ignores_unknown_languages(client, synced):
    response = client.get("/language?language=xx&next=https://evil.example/")
    assert response.headers["Location"] == "/" and "Set-Cookie" not in response.headers
    assert _lang(client.get("/")) == ("en", "ltr")


def test_lang_on_the_url_shows_one_page_in_that_language_only(client, synced):
    assert _lang(client.get("/glossary?lang=es")) == ("es", "ltr")
    assert _lang(client.get("/glossary")) == ("en", "ltr")


def test_a_signed_in_user_choice_is_saved_in_the_profile_and_beats_the_browser(client, synced, auth, db):
    user = auth.as_role("trainee")
    page = client.get("/").get_data(as_text=True)
    assert 'action="/language" method="post"' in page  # signed in: a POST with a CSRF token
    response = auth.post("/language", {"language": "ar", "next": LESSON})
    assert response.status_code == 302 and response.headers["Location"] == LESSON
    assert db.exec(select(User.language).where(User.id == user.id)).one() == "ar"
    assert _lang(client.get(LESSON, headers={"Accept-Language": "fr"})) == ("ar", "rtl")


def test_the_switcher_post_needs_its_csrf_token(client, synced, auth, db):
    user = auth.as_role("trainee")
    client.post("/language", data={"language": "fr", "next": "/"})
    assert db.exec(select(User.language).where(User.id == user.id)).one() == ""


def test_a_kept_lesson_page_follows_a_change_of_language_at_once(client, synced, auth):
    auth.as_role("trainee")
    assert _lang(client.get(LESSON)) == ("en", "ltr")
    assert _lang(client.get(LESSON)) == ("en", "ltr")  # now served from what was kept
    auth.post("/language", {"language": "zh_Hans", "next": LESSON})
    assert _lang(client.get(LESSON)) == ("zh-Hans", "ltr")


def test_the_profile_page_sets_and_clears_the_language(client, synced, auth, db):
    user = auth.as_role("trainee")
    form = {"name": "Amina", "org_type": "sme", "firm_size": "", "sex": "", "language": "es"}
    assert auth.post("/account", form).status_code == 302
    assert db.exec(select(User.language).where(User.id == user.id)).one() == "es"
    assert _lang(client.get("/account")) == ("es", "ltr")
    assert auth.post("/account", form | {"language": ""}).status_code == 302
    assert _lang(client.get("/account", headers={"Accept-Language": "ru"})) == ("ru", "ltr")
    assert auth.post("/account", form | {"language": "klingon"}).status_code == 422
