"""Quiz item analysis: how hard each question was, how well it told strong from weak trainees,
and which options trainees chose.

Facility index: the mean fraction earned on the question (1.0 = everyone right).

Discrimination index: the Pearson correlation between the fraction earned on the question and
the rest-of-test score of the same attempt (the marks earned on the attempt's other questions),
i.e. the corrected item-total correlation that Moodle reports. It runs from -1 to 1; above about
0.3 the question separates well, near 0 or below it does not. It is computed from six sums
(n, Σx, Σy, Σx², Σy², Σxy), so the database can aggregate them with GROUP BY instead of sending
every attempt.

Only submitted, non-practice attempts are analysed; that filter belongs to the query.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from course.questions.grading import EPSILON
from course.questions.types import Matching, MultipleResponse, Question, SingleChoice, TrueFalse, option_id

NO_ANSWER = "(no answer)"
TOP_TYPED_ANSWERS = 8  # typed answers (short, numerical) are many; show the commonest


@dataclass(frozen=True)
class ItemSums:
    """Sufficient statistics for the correlation between item fraction x and rest score y."""

    n: int = 0
    sum_x: float = 0.0
    sum_y: float = 0.0
    sum_xx: float = 0.0
    sum_yy: float = 0.0
    sum_xy: float = 0.0

    def __add__(self, other: ItemSums) -> ItemSums:
        return ItemSums(
            self.n + other.n,
            self.sum_x + other.sum_x,
            self.sum_y + other.sum_y,
            self.sum_xx + other.sum_xx,
            self.sum_yy + other.sum_yy,
            self.sum_xy + other.sum_xy,
        )

    @classmethod
    def of(cls, pairs: Iterable[tuple[float, float]]) -> ItemSums:
        """The sums over (fraction, rest score) pairs."""
        total = cls()
        for x, y in pairs:
            total = total + cls(1, x, y, x * x, y * y, x * y)
        return total


def rest_score(marks: float, fraction: float | None, mark: float) -> float | None:
    """The marks an attempt earned on its other questions (None while this one is ungraded)."""
    return None if fraction is None else marks - fraction * mark


def discrimination(sums: ItemSums) -> float | None:
    """Pearson correlation of item fraction and rest score; None when it is undefined."""
    n = sums.n
    spread_x = n * sums.sum_xx - sums.sum_x**2
    spread_y = n * sums.sum_yy - sums.sum_y**2
    if n < 2 or spread_x <= 1e-12 or spread_y <= 1e-12:
        return None  # everyone scored the same on the item or on the rest: nothing to separate
    return (n * sums.sum_xy - sums.sum_x * sums.sum_y) / math.sqrt(spread_x * spread_y)


@dataclass(frozen=True)
class ItemResult:
    """One question in one submitted attempt."""

    question_id: int
    version_id: int
    response: object  # the stored value: "a1", ["a0", "a2"], True, {"s0": "c1"}, "text"; None = no answer
    fraction: float | None
    rest: float | None


@dataclass(frozen=True)
class ResponseGroup:
    """Attempts at one question version that gave the same response, with their score sums."""

    question_id: int
    version_id: int
    response: object
    attempts: int
    graded: int  # attempts whose item has a fraction (an ungraded essay has none)
    sum_fraction: float
    sums: ItemSums


def group_results(results: Iterable[ItemResult]) -> list[ResponseGroup]:
    """Per-attempt item results folded into the groups the database query returns."""
    grouped: dict[tuple[int, int, str], list[ItemResult]] = defaultdict(list)
    for result in results:
        grouped[(result.question_id, result.version_id, json.dumps(result.response, sort_keys=True))].append(result)
    return [
        ResponseGroup(
            qid,
            vid,
            rows[0].response,
            len(rows),
            sum(1 for r in rows if r.fraction is not None),
            sum(r.fraction for r in rows if r.fraction is not None),
            ItemSums.of((r.fraction, r.rest) for r in rows if r.fraction is not None and r.rest is not None),
        )
        for (qid, vid, _), rows in grouped.items()
    ]


def stored_response(text: str | None) -> object:
    """The response value from an attempt item's stored JSON ({"value": ...}, null or missing)."""
    if text is None:
        return None
    data = json.loads(text) if isinstance(text, str) else text
    return data.get("value") if isinstance(data, dict) else None


@dataclass(frozen=True)
class OptionCount:
    """How often one option (or true/false value, matching pair, typed answer) was chosen."""

    key: str
    text: str
    count: int
    correct: bool | None = None  # None when the notion does not apply (typed answers)


@dataclass(frozen=True)
class ItemStats:
    question_id: int
    name: str
    text: str
    qtype: str
    attempts: int
    graded: int
    facility: float | None
    discrimination: float | None
    options: tuple[OptionCount, ...] = field(default_factory=tuple)


def analyse_items(
    groups: Iterable[ResponseGroup], versions: Mapping[int, dict], order: Iterable[int] = ()
) -> list[ItemStats]:
    """Facility, discrimination and option frequencies per question.

    `versions` maps question-version ids to `Question.to_dict()` data; option texts come from the
    version each response was given to. Questions follow `order`, then their id.
    """
    by_question: dict[int, list[ResponseGroup]] = defaultdict(list)
    for group in groups:
        by_question[group.question_id].append(group)
    rank = {qid: i for i, qid in enumerate(order)}
    ids = sorted(by_question, key=lambda qid: (rank.get(qid, len(rank)), qid))
    return [_item_stats(qid, by_question[qid], versions) for qid in ids]


def _item_stats(question_id: int, groups: list[ResponseGroup], versions: Mapping[int, dict]) -> ItemStats:
    latest = versions.get(max(g.version_id for g in groups), {})
    attempts = sum(g.attempts for g in groups)
    graded = sum(g.graded for g in groups)
    sums = sum((g.sums for g in groups), ItemSums())
    facility = sum(g.sum_fraction for g in groups) / graded if graded else None
    return ItemStats(
        question_id,
        latest.get("name", f"Question {question_id}"),
        latest.get("text", ""),
        latest.get("type", ""),
        attempts,
        graded,
        facility,
        discrimination(sums),
        tuple(option_frequencies(groups, versions)),
    )


def option_frequencies(groups: Iterable[ResponseGroup], versions: Mapping[int, dict]) -> list[OptionCount]:
    """How often each choice was made, keyed by option id (and text, should a new version change it)."""
    counts: Counter[tuple[str, str, bool | None]] = Counter()
    listed: dict[tuple[str, str, bool | None], int] = {}
    typed_text: dict[str, str] = {}  # typed answers differing only in case or spacing count together
    for group in groups:
        data = versions.get(group.version_id, {})
        for key, text, correct, chosen in _choices(data, group.response):
            if correct is None and key:
                text = typed_text.setdefault(key, text)
            entry = (key, text, correct)
            listed.setdefault(entry, len(listed))
            counts[entry] += group.attempts if chosen else 0
    entries = sorted(listed, key=lambda e: (e[0] == "", e[2] is None, listed[e]))
    rows = [OptionCount(key, text, counts[(key, text, correct)], correct) for key, text, correct in entries]
    typed = [r for r in rows if r.correct is None and r.key]
    if len(typed) > TOP_TYPED_ANSWERS:
        keep = {id(r) for r in sorted(typed, key=lambda r: -r.count)[:TOP_TYPED_ANSWERS]}
        rows = [r for r in rows if r.correct is not None or not r.key or id(r) in keep]
    return [r for r in rows if r.count or r.correct is not None]


def _choices(data: dict, response: object) -> list[tuple[str, str, bool | None, bool]]:
    """(key, text, is correct, was chosen) for every choice the question offers, given one response."""
    qtype = data.get("type")
    if response is None or response == [] or response == {} or response == "":
        return _offered(data, response) + [("", NO_ANSWER, None, True)]
    if qtype in ("single", "multi", "truefalse", "matching"):
        return _offered(data, response)
    return [(_typed_key(response), str(response).strip(), None, True)]


def _offered(data: dict, response: object) -> list[tuple[str, str, bool | None, bool]]:
    question = Question.from_dict(data)
    if isinstance(question, SingleChoice):
        return [
            (option_id(i), o.text, o.fraction >= 1 - EPSILON, response == option_id(i))
            for i, o in enumerate(question.options)
        ]
    if isinstance(question, MultipleResponse):
        chosen = set(response) if isinstance(response, list) else set()
        return [(option_id(i), o.text, o.fraction > 0, option_id(i) in chosen) for i, o in enumerate(question.options)]
    if isinstance(question, TrueFalse):
        return [
            ("true", "True", question.answer, response is True),
            ("false", "False", not question.answer, response is False),
        ]
    if isinstance(question, Matching):
        return _matching(question, response if isinstance(response, dict) else {})
    return []


def _matching(question: Matching, response: dict) -> list[tuple[str, str, bool | None, bool]]:
    return [
        (f"{sub_id}={answer_id}", f"{pair.text} → {answer}", answer == pair.answer, response.get(sub_id) == answer_id)
        for sub_id, pair in question.subquestions()
        for answer_id, answer in question.answer_choices()
    ]


def _typed_key(response: object) -> str:
    return " ".join(str(response).split()).casefold()
