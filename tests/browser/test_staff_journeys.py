"""Instructors in a real browser: author questions from GIFT, preview them, run a cohort, read its dashboard."""

import re

from sqlmodel import Session

from course.accounts import create_user


def _login_as(page, live_server, role, email):
    with Session(live_server["app"].extensions["db_engine"]) as session:
        create_user(session, email=email, name=f"{role.title()} Person", password="a long enough password", role=role)
        session.commit()
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("a long enough password")
    page.get_by_role("button", name="Log in").click()


def test_instructor_pastes_gift_and_previews_without_the_key(page, live_server):
    _login_as(page, live_server, "instructor", "teacher@example.org")
    page.get_by_role("link", name="Question banks").click()
    page.get_by_label("Bank name").fill("Workshop questions")
    page.get_by_role("button", name="Create bank").click()
    page.get_by_label("GIFT text").fill("::Bad::Unclosed {=yes ~no\n")
    page.get_by_role("button", name="Import pasted questions").click()
    error = page.locator("#gift-error").inner_text()
    assert re.search(r"\b1: ", error), error
    assert page.get_by_label("GIFT text").input_value().startswith("::Bad::")
    page.get_by_label("GIFT text").fill(
        "::Ports::Which port handles the most TEU? {=Yantian#Right. ~Lake Port ~Hill Town}\n"
    )
    page.get_by_role("button", name="Import pasted questions").click()
    page.get_by_role("link", name="Preview").first.click()
    html = page.content()
    assert "Lake Port" in html and "Right." not in html and "Right answer" not in html


def test_instructor_uploads_a_roster_and_sees_the_cohort_dashboard(page, live_server, tmp_path):
    _login_as(page, live_server, "instructor", "lead@example.org")
    page.get_by_role("link", name="Cohorts").click()
    page.get_by_role("link", name=re.compile("New cohort|Create", re.I)).first.click()
    page.get_by_label("Cohort name").fill("Officials — Nov 2026")
    page.get_by_label("Learning path").select_option(index=1)
    page.get_by_role("button", name="Create cohort").click()
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "name,email,organisation,organisation_type,country\n"
        "Ama Mensah,ama@example.org,Ministry of Trade,government,Ghana\n"
        "Juan Perez,juan@example.org,Andes Crafts,sme,Peru\n"
    )
    page.locator("input[type=file]").set_input_files(str(roster))
    page.get_by_role("button", name="Upload and enrol").click()
    assert "ama@example.org" in page.content() and "/invite/" in page.content()
    page.goto(live_server["url"] + "/reports/cohorts")
    page.get_by_role("link", name=re.compile("Officials")).first.click()
    assert page.get_by_text("Enrolled").first.is_visible()
    assert page.locator("svg[role=img]").count() >= 1
