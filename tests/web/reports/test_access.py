"""Only instructors and administrators see cohort reports."""

import pytest

from course.models import Cohort

URLS = [
    "/reports/cohorts",
    "/reports/cohorts/{id}",
    "/reports/cohorts/{id}/progress.csv",
    "/reports/cohorts/{id}?by=sex&quiz=1&page=2",
]


@pytest.fixture
def cohort_id(db, auth):
    cohort = Cohort(name="Any cohort", owner_id=auth.make_user("instructor").id)
    db.add(cohort)
    db.commit()
    return cohort.id


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("role", ["trainee", "official"])
def test_learners_are_refused(client, auth, cohort_id, url, role):
    auth.as_role(role)
    assert client.get(url.format(id=cohort_id)).status_code == 403


@pytest.mark.parametrize("url", URLS)
def test_visitors_are_sent_to_login(client, cohort_id, url):
    response = client.get(url.format(id=cohort_id))
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ["instructor", "admin"])
def test_staff_see_reports(synced, client, auth, cohort_id, role):
    auth.as_role(role)
    for url in URLS:
        assert client.get(url.format(id=cohort_id)).status_code == 200, url


def test_unknown_cohort_is_not_found(client, auth):
    auth.as_role("instructor")
    assert client.get("/reports/cohorts/999").status_code == 404
    assert client.get("/reports/cohorts/999/progress.csv").status_code == 404
