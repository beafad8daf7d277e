"""A small cohort arranged row by row on the fixture curriculum (path "officials": pilot-zones, logistics-basics)."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from course.accounts import create_user
from course.models import (
    Attempt,
    AttemptItem,
    Certificate,
    Cohort,
    CohortMember,
    LearningPath,
    Lesson,
    LessonProgress,
    Question,
    QuestionBank,
    QuestionVersion,
    Quiz,
)
from course.questions.types import Choice, SingleChoice

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
QUESTION = SingleChoice(
    name="capital",
    text="Which city set up the first pilot area?",
    options=[Choice(text="Harbour City", fraction=1.0), Choice(text="River Town"), Choice(text="Lake Port")],
)


@dataclass
class Arranged:
    cohort: Cohort
    quiz: Quiz
    pretest: Quiz
    posttest: Quiz
    users: dict


class Arranger:
    """Adds rows for one cohort: members, lesson progress, attempts."""

    def __init__(self, db):
        self.db = db
        self.lessons = {lesson.slug: lesson for lesson in db.exec(select(Lesson))}

    def user(self, key, name, **profile):
        return create_user(self.db, email=f"{key}@example.org", name=name, password=None, **profile)

    def visit(self, user, slug, minutes, complete=True):
        at = T0 + timedelta(minutes=minutes)
        self.db.add(
            LessonProgress(
                user_id=user.id,
                lesson_id=self.lessons[slug].id,
                first_opened_at=at,
                last_opened_at=at,
                completed_at=at if complete else None,
            )
        )

    def attempt(self, user, quiz, score, number=1, state="submitted", practice=False, answer=None, version=None):
        attempt = Attempt(
            quiz_id=quiz.id,
            user_id=user.id,
            number=number,
            practice=practice,
            state=state,
            started_at=T0,
            submitted_at=T0 + timedelta(hours=number) if state == "submitted" else None,
            marks=5 * (score or 0.0),
            max_marks=5.0,
            score=score if state == "submitted" else None,
        )
        self.db.add(attempt)
        self.db.flush()
        if answer is not None:
            self.db.add(
                AttemptItem(
                    attempt_id=attempt.id,
                    position=1,
                    question_id=version.question_id,
                    version_id=version.id,
                    response={"value": answer},
                    fraction=(1.0 if answer == "a0" else 0.0) if state == "submitted" else None,
                )
            )
        return attempt


def _quiz(db, module_id, slug, kind, method):
    quiz = Quiz(
        slug=slug,
        title=slug.replace("-", " ").title(),
        module_id=module_id,
        kind=kind,
        pass_mark=70,
        grading_method=method,
        attempts_allowed=2,
    )
    db.add(quiz)
    return quiz


@pytest.fixture
def arranged(synced, db, auth):
    """Four members: Ama finished the path, Budi failed the quiz and stopped in Rail freight, Chen opened one
    lesson, Dara did nothing; Eve, who is not a member, did everything and must never be counted.
    The cohort belongs to instructor@example.org, the account `auth.as_role("instructor")` logs in."""
    path = db.exec(select(LearningPath).where(LearningPath.slug == "officials")).one()
    zones = db.exec(select(Lesson).where(Lesson.slug == "harbour-city-pilot")).one().module_id
    quiz, pre, post = (
        _quiz(db, zones, "zones-quiz", "module", "highest"),
        _quiz(db, zones, "zones-pre", "pretest", "first"),
        _quiz(db, zones, "zones-post", "posttest", "first"),
    )
    bank = QuestionBank(name="zones-bank", module_id=zones)
    db.add(bank)
    db.flush()
    question = Question(bank_id=bank.id, name="capital", qtype="single")
    db.add(question)
    db.flush()
    version = QuestionVersion(question_id=question.id, version=1, data=QUESTION.to_dict())
    owner = auth.make_user("instructor")
    cohort = Cohort(name="Spring officials", path_id=path.id, due_date=T0 + timedelta(days=30), owner_id=owner.id)
    db.add_all([version, cohort])
    db.flush()
    make = Arranger(db)
    ama = make.user("ama", "Ama Mensah", org_type="sme", country="Ghana", sex="female", firm_size="small")
    budi = make.user("budi", "Budi Santoso", org_type="government", country="Indonesia", sex="male")
    chen = make.user("chen", "Chen Li", org_type="sme", country="Ghana")
    dara = make.user("dara", "=cmd|' /C calc'!A0", org_type="social", country="")
    eve = make.user("eve", "Eve Outsider", org_type="sme", country="Ghana")
    for user in (ama, budi, chen, dara):
        db.add(CohortMember(cohort_id=cohort.id, user_id=user.id, enrolled_at=T0))
    for user in (ama, eve):
        for minutes, slug in enumerate(("harbour-city-pilot", "river-town-bonded-zone", "rail-freight", "returns-hub")):
            make.visit(user, slug, minutes)
        make.attempt(user, quiz, 0.8, answer="a0", version=version)
        make.attempt(user, pre, 0.4)
        make.attempt(user, post, 1.0)
    make.visit(budi, "harbour-city-pilot", 1)
    make.visit(budi, "river-town-bonded-zone", 2)
    make.visit(budi, "rail-freight", 3, complete=False)
    make.attempt(budi, quiz, 0.0, answer="a1", version=version)
    make.attempt(budi, quiz, None, number=2, state="in_progress", answer="a0", version=version)
    make.attempt(budi, pre, 0.6)
    make.attempt(budi, post, 0.8)
    make.attempt(budi, quiz, 1.0, number=1, practice=True, answer="a0", version=version)  # practice never counts
    make.visit(chen, "harbour-city-pilot", 1, complete=False)
    make.attempt(chen, pre, 0.2)
    db.add(
        Certificate(code="CBEC-AMA-0001", user_id=ama.id, path_id=path.id, holder_name=ama.name, path_title=path.title)
    )
    db.commit()
    return Arranged(cohort, quiz, pre, post, {"ama": ama, "budi": budi, "chen": chen, "dara": dara, "eve": eve})
