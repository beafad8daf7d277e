"""Read the quizzes/ folder: question banks (GIFT, Aiken, Moodle XML) and quiz settings (quizzes.yml) into plain data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from course.content.errors import ContentError, ContentProblem
from course.content.fields import FieldReader
from course.content.translations import translation_language
from course.content.yamlfile import line_of, load_yaml
from course.questions.errors import ParseResult, QuestionFileError
from course.questions.files import QUESTION_FILE_SUFFIXES, read_question_file
from course.quizzes.banks import TooManyQuestions, check_import_size
from course.quizzes.settings import GRADING_METHODS, QUIZ_KINDS, REVIEW_OPTIONS, RULES

_BANK_PREFIX = re.compile(r"^\d{2}-")


def module_slug_for_bank(bank_name: str) -> str:
    """Bank '05-logistics' belongs to module 'logistics'."""
    return _BANK_PREFIX.sub("", bank_name)


@dataclass
class QuizDefinition:
    slug: str
    title: str
    description: str
    module: str | None
    kind: str
    bank: str
    settings: dict
    slots: list[dict] = field(default_factory=list)  # {"random": n, "category": c, "mark": m} | {"question": name}
    line: int = 1


def read_banks(folder: Path, *, questions_per_import: int) -> dict[str, ParseResult]:
    """Every question file in the folder (GIFT, Aiken or Moodle XML, told apart by content), by bank name, with
    the questions each left out; ContentError lists every problem, among them a file of more questions than
    one import may hold."""
    banks: dict[str, ParseResult] = {}
    problems: list[ContentProblem] = []
    for path in sorted(folder.glob("*")):
        if path.suffix.lower() not in QUESTION_FILE_SUFFIXES or not path.is_file() or translation_language(path.name):
            continue  # a translation (`05-logistics.fr.gift`) is read with its bank: course/content/translations.py
        bank = path.name.split(".")[0]
        try:
            banks[bank] = read_question_file(path.read_text(encoding="utf-8-sig"), f"quizzes/{path.name}")
            check_import_size(len(banks[bank].questions), questions_per_import)
        except TooManyQuestions as exc:
            problems.append(ContentProblem(f"quizzes/{path.name}", 1, str(exc)))
        except QuestionFileError as exc:
            problems += [ContentProblem(name, line, message) for name, line, message in exc.errors]
        except UnicodeDecodeError:
            problems.append(ContentProblem(f"quizzes/{path.name}", 1, "the file is not UTF-8 text"))
    if problems:
        raise ContentError(problems)
    return banks


def read_quiz_definitions(path: Path) -> list[QuizDefinition]:
    """The quizzes described in quizzes.yml (none when the file is absent)."""
    if not path.exists():
        return []
    rel = f"quizzes/{path.name}"
    data = load_yaml(path.read_text(encoding="utf-8"), rel) or []
    problems: list[ContentProblem] = []
    if not isinstance(data, list):
        raise ContentError([ContentProblem(rel, 1, "quizzes.yml must be a list of quizzes")])
    definitions = [_definition(item, rel, problems) for item in data if isinstance(item, dict)]
    if problems:
        raise ContentError(problems)
    return definitions


def _definition(item: dict, rel: str, problems: list[ContentProblem]) -> QuizDefinition:
    f = FieldReader(item, rel, 0, problems)
    settings = {key: item.get(key, default) for key, default in RULES.items()}
    settings["pass_mark"] = _number(f, item, "pass_mark", RULES["pass_mark"], 0, 100)
    for key in (
        "shuffle_questions",
        "shuffle_options",
        "allow_practice",
        "practice_outside_window",
        "practice_shows_keys",
    ):
        settings[key] = bool(settings[key])
    for key in ("attempts_allowed", "time_limit_minutes"):
        if settings[key] is not None and (not isinstance(settings[key], int) or settings[key] < 1):
            f.fail(key, f"'{key}' must be a whole number of at least 1 (or left out)")
    if settings["grading_method"] not in GRADING_METHODS:
        f.fail("grading_method", f"'grading_method' must be one of {', '.join(GRADING_METHODS)}")
    if settings["review"] not in REVIEW_OPTIONS:
        f.fail("review", f"'review' must be one of {', '.join(REVIEW_OPTIONS)}")
    kind = item.get("kind", "module")
    if kind not in QUIZ_KINDS:
        f.fail("kind", f"'kind' must be one of {', '.join(QUIZ_KINDS)}")
    slots = item.get("slots")
    if not isinstance(slots, list) or not slots or not all(isinstance(s, dict) for s in slots):
        f.fail("slots", "'slots' must list questions ('question: NAME') or draws ('random: N')")
        slots = []
    for slot in slots:
        if not ("question" in slot or isinstance(slot.get("random"), int)):
            problems.append(ContentProblem(rel, line_of(slot), "a slot needs 'question: NAME' or 'random: N'"))
    return QuizDefinition(
        f.text("slug"),
        f.text("title"),
        f.text("description", required=False),
        item.get("module"),
        kind,
        f.text("bank"),
        settings,
        [{k: v for k, v in s.items() if k != "__line__"} | {"line": line_of(s)} for s in slots],
        line_of(item),
    )


def _number(f: FieldReader, item: dict, key: str, default: float, low: float, high: float) -> float:
    value = item.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        f.fail(key, f"'{key}' must be a number from {low:g} to {high:g}")
        return default
    return float(value)
