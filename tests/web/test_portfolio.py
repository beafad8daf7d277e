"""The reflection portfolio: saved from the lesson page, edited, exported, shared with the cohort, moderated."""

from sqlmodel import select

from course.models import AuditEntry, Reflection, ReflectionReply
from tests.conftest import teaching

LESSON = "/lessons/harbour-city-pilot"
SAVE = "/portfolio/lessons/harbour-city-pilot"


def _saved(db, user):
    db.expire_all()
    return db.exec(select(Reflection).where(Reflection.user_id == user.id)).all()


def test_an_answer_is_saved_edited_and_shown_on_the_kept_lesson_page(synced, client, auth, db):
    user = auth.as_role("trainee")
    assert "Save my answer" in client.get(LESSON).get_data(as_text=True)  # the page is now kept for this learner
    assert auth.post(SAVE, {"text": "A one-stop desk for exporters."}).status_code == 302
    [row] = _saved(db, user)
    assert row.text == "A one-stop desk for exporters." and not row.shared
    page = client.get(LESSON).get_data(as_text=True)
    assert "A one-stop desk for exporters.</textarea>" in page and "Save changes" in page
    auth.post(SAVE, {"text": "A one-stop desk, and training.", "shared": "y"})
    [row] = _saved(db, user)
    assert row.text == "A one-stop desk, and training." and row.shared
    assert "A one-stop desk, and training.</textarea>" in client.get(LESSON).get_data(as_text=True)
    mine = client.get("/portfolio/").get_data(as_text=True)
    assert (
        "Harbour City pilot area" in mine
        and "A one-stop desk, and training." in mine
        and "shared with your cohort" in mine
    )


def test_an_empty_answer_or_a_missing_token_saves_nothing(synced, client, auth, db):
    user = auth.as_role("trainee")
    response = auth.post(SAVE, {"text": "   "})
    assert response.status_code == 302
    assert "Write your answer before you save it." in client.get(LESSON).get_data(as_text=True)
    assert client.post(SAVE, data={"text": "No token"}).status_code == 400
    assert auth.post("/portfolio/lessons/no-such-lesson", {"text": "x"}).status_code == 404
    assert _saved(db, user) == []


def test_exports_hold_the_answers(synced, client, auth, db):
    auth.as_role("trainee")
    auth.post(SAVE, {"text": "Answer for **Harbour**."})
    markdown = client.get("/portfolio/export.md")
    assert markdown.headers["Content-Type"].startswith("text/markdown")
    assert "### Harbour City pilot area\n\n> What would you copy?\n\nAnswer for **Harbour**." in markdown.get_data(
        as_text=True
    )
    pdf = client.get("/portfolio/export.pdf")
    assert pdf.headers["Content-Type"] == "application/pdf" and pdf.data.startswith(b"%PDF")


def test_shared_reflections_reach_the_cohort_who_reply_and_staff_moderate(synced, client, auth, db):
    author = auth.make_user("trainee", email="author@example.org")
    peer = auth.make_user("trainee", email="peer@example.org")
    instructor = auth.make_user("instructor")
    stranger = auth.make_user("official", email="stranger@example.org")
    teaching(db, instructor, author, peer)
    auth.login(author.email)
    auth.post(SAVE, {"text": "Private first."})
    [reflection] = _saved(db, author)
    auth.logout()
    auth.login(peer.email)
    assert client.get(f"/portfolio/reflections/{reflection.id}").status_code == 404  # not shared yet
    assert "Private first." not in client.get("/portfolio/shared").get_data(as_text=True)
    auth.logout()
    auth.login(author.email)
    auth.post(SAVE, {"text": "Now shared <script>alert(1)</script>.", "shared": "y"})
    auth.logout()
    auth.login(peer.email)
    shared = client.get("/portfolio/shared").get_data(as_text=True)
    assert "Now shared" in shared and "<script>alert" not in shared
    assert auth.post(f"/portfolio/reflections/{reflection.id}/replies", {"text": "Rude reply."}).status_code == 302
    reply = db.exec(select(ReflectionReply)).one()
    assert reply.author_id == peer.id
    assert auth.post(f"/portfolio/replies/{reply.id}/visibility", {"hide": "1"}).status_code == 403
    auth.logout()
    auth.login(stranger.email)
    assert client.get(f"/portfolio/reflections/{reflection.id}").status_code == 404
    assert auth.post(f"/portfolio/reflections/{reflection.id}/replies", {"text": "Hi"}).status_code == 404
    auth.logout()
    auth.login(instructor.email)
    assert "Rude reply." in client.get(f"/portfolio/reflections/{reflection.id}").get_data(as_text=True)
    assert auth.post(f"/portfolio/replies/{reply.id}/visibility", {"hide": "1"}).status_code == 302
    db.expire_all()
    assert db.get(ReflectionReply, reply.id).hidden_by == instructor.id
    assert db.exec(select(AuditEntry).where(AuditEntry.action == "reply.hide")).one().object_id == reply.id
    auth.logout()
    auth.login(author.email)
    page = client.get(f"/portfolio/reflections/{reflection.id}").get_data(as_text=True)
    assert "Rude reply." not in page and "No reply yet." in page
    assert db.exec(select(ReflectionReply)).one().text == "Rude reply."  # hidden, not deleted
