"""Packages played in Chromium: a SCORM 1.2 package inside a stand-in platform whose `API` object records
every call, and the offline edition opened from file:// without a server."""

from __future__ import annotations

import functools
import json
import re
import shutil
import threading
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import FIXTURE_CONTENT, FIXTURE_QUIZZES, QUIZZES, ROOT, make_app

# A stand-in learning platform: the SCO runs in the frame, the platform's SCORM 1.2 API records the calls.
STAND_IN_PLATFORM = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Stand-in platform</title>
<script>
window.calls = [];
window.cmi = {"cmi.core.lesson_status": "not attempted"};
function record(name) { return function () { window.calls.push([name].concat([].slice.call(arguments))); return "true"; }; }
window.API = {
  LMSInitialize: record("LMSInitialize"),
  LMSFinish: record("LMSFinish"),
  LMSCommit: record("LMSCommit"),
  LMSGetValue: function (key) { window.calls.push(["LMSGetValue", key]); return window.cmi[key] || ""; },
  LMSSetValue: function (key, value) { window.calls.push(["LMSSetValue", key, value]); window.cmi[key] = value; return "true"; },
  LMSGetLastError: function () { return "0"; },
  LMSGetErrorString: function () { return ""; },
  LMSGetDiagnostic: function () { return ""; }
};
</script></head>
<body><iframe id="sco" title="Course" style="width:100%;height:90vh"></iframe>
<script>document.getElementById("sco").src = new URLSearchParams(location.search).get("sco");</script>
</body></html>
"""


def _package(tmp_path, sqlite_templates, *args: str) -> zipfile.ZipFile:
    database = tmp_path / "packages.db"
    shutil.copy(sqlite_templates(QUIZZES), database)
    app = make_app(f"sqlite:///{database}", FIXTURE_CONTENT, FIXTURE_QUIZZES)
    out = tmp_path / "package.zip"
    try:
        result = app.test_cli_runner().invoke(args=["course", "export", *args, "-o", str(out)])
    finally:
        app.extensions["db_engine"].dispose()
    assert result.exit_code == 0, result.output
    return zipfile.ZipFile(out)


@pytest.fixture
def platform(tmp_path, sqlite_templates):
    """The pilot-zones SCORM package unzipped beside the stand-in platform, served on 127.0.0.1."""
    folder = tmp_path / "platform"
    _package(tmp_path, sqlite_templates, "--format", "scorm12", "--module", "pilot-zones").extractall(folder)
    (folder / "platform.html").write_text(STAND_IN_PLATFORM)
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()
    server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def tab(browser):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], errors


def _finished_calls(tab) -> list[list[str]]:
    tab.wait_for_function("window.calls.some(function (c) { return c[0] === 'LMSFinish'; })")
    return tab.evaluate("window.calls")


def _set_values(calls) -> dict[str, str]:
    return {call[1]: call[2] for call in calls if call[0] == "LMSSetValue"}


def test_a_lesson_sco_reports_completion(platform, tab):
    tab.goto(f"{platform}/platform.html?sco=lessons/harbour-city-pilot.html")
    sco = tab.frame_locator("#sco")
    sco.get_by_role("heading", name="Harbour City pilot area").wait_for()
    sco.get_by_role("button", name="I have read this lesson").click()
    calls = _finished_calls(tab)
    assert calls[0] == ["LMSInitialize", ""]
    assert ["LMSSetValue", "cmi.core.lesson_status", "incomplete"] in calls
    assert calls[-3:] == [
        ["LMSSetValue", "cmi.core.lesson_status", "completed"],
        ["LMSCommit", ""],
        ["LMSFinish", ""],
    ]
    assert sco.get_by_text("Recorded: lesson completed.").is_visible()


def test_the_quiz_sco_grades_in_the_page_and_reports_a_pass(platform, tab):
    tab.goto(f"{platform}/platform.html?sco=quiz/pilot-zones-quiz.html")
    questions = tab.frame_locator("#sco").locator("section.question")
    questions.nth(5).wait_for()
    questions.nth(0).get_by_label("Harbour City").check()
    questions.nth(1).get_by_label("Your answer").fill("2015")
    questions.nth(2).get_by_label("True").check()
    questions.nth(3).get_by_label("Customs clearance").check()
    questions.nth(3).get_by_label("Tax rebates").check()
    questions.nth(4).get_by_label("Your answer").fill("  teu ")
    for place, built in (("Harbour City", "pilot area"), ("River Town", "bonded zone"), ("Rail hub", "freight trains")):
        questions.nth(5).get_by_label(place).select_option(label=built)
    tab.frame_locator("#sco").get_by_role("button", name="Check my answers").click()
    calls = _finished_calls(tab)
    values = _set_values(calls)
    assert values["cmi.core.score.raw"] == "100"
    assert values["cmi.core.score.min"] == "0" and values["cmi.core.score.max"] == "100"
    assert values["cmi.core.lesson_status"] == "passed"
    assert [c[0] for c in calls[-2:]] == ["LMSCommit", "LMSFinish"]
    assert tab.frame_locator("#sco").get_by_text("Your score: 100 %").is_visible()


def test_the_quiz_sco_reports_a_fail_below_the_pass_mark(platform, tab):
    tab.goto(f"{platform}/platform.html?sco=quiz/pilot-zones-quiz.html")
    questions = tab.frame_locator("#sco").locator("section.question")
    questions.nth(0).get_by_label("Harbour City").check()  # one right of six
    questions.nth(3).get_by_label("Customs clearance").check()  # half of one
    tab.frame_locator("#sco").get_by_role("button", name="Check my answers").click()
    values = _set_values(_finished_calls(tab))
    assert values["cmi.core.score.raw"] == "25"
    assert values["cmi.core.lesson_status"] == "failed"


def test_a_sco_outside_a_platform_says_nothing_is_recorded(platform, tab):
    tab.goto(f"{platform}/lessons/harbour-city-pilot.html")
    assert tab.get_by_text("Not connected to a learning platform: nothing will be recorded.").is_visible()


@pytest.fixture
def offline_edition(tmp_path, sqlite_template):
    """The offline edition of the real curriculum, unzipped into a folder: (folder, zip size in bytes)."""
    database = tmp_path / "real.db"
    shutil.copy(sqlite_template, database)
    app = make_app(f"sqlite:///{database}", ROOT / "modules", ROOT / "quizzes")
    out = tmp_path / "offline.zip"
    try:
        runner = app.test_cli_runner()
        assert runner.invoke(args=["course", "sync"]).exit_code == 0
        result = runner.invoke(args=["course", "export", "--format", "offline", "-o", str(out)])
    finally:
        app.extensions["db_engine"].dispose()
    assert result.exit_code == 0, result.output
    zipfile.ZipFile(out).extractall(tmp_path / "usb-stick")
    return tmp_path / "usb-stick" / "cbec-academy-offline", out.stat().st_size


def test_the_offline_edition_works_from_a_folder_without_a_network(offline_edition, tab):
    folder, size = offline_edition
    assert size < 5 * 1024 * 1024
    asked: list[str] = []
    tab.route(re.compile(r"^(https?|wss?)://"), lambda route: (asked.append(route.request.url), route.abort()))
    tab.goto((folder / "index.html").as_uri())
    tab.get_by_label("Search the lessons and the glossary").fill("yiwu bonded")
    tab.get_by_text(re.compile(r"\d+ pages? found")).wait_for()
    tab.get_by_role("link", name="Lesson: Yiwu CBZ: bonded functions for a small-commodity market").click()
    assert tab.url.endswith("/lessons/yiwu-cbz.html")
    tab.get_by_role("heading", name="Yiwu CBZ: bonded functions for a small-commodity market").wait_for()
    tab.get_by_role("link", name="Module 1").click()
    tab.get_by_role("link", name=re.compile("^Practice quiz:")).click()
    tab.get_by_text("Practice only: your answers are checked in this page and recorded nowhere.").wait_for()
    assert tab.locator("section.question").count() == 10  # the quiz draws ten from its pool, as on the site
    tab.get_by_role("button", name="Check my answers").click()
    tab.get_by_text("Your score: 0 %").wait_for()
    tab.get_by_role("button", name="Try new questions").click()
    assert tab.locator("#result").inner_text() == ""
    assert asked == []  # nothing was fetched from a network


# Responses to each question of the fixture quiz, graded by the page and by the server's rules.
RESPONSES = {
    "capital": ["a0", "a1", "a2", None, "a9"],
    "year": ["2015", "2,015", "2015.0", " 2015 ", "2 015", "2016", "abc", "", "2.015e3"],
    "zone-tf": [True, False, None],
    "services": [[], ["a0"], ["a0", "a1"], ["a0", "a1", "a2"], ["a2"]],
    "name": ["TEU", "teu", "  twenty-foot   equivalent unit ", "container", ""],
    "match": [{"s0": "c0", "s1": "c1", "s2": "c2"}, {"s0": "c0", "s1": "c2", "s2": "c1"}, {}],
}
NUMBERS = [
    "1500",
    "1,500",
    "1.500",
    "1 500",
    "0,5",
    "0,500",
    "2,5",
    "1,500.25",
    "1.500,25",
    "1'500",
    "1e3",
    "-2",
    "\u22122",
    "abc",
    "1,5,0",
    ".5",
    ",5",
    "1.500.000",
    "12,34,567",
    "1 500,5",
    "",
]


def test_the_page_grades_as_the_server_does(platform, tab):
    from course.questions import parse_gift
    from course.questions.grading import grade
    from course.questions.numbers import read_number

    tab.goto(f"{platform}/quiz/pilot-zones-quiz.html")
    data = json.loads(tab.locator("#quiz-data").text_content())
    page_questions = {slot["question"]["id"]: slot["question"] for slot in data["fixed"]}
    server_questions = {q.name: q for q in parse_gift((FIXTURE_QUIZZES / "01-pilot-zones.gift").read_text()).questions}
    names = ["capital", "year", "zone-tf", "services", "name", "match"]
    differ = []
    for name, page_question in zip(names, page_questions.values(), strict=True):
        for response in RESPONSES[name]:
            in_page = tab.evaluate("([q, r]) => window.cbecQuiz.grade(q, r)[0]", [page_question, response])
            on_server = grade(server_questions[name], response).fraction
            if in_page != pytest.approx(on_server):
                differ.append(f"{name} {response!r}: page {in_page}, server {on_server}")
    for text in NUMBERS:
        in_page = tab.evaluate("(t) => window.cbecQuiz.readNumber(t)", text)
        if in_page != read_number(text):
            differ.append(f"number {text!r}: page {in_page}, server {read_number(text)}")
    assert differ == []
