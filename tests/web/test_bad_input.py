"""Input that cannot crash, tried over the whole URL map: huge ids, wrong methods, missing fields, NUL bytes.
Every answer is a styled 4xx page, or JSON under /api/; the 500 page is styled and needs no database."""

import pytest
from sqlalchemy import event

from tests.conftest import csrf_token

STYLED = 'class="site-header"'
METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH")


def _rules(app):
    return [rule for rule in app.url_map.iter_rules() if rule.endpoint != "static"]


def _url(rule, number: int, text: str = "x") -> str:
    values = {
        arg: number if rule._converters[arg].__class__.__name__ == "IdConverter" else text for arg in rule.arguments
    }
    return rule.build(values, append_unknown=False)[1]


def _assert_styled(response, code, url):
    assert response.status_code == code, (url, response.status_code)
    if url.startswith("/api/"):
        assert response.is_json and response.get_json()["status"] == code, url
    else:
        assert STYLED in response.get_data(as_text=True), url


def test_every_id_beyond_what_the_database_stores_is_a_styled_404(synced_quizzes, client, auth):
    auth.as_role("admin")
    rules = [
        rule for rule in _rules(synced_quizzes) if any(rule._converters[a].regex == r"\d+" for a in rule.arguments)
    ]
    assert len(rules) > 20
    for rule in rules:
        method = "GET" if "GET" in rule.methods else "POST"
        for number in (2**31, 2**63, 2**64, 10**30):
            url = _url(rule, number)
            response = client.open(url, method=method, data={"csrf_token": csrf_token(client)})
            _assert_styled(response, 404, url)
        largest = _url(rule, 2**31 - 1)  # stored ids go this far: a lookup, not a crash
        assert client.open(largest, method=method, data={"csrf_token": csrf_token(client)}).status_code < 500, largest


def test_every_wrong_method_is_a_styled_405(synced_quizzes, client, auth):
    auth.as_role("admin")
    adapter = synced_quizzes.url_map.bind("localhost")
    for rule in _rules(synced_quizzes):
        url = _url(rule, 1)
        allowed = set(adapter.allowed_methods(url))  # other rules may serve the same URL by other methods
        for method in METHODS:
            if method not in allowed:
                response = client.open(url, method=method)
                _assert_styled(response, 405, url)
                assert set(response.headers["Allow"].split(", ")) == allowed


def test_every_post_without_its_fields_answers_without_a_server_error(synced_quizzes, client, auth):
    auth.as_role("admin")
    posts = [rule for rule in _rules(synced_quizzes) if "POST" in rule.methods and rule.endpoint != "auth.logout"]
    assert len(posts) > 20
    for rule in posts:
        url = _url(rule, 1)
        response = client.post(url, data={"csrf_token": csrf_token(client)})
        assert response.status_code < 500, (url, response.status_code)


def test_a_registration_without_a_field_is_refused_next_to_the_field(client, db):
    for missing in ("email", "password", "confirm", "name", "organisation", "country", "org_type"):
        form = {
            "email": "amina@example.org",
            "password": "quiet river lantern",
            "confirm": "quiet river lantern",
            "name": "Amina",
            "organisation": "Kilimo",
            "country": "Kenya",
            "org_type": "sme",
            "csrf_token": csrf_token(client),
        }
        del form[missing]
        response = client.post("/register", data=form)
        if missing in ("email", "password", "confirm", "name"):
            assert response.status_code == 422 and f'id="{missing}-error"' in response.get_data(as_text=True)
        else:  # optional fields: the account is made without them
            assert response.status_code == 302, missing
            db.rollback()


@pytest.mark.parametrize("where", ["form", "query", "path"])
def test_a_nul_byte_anywhere_is_a_styled_400_and_changes_nothing(synced, client, auth, db, where):
    from course.models import User

    user = auth.as_role("trainee")
    if where == "form":
        form = {"name": "Amina\x00", "org_type": "sme", "firm_size": "", "sex": "", "csrf_token": csrf_token(client)}
        response = client.post("/account", data=form)
    elif where == "query":
        response = client.get("/login?next=/%00")
    else:
        response = client.get("/lessons/a%00b")
    assert response.status_code == 400 and "NUL character" in response.get_data(as_text=True)
    assert STYLED in response.get_data(as_text=True)
    db.expire_all()
    assert db.get(User, user.id).name == "Trainee User"


def test_every_post_route_refuses_a_nul_byte(synced_quizzes, client, auth):
    auth.as_role("admin")
    for rule in _rules(synced_quizzes):
        if "POST" in rule.methods:
            url = _url(rule, 1)
            response = client.post(url, data={"csrf_token": csrf_token(client), "name": "\x00", "title": "a\x00"})
            assert response.status_code in (400, 404), (url, response.status_code)


def test_the_500_page_is_styled_and_touches_no_database(app, client, auth):
    def broken():
        raise RuntimeError("a bug")

    broken.access = "public"
    app.add_url_rule("/broken", "broken", broken)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    auth.as_role("trainee")  # a signed-in user, whom the page must not load
    statements = []
    engine = app.extensions["db_engine"]
    record = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", record)
    try:
        response = client.get("/broken")
    finally:
        event.remove(engine, "before_cursor_execute", record)
    html = response.get_data(as_text=True)
    assert response.status_code == 500 and "Something went wrong" in html and "style.css" in html
    assert statements == []
