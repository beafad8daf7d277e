"""Lesson and module pages kept per learner: each browser still gets its own CSRF token, and every change shows."""

import re

from sqlmodel import select

from course.models import LessonProgress, User

LESSON = "/lessons/harbour-city-pilot"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def _login(app, email="trainee@example.org"):
    browser = app.test_client()
    browser.get("/login")
    page = browser.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    form = {"email": email, "password": "correct horse battery", "csrf_token": token}
    assert browser.post("/login", data=form).status_code == 302
    return browser


def test_two_browsers_of_one_learner_each_get_a_token_that_works(app, synced, auth, db):
    trainee = auth.make_user("trainee")
    laptop, phone = _login(app), _login(app)
    laptop_page = laptop.get(LESSON).get_data(as_text=True)  # rendered and kept
    phone_page = phone.get(LESSON).get_data(as_text=True)  # served from what was kept
    laptop_token, phone_token = TOKEN.search(laptop_page).group(1), TOKEN.search(phone_page).group(1)
    assert laptop_token != phone_token
    assert phone.post(f"{LESSON}/complete", data={"csrf_token": phone_token}).status_code == 302
    done = db.exec(select(LessonProgress).where(LessonProgress.user_id == trainee.id)).one()
    assert done.completed_at is not None
    assert "You completed this lesson" in laptop.get(LESSON).get_data(as_text=True)


def test_the_flash_after_completing_shows_and_then_the_page_is_kept_again(app, client, synced, auth):
    auth.as_role("trainee")
    client.get(LESSON)
    response = auth.post(f"{LESSON}/complete")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "is marked complete" in page
    assert "is marked complete" not in client.get(LESSON).get_data(as_text=True)


def test_a_new_name_shows_at_once(app, client, synced, auth, db):
    trainee = auth.as_role("trainee")
    assert "Trainee User" in client.get(LESSON).get_data(as_text=True)
    row = db.get(User, trainee.id)
    row.name = "Amina Wanjiku"
    db.commit()
    page = client.get(LESSON).get_data(as_text=True)
    assert "Amina Wanjiku" in page and "Trainee User" not in page
