"""Question banks, versioned questions, quizzes and attempts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from course.models.base import json_column, utcnow
from course.quizzes.settings import RULES


class QuestionBank(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=120)
    module_id: int | None = Field(default=None, foreign_key="module.id")
    description: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    # Who may manage it: course/ownership.py. None: admin-managed. Shared: every instructor may read and draw from it.
    owner_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    shared: bool = False


class Question(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("bank_id", "category", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    bank_id: int = Field(foreign_key="questionbank.id", index=True)
    category: str = Field(default="", max_length=200, index=True)
    name: str = Field(max_length=255)
    qtype: str = Field(max_length=20)
    current_version: int = 1
    position: int = 0
    archived: bool = False


class QuestionVersion(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("question_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(foreign_key="question.id", index=True)
    version: int
    data: dict = Field(default_factory=dict, sa_column=json_column())
    created_at: datetime = Field(default_factory=utcnow)
    created_by: int | None = Field(default=None, foreign_key="user.id")


class Quiz(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(index=True, unique=True, max_length=120)
    title: str = Field(max_length=200)
    description: str = ""
    module_id: int | None = Field(default=None, foreign_key="module.id", index=True)
    kind: str = Field(default="module", max_length=20)  # module | pretest | posttest | other
    # Defaults and choices: course/quizzes/settings.py.
    pass_mark: float = RULES["pass_mark"]  # percent
    attempts_allowed: int | None = RULES["attempts_allowed"]
    time_limit_minutes: int | None = RULES["time_limit_minutes"]
    shuffle_questions: bool = RULES["shuffle_questions"]
    shuffle_options: bool = RULES["shuffle_options"]
    grading_method: str = Field(default=RULES["grading_method"], max_length=10)
    review: str = Field(default=RULES["review"], max_length=10)
    allow_practice: bool = RULES["allow_practice"]
    practice_outside_window: bool = RULES["practice_outside_window"]
    practice_shows_keys: bool = RULES["practice_shows_keys"]
    opens_at: datetime | None = None
    closes_at: datetime | None = None
    # [{"kind": "fixed", "question_id": 1, "mark": 1} | {"kind": "random", "bank_id": 1,
    #   "category": "x", "count": 5, "mark": 1}]
    slots: list = Field(default_factory=list, sa_column=json_column())
    from_file: bool = False
    archived: bool = False
    # Who may manage it: course/ownership.py. None: admin-managed.
    owner_id: int | None = Field(default=None, foreign_key="user.id", index=True)


class QuizExtension(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("quiz_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    quiz_id: int = Field(foreign_key="quiz.id", index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    closes_at: datetime | None = None
    extra_attempts: int = 0
    extra_minutes: int = 0


class Attempt(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("quiz_id", "user_id", "practice", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    quiz_id: int = Field(foreign_key="quiz.id", index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    number: int
    practice: bool = False
    state: str = Field(default="in_progress", max_length=20)  # in_progress | submitted
    seed: int = 0
    started_at: datetime = Field(default_factory=utcnow)
    deadline: datetime | None = None
    submitted_at: datetime | None = None
    marks: float = 0.0  # marks earned (auto-graded and hand-graded)
    max_marks: float = 0.0
    score: float | None = None  # 0..1 once submitted
    needs_grading: bool = False


class AttemptItem(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("attempt_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    attempt_id: int = Field(foreign_key="attempt.id", index=True)
    position: int
    question_id: int = Field(foreign_key="question.id", index=True)
    version_id: int = Field(foreign_key="questionversion.id")
    mark: float = 1.0
    response: dict | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    saved_at: datetime | None = None
    fraction: float | None = None
    feedback: dict | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    comment: str = ""
    graded_by: int | None = Field(default=None, foreign_key="user.id")
    graded_at: datetime | None = None
    flagged: bool = False  # "flag for review": the trainee's own reminder, shown in the question navigator


class Regrade(SQLModel, table=True):
    """A record of an explicit regrade: which attempt moved from what score to what."""

    id: int | None = Field(default=None, primary_key=True)
    attempt_id: int = Field(foreign_key="attempt.id", index=True)
    question_id: int = Field(foreign_key="question.id")
    from_version_id: int = Field(foreign_key="questionversion.id")
    to_version_id: int = Field(foreign_key="questionversion.id")
    score_before: float | None = None
    score_after: float | None = None
    by_user: int | None = Field(default=None, foreign_key="user.id")
    at: datetime = Field(default_factory=utcnow)
