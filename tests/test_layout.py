"""The layout keeps its promises: pure modules stay pure, and each rule is written in one place."""

import ast
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PURE = sorted(
    [
        *ROOT.glob("course/questions/*.py"),
        *(ROOT / "course/progress" / name for name in ("rules.py", "document.py", "xapi.py", "lrs_client.py")),
        *(
            ROOT / "course/reports" / name
            for name in (
                "cohort.py",
                "items.py",
                "exports.py",
                "participation.py",
                "member_standing.py",
                "contribution.py",
                "reach.py",
                "programme.py",
                "disclosure.py",
                "programme_display.py",
                "programme_export.py",
            )
        ),
        *(
            p
            for p in ROOT.glob("course/content/*.py")
            if p.name not in ("sync.py", "translation_sync.py", "catalogue.py")
        ),
        *(ROOT / "course/library" / name for name in ("query.py", "facets.py", "related.py", "model_card.py")),
        ROOT / "course/credentials.py",
        ROOT / "course/languages.py",
        *(ROOT / "course/mail" / name for name in ("server.py", "kinds.py", "retry.py")),
        ROOT / "course/timezones.py",
        *(ROOT / "course/events" / name for name in ("checks.py", "month.py", "attendance_csv.py")),
        ROOT / "course/tours/checks.py",
        ROOT / "course/feedback/figures.py",
        *(ROOT / "course/certificates" / name for name in ("badges.py", "keyring.py")),
    ]
)
IMPURE = {"flask", "flask_login", "flask_wtf", "sqlmodel", "sqlalchemy", "werkzeug", "markupsafe"}
# The grading-method and pass rules: pure, in a package that also holds database code.
RULE_MODULES = ("course.quizzes.grades",)
PACKAGES = {
    "course.questions",
    "course.progress",
    "course.reports",
    "course.content",
    "course.library",
}  # `from PACKAGE import pure`


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", PURE, ids=lambda p: str(p.relative_to(ROOT)))
def test_pure_modules_import_no_flask_and_no_database(path):
    pure_modules = {".".join(p.relative_to(ROOT).with_suffix("").parts) for p in PURE}
    for name in _imports(path):
        assert name.split(".")[0] not in IMPURE, name
        if name.startswith("course."):
            assert name in pure_modules | PACKAGES or name in RULE_MODULES, name


def _grep(pattern: str) -> list[str]:
    """Files under course/ and benchmarks/ whose text matches a regular expression."""
    found = subprocess.run(
        ["git", "grep", "--untracked", "-lE", pattern, "--", "course", "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.split()
    return sorted(f for f in found if f.endswith(".py"))


@pytest.mark.parametrize(
    "pattern, home",
    [
        (r'f"[asc]\{', ["course/questions/types.py"]),  # option, subquestion and answer-choice ids
        (r"def (has_passed|grade_of|combine_attempt_scores|final_score)\b", ["course/quizzes/grades.py"]),
        (r"pass_mark - ", ["course/quizzes/grades.py"]),  # the pass tolerance
        (r"parse_aiken\(", ["course/questions/aiken.py", "course/questions/files.py"]),  # which reader a file gets
        (r'"shuffle_options": ', ["course/quizzes/settings.py"]),  # the quiz settings list
        (r"class Page\b|def page_of\b", ["course/web/pagination.py"]),
        (r"def (lock_on|is_locked)\b", ["course/progress/standing.py"]),  # the module-lock check
        (r"class CohortSummary\b", ["course/reports/cohort.py"]),
        (r"def contribution\(", ["course/reports/contribution.py"]),  # what a member adds to the cohort figures
        (r"def summarise\(", ["course/progress/summaries.py"]),
        (
            r"def learner_facts\(",
            ["course/reports/reach.py"],
        ),  # what a learner adds to the programme figures  # a learner's standing on a module, as kept
        (r"\.record_change\(", ["course/content/sync.py", "course/upkeep.py"]),  # who moves the catalogue revision
        (r"def notify\(", ["course/notifications/notify.py"]),  # the one way to tell a user something
        (r"= OutboxMessage\(", ["course/mail/outbox.py"]),  # the one way to queue an email
        (r"import smtplib", ["course/mail/transport.py"]),  # the one place that speaks SMTP
        (r"def model_card\(", ["course/library/model_card.py"]),  # where a case's model card comes from
        (r"def event_attended\(", ["course/progress/rules.py"]),  # when attending an event counts for a path
        (
            r"with_for_update\(",
            ["course/locking.py", "course/mail/outbox.py", "course/upkeep.py"],
        ),  # row locks: one helper, and the learners'
        (r"def local_time\(", ["course/web/local_time.py"]),  # how a stored instant is shown
    ],
)
def test_each_rule_is_written_once(pattern, home):
    assert _grep(pattern) == home


def test_no_template_runs_a_query():
    templates = [p for p in (ROOT / "course").rglob("*.html")]
    assert templates
    for template in templates:
        assert not re.search(r"get_session|\.exec\(|select\(", template.read_text()), template
