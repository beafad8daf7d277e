"""Practice cases through the pages: the guided form, drafts, submission, review, publication; nothing is seen
by others before it is published, and the author's markdown is sanitised."""

import pytest
from sqlmodel import func, select

from course import announcements
from course.models import LibraryEntry, PracticeCase
from tests.conftest import csrf_token

FORM = {
    "title": "Mombasa traders sell online together",
    "org_name": "Mombasa Traders Cooperative",
    "org_type": "association",
    "country": "Kenya",
    "province": "Coast",
    "city": "Mombasa",
    "chapter": "2",
    "themes": ["logistics", "talent"],
    "audiences": ["sme"],
    "summary": "Small traders could not reach buyers abroad.",
    "what_was_done": "The cooperative pooled **parcels**.\n\n<script>alert(1)</script>"
    '<img src="x" onerror="alert(2)">[click](javascript:alert(3))',
    "tools": "A shared warehouse\n\n  Weekly training  \n",
    "results": "Exports up 30% in 2024",
    "results_source": "The cooperative's 2024 annual report",
    "preconditions": "A cooperative that members trust",
    "replicable": "Pool parcels to cut freight costs",
    "contact_name": "Achieng Otieno",
    "contact_email": "achieng@example.org",
    "permission": "y",
}


@pytest.fixture
def told(monkeypatch):
    calls = []
    monkeypatch.setattr(
        announcements, "announce", lambda session, user, kind, **data: calls.append((user.id, kind, data))
    )
    return calls


def _case(db):
    db.expire_all()
    return db.exec(select(PracticeCase)).one()


def _submit(auth, **changes):
    return auth.post("/library/cases/new", FORM | {"send": "Submit for review"} | changes)


def _switch_to(app, email):
    """A second browser, signed in as another account."""
    browser = app.test_client()
    token = csrf_token(browser)
    assert (
        browser.post(
            "/login", data={"email": email, "password": "correct horse battery", "csrf_token": token}
        ).status_code
        == 302
    )
    return browser


def test_a_draft_is_saved_and_edited_until_submitted(synced, client, auth, db):
    auth.as_role("trainee")
    assert "Share a practice case" in client.get("/library/cases/new").get_data(as_text=True)
    response = auth.post("/library/cases/new", {"title": "Half done", "save": "Save draft"})
    case = _case(db)
    assert response.status_code == 302 and response.headers["Location"] == f"/library/cases/{case.id}/edit"
    assert (case.status, case.title) == ("draft", "Half done")
    page = client.get(f"/library/cases/{case.id}/edit").get_data(as_text=True)
    assert 'value="Half done"' in page
    response = auth.post(f"/library/cases/{case.id}/edit", FORM | {"send": "Submit for review"})
    assert response.status_code == 302 and response.headers["Location"] == "/library/cases/mine"
    case = _case(db)
    assert case.status == "submitted" and case.tools == ["A shared warehouse", "Weekly training"]
    mine = client.get("/library/cases/mine").get_data(as_text=True)
    assert "Mombasa traders sell online together" in mine and "Waiting for review" in mine


def test_submitting_an_incomplete_case_says_what_is_missing_and_keeps_nothing(synced, client, auth, db):
    auth.as_role("trainee")
    response = _submit(auth, results_source="", permission="")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Before submitting, add where the figures come from; your permission to publish." in html
    assert 'value="Mombasa traders sell online together"' in html  # what was typed is kept on the page
    assert db.exec(select(func.count(PracticeCase.id))).one() == 0


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("contact_email", "not-an-email", "Invalid email address."),
        ("org_type", "charity", "Not a valid choice"),
        ("chapter", "42", "Not a valid choice"),
        ("themes", ["tourism"], "is not a valid choice"),
        ("tools", "\n".join(f"line {n}" for n in range(21)), "Give at most 20 lines (you gave 21)."),
        ("title", "x" * 201, "Field cannot be longer than 200 characters."),
    ],
)
def test_bad_input_is_named_and_changes_nothing(synced, client, auth, db, field, value, message):
    auth.as_role("trainee")
    response = _submit(auth, **{field: value})
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert db.exec(select(func.count(PracticeCase.id))).one() == 0


def test_nobody_else_sees_a_case_before_it_is_published(app, synced, client, auth, db):
    auth.as_role("trainee")
    _submit(auth)
    case = _case(db)
    url = f"/library/cases/{case.id}"
    assert client.get(url).status_code == 200  # its author
    auth.make_user("official", email="official@example.org")
    auth.make_user("instructor", email="instructor@example.org")
    for email in ("official@example.org", "instructor@example.org"):
        other = _switch_to(app, email)
        assert other.get(url).status_code == 404
        assert other.get(f"{url}/edit").status_code == 404
        assert "Mombasa" not in other.get("/library/cases/mine").get_data(as_text=True)
    visitor = app.test_client()
    assert visitor.get(url).status_code == 404
    assert "0 results" in visitor.get("/library?q=Mombasa").get_data(as_text=True)
    assert visitor.get(f"/library/compare?case=case:{case.id}&case=lesson:rail-freight").status_code == 400
    assert db.exec(select(LibraryEntry).where(LibraryEntry.kind == "case")).all() == []


def test_a_submitted_case_cannot_be_changed(synced, client, auth, db):
    auth.as_role("trainee")
    _submit(auth)
    case = _case(db)
    response = client.get(f"/library/cases/{case.id}/edit")
    assert response.status_code == 302 and response.headers["Location"] == f"/library/cases/{case.id}"
    response = auth.post(f"/library/cases/{case.id}/edit", FORM | {"title": "Changed", "save": "Save draft"})
    assert response.status_code == 409 and "it can no longer be changed" in response.get_data(as_text=True)
    assert _case(db).title == FORM["title"]


def test_the_admin_asks_for_changes_then_publishes(app, synced, client, auth, db, told):
    author = auth.as_role("trainee")
    _submit(auth)
    case = _case(db)
    auth.make_user("admin", email="admin@example.org")
    admin = _switch_to(app, "admin@example.org")
    queue = admin.get("/library/review").get_data(as_text=True)
    assert f'href="/library/review/{case.id}"' in queue
    page = admin.get(f"/library/review/{case.id}").get_data(as_text=True)
    assert "achieng@example.org" in page and "Permission to publish: yes" in page
    token = csrf_token(admin)
    refused = admin.post(
        f"/library/review/{case.id}", data={"decision": "request_changes", "comment": "", "csrf_token": token}
    )
    assert refused.status_code == 422 and "Say what should change." in refused.get_data(as_text=True)
    assert _case(db).status == "submitted" and told == []
    admin.post(
        f"/library/review/{case.id}",
        data={"decision": "request_changes", "comment": "Add the year.", "csrf_token": token},
    )
    assert _case(db).status == "changes_requested"
    mine = client.get("/library/cases/mine").get_data(as_text=True)
    assert "Changes requested" in mine and "Add the year." in mine
    assert "The reviewers asked for changes" in client.get(f"/library/cases/{case.id}/edit").get_data(as_text=True)
    auth.post(
        f"/library/cases/{case.id}/edit", FORM | {"results": "Exports up 30% in 2024 (year-on-year)", "send": "Submit"}
    )
    assert _case(db).status == "submitted"
    response = admin.post(
        f"/library/review/{case.id}", data={"decision": "publish", "comment": "", "csrf_token": token}
    )
    assert response.status_code == 302 and _case(db).status == "published"
    assert [(user, kind, data["decision"]) for user, kind, data in told] == [
        (author.id, "case_decision", "changes_requested"),
        (author.id, "case_decision", "published"),
    ]
    visitor = app.test_client()
    html = visitor.get(f"/library/cases/{case.id}").get_data(as_text=True)
    assert "Mombasa, Coast, Kenya" in html and "<strong>parcels</strong>" in html
    assert "achieng@example.org" not in html  # the contact is for the reviewers only
    library = visitor.get("/library?country=Kenya").get_data(as_text=True)
    assert f'<a href="/library/cases/{case.id}">Mombasa traders sell online together</a>' in library
    compare = visitor.get(f"/library/compare?case=case:{case.id}&case=lesson:rail-freight")
    assert compare.status_code == 200 and "Pool parcels to cut freight costs" in compare.get_data(as_text=True)


def test_the_authors_markdown_is_sanitised(app, synced, client, auth, db, told):
    auth.as_role("trainee")
    _submit(auth)
    case = _case(db)
    for html in (client.get(f"/library/cases/{case.id}").get_data(as_text=True),):
        assert "<script>alert(1)" not in html and "onerror" not in html and "javascript:" not in html
        assert "<strong>parcels</strong>" in html


def test_a_decision_on_a_reviewed_case_is_refused(app, synced, client, auth, db, told):
    auth.as_role("trainee")
    _submit(auth)
    case = _case(db)
    auth.make_user("admin", email="admin@example.org")
    admin = _switch_to(app, "admin@example.org")
    token = csrf_token(admin)
    admin.post(f"/library/review/{case.id}", data={"decision": "reject", "comment": "Off topic.", "csrf_token": token})
    again = admin.post(f"/library/review/{case.id}", data={"decision": "publish", "comment": "", "csrf_token": token})
    assert again.status_code == 422 and "only a submitted case can be reviewed" in again.get_data(as_text=True)
    assert _case(db).status == "rejected" and len(told) == 1
