"""The programme report: admins read everyone, instructors their cohorts; the page, CSV, PDF and JSON agree.

The arranged cohort's activity is in March 2025 (T0); the accounts were made today and Ama's certificate
issued today. Eve is no member of the cohort but a learner of the programme.
"""

import csv
import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import select

from course.models import Cohort, CohortMember, LearningPath, ProgrammeTally, User
from course.reports.programme_export import CSV_COLUMNS

SPRING = "?from=2025-01&to=2025-06"
THIS_MONTH = datetime.now(UTC).strftime("%Y-%m")


def _figure(html, name, attribute="data-figure"):
    return re.search(rf'{attribute}="{name}">([^<]*)<', html).group(1)


def _page(client, query=SPRING, status=200):
    response = client.get(f"/reports/programme{query}")
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


def test_an_admin_reads_every_learner_of_the_period(client, auth, arranged):
    auth.as_role("admin")
    html = _page(client)
    # Active in March 2025: Ama, Budi, Chen and Eve. Ama completed her path then; Eve did the same work but
    # follows no path, so she completed none.
    assert [_figure(html, m) for m in ("registered", "active", "completed", "certified")] == ["0", "4", "1", "0"]
    assert "Jan 2025 – Jun 2025" in html and "Jul 2024 – Dec 2024" in html
    results = re.sub(r">\s+<", "><", html[html.index('id="results"') : html.index('id="events"')])
    # Pilot zones: Ama and Eve completed it and passed, Budi failed his first finished attempt; three took both tests.
    zones = '<th scope="row">Pilot zones</th><td>2</td><td>3</td><td>2</td><td>66.7%</td><td>3</td><td>46.7%</td>'
    assert zones + "<td>93.3%</td><td>+46.7 points</td>" in results
    assert 'role="img"' in html and "<table" in html


def test_this_month_counts_the_accounts_and_the_certificate(client, auth, arranged):
    auth.as_role("admin")
    html = _page(client, f"?from={THIS_MONTH}&to={THIS_MONTH}")
    # Five learners registered (staff are not counted); Ama's certificate was issued today.
    assert (_figure(html, "registered"), _figure(html, "certified")) == ("5", "1")
    who = html[html.index('id="who"') : html.index('id="results"')]
    assert "Not stated" in who  # Dara gave no country, most gave no firm size
    assert "Ghana" in who and "Government" in who


def test_an_instructor_reads_only_the_cohorts_they_manage(client, auth, arranged, db):
    auth.as_role("instructor")
    html = _page(client)
    # The cohort's members joined in March 2025 (enrolled_at); Eve is not one of them.
    assert [_figure(html, m) for m in ("registered", "active", "completed")] == ["4", "3", "1"]
    assert "Limited to the 1 cohort(s) you manage." in html
    other = auth.make_user("instructor", email="other@example.org")
    auth.logout()
    auth.login(other.email)
    html = _page(client)
    assert [_figure(html, m) for m in ("registered", "active", "completed")] == ["0", "0", "0"]
    assert "Limited to the 0 cohort(s) you manage." in html
    assert "Ghana" not in html  # not even the country filter shows others' learners


def test_filters_narrow_the_report(client, auth, arranged):
    auth.as_role("admin")
    assert _figure(_page(client, SPRING + "&country=Ghana"), "active") == "3"  # Ama, Chen, Eve
    assert _figure(_page(client, SPRING + "&path=officials"), "active") == "3"  # the cohort's path: not Eve
    assert _figure(_page(client, SPRING + "&audience=official"), "completed") == "1"
    assert _figure(_page(client, SPRING + "&audience=sme"), "active") == "0"
    assert _figure(_page(client, SPRING + "&path=officials&audience=sme"), "active") == "0"


@pytest.mark.parametrize(
    "query, message",
    [
        ("?from=2025-13", "“from” must be a month written YYYY-MM"),
        ("?from=March", "“from” must be a month written YYYY-MM"),
        ("?from=2025-06&to=2025-01", "“from” must not be after “to”"),
        ("?from=2000-01&to=2025-01", "at most 120 months"),
        ("?path=nowhere", "There is no learning path “nowhere”"),
        ("?audience=pirates", "Audience must be one of"),
    ],
)
def test_bad_filters_get_a_clear_message(client, auth, arranged, query, message):
    auth.as_role("admin")
    html = _page(client, query, status=400)
    assert message in html.replace("&#34;", '"')
    assert client.get(f"/reports/programme.csv{query}").status_code == 400
    api = client.get(f"/api/v1/reports/programme{query}")
    assert api.status_code == 400 and message in api.get_json()["message"]


def test_the_csv_has_the_documented_columns_and_the_page_figures(client, auth, arranged, db):
    ghana = db.exec(select(User).where(User.email == "chen@example.org")).one()
    ghana.country = "=HYPERLINK(1)"  # a country is free text: it must not run in a spreadsheet
    db.commit()
    auth.as_role("admin")
    response = client.get(f"/reports/programme.csv{SPRING}")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert 'filename="programme-2025-01-to-2025-06.csv"' in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert tuple(rows[0]) == CSV_COLUMNS
    figure = {
        (r["period"], r["section"], r["measure"], r["grouping"], r["group_value"], r["module"]): r["figure"]
        for r in rows
    }
    assert figure[("current", "reach", "active", "", "", "")] == "4"
    assert figure[("previous", "reach", "active", "", "", "")] == "0"
    assert figure[("current", "reach_by_month", "active", "month", "2025-03", "")] == "4"
    assert figure[("current", "module", "pass_percent", "", "", "pilot-zones")] == "66.7"
    assert figure[("current", "reach_by_group", "active", "country", "'=HYPERLINK(1)", "")] == "1"
    assert {r["from_month"] for r in rows if r["period"] == "previous"} == {"2024-07"}


def test_the_pdf_holds_the_same_figures(client, auth, arranged):
    auth.as_role("admin")
    response = client.get(f"/reports/programme.pdf{SPRING}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    assert "programme report" in text and "Jan 2025 – Jun 2025" in text
    assert re.search(r"Active \(started learning\)\s*4\s*0", text), text[:800]
    assert "Pilot zones" in text and "66.7%" in text
    assert "No events or study tours are recorded" not in text
    assert re.search(r"Events\s*0\s*0\s*0\s*0", text), text[-400:]


def test_the_api_returns_the_same_figures_as_json(client, auth, arranged):
    assert client.get(f"/api/v1/reports/programme{SPRING}").status_code == 401
    auth.as_role("trainee")
    assert client.get(f"/api/v1/reports/programme{SPRING}").status_code == 403
    auth.logout()
    auth.as_role("admin")
    document = client.get(f"/api/v1/reports/programme{SPRING}").get_json()
    assert document["period"]["from"] == "2025-01" and len(document["period"]["months"]) == 6
    assert document["previous_period"] == {"from": "2024-07", "to": "2024-12"}
    assert document["current"]["reach"] == {"registered": 0, "active": 4, "completed": 1, "certified": 0}
    zones = next(m for m in document["current"]["modules"] if m["slug"] == "pilot-zones")
    assert (zones["quiz_taken"], zones["quiz_passed"], zones["gain_n"], zones["gain_points"]) == (3, 2, 3, 46.7)
    assert document["current"]["events"] == {
        "recorded": True,
        "events": document["current"]["events"]["events"],
        "study_tours": document["current"]["events"]["study_tours"],
    }
    assert document["limited_to_own_cohorts"] is False


def test_figures_move_with_the_records_and_a_get_writes_nothing(client, auth, arranged, db):
    auth.as_role("admin")
    before = _figure(_page(client, f"?from={THIS_MONTH}&to={THIS_MONTH}"), "registered")
    auth.logout()
    auth.register(email="newcomer@example.org", country="Kenya")
    rows = db.exec(select(ProgrammeTally)).all()
    auth.logout()
    auth.login("admin@example.org")
    html = _page(client, f"?from={THIS_MONTH}&to={THIS_MONTH}&country=Kenya")
    assert int(before) + 1 == int(_figure(_page(client, f"?from={THIS_MONTH}&to={THIS_MONTH}"), "registered"))
    assert _figure(html, "registered") == "1"
    db.expire_all()
    assert len(db.exec(select(ProgrammeTally)).all()) == len(rows)  # reading the report changed nothing


def test_a_cohort_moved_to_another_path_moves_the_path_figures(client, auth, arranged, db):
    auth.as_role("admin")
    assert _figure(_page(client, SPRING + "&path=officials"), "active") == "3"
    cohort = db.get(Cohort, arranged.cohort.id)
    cohort.path_id = None
    db.commit()
    members = db.exec(select(CohortMember.user_id).where(CohortMember.cohort_id == cohort.id)).all()
    assert len(members) == 4
    # Only Ama still follows the path: her certificate for it says she did.
    assert _figure(_page(client, SPRING + "&path=officials"), "active") == "1"
    path = db.exec(select(LearningPath).where(LearningPath.slug == "officials")).one()
    cohort.path_id = path.id
    db.commit()
    assert _figure(_page(client, SPRING + "&path=officials"), "active") == "3"


def test_the_csv_columns_are_the_documented_ones():
    docs = (Path(__file__).resolve().parents[3] / "docs" / "exports.md").read_text()
    section = docs.split("### The CSV")[1].split("### The JSON")[0]
    documented = [
        c for cell in re.findall(r"^\| ([^|]+) \|", section, flags=re.MULTILINE) for c in re.findall(r"`(\w+)`", cell)
    ]
    assert documented == list(CSV_COLUMNS), documented


def test_the_pdf_prints_names_in_other_scripts_when_the_fonts_are_there(client, auth, arranged, db):
    from course.certificates.pdf import installed_fonts

    if installed_fonts() is None:
        pytest.skip("no Unicode font installed (apt-get install fonts-dejavu-core)")
    chen = db.exec(select(User).where(User.email == "chen@example.org")).one()
    chen.country = "Україна"
    db.commit()
    auth.as_role("admin")
    response = client.get(f"/reports/programme.pdf{SPRING}")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    assert "Україна" in text


def _spring_event(db, owner, capacity, people, month="2025-03"):
    """An event of the spring owned by `owner`, its first session in `month`, with these people enrolled and present."""
    from course.models import Attendance, Event, EventEnrolment, EventSession

    starts = datetime.fromisoformat(f"{month}-10T09:00:00+00:00")
    event = Event(title="Spring seminar", kind="seminar", time_zone="UTC", capacity=capacity, owner_id=owner.id)
    db.add(event)
    db.flush()
    meeting = EventSession(event_id=event.id, starts_at=starts, ends_at=starts.replace(hour=11))
    db.add(meeting)
    db.flush()
    for person in people:
        db.add(EventEnrolment(event_id=event.id, user_id=person.id, status="enrolled"))
        db.add(Attendance(session_id=meeting.id, user_id=person.id, present=True))
    db.commit()
    return event


def test_events_show_on_the_page_and_an_instructor_reads_only_theirs(client, auth, arranged, db):
    instructor = auth.make_user("instructor")
    other = auth.make_user("instructor", email="other@example.org")
    learners = db.exec(select(User).where(User.role == "trainee").order_by(User.id)).all()
    _spring_event(db, instructor, 10, learners[:2])
    _spring_event(db, other, 20, learners[:3])
    _spring_event(db, other, 40, learners[:1], month="2024-09")  # the previous period
    auth.as_role("admin")
    html = re.sub(r">\s+<", "><", _page(client))
    assert '<th scope="row">Events</th><td>2 (1)</td><td>30</td><td>5</td><td>5 (1)</td><td>100%</td>' in html
    document = client.get(f"/api/v1/reports/programme{SPRING}").get_json()
    assert document["current"]["events"]["events"]["seats_offered"] == 30
    auth.logout()
    auth.login(instructor.email)
    html = re.sub(r">\s+<", "><", _page(client))
    assert '<th scope="row">Events</th><td>1 (0)</td><td>10</td><td>2</td><td>2 (0)</td>' in html
