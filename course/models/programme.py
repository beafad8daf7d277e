"""The programme report's figures kept at write time, and the public impact page's switch.

`ProgrammeTally` sums what learners add to the programme (`course.reports.reach`) per month: people who
registered, became active, completed a path or were certified, by profile group, and per module the
completions, quiz takers and passes and the pre-/post-test sums. A scope says whose figures they are
(everyone, the followers of one path or audience, the members of one cohort) and `country` narrows them
to learners of one country ("" for every country). `ProgrammeLearner` keeps what each learner last
added, so a change adds only the difference (`course.reports.reach_tallies`, called by `course.upkeep`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from course.models.base import utcnow


class ProgrammeTally(SQLModel, table=True):
    scope: str = Field(primary_key=True, max_length=40)  # all | path:<id> | audience:<code> | cohort:<id>
    country: str = Field(default="", primary_key=True, max_length=80)  # "" every country
    month: str = Field(primary_key=True, max_length=7)  # YYYY-MM, UTC
    grouping: str = Field(default="", primary_key=True, max_length=20)  # "" or a profile grouping
    value: str = Field(default="", primary_key=True, max_length=80)
    measure: str = Field(primary_key=True, max_length=20)
    module_id: int = Field(default=0, primary_key=True)  # 0: not about one module
    n: int = 0
    pre_sum: float = 0.0
    post_sum: float = 0.0


class ProgrammeLearner(SQLModel, table=True):
    """What one learner adds to the programme tallies, as last counted."""

    user_id: int = Field(foreign_key="user.id", primary_key=True)
    counted: dict | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class ImpactPage(SQLModel, table=True):
    """Whether the public impact page is on, and the first month it shows (one row, id 1)."""

    id: int = Field(default=1, primary_key=True)
    published: bool = False
    since: str = Field(default="", max_length=7)  # YYYY-MM
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by: int | None = Field(default=None, foreign_key="user.id")
