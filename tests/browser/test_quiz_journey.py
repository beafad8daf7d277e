"""A trainee takes an end-of-module quiz in a real browser: answers autosave, submit, see the result."""

import re

from tests.browser.conftest import login_new_trainee


def test_take_quiz_autosave_reload_and_submit(page, live_server):
    login_new_trainee(page, live_server)
    page.goto("/modules/dispute-resolution")
    page.get_by_role("link", name="Go to the quiz").first.click()
    page.get_by_role("button", name="Start attempt").click()
    assert re.search(r"/attempts/\d+$", page.url)
    first = page.locator("fieldset.question").first
    first_input = first.locator("input[type=radio], input[type=checkbox], input[type=text], select").first
    tag = first_input.evaluate("el => el.tagName + ':' + (el.type || '')")
    if tag.startswith("SELECT"):
        first_input.select_option(index=1)
    elif tag.endswith("text"):
        first_input.fill("42")
    else:
        first_input.check()
    # A locator, not wait_for_function: Playwright evaluates a string predicate with eval, which the CSP forbids.
    page.locator("#autosave-status", has_text="saved").wait_for()
    page.reload()
    if tag.endswith("text"):
        assert first_input.input_value() == "42"
    elif not tag.startswith("SELECT"):
        assert first_input.is_checked()
    page.get_by_role("button", name="Submit attempt").click()
    assert "/review" in page.url
    assert page.get_by_text(re.compile(r"Score: \d")).is_visible()
