"""The profile's time zone and the one filter that shows stored instants to the viewer."""

from datetime import UTC, datetime

import pytest
from flask import render_template_string

from course.models import User

PROFILE = {"name": "Amina", "organisation": "", "org_type": "sme", "country": "", "firm_size": "", "sex": ""}


def test_the_profile_saves_a_time_zone_and_clears_it(client, auth, db):
    user = auth.as_role("trainee")
    page = client.get("/account").get_data(as_text=True)
    assert '<option value="Africa/Nairobi">' in page and "Not set: use my browser" in page
    assert auth.post("/account", PROFILE | {"time_zone": "Africa/Nairobi"}).status_code == 302
    db.expire_all()
    assert db.get(User, user.id).time_zone == "Africa/Nairobi"
    assert auth.post("/account", PROFILE | {"time_zone": ""}).status_code == 302
    db.expire_all()
    assert db.get(User, user.id).time_zone == ""


@pytest.mark.parametrize("zone", ["Mars/Olympus", "posix/UTC", "Africa/Nairobi\u200b"])
def test_an_unknown_time_zone_is_refused_and_nothing_changes(client, auth, db, zone):
    user = auth.as_role("trainee")
    response = auth.post("/account", PROFILE | {"name": "Changed", "time_zone": zone})
    assert response.status_code == 422
    assert "Unknown time zone" in response.get_data(as_text=True)
    db.expire_all()
    stored = db.get(User, user.id)
    assert (stored.name, stored.time_zone) == ("Trainee User", "")


def _render(app, user):
    from flask_login import login_user

    with app.test_request_context():
        login_user(user)
        return render_template_string("{{ moment|local_time }} {{ moment|local_time('date') }}", moment=MOMENT)


MOMENT = datetime(2026, 3, 1, 6, 30, tzinfo=UTC)


def test_times_show_in_the_viewers_zone(app, auth, db):
    user = auth.make_user("trainee")
    user.time_zone = "Asia/Shanghai"
    db.commit()
    html = _render(app, user)
    assert '<time datetime="2026-03-01T06:30:00Z">Sun 1 Mar 2026, 14:30 CST</time>' in html
    assert "data-browser-zone" not in html


def test_without_a_zone_times_are_utc_and_marked_for_the_browser(app, auth, db):
    html = _render(app, auth.make_user("trainee"))
    assert '<time datetime="2026-03-01T06:30:00Z" data-browser-zone="datetime">Sun 1 Mar 2026, 06:30 UTC</time>' in html
    assert 'data-browser-zone="date">Sun 1 Mar 2026</time>' in html


def test_every_page_loads_the_script_that_rewrites_times(client):
    page = client.get("/glossary").get_data(as_text=True)
    assert '<script src="/static/local-time.js" defer data-note="' in page
    assert "data-browser-zone" in client.get("/static/local-time.js").get_data(as_text=True)
