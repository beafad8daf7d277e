"""A query budget per page: the SQL statements a repeat request runs may not grow unnoticed.

The budgets are counts on the fixture course for a trainee who has done some work; a page that
starts to run a query per lesson, quiz or member (N+1) fails here, and so does a page whose
count grows with the size of a cohort.
"""

from datetime import UTC, datetime

import pytest
from sqlalchemy import event
from sqlmodel import select

from course.content import catalogue
from course.models import Cohort, CohortMember, LearningPath, Quiz
from course.progress import enrolments, records

TRAINEE_PAGES = {  # path -> most statements one repeat request may run, signed in as a trainee
    "/": 4,
    "/modules/pilot-zones": 4,
    "/modules/pilot-zones/synthesis": 1,
    "/lessons/harbour-city-pilot": 4,
    "/my-learning": 9,
    "/api/v1/me/progress": 6,
    "/paths": 4,
    "/glossary": 1,
    "/certificates": 6,
    "/action-plans/": 3,
    "/portfolio/": 2,
    "/portfolio/shared": 2,
    "/notifications": 3,
    "/library": 1,
    "/library?q=rail": 3,  # the matches, then the highlights of one page
    "/library/cases/mine": 2,
}
PLAN_PAGES = {"/action-plans/action-plan": 3, "/lessons/returns-hub": 4}  # a trainee with a submitted plan
VISITOR_PAGES = {
    "/": 0,
    "/modules/pilot-zones": 0,
    "/modules/pilot-zones/synthesis": 0,
    "/lessons/harbour-city-pilot": 0,  # one page for every visitor, kept per catalogue revision
    "/glossary": 0,
    "/paths": 0,
    "/api/v1/catalog": 0,
    "/library": 0,  # the library's entries are kept per catalogue revision
    "/library?q=rail&theme=logistics": 2,
    "/library/compare?case=lesson:harbour-city-pilot&case=lesson:rail-freight": 0,
    "/api/v1/cases?theme=logistics": 0,
    "/api/v1/cases?q=rail": 2,
}
DASHBOARD = 12  # the cohort dashboard broken down by country, whatever the cohort's size


class Statements:
    """Counts the statements an engine runs while active."""

    def __init__(self, engine):
        self.engine, self.seen = engine, []

    def _count(self, _conn, _cursor, statement, *_args):
        self.seen.append(statement)

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self._count)
        return self

    def __exit__(self, *_exc):
        event.remove(self.engine, "before_cursor_execute", self._count)


def _statements(app, client, path: str) -> list[str]:
    assert client.get(path).status_code == 200, path  # the first view may fill caches
    with Statements(app.extensions["db_engine"]) as counted:
        assert client.get(path).status_code == 200, path
    return counted.seen


@pytest.fixture
def working_trainee(synced_quizzes, db, auth):
    officials = db.exec(select(LearningPath).where(LearningPath.slug == "officials")).one()
    trainee = auth.as_role("trainee")
    enrolments.enrol(db, user_id=trainee.id, path=officials)
    for lesson in catalogue.lessons_by_module(db)[catalogue.module_by_slug(db, "pilot-zones").id]:
        records.record_visit(db, user_id=trainee.id, lesson=lesson)
    db.commit()
    return trainee


@pytest.mark.parametrize("path", TRAINEE_PAGES)
def test_trainee_pages_keep_to_their_budget(app, client, working_trainee, path):
    seen = _statements(app, client, path)
    assert len(seen) <= TRAINEE_PAGES[path], "\n".join(s[:120] for s in seen)


@pytest.mark.parametrize("path", VISITOR_PAGES)
def test_visitor_pages_keep_to_their_budget(app, client, synced_quizzes, path):
    seen = _statements(app, client, path)
    assert len(seen) <= VISITOR_PAGES[path], "\n".join(s[:120] for s in seen)


@pytest.mark.parametrize("path", PLAN_PAGES)
def test_action_plan_pages_keep_to_their_budget(app, client, synced, auth, path):
    auth.as_role("trainee")
    auth.post("/action-plans/action-plan", {"audience": "sme", "title": "T", "text": "x", "submit_plan": "1"})
    seen = _statements(app, client, path)
    assert len(seen) <= PLAN_PAGES[path], "\n".join(s[:120] for s in seen)


def test_the_dashboard_costs_the_same_for_three_members_and_thirty(app, client, synced_quizzes, db, auth):
    officials = db.exec(select(LearningPath).where(LearningPath.slug == "officials")).one()
    quiz = db.exec(select(Quiz).where(Quiz.slug == "pilot-zones-quiz")).one()
    lessons = catalogue.lessons_by_module(db)[quiz.module_id]
    instructor = auth.as_role("instructor")
    cohort = Cohort(name="Budget", path_id=officials.id, owner_id=instructor.id)
    db.add(cohort)
    db.commit()
    counts, members = [], 0
    for size in (3, 30):
        for n in range(members, size):
            member = auth.make_user(email=f"member{n}@example.org", country=("Ghana", "Peru", "")[n % 3])
            db.add(CohortMember(cohort_id=cohort.id, user_id=member.id))
            records.mark_complete(db, user_id=member.id, lesson=lessons[n % len(lessons)])
            db.commit()
        members = size
        counts.append(len(_statements(app, client, f"/reports/cohorts/{cohort.id}?by=country")))
    assert counts[0] == counts[1] <= DASHBOARD


PROGRAMME_PAGES = {"/events/": 9, "/events/calendar?month={month}": 5, "/tours/": 9}  # whatever the number of events


def test_programme_pages_cost_the_same_for_one_event_and_six(app, client, synced, db, auth):
    from datetime import timedelta

    from course.events import seats
    from tests.web.events.helpers import SOON, make_event
    from tests.web.tours.helpers import make_tour

    instructor = auth.make_user("instructor")
    trainee = auth.as_role("trainee")
    counts: dict[str, list[int]] = {page: [] for page in PROGRAMME_PAGES}
    made = 0
    for size in (1, 6):
        for n in range(made, size):
            event = make_event(db, instructor, title=f"Event {n}", starts=SOON + timedelta(days=n))
            with app.app_context():  # enrolling tells the trainee (course.notifications)
                seats.enrol(db, event, trainee)
            make_tour(db, instructor, title=f"Tour {n}")
            db.commit()
        made = size
        for page in PROGRAMME_PAGES:
            counts[page].append(len(_statements(app, client, page.format(month=SOON.strftime("%Y-%m")))))
    for page, (few, many) in counts.items():
        assert few == many <= PROGRAMME_PAGES[page], (page, few, many)


PROGRAMME = 7  # the programme report, for an admin or an instructor, whatever the number of learners (events: one
# statement for each of the two periods, whatever their number)


@pytest.mark.parametrize("role", ["admin", "instructor"])
def test_the_programme_report_costs_the_same_for_three_learners_and_thirty(app, client, synced_quizzes, db, auth, role):
    officials = db.exec(select(LearningPath).where(LearningPath.slug == "officials")).one()
    lessons = catalogue.lessons_by_module(db)[catalogue.module_by_slug(db, "pilot-zones").id]
    reader = auth.as_role(role)
    cohort = Cohort(name="Budget", path_id=officials.id, owner_id=reader.id)
    db.add(cohort)
    db.commit()
    counts, learners = [], 0
    for size in (3, 30):
        for n in range(learners, size):
            learner = auth.make_user(email=f"learner{n}@example.org", country=("Ghana", "Peru", "")[n % 3])
            db.add(CohortMember(cohort_id=cohort.id, user_id=learner.id))
            records.mark_complete(db, user_id=learner.id, lesson=lessons[n % len(lessons)])
            db.commit()
        learners = size
        seen = _statements(app, client, "/reports/programme?country=Ghana")
        counts.append(len(seen))
    assert counts[0] == counts[1] <= PROGRAMME, "\n".join(s[:120] for s in seen)


IMPACT = 4  # the public impact page: its settings, the tallies of its months, the events of both periods


def test_the_impact_page_keeps_to_its_budget(app, client, synced, db, auth):
    from course.models import ImpactPage
    from course.reports.programme import shift

    db.add(ImpactPage(id=1, published=True, since=shift(datetime.now(UTC).strftime("%Y-%m"), -12)))
    for n in range(6):
        auth.make_user(email=f"reached{n}@example.org", country="Ghana")
    seen = _statements(app, client, "/impact")
    assert len(seen) <= IMPACT, "\n".join(s[:120] for s in seen)
