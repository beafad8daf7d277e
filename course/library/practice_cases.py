"""Practice cases users submit: drafts, submission, an administrator's review, publication into the library.

    draft ──submit──▶ submitted ──publish──▶ published (in the library and its search)
      ▲                  │  ├──reject (with a reason)──▶ rejected
      └── changes_requested ◀──request changes (with comments)

The author edits a draft, or a case sent back for changes, until submitting it; nobody else sees a case
before it is published (who may see what: `course/ownership.py`). Each decision is audited and announced
to the author (`course.announcements`). Data functions: the caller commits.
"""

from __future__ import annotations

from sqlmodel import Session, select

from course import announcements, audit
from course.content.case_metadata import ORG_TYPES, THEMES, countries
from course.content.lesson import AUDIENCES
from course.library import entries
from course.models import PracticeCase, User
from course.models.base import utcnow

STATUSES = ("draft", "submitted", "changes_requested", "rejected", "published")  # worded in the web layer
EDITABLE = ("draft", "changes_requested")
DECISIONS = {"request_changes": "changes_requested", "reject": "rejected", "publish": "published"}
LIST_FIELDS = ("themes", "audiences", "tools", "results", "preconditions", "replicable")
TEXT_FIELDS = (
    "title",
    "org_name",
    "org_type",
    "country",
    "province",
    "city",
    "summary",
    "what_was_done",
    "results_source",
    "contact_name",
    "contact_email",
)
FIELDS = (*TEXT_FIELDS, "chapter", *LIST_FIELDS, "permission")
NEEDED = (  # what a case must say before it can be submitted (the web layer words each field's need)
    "title",
    "org_name",
    "org_type",
    "country",
    "chapter",
    "themes",
    "audiences",
    "summary",
    "what_was_done",
    "results",
    "results_source",
    "replicable",
    "contact_email",
    "permission",
)


class CaseRefused(ValueError):
    """The action cannot be done to the case as it stands. `code` says why: "locked" (no longer editable),
    "already_submitted", "incomplete" (`lacking` lists what, as `missing` gives it), "no_decision",
    "not_submitted" (only a submitted case is reviewed), "changes_need_comment", "rejection_needs_reason";
    `status` is the case's status then. The web layer words it."""

    def __init__(self, code: str, status: str = "", lacking: tuple[str, ...] = ()):
        super().__init__(code)
        self.code, self.status, self.lacking = code, status, tuple(lacking)


def save(session: Session, author: User, values: dict, case: PracticeCase | None = None) -> PracticeCase:
    """A new draft of `author`'s, or their draft (or case sent back) with `values`; refused once submitted."""
    if case is None:
        case = PracticeCase(author_id=author.id)
        session.add(case)
    elif case.status not in EDITABLE:
        raise CaseRefused("locked", case.status)
    for name in FIELDS:
        if name in values:
            setattr(case, name, values[name])
    case.updated_at = utcnow()
    session.flush()
    return case


def missing(case: PracticeCase) -> list[str]:
    """What the case still lacks before it can be submitted (the names of NEEDED's empty fields), or values that
    are not allowed ("org_type_listed", "country_listed", "lists_listed")."""
    lacking = [name for name in NEEDED if not getattr(case, name)]
    if case.org_type and case.org_type not in ORG_TYPES:
        lacking.append("org_type_listed")
    if case.country and case.country not in countries():
        lacking.append("country_listed")
    if any(t not in THEMES for t in case.themes) or any(a not in AUDIENCES for a in case.audiences):
        lacking.append("lists_listed")
    return lacking


def submit(session: Session, author: User, case: PracticeCase) -> None:
    """Send the author's finished case for review."""
    if case.status not in EDITABLE:
        raise CaseRefused("already_submitted", case.status)
    lacking = missing(case)
    if lacking:
        raise CaseRefused("incomplete", case.status, lacking)
    case.status, case.submitted_at, case.updated_at = "submitted", utcnow(), utcnow()


def decide(session: Session, reviewer: User, case: PracticeCase, decision: str, comment: str) -> None:
    """An administrator's decision on a submitted case: publish it, ask for changes or reject it (both with a
    comment for the author). Publishing files it in the library."""
    if decision not in DECISIONS:
        raise CaseRefused("no_decision", case.status)
    if case.status != "submitted":
        raise CaseRefused("not_submitted", case.status)
    comment = comment.strip()
    if decision != "publish" and not comment:
        code = "changes_need_comment" if decision == "request_changes" else "rejection_needs_reason"
        raise CaseRefused(code, case.status)
    before = {"status": case.status}
    case.status, case.review_comment = DECISIONS[decision], comment
    case.reviewed_at, case.reviewed_by = utcnow(), reviewer.id
    if decision == "publish":
        case.published_at = utcnow()
        entries.file_case(session, case)
    session.flush()
    audit.record(session, reviewer, "case.review", case, before, {"status": case.status, "comment": comment})
    author = session.get(User, case.author_id)
    announcements.announce(session, author, "case_decision", case_id=case.id, decision=case.status, comment=comment)


def cases_of(session: Session, author_id: int) -> list[PracticeCase]:
    """The author's cases, the most recently changed first."""
    query = select(PracticeCase).where(PracticeCase.author_id == author_id)
    return list(session.exec(query.order_by(PracticeCase.updated_at.desc(), PracticeCase.id.desc())))


def awaiting_review(session: Session) -> list[PracticeCase]:
    """Submitted cases, the longest waiting first."""
    query = select(PracticeCase).where(PracticeCase.status == "submitted")
    return list(session.exec(query.order_by(PracticeCase.submitted_at, PracticeCase.id)))
