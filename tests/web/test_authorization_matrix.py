"""Every route of the URL map x every role: the answer each gets, kept in one table.

Objects are owned by instructor A ("owner"); instructor B ("other") owns nothing. A route without a row fails
the test. GET cells are all checked; for POST only the refusals are (allowed POSTs are other tests' business),
with CSRF tokens, and the refused POSTs must leave every table as it was.
"""

from __future__ import annotations

from flask import url_for
from sqlalchemy import text
from sqlmodel import SQLModel, select

from course.accounts import create_user
from course.action_plans.plans import save_plan, save_review
from course.certificates.codes import new_code
from course.events.scheduling import sessions_of
from course.models import (
    Assignment,
    Certificate,
    Cohort,
    CohortMember,
    LearningPath,
    Lesson,
    Module,
    Notification,
    OutboxMessage,
    PracticeCase,
    Quiz,
    TourApplication,
    TourReport,
)
from course.models.base import utcnow
from course.portfolio.reflections import add_reply, save_reflection
from course.questions import parse_gift
from course.quizzes.attempts import attempt_items, save_responses, start_attempt, submit_attempt
from course.quizzes.banks import get_or_create_bank, import_questions
from tests.conftest import csrf_token
from tests.web.events.helpers import make_event
from tests.web.tours.helpers import make_tour

ROLES = ("anonymous", "trainee", "official", "owner", "other", "admin")
LOGIN = "login"  # a redirect to the log-in page
OK, MOVED, DENIED, MISSING, GONE = 200, 302, 403, 404, 410
STAFF_ONLY = (LOGIN, DENIED, DENIED, OK, OK, OK)  # a staff page every instructor may open (a filtered list)
OWNED = (LOGIN, DENIED, DENIED, OK, MISSING, OK)  # a page of an object A owns: B gets 404, ids do not leak
ADMIN_ONLY = (LOGIN, DENIED, DENIED, DENIED, DENIED, OK)
PUBLIC = (OK,) * 6
SIGNED_IN = (LOGIN, OK, OK, OK, OK, OK)
SIGNED_IN_API = (401, OK, OK, OK, OK, OK)  # JSON: an anonymous call gets a JSON 401, not the log-in page
# POST refusals: the cells checked; None marks an allowed cell, not checked here.
POST_STAFF = (LOGIN, DENIED, DENIED, None, None, None)
POST_OWNED = (LOGIN, DENIED, DENIED, None, MISSING, None)
POST_ADMIN = (LOGIN, DENIED, DENIED, DENIED, DENIED, None)
POST_SIGNED_IN = (LOGIN, None, None, None, None, None)
POST_PUBLIC = (None,) * 6
POST_OWN_ATTEMPT = (LOGIN, None, MISSING, MISSING, MISSING, MISSING)  # only the trainee who took it

EXPECTED = {
    # --- public pages
    ("learn.home", "GET"): PUBLIC,
    ("learn.glossary", "GET"): PUBLIC,
    ("learn.paths", "GET"): PUBLIC,
    ("learn.module", "GET"): PUBLIC,
    ("learn.synthesis", "GET"): PUBLIC,
    ("learn.lesson", "GET"): PUBLIC,  # open reading; members-only: see the test at the end
    ("library.library", "GET"): PUBLIC,
    ("library.compare_models", "GET"): PUBLIC,
    # the trainee's practice case, a draft: its author and admins see it; others get 404 (ids do not leak)
    ("library.practice_case", "GET"): (MISSING, OK, MISSING, MISSING, MISSING, OK),
    ("library.edit_case", "GET"): (LOGIN, OK, MISSING, MISSING, MISSING, MISSING),  # only its author edits it
    ("library.edit_case", "POST"): (LOGIN, None, MISSING, MISSING, MISSING, MISSING),
    ("library.new_case", "GET"): SIGNED_IN,
    ("library.new_case", "POST"): POST_SIGNED_IN,
    ("library.my_cases", "GET"): SIGNED_IN,
    ("library.review_list", "GET"): ADMIN_ONLY,
    ("library.review", "GET"): ADMIN_ONLY,
    ("library.review", "POST"): POST_ADMIN,
    ("api.catalog", "GET"): PUBLIC,
    ("api.cases", "GET"): PUBLIC,
    ("certificates.verify_lookup", "GET"): PUBLIC,
    ("certificates.verify", "GET"): PUBLIC,
    ("certificates.check_credential", "POST"): POST_PUBLIC,
    # --- Open Badges: the issuer's profiles and keys, badge classes and images, hosted assertions
    ("certificates.issuer_keys", "GET"): PUBLIC,
    ("certificates.issuer_profile", "GET"): PUBLIC,
    ("certificates.issuer_v2", "GET"): PUBLIC,
    ("certificates.badge_class", "GET"): PUBLIC,
    ("certificates.badge_image", "GET"): PUBLIC,
    ("certificates.assertion", "GET"): PUBLIC,
    ("invitations.accept", "GET"): (MISSING,) * 6,  # the URL's token is unknown
    ("invitations.accept", "POST"): POST_PUBLIC,
    ("auth.login", "GET"): (OK, MOVED, MOVED, MOVED, MOVED, MOVED),  # signed in: sent on
    ("auth.login", "POST"): POST_PUBLIC,
    ("auth.register", "GET"): (OK, MOVED, MOVED, MOVED, MOVED, MOVED),
    ("auth.register", "POST"): POST_PUBLIC,
    ("auth.reset_password", "GET"): PUBLIC,  # "forgot your password?": signed in or not
    ("auth.reset_password", "POST"): POST_PUBLIC,
    ("auth.reset_with_token", "GET"): (MISSING,) * 6,  # the URL's token is unknown
    ("auth.reset_with_token", "POST"): (MISSING,) * 6,
    ("auth.verify_email", "GET"): (MISSING,) * 6,
    ("auth.verify_email", "POST"): (MISSING,) * 6,
    ("language.choose", "GET"): (MOVED,) * 6,  # keeps the choice in a cookie and sends the visitor back
    ("language.choose", "POST"): POST_PUBLIC,
    # --- everyone signed in
    ("auth.profile", "GET"): SIGNED_IN,
    ("auth.profile", "POST"): POST_SIGNED_IN,
    ("auth.change_password", "GET"): SIGNED_IN,
    ("auth.change_password", "POST"): POST_SIGNED_IN,
    ("auth.logout", "GET"): PUBLIC,  # a page with the log-out button; a GET never logs out
    ("auth.logout", "POST"): POST_PUBLIC,
    ("auth.end_all_sessions", "POST"): POST_SIGNED_IN,
    ("learn.my_learning", "GET"): SIGNED_IN,
    ("notifications.list_notifications", "GET"): SIGNED_IN,
    ("notifications.mark_read", "POST"): POST_OWN_ATTEMPT,  # the trainee's notification: only theirs to mark
    ("notifications.mark_all_read", "POST"): POST_SIGNED_IN,
    ("notifications.email_choices", "POST"): POST_SIGNED_IN,
    ("notifications.unsubscribe", "GET"): (MISSING,) * 6,  # the URL's token is not a signed one
    ("notifications.unsubscribe", "POST"): (MISSING,) * 6,
    ("learn.complete_lesson", "POST"): POST_SIGNED_IN,
    ("learn.record_visit", "POST"): POST_SIGNED_IN,
    ("learn.follow_path", "POST"): POST_SIGNED_IN,
    ("api.my_progress", "GET"): SIGNED_IN_API,
    ("api.my_xapi", "GET"): SIGNED_IN_API,
    ("api.events", "GET"): SIGNED_IN_API,
    ("certificates.mine", "GET"): SIGNED_IN,
    ("certificates.claim", "POST"): POST_SIGNED_IN,
    ("quiz.quiz_start_page", "GET"): SIGNED_IN,
    ("quiz.start", "POST"): POST_SIGNED_IN,
    # the trainee's own attempt (submitted: its page sends on to the review)
    ("quiz.attempt_page", "GET"): (LOGIN, MOVED, MISSING, MISSING, MISSING, MISSING),
    ("quiz.review", "GET"): (LOGIN, OK, MISSING, MISSING, MISSING, MISSING),
    ("quiz.save", "POST"): POST_OWN_ATTEMPT,
    ("quiz.submit", "POST"): POST_OWN_ATTEMPT,
    # the trainee's certificate: its holder, instructors of the holder's cohorts, admins
    ("certificates.pdf", "GET"): (LOGIN, OK, MISSING, OK, MISSING, OK),
    # --- the capstone's action plans: the trainee's own plan; A teaches the trainee; the official is a stranger
    ("action_plans.to_review", "GET"): SIGNED_IN,
    ("action_plans.mine", "GET"): SIGNED_IN,
    ("action_plans.mine", "POST"): POST_SIGNED_IN,
    ("action_plans.plan", "GET"): (LOGIN, OK, MISSING, OK, MISSING, OK),
    ("action_plans.review", "POST"): (LOGIN, DENIED, MISSING, None, MISSING, None),  # not one's own plan
    ("action_plans.hide_review", "POST"): (LOGIN, DENIED, MISSING, None, MISSING, None),  # staff who teach
    # --- the reflection portfolio: the trainee's shared reflection, with a reply by A
    ("portfolio.save", "POST"): POST_SIGNED_IN,
    ("portfolio.mine", "GET"): SIGNED_IN,
    ("portfolio.export_markdown", "GET"): SIGNED_IN,
    ("portfolio.export_pdf", "GET"): SIGNED_IN,
    ("portfolio.shared", "GET"): SIGNED_IN,
    ("portfolio.entry", "GET"): (LOGIN, OK, MISSING, OK, MISSING, OK),
    ("portfolio.reply", "POST"): (LOGIN, None, MISSING, None, MISSING, None),
    ("portfolio.hide_reply", "POST"): (LOGIN, DENIED, MISSING, None, MISSING, None),  # staff who teach
    ("certificates.credential", "GET"): (LOGIN, OK, MISSING, OK, MISSING, OK),
    # --- administrators
    ("admin.users", "GET"): ADMIN_ONLY,
    ("admin.change_role", "POST"): POST_ADMIN,
    ("admin.audit_trail", "GET"): ADMIN_ONLY,
    ("admin.audit_csv", "GET"): ADMIN_ONLY,
    ("admin.mail_outbox", "GET"): ADMIN_ONLY,
    ("admin.mail_message", "GET"): ADMIN_ONLY,
    ("admin.retry_message", "POST"): POST_ADMIN,
    ("admin.site_settings", "GET"): ADMIN_ONLY,
    ("admin.site_settings", "POST"): POST_ADMIN,
    ("certificates.admin_list", "GET"): ADMIN_ONLY,
    ("certificates.revoke", "POST"): POST_ADMIN,
    # --- cohorts and their reports
    ("cohorts.list_cohorts", "GET"): STAFF_ONLY,
    ("cohorts.create_cohort", "GET"): STAFF_ONLY,
    ("cohorts.create_cohort", "POST"): POST_STAFF,
    ("cohorts.cohort", "GET"): OWNED,
    ("cohorts.enrol_trainee", "POST"): POST_OWNED,
    ("cohorts.upload_roster", "POST"): POST_OWNED,
    ("cohorts.reinvite", "POST"): POST_OWNED,
    ("reports.cohorts", "GET"): STAFF_ONLY,
    ("reports.cohort_dashboard", "GET"): OWNED,
    ("reports.progress_csv", "GET"): OWNED,
    # --- the programme report: an instructor's adds up the cohorts they manage (B's is empty, not refused)
    ("reports.programme", "GET"): STAFF_ONLY,
    ("reports.programme_csv", "GET"): STAFF_ONLY,
    ("reports.programme_pdf_file", "GET"): STAFF_ONLY,
    ("api.programme_report", "GET"): (401, DENIED, DENIED, OK, OK, OK),
    # --- the public impact page: not found until published (an admin sees a preview); its switch is the admin's
    ("impact.impact_page", "GET"): (MISSING, MISSING, MISSING, MISSING, MISSING, OK),
    ("impact.impact_settings", "GET"): ADMIN_ONLY,
    ("impact.impact_settings", "POST"): POST_ADMIN,
    # --- who manages what (the cohort's panel): B cannot see the cohort at all
    ("ownership.add_co_instructor", "POST"): POST_OWNED,
    ("ownership.remove_co_instructor", "POST"): POST_OWNED,
    ("ownership.share_bank", "POST"): POST_OWNED,
    # --- question banks and questions
    ("instructor.banks", "GET"): STAFF_ONLY,
    ("instructor.create_bank", "POST"): POST_STAFF,
    ("instructor.bank", "GET"): OWNED,
    ("instructor.download_gift", "GET"): OWNED,
    ("instructor.download_xml", "GET"): OWNED,
    ("instructor.paste_gift", "POST"): POST_OWNED,
    ("instructor.upload_questions", "POST"): POST_OWNED,
    ("instructor.new_question", "GET"): OWNED,
    ("instructor.new_question", "POST"): POST_OWNED,
    ("instructor.edit_question", "GET"): OWNED,
    ("instructor.edit_question", "POST"): POST_OWNED,
    ("instructor.archive_question", "POST"): POST_OWNED,
    ("instructor.preview_question", "GET"): OWNED,
    ("instructor.preview_question", "POST"): POST_OWNED,
    ("instructor.regrade", "GET"): OWNED,
    ("instructor.regrade", "POST"): POST_OWNED,
    # --- quizzes
    ("instructor.quizzes", "GET"): STAFF_ONLY,
    ("instructor.new_quiz", "GET"): STAFF_ONLY,
    ("instructor.new_quiz", "POST"): POST_STAFF,
    ("instructor.quiz", "GET"): OWNED,
    ("instructor.quiz", "POST"): POST_OWNED,
    ("instructor.pick_question", "GET"): OWNED,
    ("instructor.add_fixed_slot", "POST"): POST_OWNED,
    ("instructor.add_random_slot", "POST"): POST_OWNED,
    ("instructor.remove_slot", "POST"): POST_OWNED,
    ("instructor.grant_extension", "POST"): POST_OWNED,
    ("instructor.preview_quiz", "GET"): OWNED,
    # --- course packages (Common Cartridge, SCORM, offline): any staff member
    ("interop.exports", "GET"): STAFF_ONLY,
    ("interop.download", "GET"): STAFF_ONLY,
    # --- grading: the essay of a trainee in A's cohort
    ("instructor.grading", "GET"): STAFF_ONLY,
    ("instructor.grade_item", "GET"): OWNED,
    ("instructor.grade_item", "POST"): POST_OWNED,
    # --- events: visitors read the programme, everyone signed in takes part; the owner (and admins) manage A's event
    ("events.upcoming", "GET"): PUBLIC,  # open reading, as the lessons; members-only: the test at the end
    ("events.calendar", "GET"): PUBLIC,
    ("events.event", "GET"): PUBLIC,
    ("events.enrol", "POST"): POST_SIGNED_IN,
    ("events.withdraw", "POST"): POST_SIGNED_IN,
    ("events.event_ics", "GET"): PUBLIC,
    ("events.my_ics", "GET"): SIGNED_IN,
    ("events.feed", "GET"): (MISSING,) * 6,  # the URL's token is unknown
    ("events.feed_link", "GET"): SIGNED_IN,
    ("events.feed_link", "POST"): POST_SIGNED_IN,
    ("events.revoke_feed", "POST"): POST_SIGNED_IN,
    ("events.managed_list", "GET"): STAFF_ONLY,
    ("events.new_event", "GET"): STAFF_ONLY,
    ("events.new_event", "POST"): POST_STAFF,
    ("events.edit_event", "GET"): OWNED,
    ("events.edit_event", "POST"): POST_OWNED,
    ("events.cancel_event", "POST"): POST_OWNED,
    ("events.manage", "GET"): OWNED,
    ("events.session_attendance", "GET"): OWNED,
    ("events.session_attendance", "POST"): POST_OWNED,
    ("events.sign_in_sheet", "GET"): OWNED,
    ("events.upload_attendance", "GET"): OWNED,
    ("events.upload_attendance", "POST"): POST_OWNED,
    ("events.feedback", "GET"): (LOGIN, MISSING, MISSING, MISSING, MISSING, MISSING),  # no one attended yet
    ("events.feedback", "POST"): (LOGIN, MISSING, MISSING, MISSING, MISSING, MISSING),
    ("events.feedback_csv", "GET"): OWNED,
    # --- study tours: A's tour, with the official's application and submitted report
    ("tours.upcoming", "GET"): PUBLIC,
    ("tours.tour", "GET"): PUBLIC,
    ("tours.tour_ics", "GET"): PUBLIC,
    ("tours.apply", "POST"): POST_SIGNED_IN,
    ("tours.withdraw", "POST"): (LOGIN, MISSING, None, MISSING, MISSING, MISSING),  # only the applicant
    ("tours.report", "GET"): (LOGIN, MISSING, MISSING, MISSING, MISSING, MISSING),  # the tour has not begun
    ("tours.report", "POST"): (LOGIN, MISSING, MISSING, MISSING, MISSING, MISSING),
    # the official's submitted report, proposed as a practice case: only by its author
    ("tours.propose_case", "GET"): (LOGIN, MISSING, OK, MISSING, MISSING, MISSING),
    ("tours.propose_case", "POST"): (LOGIN, MISSING, None, MISSING, MISSING, MISSING),
    ("tours.feedback", "GET"): (LOGIN, MISSING, MISSING, MISSING, MISSING, MISSING),
    ("tours.feedback", "POST"): (LOGIN, MISSING, MISSING, MISSING, MISSING, MISSING),
    ("tours.managed_list", "GET"): STAFF_ONLY,
    ("tours.new_tour", "GET"): STAFF_ONLY,
    ("tours.new_tour", "POST"): POST_STAFF,
    ("tours.edit_tour", "GET"): OWNED,
    ("tours.edit_tour", "POST"): POST_OWNED,
    ("tours.cancel_tour", "POST"): POST_OWNED,
    ("tours.manage", "GET"): OWNED,
    ("tours.decide", "POST"): POST_OWNED,
    ("tours.read_report", "GET"): OWNED,
    ("tours.feedback_csv", "GET"): OWNED,
}

ESSAY_GIFT = """::bonded::Describe a bonded warehouse. {}

::port::Mombasa is a port. {T}
"""
# What a refused POST carries: the fields that would change something if the POST were allowed.
POST_DATA = {
    "email": "other@example.org",
    "name": "Changed",
    "role": "admin",
    "percent": "100",
    "comment": "Changed",
    "archive": "1",
    "shared": "1",
    "gift": "::x::Changed? {T}",
    "title": "Changed",
    "slug": "changed",
    "pass_mark": "1",
    "fixed_mark": "1",
    "reason": "Changed",
    "mode": "practice",
    "members_only": "y",
    "decision": "publish",
    "send": "Submit for review",
}


def _arrange(db):
    """A's cohort (trainee and a pending invitee), bank, quiz, the trainee's essay attempt and certificate."""
    users = {
        role: create_user(db, email=f"{role}@example.org", name=role.title(), password="correct horse battery", role=r)
        for role, r in (
            ("trainee", "trainee"),
            ("official", "official"),
            ("owner", "instructor"),
            ("other", "instructor"),
            ("admin", "admin"),
        )
    }
    owner, trainee = users["owner"], users["trainee"]
    pending = create_user(db, email="pending@example.org", name="Pending", password=None)
    path = db.exec(select(LearningPath).where(LearningPath.slug == "officials")).one()
    cohort = Cohort(name="A's cohort", path_id=path.id, owner_id=owner.id, created_by=owner.id)
    db.add(cohort)
    db.flush()
    db.add_all([CohortMember(cohort_id=cohort.id, user_id=u.id) for u in (trainee, pending)])
    bank = get_or_create_bank(db, "A's bank")
    bank.owner_id = owner.id
    import_questions(db, bank, parse_gift(ESSAY_GIFT).questions)
    db.flush()
    quiz = Quiz(slug="a-quiz", title="A's quiz", kind="other", owner_id=owner.id)
    db.add(quiz)
    db.flush()
    from course.models import Question

    questions = db.exec(select(Question).where(Question.bank_id == bank.id).order_by(Question.id)).all()
    quiz.slots = [{"kind": "fixed", "question_id": q.id, "mark": 1} for q in questions]
    attempt = start_attempt(db, quiz, trainee.id)
    items = attempt_items(db, attempt)
    save_responses(db, attempt, {items[0][0].id: "Goods wait for duty."})
    submit_attempt(db, attempt)
    assignment = db.exec(select(Assignment)).one()
    plan = save_plan(
        db, user_id=trainee.id, assignment=assignment, audience="sme", title="Plan", text="Text", submit=True
    )
    review = save_review(
        db, plan=plan, assignment=assignment, reviewer=owner, scores={"cases": 1, "results": 1}, comments={}, overall=""
    )
    first_lesson = db.exec(select(Lesson).order_by(Lesson.id)).first()
    reflection = save_reflection(db, user_id=trainee.id, lesson=first_lesson, text="Mine", shared=True)
    reply = add_reply(db, reflection=reflection, author=owner, text="A reply")
    certificate = Certificate(
        code=new_code(), user_id=trainee.id, path_id=path.id, holder_name=trainee.name, path_title=path.title
    )
    db.add(certificate)
    message = OutboxMessage(
        kind="registration_attempt",
        to_address=trainee.email,
        data={"name": trainee.name, "login_url": "http://localhost/login", "reset_url": "http://localhost/forgot"},
        message_id="<matrix@example.org>",
        state="failed",
    )
    db.add(message)
    notice = Notification(user_id=trainee.id, kind="certificate_issued", title="Your certificate", url="/certificates")
    db.add(notice)
    case = PracticeCase(author_id=trainee.id, title="Trainee's draft case")
    db.add(case)
    db.commit()
    lesson = db.exec(select(Lesson).order_by(Lesson.id)).first()
    module = db.get(Module, lesson.module_id)
    event = make_event(db, owner)
    event_session = sessions_of(db, event.id)[0]
    tour = make_tour(db, owner)
    application = TourApplication(tour_id=tour.id, user_id=users["official"].id, motivation="To learn.")
    report = TourReport(tour_id=tour.id, user_id=users["official"].id, title="Seen", submitted_at=utcnow())
    db.add_all([application, report])
    db.commit()
    return {
        "users": users,
        "values": {
            "cohort_id": cohort.id,
            "bank_id": bank.id,
            "question_id": questions[0].id,
            "quiz_id": quiz.id,
            "index": 0,
            "item_id": items[0][0].id,
            "attempt_id": attempt.id,
            "code": certificate.code,
            "token": "not-a-real-token",
            "kind": "cohort",
            "object_id": cohort.id,
            "plan_id": plan.id,
            "review_id": review.id,
            "reflection_id": reflection.id,
            "reply_id": reply.id,
            "slug": assignment.slug,
            "message_id": message.id,
            "notification_id": notice.id,
            "case_id": case.id,
            "event_id": event.id,
            "session_id": event_session.id,
            "tour_id": tour.id,
            "application_id": application.id,
            "report_id": report.id,
        },
        # arguments (or query arguments) whose value depends on the route
        "by_route": {
            "instructor.new_question": {"type": "essay"},
            "learn.lesson": {"slug": lesson.slug},
            "learn.complete_lesson": {"slug": lesson.slug},
            "learn.record_visit": {"slug": lesson.slug},
            "learn.module": {"slug": module.slug},
            "learn.synthesis": {"slug": module.slug},
            "portfolio.save": {"slug": lesson.slug},
            "learn.follow_path": {"slug": path.slug},
            "admin.change_role": {"user_id": trainee.id},
            "cohorts.reinvite": {"user_id": pending.id},
            "ownership.remove_co_instructor": {"user_id": users["other"].id},
            "ownership.share_bank": {"object_id": bank.id},
            "interop.download": {"format": "imscc"},
            "certificates.badge_class": {"slug": path.slug},
            "certificates.badge_image": {"slug": path.slug},
        },
    }


def _routes(app):
    """(endpoint, method, rule) of every route but static files."""
    return sorted(
        (rule.endpoint, method, rule)
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
        for method in sorted(rule.methods & {"GET", "POST"})
    )


def _url(app, rule, arranged) -> str:
    extra = arranged["by_route"].get(rule.endpoint, {})
    values = {name: arranged["values"].get(name) for name in rule.arguments} | extra  # extras may be query args
    with app.test_request_context():
        return url_for(rule.endpoint, **values)


def _answer(response) -> object:
    if response.status_code == 302 and "/login" in response.headers.get("Location", ""):
        return LOGIN
    return response.status_code


def _clients(app):
    clients = {}
    for role in ROLES:
        client = app.test_client()
        if role != "anonymous":
            token = csrf_token(client)
            response = client.post(
                "/login",
                data={"email": f"{role}@example.org", "password": "correct horse battery", "csrf_token": token},
            )
            assert response.status_code == 302, role
        clients[role] = client
    return clients


def _every_row(engine) -> dict[str, list]:
    with engine.connect() as conn:
        return {
            name: sorted(map(repr, conn.execute(text(f'SELECT * FROM "{name}"')).all()))
            for name in SQLModel.metadata.tables
        }


def test_every_route_has_a_row(app):
    missing = [
        f"new route {endpoint} {method} ({rule}) has no row"
        for endpoint, method, rule in _routes(app)
        if (endpoint, method) not in EXPECTED
    ]
    stale = sorted(set(EXPECTED) - {(e, m) for e, m, _ in _routes(app)})
    assert not missing, "\n".join(missing)
    assert not stale, f"rows for routes that no longer exist: {stale}"


def test_every_role_gets_the_expected_answer(synced, app, db):
    arranged = _arrange(db)
    clients = _clients(app)
    wrong = []
    for endpoint, method, rule in _routes(app):
        if method != "GET":
            continue
        url = _url(app, rule, arranged)
        for role, expected in zip(ROLES, EXPECTED[(endpoint, method)], strict=True):
            got = _answer(clients[role].get(url))
            if got != expected:
                wrong.append(f"GET {url} as {role}: expected {expected}, got {got}")
    engine = app.extensions["db_engine"]
    before = _every_row(engine)
    for endpoint, method, rule in _routes(app):
        if method != "POST":
            continue
        url = _url(app, rule, arranged)
        for role, expected in zip(ROLES, EXPECTED[(endpoint, method)], strict=True):
            if expected is None:
                continue
            client = clients[role]
            got = _answer(client.post(url, data=POST_DATA | {"csrf_token": csrf_token(client)}))
            if got != expected:
                wrong.append(f"POST {url} as {role}: expected {expected}, got {got}")
    assert not wrong, "\n".join(wrong)
    assert _every_row(engine) == before, "a refused POST changed the database"


def test_members_only_closes_every_reading_route_to_visitors(synced, app, db):
    """With the admin's members-only switch on, each route declared for readers sends a visitor to log in (an API
    answers 401) and still lets every signed-in role read; off again, visitors read again."""
    from course.site import set_members_only

    arranged = _arrange(db)
    clients = _clients(app)
    reading = [(e, m, r) for e, m, r in _routes(app) if m == "GET" and app.view_functions[e].access == "reader"]
    assert {
        "learn.lesson",
        "learn.module",
        "learn.glossary",
        "api.catalog",
        "api.cases",
        "library.library",
        "events.upcoming",
        "events.calendar",
        "events.event",
        "events.event_ics",
        "tours.upcoming",
        "tours.tour",
        "tours.tour_ics",
    } <= {e for e, _, _ in reading}
    set_members_only(db, True)
    db.commit()
    wrong = []
    for endpoint, _method, rule in reading:
        url = _url(app, rule, arranged)
        expected = (401 if url.startswith("/api/") else LOGIN, *EXPECTED[(endpoint, "GET")][1:])
        for role, want in zip(ROLES, expected, strict=True):
            got = _answer(clients[role].get(url))
            if got != want:
                wrong.append(f"members only: GET {url} as {role}: expected {want}, got {got}")
    set_members_only(db, False)
    db.commit()
    for endpoint, _method, rule in reading:
        url = _url(app, rule, arranged)
        got = _answer(clients["anonymous"].get(url))
        if got != EXPECTED[(endpoint, "GET")][0]:
            wrong.append(f"open again: GET {url} as anonymous: got {got}")
    assert not wrong, "\n".join(wrong)
