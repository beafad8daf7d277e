"""A newcomer registers, reads a lesson, marks it complete and sees it recorded, in a real browser."""

import re


def test_register_read_lesson_complete_and_see_it_recorded(page):
    page.goto("/")
    page.get_by_role("link", name="Register").first.click()
    page.get_by_label("Full name").fill("Grace Mwangi")
    page.get_by_label("Email").fill("grace@example.org")
    page.get_by_label("Password", exact=True).fill("a long enough password")
    page.get_by_label("Repeat password").fill("a long enough password")
    page.get_by_label("Organisation", exact=True).fill("Nairobi Crafts Ltd")
    page.get_by_label("Country").fill("Kenya")
    page.get_by_role("button", name="Create account").click()
    assert "your account is ready" in page.content()
    page.get_by_label("Email").fill("grace@example.org")
    page.get_by_label("Password").fill("a long enough password")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Catalogue").click()

    page.get_by_role("link", name=re.compile("Module 1:")).click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Module 1:")
    page.locator(".lesson-list a").first.click()
    assert page.get_by_role("heading", name="What the case reports").is_visible()
    assert page.get_by_role("heading", name="Our reading").is_visible()
    assert page.get_by_role("heading", name="Data note").is_visible()
    page.get_by_label("Your answer").fill("A one-stop service desk for exporters in Nairobi.")
    page.get_by_role("button", name="Save my answer").click()
    assert "saved in your portfolio" in page.content()
    assert page.get_by_label("Your answer").input_value() == "A one-stop service desk for exporters in Nairobi."
    page.get_by_role("button", name="Mark lesson complete").click()
    assert "marked complete" in page.content()
    assert page.get_by_text("You completed this lesson").is_visible()

    page.get_by_role("link", name="My learning").click()
    assert page.get_by_role("cell", name="1 / 8").is_visible()


def test_login_errors_are_shown_next_to_the_field(page):
    page.goto("/login")
    page.get_by_label("Email").fill("nobody@example.org")
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Log in").click()
    error = page.locator("#password-error")
    assert "Email or password is wrong." in error.inner_text()
    assert page.get_by_label("Password").get_attribute("aria-describedby") == "password-error"


def test_keyboard_user_can_skip_to_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Skip to content"


def test_the_csp_listener_sees_a_refused_remote_image(browser, live_server):
    from tests.browser.conftest import csp_violations

    context = browser.new_context(base_url=live_server["url"])
    try:
        tab = context.new_page()
        refused = csp_violations(tab)
        tab.goto("/glossary")
        tab.evaluate(
            "() => { const img = document.createElement('img'); img.src = 'https://images.example.org/x.png';"
            " document.body.appendChild(img); }"
        )
        tab.wait_for_timeout(300)
        assert refused and "img-src" in refused[0]
    finally:
        context.close()
