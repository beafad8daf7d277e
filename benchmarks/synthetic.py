"""Generate a synthetic cohort on the current database, fast, for demonstrations and benchmarks.

Rows go in with bulk INSERTs in batches. Trainees get random profiles and an invited account
(empty password hash: nobody can log in as them), progress through the path's lessons in order,
end-of-module quiz attempts with graded items once a module's lessons are done, and pre-/post-
test attempts (scores only). No activity events are written. The caller commits.

From the command line, on DATABASE_URL (or the default SQLite file) after `flask course sync`:

    python benchmarks/synthetic.py --trainees 10000 [--name NAME] [--seed 0] [--path SLUG]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __name__ == "__main__":  # run as a script from a checkout: make `course` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import insert, select
from sqlmodel import Session

from course import upkeep
from course.models import (
    Attempt,
    AttemptItem,
    Cohort,
    CohortMember,
    LearningPath,
    LessonProgress,
    Question,
    QuestionVersion,
    Quiz,
    User,
)
from course.models.base import utcnow
from course.questions import grading
from course.questions.types import Question as QuestionData
from course.questions.types import option_id
from course.reports.cohort import ModuleInfo, QuizInfo
from course.reports.queries import cohort_modules

BATCH = 5000
FIRST_NAMES = (
    "Amina",
    "Budi",
    "Chen",
    "Dara",
    "Esi",
    "Farid",
    "Grace",
    "Hoa",
    "Imran",
    "Joy",
    "Kofi",
    "Lina",
    "Mateo",
    "Nadia",
    "Omar",
    "Priya",
    "Quang",
    "Rosa",
    "Sami",
    "Thandi",
    "Uche",
    "Vera",
    "Wanjiru",
    "Yusuf",
)
LAST_NAMES = (
    "Abebe",
    "Banda",
    "Cruz",
    "Diallo",
    "Endo",
    "Fofana",
    "Gomez",
    "Hassan",
    "Ito",
    "Juma",
    "Khan",
    "Le",
    "Mensah",
    "Nguyen",
    "Okafor",
    "Perera",
    "Quispe",
    "Rahman",
    "Silva",
    "Tran",
    "Usman",
    "Wang",
)
COUNTRIES = (
    "Kenya",
    "Ghana",
    "Viet Nam",
    "Indonesia",
    "Peru",
    "Egypt",
    "Bangladesh",
    "Nigeria",
    "Cambodia",
    "Brazil",
    "Thailand",
    "Ethiopia",
    "",
)
ORG_TYPES = (("sme", 60), ("government", 15), ("social", 15), ("other", 10))
FIRM_SIZES = ("", "micro", "small", "medium", "large", "na")
SEXES = ("", "female", "male", "other")
UNGRADED = ("essay", "description")


@dataclass
class SyntheticCohort:
    cohort_id: int
    trainees: int = 0
    lesson_rows: int = 0
    attempts: int = 0
    items: int = 0


@dataclass
class _Question:
    """A question of a quiz's pool with a correct and some wrong responses, graded once."""

    id: int
    version_id: int
    difficulty: float
    right: tuple[object, float]
    wrong: list[tuple[object, float]] = field(default_factory=list)


def generate(
    session: Session,
    *,
    trainees: int,
    name: str,
    seed: int = 0,
    path_slug: str | None = None,
    now: datetime | None = None,
) -> SyntheticCohort:
    """Create the cohort, its trainees and their learning record; returns what was made."""
    rng, now = random.Random(seed), now or utcnow()
    path = _path(session, path_slug)
    if session.execute(select(Cohort.id).where(Cohort.name == name)).first() is not None:
        raise ValueError(f"a cohort named {name!r} exists already")
    cohort = Cohort(name=name, path_id=path.id if path else None, due_date=now + timedelta(days=60))
    session.add(cohort)
    session.flush()
    modules = [m for m in cohort_modules(session, cohort) if m.lessons]
    if not modules:
        raise ValueError("the curriculum has no lessons: run `flask course sync` first")
    made = SyntheticCohort(cohort.id, trainees)
    pools = {q.id: _pool(session, q.id, rng) for m in modules for q in m.quizzes}
    for start in range(0, trainees, BATCH):
        _trainees(session, rng, cohort.id, range(start, min(trainees, start + BATCH)), modules, pools, now, made)
    upkeep.rebuild(session, cohort.id)  # the rows went in by bulk INSERT, which the ORM's upkeep does not see
    return made


def _path(session: Session, slug: str | None) -> LearningPath | None:
    if slug is None:
        return None
    path = session.execute(select(LearningPath).where(LearningPath.slug == slug)).scalar_one_or_none()
    if path is None:
        raise ValueError(f"no learning path {slug!r}")
    return path


def _trainees(session, rng, cohort_id, numbers, modules, pools, now, made) -> None:
    users = [_profile(rng, cohort_id, n, now) for n in numbers]
    table = User.__table__
    ids = session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), users).scalars().all()
    session.execute(
        insert(CohortMember.__table__),
        [{"cohort_id": cohort_id, "user_id": uid, "enrolled_at": now - timedelta(days=70)} for uid in ids],
    )
    lessons, attempts, items = [], [], []
    for uid in ids:
        ability = rng.uniform(0.3, 0.95)
        done_modules, opened_modules = _progress(rng, uid, modules, now, lessons)
        for module in modules:
            _quiz_attempts(rng, uid, module, ability, module.id in done_modules, pools, now, attempts, items)
            _gain_attempts(
                rng, uid, module, ability, module.id in opened_modules, module.id in done_modules, now, attempts
            )
    _insert(session, LessonProgress.__table__, lessons)
    attempt_ids = []
    table = Attempt.__table__
    for start in range(0, len(attempts), BATCH):
        batch = attempts[start : start + BATCH]
        attempt_ids += (
            session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), batch).scalars().all()
        )
    item_rows = [dict(row, attempt_id=attempt_ids[index]) for index, row in items]
    _insert(session, AttemptItem.__table__, item_rows)
    made.lesson_rows += len(lessons)
    made.attempts += len(attempts)
    made.items += len(item_rows)


def _insert(session: Session, table, rows: list[dict]) -> None:
    for start in range(0, len(rows), BATCH):
        session.execute(insert(table), rows[start : start + BATCH])


def _profile(rng: random.Random, cohort_id: int, number: int, now: datetime) -> dict:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    org_type = rng.choices([o for o, _ in ORG_TYPES], [w for _, w in ORG_TYPES])[0]
    return {
        "email": f"synthetic-{cohort_id}-{number}@example.invalid",
        "name": f"{first} {last}",
        "password_hash": "",
        "role": "trainee",
        "organisation": f"{last} {rng.choice(('Trading', 'Exports', 'Office'))}",
        "org_type": org_type,
        "country": rng.choice(COUNTRIES),
        "firm_size": rng.choice(FIRM_SIZES),
        "sex": rng.choice(SEXES),
        "active": True,
        "created_at": now - timedelta(days=70),
    }


def _progress(rng, uid, modules: list[ModuleInfo], now, rows) -> tuple[set[int], set[int]]:
    """Lessons opened in path order until the trainee drops out; returns (modules done, modules opened).

    One in seven never starts; the others carry on after each lesson with a persistence of 90 to
    100 %, so the cohort thins out module by module as real cohorts do.
    """
    ordered = [(m.id, lesson.id) for m in modules for lesson in m.lessons]
    persistence, opened = rng.uniform(0.9, 1.0), 0 if rng.random() < 0.15 else 1
    while 0 < opened < len(ordered) and rng.random() < persistence:
        opened += 1
    stops_midway = opened < len(ordered) and rng.random() < 0.6
    moment = now - timedelta(days=60) + timedelta(hours=rng.randint(0, 240))
    done_per_module: dict[int, int] = {}
    for index, (module_id, lesson_id) in enumerate(ordered[:opened]):
        complete = not (stops_midway and index == opened - 1)
        moment += timedelta(minutes=rng.randint(20, 600))
        rows.append(
            {
                "user_id": uid,
                "lesson_id": lesson_id,
                "first_opened_at": moment,
                "last_opened_at": moment,
                "seconds_spent": rng.randint(120, 1800),
                "completed_at": moment if complete else None,
            }
        )
        done_per_module[module_id] = done_per_module.get(module_id, 0) + (1 if complete else 0)
    done = {m.id for m in modules if done_per_module.get(m.id, 0) == len(m.lessons)}
    return done, set(done_per_module)


def _quiz_attempts(rng, uid, module: ModuleInfo, ability, lessons_done, pools, now, attempts, items) -> None:
    """End-of-module attempts, retaken until passed or out of attempts; a few left in progress."""
    for quiz in module.quizzes:
        pool = pools[quiz.id]
        if not lessons_done or not pool or rng.random() > 0.85:
            continue
        for number in range(1, 4):
            if rng.random() < 0.03:
                _attempt(rng, uid, quiz, number, None, pool, ability, now, attempts, items)
                break
            score = _attempt(rng, uid, quiz, number, True, pool, ability, now, attempts, items)
            if score * 100 >= quiz.pass_mark:
                break


def _attempt(rng, uid, quiz: QuizInfo, number, submit, pool: list[_Question], ability, now, attempts, items):
    drawn = rng.sample(pool, min(10, len(pool)))
    index, earned = len(attempts), 0.0
    started = now - timedelta(days=rng.randint(1, 30), minutes=rng.randint(0, 600))
    for position, question in enumerate(drawn, start=1):
        right = rng.random() < min(0.98, max(0.02, ability + question.difficulty))
        response, fraction = question.right if right or not question.wrong else rng.choice(question.wrong)
        earned += fraction if submit else 0
        items.append(
            (
                index,
                {
                    "position": position,
                    "question_id": question.id,
                    "version_id": question.version_id,
                    "mark": 1.0,
                    "response": {"value": response} if submit else None,
                    "saved_at": started,
                    "fraction": fraction if submit else None,
                    "comment": "",
                },
            )
        )
    score = round(earned / len(drawn), 7) if drawn else 0.0
    attempts.append(
        {
            "quiz_id": quiz.id,
            "user_id": uid,
            "number": number,
            "practice": False,
            "state": "submitted" if submit else "in_progress",
            "seed": rng.randrange(2**31),
            "started_at": started,
            "submitted_at": started + timedelta(minutes=12) if submit else None,
            "marks": earned,
            "max_marks": float(len(drawn)),
            "score": score if submit else None,
            "needs_grading": False,
        }
    )
    return score


def _gain_attempts(rng, uid, module: ModuleInfo, ability, opened, done, now, attempts) -> None:
    """A pre-test for most who opened the module, a post-test for most who finished its lessons."""
    for quiz, taken, skill in ((module.pretest, opened, ability * 0.6), (module.posttest, done, ability + 0.1)):
        if quiz is None or not taken or rng.random() > 0.8:
            continue
        right = sum(1 for _ in range(5) if rng.random() < min(0.98, skill))
        moment = now - timedelta(days=rng.randint(1, 50))
        attempts.append(
            {
                "quiz_id": quiz.id,
                "user_id": uid,
                "number": 1,
                "practice": False,
                "state": "submitted",
                "seed": 0,
                "started_at": moment,
                "submitted_at": moment + timedelta(minutes=5),
                "marks": float(right),
                "max_marks": 5.0,
                "score": right / 5,
                "needs_grading": False,
            }
        )


def _pool(session: Session, quiz_id: int, rng: random.Random) -> list[_Question]:
    """The auto-graded questions a quiz draws from, with graded sample responses."""
    quiz = session.get(Quiz, quiz_id)
    fixed = [s["question_id"] for s in quiz.slots if s.get("kind") == "fixed"]
    banks = [s["bank_id"] for s in quiz.slots if s.get("kind") == "random"]
    query = (
        select(Question.id, QuestionVersion.id, QuestionVersion.data)
        .join(
            QuestionVersion,
            (QuestionVersion.question_id == Question.id) & (QuestionVersion.version == Question.current_version),
        )
        .where(
            Question.archived == False,
            Question.qtype.not_in(UNGRADED),
            Question.id.in_(fixed) | Question.bank_id.in_(banks),
        )
        .order_by(Question.id)
    )
    pool = []
    for qid, vid, data in session.execute(query):
        question = QuestionData.from_dict(data)
        answers = [(r, grading.grade(question, r).fraction or 0.0) for r in _responses(question, rng)]
        pool.append(_Question(qid, vid, rng.uniform(-0.25, 0.2), answers[0], answers[1:]))
    return pool


def _responses(question: QuestionData, rng: random.Random) -> list[object]:
    """A right response first, then wrong ones, in the shapes `grading` reads."""
    kind = question.type
    if kind == "single":
        best = max(range(len(question.options)), key=lambda i: question.options[i].fraction)
        return [option_id(best)] + [option_id(i) for i in range(len(question.options)) if i != best]
    if kind == "multi":
        right = [option_id(i) for i, o in enumerate(question.options) if o.fraction > 0]
        return [right] + [[option_id(i)] for i, o in enumerate(question.options) if o.fraction <= 0] + [right[:1]]
    if kind == "truefalse":
        return [question.answer, not question.answer]
    if kind == "matching":
        subs, choices = question.subquestions(), [c for c, _ in question.answer_choices()]
        right = {s: question.answer_id(pair.answer) for s, pair in subs}
        return [right] + [{s: rng.choice(choices) for s, _ in subs} for _ in range(3)]
    if kind == "numerical":
        answer = next((a for a in question.answers if a.fraction >= 1 and not a.is_wildcard), None)
        value = (answer.low if answer and answer.is_range else answer.value) if answer else 0
        return [str(value), str((value or 0) * 2 + 7), "0"]
    if kind == "short":
        answer = next((a.text for a in question.answers if a.fraction >= 1), "")
        return [answer.replace("*", "x"), "not sure", "I do not know"]
    return [""]


def main(argv: list[str] | None = None) -> int:
    """Generate a synthetic cohort on the app's database and say what was made."""
    from course import create_app

    parser = argparse.ArgumentParser(description="Generate a cohort of synthetic trainees (run `course sync` first).")
    parser.add_argument("--trainees", type=int, default=1000)
    parser.add_argument("--name", default=None, help="cohort name (default: Synthetic cohort <date and time>)")
    parser.add_argument("--seed", type=int, default=0, help="the same seed gives the same data")
    parser.add_argument("--path", dest="path_slug", default=None, help="learning path slug (default: every module)")
    options = parser.parse_args(argv)
    if not 1 <= options.trainees <= 1_000_000:
        parser.error("--trainees must be from 1 to 1000000")
    name = options.name or f"Synthetic cohort {time.strftime('%Y-%m-%d %H:%M:%S')}"
    app = create_app()
    started = time.perf_counter()
    engine = app.extensions["db_engine"]
    try:
        with Session(engine) as session:
            made = generate(
                session, trainees=options.trainees, name=name, seed=options.seed, path_slug=options.path_slug
            )
            session.commit()
    except ValueError as problem:
        print(f"Error: {problem}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print(
        f"Cohort {made.cohort_id} “{name}”: {made.trainees} trainees, {made.lesson_rows} lesson records, "
        f"{made.attempts} attempts, {made.items} attempt items in {time.perf_counter() - started:.1f} s."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
