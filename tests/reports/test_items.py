"""Item analysis: facility, discrimination and option frequencies, checked against hand-computed numbers."""

import math
import statistics

import pytest

from course.questions.types import Choice, Matching, MatchPair, MultipleResponse, ShortAnswer, SingleChoice, TrueFalse
from course.reports.items import (
    NO_ANSWER,
    ItemResult,
    ItemSums,
    analyse_items,
    discrimination,
    group_results,
    rest_score,
    stored_response,
)

SINGLE = SingleChoice(
    name="capital",
    text="Which city?",
    options=[Choice(text="Harbour City", fraction=1.0), Choice(text="River Town"), Choice(text="Lake Port")],
).to_dict()


def test_rest_score_leaves_the_item_out():
    # 7 marks earned, this 1-mark item right: the other questions earned 6.
    assert rest_score(7.0, 1.0, 1.0) == 6.0
    assert rest_score(7.0, 0.5, 2.0) == 6.0
    assert rest_score(3.0, None, 1.0) is None  # an ungraded essay


def test_discrimination_by_hand():
    # x = item fraction, y = rest score. n=4, Σx=2, Σy=2, Σx²=2, Σy²=1.2, Σxy=1.4
    # r = (4·1.4 − 2·2) / √((4·2 − 2²)(4·1.2 − 2²)) = 1.6 / √3.2 = 0.894427...
    sums = ItemSums.of([(1, 0.8), (1, 0.6), (0, 0.4), (0, 0.2)])
    assert (sums.n, sums.sum_x, sums.sum_xx) == (4, 2, 2)
    assert (sums.sum_y, sums.sum_yy, sums.sum_xy) == pytest.approx((2.0, 1.2, 1.4))
    assert discrimination(sums) == pytest.approx(0.894427, abs=1e-6)


def test_discrimination_is_negative_when_weak_trainees_do_better():
    assert discrimination(ItemSums.of([(0, 0.8), (0, 0.6), (1, 0.4), (1, 0.2)])) == pytest.approx(-0.894427, abs=1e-6)


@pytest.mark.parametrize("pairs", [[], [(1, 0.5)], [(1, 0.2), (1, 0.9)], [(0, 0.5), (1, 0.5)]])
def test_discrimination_is_undefined_without_spread(pairs):
    assert discrimination(ItemSums.of(pairs)) is None


def test_sums_add_up_like_one_pass():
    left, right = ItemSums.of([(1, 0.5), (0, 0.25)]), ItemSums.of([(0.5, 1.0)])
    assert left + right == ItemSums.of([(1, 0.5), (0, 0.25), (0.5, 1.0)])


def _quiz_results():
    """Five attempts at a 3-question quiz (1 mark each); question 1 is the one analysed."""
    table = [  # fractions of q1, q2, q3
        (1.0, 1.0, 1.0),
        (1.0, 1.0, 0.0),
        (1.0, 0.0, 0.0),
        (0.0, 1.0, 0.0),
        (0.0, 0.0, 0.0),
    ]
    results = []
    for fractions in table:
        marks = sum(fractions)
        for qid, fraction in enumerate(fractions, start=1):
            response = "a0" if fraction == 1.0 else "a1"
            results.append(ItemResult(qid, 10 + qid, response, fraction, rest_score(marks, fraction, 1.0)))
    return results


def test_facility_and_discrimination_of_a_small_quiz():
    versions = {11: SINGLE, 12: SINGLE, 13: SINGLE}
    stats = {s.question_id: s for s in analyse_items(group_results(_quiz_results()), versions)}
    first = stats[1]
    # Question 1: right in 3 of 5 attempts. Marks on the other two questions: 2, 1, 0, 1, 0.
    assert first.attempts == 5 and first.graded == 5
    assert first.facility == pytest.approx(0.6)
    # r(x=[1,1,1,0,0], y=[2,1,0,1,0]): Σx=3 Σy=4 Σx²=3 Σy²=6 Σxy=3, n=5
    # (5·3 − 3·4) / √((5·3 − 9)(5·6 − 16)) = 3 / √84 = 0.327327
    assert first.discrimination == pytest.approx(3 / math.sqrt(84))
    assert first.discrimination == pytest.approx(statistics.correlation([1, 1, 1, 0, 0], [2, 1, 0, 1, 0]))
    assert stats[3].facility == pytest.approx(0.2)


def test_option_frequencies_of_a_single_choice_question():
    results = [ItemResult(1, 11, r, f, None) for r, f in (("a0", 1.0), ("a0", 1.0), ("a1", 0.0), (None, 0.0))]
    (item,) = analyse_items(group_results(results), {11: SINGLE})
    assert [(o.key, o.text, o.count, o.correct) for o in item.options] == [
        ("a0", "Harbour City", 2, True),
        ("a1", "River Town", 1, False),
        ("a2", "Lake Port", 0, False),
        ("", NO_ANSWER, 1, None),
    ]
    assert item.name == "capital" and item.qtype == "single" and item.facility == pytest.approx(0.5)


def test_option_frequencies_of_true_false_and_multiple_response():
    tf = TrueFalse(name="tf", text="River Town opened a bonded zone.", answer=True).to_dict()
    multi = MultipleResponse(
        name="m",
        text="Services?",
        options=[
            Choice(text="Customs", fraction=0.5),
            Choice(text="Tax", fraction=0.5),
            Choice(text="Visas", fraction=-1),
        ],
    ).to_dict()
    results = [
        ItemResult(1, 1, True, 1.0, None),
        ItemResult(1, 1, True, 1.0, None),
        ItemResult(1, 1, False, 0.0, None),
        ItemResult(2, 2, ["a0", "a1"], 1.0, None),
        ItemResult(2, 2, ["a0", "a2"], 0.0, None),
    ]
    by_id = {s.question_id: s for s in analyse_items(group_results(results), {1: tf, 2: multi})}
    assert [(o.text, o.count, o.correct) for o in by_id[1].options] == [("True", 2, True), ("False", 1, False)]
    assert [(o.text, o.count, o.correct) for o in by_id[2].options] == [
        ("Customs", 2, True),
        ("Tax", 1, True),
        ("Visas", 1, False),
    ]


def test_option_frequencies_of_matching_pairs():
    question = Matching(
        name="match",
        text="Match",
        pairs=[MatchPair(text="Harbour City", answer="pilot area"), MatchPair(text="River Town", answer="bonded zone")],
    ).to_dict()
    results = [
        ItemResult(1, 1, {"s0": "c0", "s1": "c1"}, 1.0, None),
        ItemResult(1, 1, {"s0": "c1", "s1": "c1"}, 0.5, None),
    ]
    (item,) = analyse_items(group_results(results), {1: question})
    counts = {o.text: (o.count, o.correct) for o in item.options}
    assert counts == {
        "Harbour City → pilot area": (1, True),
        "Harbour City → bonded zone": (1, False),
        "River Town → pilot area": (0, False),
        "River Town → bonded zone": (2, True),
    }


def test_typed_answers_are_counted_regardless_of_case_and_spacing():
    question = ShortAnswer(name="teu", text="Unit?").to_dict()
    results = [
        ItemResult(1, 1, text, 1.0 if "teu" in text.lower() else 0.0, None) for text in ("TEU", " teu ", "Teu", "box")
    ]
    (item,) = analyse_items(group_results(results), {1: question})
    assert [(o.text, o.count, o.correct) for o in item.options] == [("TEU", 3, None), ("box", 1, None)]


def test_option_texts_follow_the_version_answered():
    edited = dict(SINGLE, options=[dict(o) for o in SINGLE["options"]])
    edited["options"][1]["text"] = "River Town (edited)"
    results = [ItemResult(1, 11, "a1", 0.0, None), ItemResult(1, 12, "a1", 0.0, None)]
    (item,) = analyse_items(group_results(results), {11: SINGLE, 12: edited})
    assert ("a1", "River Town", 1) in [(o.key, o.text, o.count) for o in item.options]
    assert ("a1", "River Town (edited)", 1) in [(o.key, o.text, o.count) for o in item.options]


@pytest.mark.parametrize(
    "stored, value",
    [
        ('{"value": "a1"}', "a1"),
        ('{"value": ["a0", "a2"]}', ["a0", "a2"]),
        ('{"value": false}', False),
        ("null", None),
        (None, None),
    ],
)
def test_stored_response(stored, value):
    assert stored_response(stored) == value
