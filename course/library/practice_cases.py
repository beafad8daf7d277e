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

STATUSES = {
    "draft": "Draft",
    "submitted": "Waiting for review",
    "changes_requested": "Changes requested",
    "rejected": "Not accepted",
    "published": "Published",
}
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
NEEDED = {  # what a case must say before it can be submitted
    "title": "a title",
    "org_name": "the organisation's name",
    "org_type": "the type of organisation",
    "country": "the country",
    "chapter": "the module it belongs to",
    "themes": "at least one theme",
    "audiences": "who it serves",
    "summary": "a summary of the problem",
    "what_was_done": "what was done",
    "results": "at least one result",
    "results_source": "where the figures come from",
    "replicable": "at least one element others can copy",
    "contact_email": "a contact email",
    "permission": "your permission to publish",
}


class CaseRefused(ValueError):
    """The action cannot be done to the case as it stands; the message says why."""


def save(session: Session, author: User, values: dict, case: PracticeCase | None = None) -> PracticeCase:
    """A new draft of `author`'s, or their draft (or case sent back) with `values`; refused once submitted."""
    if case is None:
        case = PracticeCase(author_id=author.id)
        session.add(case)
    elif case.status not in EDITABLE:
        raise CaseRefused(f"This case is {STATUSES[case.status].lower()}: it can no longer be changed.")
    for name in FIELDS:
        if name in values:
            setattr(case, name, values[name])
    case.updated_at = utcnow()
    session.flush()
    return case


def missing(case: PracticeCase) -> list[str]:
    """What the case still lacks before it can be submitted (plain words), or values that are not allowed."""
    lacking = [words for name, words in NEEDED.items() if not getattr(case, name)]
    if case.org_type and case.org_type not in ORG_TYPES:
        lacking.append("a type of organisation from the list")
    if case.country and case.country not in countries():
        lacking.append("a country from the list")
    if any(t not in THEMES for t in case.themes) or any(a not in AUDIENCES for a in case.audiences):
        lacking.append("themes and audiences from the lists")
    return lacking


def submit(session: Session, author: User, case: PracticeCase) -> None:
    """Send the author's finished case for review."""
    if case.status not in EDITABLE:
        raise CaseRefused(f"This case is {STATUSES[case.status].lower()}: it was already submitted.")
    lacking = missing(case)
    if lacking:
        raise CaseRefused("Before submitting, add " + "; ".join(lacking) + ".")
    case.status, case.submitted_at, case.updated_at = "submitted", utcnow(), utcnow()


def decide(session: Session, reviewer: User, case: PracticeCase, decision: str, comment: str) -> None:
    """An administrator's decision on a submitted case: publish it, ask for changes or reject it (both with a
    comment for the author). Publishing files it in the library."""
    if decision not in DECISIONS:
        raise CaseRefused("Choose to publish, to ask for changes or to reject.")
    if case.status != "submitted":
        raise CaseRefused(f"This case is {STATUSES[case.status].lower()}: only a submitted case can be reviewed.")
    comment = comment.strip()
    if decision != "publish" and not comment:
        raise CaseRefused("Say what should change." if decision == "request_changes" else "Give the reason.")
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
