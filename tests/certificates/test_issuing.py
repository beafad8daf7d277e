"""A certificate is issued in the same request that completes a learning path, once."""

from sqlmodel import select

from course.certificates.issuing import issue_due_certificates
from course.models import Certificate, User
from tests.certificates.conftest import PATH_LESSONS, complete_path


def test_completing_the_last_lesson_issues_the_certificate(synced, client, auth, db):
    holder = auth.as_role("trainee")
    complete_path(auth, PATH_LESSONS[:-1])
    assert db.exec(select(Certificate)).all() == []
    response = auth.post(f"/lessons/{PATH_LESSONS[-1]}/complete")
    assert response.status_code == 302
    certificate = db.exec(select(Certificate)).one()
    assert (certificate.user_id, certificate.holder_name, certificate.path_title) == (
        holder.id,
        "Trainee User",
        "Officials path",
    )
    assert certificate.revoked_at is None and len(certificate.code.replace("-", "")) >= 12
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Certificate earned: Officials path" in page


def test_no_certificate_without_following_the_path(synced, client, auth, db):
    auth.as_role("trainee")
    for slug in PATH_LESSONS:
        auth.post(f"/lessons/{slug}/complete")
    assert db.exec(select(Certificate)).all() == []


def test_following_a_path_already_done_issues_it(synced, client, auth, db):
    auth.as_role("trainee")
    for slug in PATH_LESSONS:
        auth.post(f"/lessons/{slug}/complete")
    response = auth.post("/paths/officials/follow")
    assert db.exec(select(Certificate)).one().path_title == "Officials path"
    assert "Certificate earned: Officials path" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_one_certificate_per_path(earned, db):
    holder, certificate = earned
    assert issue_due_certificates(db, holder.id) == []
    assert db.exec(select(Certificate)).all() == [certificate]


def test_the_snapshot_keeps_the_name_it_was_issued_to(earned, client, auth, db):
    holder, certificate = earned
    user = db.get(User, holder.id)
    user.name = "Renamed Later"
    db.commit()
    assert "Trainee User" in client.get(f"/verify/{certificate.code}").get_data(as_text=True)


def test_my_certificates_lists_them_with_links(earned, client):
    _, certificate = earned
    assert 'href="/certificates">Certificates</a>' in client.get("/").get_data(as_text=True)
    page = client.get("/certificates").get_data(as_text=True)
    assert "Officials path" in page and certificate.code in page
    assert f'href="/certificates/{certificate.code}.pdf"' in page and f'href="/verify/{certificate.code}"' in page


def test_my_certificates_is_empty_for_a_new_trainee(synced, client, auth):
    auth.as_role("trainee")
    assert "You have no certificates yet." in client.get("/certificates").get_data(as_text=True)


def test_a_path_completed_without_a_certificate_is_offered_and_claimed_by_post(synced, client, auth, db):
    """Viewing "My certificates" never issues one; the button does."""
    from course.models import LearningPath, PathEnrolment

    holder = auth.as_role("trainee")
    for slug in PATH_LESSONS:
        auth.post(f"/lessons/{slug}/complete")
    path = db.exec(select(LearningPath).where(LearningPath.slug == "officials")).one()
    db.add(PathEnrolment(user_id=holder.id, path_id=path.id))  # e.g. enrolled by a cohort import
    db.commit()
    page = client.get("/certificates").get_data(as_text=True)
    assert "Issue my certificate" in page and db.exec(select(Certificate)).all() == []
    assert client.post("/certificates/claim").status_code == 400  # no CSRF token: nothing issued
    assert db.exec(select(Certificate)).all() == []
    response = auth.post("/certificates/claim")
    assert response.status_code == 302 and db.exec(select(Certificate)).one().user_id == holder.id
    assert "Issue my certificate" not in client.get("/certificates").get_data(as_text=True)
