"""The capstone's action plan: write, submit, peer and instructor reviews with the rubric, moderation."""

from sqlmodel import select

from course.models import ActionPlan, AuditEntry, LessonProgress, PlanReview
from tests.conftest import teaching

PLAN = "/action-plans/action-plan"
TEXT = "## Your starting point\n\nWe export tea.\n\n## The cases you draw on\n\nRail freight and the returns hub."


def _write(auth, submit=True, **extra):
    data = {"audience": "sme", "title": "Tea to Europe", "text": TEXT} | extra
    data["submit_plan" if submit else "save"] = "1"
    return auth.post(PLAN, data)


def _plan(db, user):
    db.expire_all()
    return db.exec(select(ActionPlan).where(ActionPlan.user_id == user.id)).first()


def _cohort(db, auth):
    """An instructor's cohort of two trainees: the author and a peer."""
    author = auth.make_user("trainee", email="author@example.org", org_type="government")
    peer = auth.make_user("trainee", email="peer@example.org")
    instructor = auth.make_user("instructor")
    teaching(db, instructor, author, peer)
    return author, peer, instructor


def test_a_trainee_drafts_then_submits_and_the_lesson_page_follows(synced, client, auth, db):
    author = auth.as_role("trainee")
    page = client.get(PLAN).get_data(as_text=True)
    assert "## Your starting point" in page and "Two or more cases compared." in page  # outline and rubric
    assert "You have not started your plan yet." in client.get("/lessons/returns-hub").get_data(as_text=True)
    assert _write(auth, submit=False).status_code == 302
    plan = _plan(db, author)
    assert plan.title == "Tea to Europe" and plan.submitted_at is None and plan.audience == "sme"
    assert "You have a draft" in client.get("/lessons/returns-hub").get_data(as_text=True)  # the kept page moved on
    _write(auth, title="Tea to Europe, second draft")
    plan = _plan(db, author)
    assert plan.submitted_at is not None and plan.title == "Tea to Europe, second draft"
    assert "You submitted your plan on" in client.get("/lessons/returns-hub").get_data(as_text=True)
    assert "Submitted on" in client.get(PLAN).get_data(as_text=True)


def test_a_plan_without_a_title_is_refused_and_nothing_is_saved(synced, client, auth, db):
    author = auth.as_role("trainee")
    response = _write(auth, title="")
    assert response.status_code == 200 and "This field is required." in response.get_data(as_text=True)
    assert _plan(db, author) is None
    assert auth.post(PLAN, {"audience": "tourist", "title": "x", "text": "y", "save": "1"}).status_code == 200
    assert _plan(db, author) is None
    assert client.post(PLAN, data={"audience": "sme", "title": "x", "text": "y", "save": "1"}).status_code == 400
    assert _plan(db, author) is None  # no CSRF token


def test_a_peer_reviews_with_the_rubric_and_the_author_reads_it(synced, client, auth, db):
    author, peer, _ = _cohort(db, auth)
    auth.login(author.email)
    _write(auth)
    plan = _plan(db, author)
    auth.logout()
    auth.login(peer.email)
    listed = client.get("/action-plans/").get_data(as_text=True)
    assert f'href="/action-plans/plans/{plan.id}"' in listed and "Not yet" in listed
    page = client.get(f"/action-plans/plans/{plan.id}").get_data(as_text=True)
    assert "Rail freight and the returns hub." in page and "Your review" in page
    missing = auth.post(f"/action-plans/plans/{plan.id}/review", {"level_cases": "2", "comment_cases": "Clear."})
    assert missing.status_code == 400 and "Choose a level for “Measures results”." in missing.get_data(as_text=True)
    assert db.exec(select(PlanReview)).first() is None
    sent = auth.post(
        f"/action-plans/plans/{plan.id}/review",
        {
            "level_cases": "2",
            "comment_cases": "Two cases, **well** compared.",
            "level_results": "0",
            "overall": "Good.",
        },
    )
    assert sent.status_code == 302
    review = db.exec(select(PlanReview)).one()
    assert review.reviewer_id == peer.id and review.scores == {"cases": 2, "results": 0}
    assert review.comments == {"cases": "Two cases, **well** compared."}
    assert "Reviewed" in client.get("/action-plans/").get_data(as_text=True)
    auth.logout()
    auth.login(author.email)
    mine = client.get(PLAN).get_data(as_text=True)
    assert "Review by Trainee User" in mine and "4 of 6 points" in mine and "<strong>well</strong>" in mine


def test_the_author_cannot_review_and_strangers_cannot_see(synced, client, auth, db):
    author, _, _ = _cohort(db, auth)
    auth.login(author.email)
    _write(auth, submit=False)
    plan = _plan(db, author)
    auth.logout()
    auth.make_user("trainee", email="peer2@example.org")
    teaching(db, auth.make_user("instructor", email="teacher2@example.org"), author, name="Second cohort")
    stranger = auth.make_user("official", email="stranger@example.org")
    auth.login(stranger.email)
    assert client.get(f"/action-plans/plans/{plan.id}").status_code == 404
    auth.logout()
    auth.login("peer@example.org")
    assert client.get(f"/action-plans/plans/{plan.id}").status_code == 404  # a draft is the author's alone
    auth.logout()
    auth.login(author.email)
    _write(auth)
    assert (
        auth.post(f"/action-plans/plans/{plan.id}/review", {"level_cases": "1", "level_results": "1"}).status_code
        == 403
    )
    assert db.exec(select(PlanReview)).first() is None


def test_staff_hide_an_abusive_review_from_the_trainee(synced, client, auth, db):
    author, peer, instructor = _cohort(db, auth)
    auth.login(author.email)
    _write(auth)
    plan = _plan(db, author)
    auth.logout()
    auth.login(peer.email)
    auth.post(
        f"/action-plans/plans/{plan.id}/review", {"level_cases": "0", "level_results": "0", "overall": "Rude words."}
    )
    review = db.exec(select(PlanReview)).one()
    assert auth.post(f"/action-plans/reviews/{review.id}/visibility", {"hide": "1"}).status_code == 403
    auth.logout()
    auth.login(instructor.email)
    assert "Hide this review from the trainee" in client.get(f"/action-plans/plans/{plan.id}").get_data(as_text=True)
    assert auth.post(f"/action-plans/reviews/{review.id}/visibility", {"hide": "1"}).status_code == 302
    db.expire_all()
    assert db.get(PlanReview, review.id).hidden_by == instructor.id
    entry = db.exec(select(AuditEntry).where(AuditEntry.action == "review.hide")).one()
    assert entry.actor_id == instructor.id and entry.object_id == review.id
    staff_view = client.get(f"/action-plans/plans/{plan.id}").get_data(as_text=True)
    assert "Hidden from the trainee by staff" in staff_view and "Rude words." in staff_view
    auth.logout()
    auth.login(author.email)
    assert "Rude words." not in client.get(PLAN).get_data(as_text=True)


def test_plan_text_is_sanitised(synced, client, auth, db):
    author = auth.as_role("trainee")
    _write(auth, text="Plan <script>alert(1)</script> ![x](https://tracker.example/p.png) [ok](javascript:alert(1))")
    html = client.get(f"/action-plans/plans/{_plan(db, author).id}").get_data(as_text=True)
    assert "<script>alert" not in html and "tracker.example" not in html and "javascript:" not in html
    assert "Plan" in html


def test_a_required_plan_gates_the_lesson_it_belongs_to(synced, runner, content_dir, client, auth, db):
    path = content_dir / "02-logistics-basics" / "assignment.yml"
    path.write_text(path.read_text().replace("required: false", "required: true"))
    assert runner.invoke(args=["course", "sync"]).exit_code == 0
    author = auth.as_role("trainee")
    assert "once you have submitted your plan" in client.get("/lessons/returns-hub").get_data(as_text=True)
    auth.post("/lessons/returns-hub/complete")
    assert db.exec(select(LessonProgress).where(LessonProgress.completed_at.is_not(None))).first() is None
    _write(auth)
    assert auth.post("/lessons/returns-hub/complete").status_code == 302
    db.expire_all()
    row = db.exec(select(LessonProgress).where(LessonProgress.user_id == author.id)).one()
    assert row.completed_at is not None
