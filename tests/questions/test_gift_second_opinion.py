"""A second opinion: the independent npm parser gift-pegjs reads our GIFT the way we do.

Enable with `npm install --prefix tests/quiz/node` (node_modules is git-ignored); skipped otherwise.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from course.questions.gift import parse_gift, write_gift
from course.questions.types import Question
from tests.questions.test_gift_write import EXAMPLES

NODE_DIR = Path(__file__).resolve().parent / "node"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(
    NODE is None or not (NODE_DIR / "node_modules" / "gift-pegjs").is_dir(),
    reason="node or gift-pegjs missing (npm install --prefix tests/quiz/node)",
)

CORPUS = """\
// A mix of every question type, as the GIFT documentation writes them.
::Grant::Who's buried in Grant's tomb?{~Grant ~Jefferson =no one#Right!}

::Tomb::Grant is {~buried =entombed ~living} in Grant's tomb.

::TF::Grant was born in 1822.{T#Check the date#Yes}

::False::The sun rises in the West.{FALSE}

::Short::Who's buried in Grant's tomb?{=no one =%50%nobody#Nearly}

::Num::When was Ulysses S. Grant born?{#1822:5}

::Range::What is a number from 1 to 5?{#1..5}

::Multi num::When was Grant born?{#=1822:0#Exact =%50%1822:2#Close}

::Match::Match the countries with their capitals.{=Canada -> Ottawa =Italy -> Rome =Japan -> Tokyo}

::Weights::Which are primary colours?{~%50%red ~%50%blue ~%-100%green#No}

::Essay::[markdown]Write about **bonded** zones.{}

::Desc::[html]<p>Read the case first.</p>

$CATEGORY: 05-logistics/ports

::Escapes::Use \\= and \\~ and \\{braces\\} and \\# and \\: here{=yes\\=no ~maybe}

::General::[html]What colour?{=blue ~red####<b>Blue</b>, of course.}
"""


def pegjs(gift: str) -> list[dict]:
    """gift-pegjs's questions for a GIFT text (categories left out)."""
    run = subprocess.run([NODE, str(NODE_DIR / "parse.js")], input=gift, capture_output=True, text=True, check=True)
    parsed = json.loads(run.stdout)
    assert "error" not in parsed, parsed.get("error")
    return [q for q in parsed["questions"] if q["type"] != "Category"]


def _weight(choice: dict) -> float:
    """A gift-pegjs choice's credit as a fraction."""
    return choice["weight"] / 100 if choice["weight"] is not None else float(choice["isCorrect"])


def _feedback(choice: dict) -> str:
    """A gift-pegjs choice's feedback text ('' when absent)."""
    return (choice.get("feedback") or {}).get("text", "")


def _their_number(text: dict) -> tuple:
    """A gift-pegjs numerical answer as ('range', low, high), ('value', value, tolerance) or ('any',)."""
    if text.get("type") == "high-low":
        return ("range", text["numberLow"], text["numberHigh"])
    if "number" in text:
        return ("value", text["number"], text.get("range", 0))
    return ("any",)


def summarise_theirs(question: dict) -> tuple:
    """What both parsers must agree on, from gift-pegjs's side."""
    kind, stem = question["type"], question["stem"]
    parts: list = []
    if kind in ("MC", "Short"):
        parts = [(c["text"]["text"], _weight(c), _feedback(c)) for c in question["choices"]]
    elif kind == "Numerical":
        choices = question["choices"] if isinstance(question["choices"], list) else [{"text": question["choices"]}]
        parts = [_their_number(c["text"]) + (_weight(c) if "isCorrect" in c else 1.0,) for c in choices]
    elif kind == "Matching":
        parts = [(p["subquestion"]["text"], p["subanswer"]) for p in question["matchPairs"]]
    elif kind == "TF":
        parts = [
            question["isTrue"],
            sorted(_feedback({"feedback": question[k]}) for k in ("trueFeedback", "falseFeedback")),
        ]
    general = (question.get("globalFeedback") or {}).get("text", "")
    return (kind, question["title"], stem["text"], stem["format"], general, parts)


_KINDS = {"single": "MC", "multi": "MC", "short": "Short", "numerical": "Numerical", "matching": "Matching",
          "truefalse": "TF", "essay": "Essay", "description": "Description"}  # fmt: skip


def _our_number(answer) -> tuple:
    """Our numerical answer in the same shape, with its fraction."""
    if answer.is_range:
        return ("range", answer.low, answer.high, answer.fraction)
    if answer.is_wildcard:
        return ("any", answer.fraction)
    return ("value", answer.value, answer.tolerance, answer.fraction)


def summarise_ours(question: Question) -> tuple:
    """The same summary from our parser's side."""
    stem = question.text + ("_____" + question.text_after if question.text_after else "")
    parts: list = []
    if question.type in ("single", "multi"):
        parts = [(o.text, o.fraction, o.feedback) for o in question.options]
    elif question.type == "short":
        parts = [(a.text, a.fraction, a.feedback) for a in question.answers]
    elif question.type == "numerical":
        parts = [_our_number(a) for a in question.answers]
    elif question.type == "matching":
        parts = [(p.text, p.answer) for p in question.pairs]
    elif question.type == "truefalse":
        parts = [question.answer, sorted([question.feedback_true, question.feedback_false])]
    kind = _KINDS[question.type]
    return (kind, question.name, stem, question.text_format, question.general_feedback, parts)


def test_both_parsers_agree_on_the_documented_syntax():
    ours = [summarise_ours(q) for q in parse_gift(CORPUS)]
    theirs = [summarise_theirs(q) for q in pegjs(CORPUS)]
    assert ours == theirs


def test_gift_pegjs_reads_what_we_write():
    written = write_gift(EXAMPLES)
    theirs = [summarise_theirs(q) for q in pegjs(written)]
    assert theirs == [summarise_ours(q) for q in EXAMPLES]


@pytest.mark.parametrize("name", ["moodle-fixture-questions-in-category.gift", "moodle-gift-generator-example.gift"])
def test_both_parsers_agree_on_shared_samples(gift_sample, name):
    text = gift_sample(name)
    assert [summarise_ours(q) for q in parse_gift(text)] == [summarise_theirs(q) for q in pegjs(text)]
