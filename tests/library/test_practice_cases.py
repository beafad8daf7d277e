"""Practice cases as data: drafts, submission, review decisions, publication into the library."""

import pytest
from sqlmodel import select

from course import announcements
from course.library import practice_cases
from course.library.facets import Filters
from course.library.practice_cases import CaseRefused
from course.library.search import search
from course.models import AuditEntry, LibraryEntry, PracticeCase, User

COMPLETE = {
    "title": "Mombasa traders sell online together",
    "org_name": "Mombasa Traders Cooperative",
    "org_type": "association",
    "country": "Kenya",
    "province": "Coast",
    "city": "Mombasa",
    "chapter": 2,
    "themes": ["logistics", "talent"],
    "audiences": ["sme", "social"],
    "summary": "Small traders could not reach buyers abroad.",
    "what_was_done": "The cooperative pooled **parcels** and trained 40 members.",
    "tools": ["A shared warehouse", "Weekly training"],
    "results": ["Exports up 30% in 2024"],
    "results_source": "The cooperative's 2024 annual report",
    "preconditions": ["A cooperative that members trust"],
    "replicable": ["Pool parcels to cut freight costs"],
    "contact_name": "Achieng Otieno",
    "contact_email": "achieng@example.org",
    "permission": True,
}


@pytest.fixture
def told(monkeypatch):
    """What the announcement hook was asked to tell."""
    calls = []
    monkeypatch.setattr(
        announcements, "announce", lambda session, user, kind, **data: calls.append((user.id, kind, data))
    )
    return calls


def _submitted(db, author, **changes):
    case = practice_cases.save(db, author, COMPLETE | changes)
    practice_cases.submit(db, author, case)
    db.commit()
    return case


def test_a_draft_is_saved_half_done_and_edited(synced, db, auth):
    author = auth.make_user("trainee")
    case = practice_cases.save(db, author, {"title": "Half done"})
    db.commit()
    assert (case.status, case.author_id, case.title, case.themes) == ("draft", author.id, "Half done", [])
    practice_cases.save(db, author, {"org_name": "Kilimo Exports"}, case)
    db.commit()
    db.expire_all()
    assert (db.get(PracticeCase, case.id).title, db.get(PracticeCase, case.id).org_name) == (
        "Half done",
        "Kilimo Exports",
    )


def test_an_incomplete_case_cannot_be_submitted(synced, db, auth):
    author = auth.make_user("trainee")
    case = practice_cases.save(
        db, author, COMPLETE | {"results_source": "", "permission": False, "country": "Atlantis"}
    )
    with pytest.raises(CaseRefused) as refused:
        practice_cases.submit(db, author, case)
    assert refused.value.code == "incomplete"
    assert {"results_source", "permission", "country_listed"} <= set(refused.value.lacking)
    assert case.status == "draft"


def test_a_submitted_case_is_locked_and_not_in_the_library(synced, db, auth):
    author = auth.make_user("trainee")
    case = _submitted(db, author)
    assert case.status == "submitted" and case.submitted_at is not None
    with pytest.raises(CaseRefused) as refused:
        practice_cases.save(db, author, {"title": "Changed"}, case)
    assert (refused.value.code, refused.value.status) == ("locked", "submitted")
    assert db.exec(select(LibraryEntry).where(LibraryEntry.kind == "case")).all() == []
    assert search(db, "Mombasa").total == 0


@pytest.mark.parametrize(
    "decision, needs", [("request_changes", "changes_need_comment"), ("reject", "rejection_needs_reason")]
)
def test_sending_back_or_rejecting_needs_words_for_the_author(synced, db, auth, told, decision, needs):
    case = _submitted(db, auth.make_user("trainee"))
    with pytest.raises(CaseRefused) as refused:
        practice_cases.decide(db, auth.make_user("admin"), case, decision, "  ")
    assert refused.value.code == needs
    assert case.status == "submitted" and told == []


def test_changes_requested_then_resubmitted_then_published(synced, db, auth, told):
    author, admin = auth.make_user("trainee"), auth.make_user("admin")
    case = _submitted(db, author)
    practice_cases.decide(db, admin, case, "request_changes", "Give the year of each figure.")
    db.commit()
    assert (case.status, case.review_comment, case.reviewed_by) == (
        "changes_requested",
        "Give the year of each figure.",
        admin.id,
    )
    practice_cases.save(db, author, {"results": ["Exports up 30% between 2023 and 2024"]}, case)
    practice_cases.submit(db, author, case)
    practice_cases.decide(db, admin, case, "publish", "")
    db.commit()
    assert case.status == "published" and case.published_at is not None
    assert [(user, kind, data["decision"]) for user, kind, data in told] == [
        (author.id, "case_decision", "changes_requested"),
        (author.id, "case_decision", "published"),
    ]
    audit = db.exec(select(AuditEntry).where(AuditEntry.action == "case.review").order_by(AuditEntry.id)).all()
    assert [(a.object_type, a.object_id, a.after["status"]) for a in audit] == [
        ("practicecase", case.id, "changes_requested"),
        ("practicecase", case.id, "published"),
    ]


def test_a_published_case_joins_the_library_with_its_country(synced, db, auth, told):
    case = _submitted(db, auth.make_user("trainee"))
    practice_cases.decide(db, auth.make_user("admin"), case, "publish", "")
    db.commit()
    results = search(db, "parcels cooperative")
    assert [(h.kind, h.key) for h in results.hits] == [("case", str(case.id))]
    assert "<mark>parcels</mark>" in results.hits[0].snippet_html
    in_kenya = search(db, "", Filters(country="Kenya"))
    assert [(h.kind, h.key, h.city, h.org_type) for h in in_kenya.hits] == [
        ("case", str(case.id), "Mombasa", "association")
    ]
    assert ("Kenya", 1) in search(db).facets["country"] and search(db).hits[-1].key == str(case.id)  # after the course


def test_a_rejected_case_stays_out_and_only_a_submitted_case_is_reviewed(synced, db, auth, told):
    admin = auth.make_user("admin")
    case = _submitted(db, auth.make_user("trainee"))
    practice_cases.decide(db, admin, case, "reject", "It is not about cross-border trade.")
    db.commit()
    with pytest.raises(CaseRefused) as refused:
        practice_cases.decide(db, admin, case, "publish", "")
    assert (refused.value.code, refused.value.status) == ("not_submitted", "rejected")
    assert case.status == "rejected" and search(db, "Mombasa").total == 0
    with pytest.raises(CaseRefused) as refused:
        practice_cases.save(db, db.get(User, case.author_id), {"title": "Again"}, case)
    assert (refused.value.code, refused.value.status) == ("locked", "rejected")
