"""Figures kept up to date at write time so that pages and cohort reports read small rows.

`ModuleSummary` is one learner's standing on one module, worked out from their lesson and attempt
records by `course.progress.summaries`. `CohortTally` and `StopTally` add up what the members of a
cohort contribute (`course.reports.contribution`), for the whole cohort (grouping "") and per value
of each profile grouping. Both are maintained in the transaction that changes the records
(`course.upkeep`) and can be rebuilt from the records (`flask course rebuild-standing`).
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel


class ModuleSummary(SQLModel, table=True):
    user_id: int = Field(foreign_key="user.id", primary_key=True)
    module_id: int = Field(foreign_key="module.id", primary_key=True, index=True)
    lessons_opened: int = 0
    lessons_done: int = 0
    last_opened_at: datetime | None = None
    last_lesson_id: int | None = None  # the module's lesson opened most recently
    last_lesson_done: bool = False
    attempts: int = 0  # at the module's quizzes (end-of-module, pre- and post-test), practice included
    quiz_best: float | None = None  # best finished counted score on an end-of-module quiz, 0..1
    quiz_open: bool = False  # a counted end-of-module attempt is in progress
    passed: bool = False  # every end-of-module quiz passed by its grading method
    percent: int = 0
    complete: bool = False
    completed_at: datetime | None = None
    pre_score: float | None = None  # pre-test grade by its grading method, 0..1
    post_score: float | None = None
    # When, for the programme report's months (course.reports.reach): first activity, first finished
    # end-of-module attempt, and when both a pre- and a post-test grade were first held.
    first_active_at: datetime | None = None
    quiz_taken_at: datetime | None = None
    gain_at: datetime | None = None


class CohortTally(SQLModel, table=True):
    """Sums over a cohort's members (or those with one value of a grouping); module_id 0: the whole path."""

    cohort_id: int = Field(foreign_key="cohort.id", primary_key=True)
    grouping: str = Field(default="", primary_key=True, max_length=20)
    value: str = Field(default="", primary_key=True, max_length=80)
    module_id: int = Field(default=0, primary_key=True)
    members: int = 0
    started: int = 0
    completed: int = 0  # the path (module_id 0) or the module
    gain_n: int = 0  # members with both a pre- and a post-test grade on the module
    pre_sum: float = 0.0
    post_sum: float = 0.0


class StopTally(SQLModel, table=True):
    """How many members (of a group) last opened this path lesson without completing it."""

    cohort_id: int = Field(foreign_key="cohort.id", primary_key=True)
    grouping: str = Field(default="", primary_key=True, max_length=20)
    value: str = Field(default="", primary_key=True, max_length=80)
    lesson_id: int = Field(primary_key=True)
    members: int = 0
