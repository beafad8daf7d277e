"""The main pages on a phone (360 x 740) in English, French, Arabic and Chinese, and on a desktop (1280 px) in English
and Arabic: no horizontal scrolling, no axe-core WCAG 2.1 A/AA violation, Arabic laid out right to left. Screenshots of
every page are saved (the folder is printed; set CBEC_SCREENSHOTS to choose it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlmodel import Session, select

from course.accounts import create_user
from course.models import Cohort, CohortMember, LearningPath, Lesson, Module, Quiz, User
from tests.browser.conftest import csp_violations

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PASSWORD = "a long enough password"
# The innermost elements that reach past the window's width, to say what makes a page too wide.
WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > innerWidth + 1 || e.getBoundingClientRect().left < -1)
  .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > innerWidth + 1))
  .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''))"""


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("CBEC_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {folder}")
    return folder


@pytest.fixture
def site(live_server):
    """A trainee and an instructor with a cohort (the trainee in it), and the pages each of them reads."""
    with Session(live_server["app"].extensions["db_engine"]) as session:
        trainee = create_user(session, email="amina@example.org", name="Amina Wanjiru", password=PASSWORD)
        lead = create_user(
            session, email="lead@example.org", name="Lead Instructor", password=PASSWORD, role="instructor"
        )
        path = session.exec(select(LearningPath).order_by(LearningPath.position)).first()
        session.flush()
        cohort = Cohort(name="Officials — Nov 2026", path_id=path.id, owner_id=lead.id, created_by=lead.id)
        session.add(cohort)
        session.flush()
        session.add(CohortMember(cohort_id=cohort.id, user_id=trainee.id))
        module = session.exec(select(Module).order_by(Module.position)).first()
        lesson = session.exec(select(Lesson).where(Lesson.module_id == module.id).order_by(Lesson.position)).first()
        quiz = session.exec(select(Quiz).where(Quiz.module_id == module.id)).first()
        session.commit()
        trainee_pages = [
            "/",
            "/paths",
            "/glossary",
            f"/modules/{module.slug}",
            f"/lessons/{lesson.slug}",
            "/my-learning",
            "/certificates",
            "/account",
            "/events/",
            "/events/calendar",
            "/tours/",
            "/library?q=logistics",
            "/library/cases/new",
            "/portfolio/",
            "/action-plans/",
            "/notifications",
        ]
        if quiz is not None:
            trainee_pages.append(f"/quizzes/{quiz.id}")
        staff_pages = [
            "/instructor/banks",
            "/cohorts/",
            f"/cohorts/{cohort.id}",
            f"/reports/cohorts/{cohort.id}?by=org_type",
            "/reports/programme",
            "/events/manage",
            "/events/new",
            "/tours/new",
            "/exports/",
        ]
        visitor_pages = ["/login", "/register", "/library", "/impact"]
        return {"trainee": trainee_pages, "staff": staff_pages, "visitor": visitor_pages}


def _browse(browser, live_server, viewport, email=None):
    context = browser.new_context(base_url=live_server["url"], viewport=viewport)
    page = context.new_page()
    refused = csp_violations(page)
    if email:
        page.goto("/login")
        page.fill("#email", email)
        page.fill("#password", PASSWORD)
        page.locator("input[type=submit]").click()
        assert User is not None and "/login" not in page.url
    return context, page, refused


def _check(page, path: str, language: str, shots: Path, label: str) -> list[str]:
    """Open the page in a language; what is wrong with it (overflow, axe violations)."""
    separator = "&" if "?" in path else "?"
    page.goto(f"{path}{separator}lang={language}")
    problems = []
    width, scrolled = page.evaluate("[innerWidth, document.scrollingElement.scrollWidth]")
    if scrolled > width:
        wide = page.evaluate(WIDEST)
        problems.append(f"{path} [{language}, {label}]: {scrolled} px wide in a {width} px window, by {wide}")
    name = path.strip("/").replace("/", "_").replace("?", "_").replace("=", "-") or "home"
    page.screenshot(path=str(shots / f"{label}-{language}-{name}.png"), full_page=True)
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    for violation in result["violations"]:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        problems.append(f"{path} [{language}, {label}]: axe {violation['id']}: {violation['help']} at {targets}")
    return problems


@pytest.mark.parametrize("language", ["en", "fr", "ar", "zh_Hans"])
def test_main_pages_fit_a_phone_and_pass_axe(browser, live_server, site, shots, language):
    problems = []
    for who, email in (("visitor", None), ("trainee", "amina@example.org"), ("staff", "lead@example.org")):
        context, page, refused = _browse(browser, live_server, PHONE, email)
        for path in site[who]:
            problems += _check(page, path, language, shots, "phone")
        context.close()
        assert refused == [], refused
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_main_pages_on_a_desktop_pass_axe(browser, live_server, site, shots, language):
    problems = []
    for who, email in (("trainee", "amina@example.org"), ("staff", "lead@example.org")):
        context, page, _refused = _browse(browser, live_server, DESKTOP, email)
        for path in site[who]:
            problems += _check(page, path, language, shots, "desktop")
        context.close()
    assert problems == [], "\n".join(problems)


def test_arabic_is_laid_out_right_to_left_and_the_phone_menu_opens(browser, live_server, site):
    context, page, _refused = _browse(browser, live_server, PHONE)
    positions = {}
    for language in ("en", "ar"):
        page.goto(f"/?lang={language}")
        assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        brand = page.locator(".brand").bounding_box()
        menu = page.locator(".site-menu > summary").bounding_box()
        positions[language] = (brand["x"], menu["x"])
    english_brand, english_menu = positions["en"]
    arabic_brand, arabic_menu = positions["ar"]
    assert english_brand < english_menu and arabic_brand > arabic_menu  # mirrored: the brand starts on the right
    nav = page.get_by_role("navigation", name="التنقل الرئيسي")
    assert not nav.is_visible()  # collapsed on a phone...
    page.locator(".site-menu > summary").click()
    assert nav.is_visible() and nav.get_by_role("link").first.is_visible()  # ...and opens without any script
    context.close()
    context, page, _refused = _browse(browser, live_server, DESKTOP)
    page.goto("/?lang=ar")
    assert page.get_by_role("navigation", name="التنقل الرئيسي").is_visible()  # a wide screen shows the menu
    assert not page.locator(".site-menu > summary").is_visible()
    context.close()
