"""Drawing questions for an attempt: unseen first, never an excluded one, repeatable with a seed."""

import random

import pytest

from course.questions.draw import draw_questions, order_items

POOL = list(range(1, 11))


def test_unseen_questions_come_before_seen_ones():
    seen = {1, 2, 3, 4, 5, 6, 7}
    for seed in range(30):
        drawn = draw_questions(POOL, 5, seen, random.Random(seed))
        assert set(drawn[:3]) == {8, 9, 10}
        assert set(drawn[3:]) <= seen and len(set(drawn)) == 5


def test_only_unseen_questions_are_drawn_while_there_are_enough():
    for seed in range(30):
        drawn = draw_questions(POOL, 3, {1, 2, 3, 4, 5}, random.Random(seed))
        assert set(drawn) <= {6, 7, 8, 9, 10} and len(set(drawn)) == 3


def test_excluded_questions_are_never_drawn_even_when_unseen():
    for seed in range(30):
        drawn = draw_questions(POOL, 10, {1, 2}, random.Random(seed), exclude={3, 4, 1})
        assert sorted(drawn) == [2, 5, 6, 7, 8, 9, 10]
        assert drawn[-1] == 2  # the only seen question left comes last


def test_a_count_larger_than_the_pool_gives_each_question_once():
    drawn = draw_questions(POOL, 50, set(), random.Random(1))
    assert sorted(drawn) == POOL
    assert draw_questions([], 3, set(), random.Random(1)) == []
    assert draw_questions(POOL, 0, set(), random.Random(1)) == []
    assert draw_questions([1, 2], 5, set(), random.Random(1), exclude={1, 2}) == []


def test_the_same_seed_draws_the_same_questions_in_the_same_order():
    first = draw_questions(POOL, 6, {2, 4}, random.Random(42))
    assert draw_questions(POOL, 6, {2, 4}, random.Random(42)) == first
    others = {tuple(draw_questions(POOL, 6, {2, 4}, random.Random(seed))) for seed in range(20)}
    assert len(others) > 1  # the seed matters: the draw is not a fixed order


def test_the_draw_is_shuffled_within_unseen_and_within_seen():
    firsts = {draw_questions(POOL, 10, {1, 2, 3}, random.Random(seed))[0] for seed in range(50)}
    lasts = {draw_questions(POOL, 10, {1, 2, 3}, random.Random(seed))[-1] for seed in range(50)}
    assert firsts <= set(range(4, 11)) and len(firsts) > 1
    assert lasts <= {1, 2, 3} and len(lasts) > 1


def test_the_inputs_are_not_changed():
    candidates, seen, exclude = list(POOL), {1, 2}, {3}
    draw_questions(candidates, 4, seen, random.Random(0), exclude=exclude)
    assert (candidates, seen, exclude) == (POOL, {1, 2}, {3})


def test_order_items_keeps_the_authored_order_without_shuffle():
    items = ["q1", "q2", "q3", "q4"]
    rng = random.Random(3)
    state = rng.getstate()
    ordered = order_items(items, False, rng)
    assert ordered == items and ordered is not items
    assert rng.getstate() == state  # no randomness used


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_order_items_shuffles_once_repeatably_without_touching_the_input(seed):
    items = [f"q{n}" for n in range(12)]
    shuffled = order_items(items, True, random.Random(seed))
    assert sorted(shuffled) == sorted(items) and shuffled != items
    assert order_items(items, True, random.Random(seed)) == shuffled
    assert items == [f"q{n}" for n in range(12)]


def test_shuffling_keeps_pinned_items_in_their_authored_places():
    items = ["intro", 1, 2, 3, "part two", 4, 5, 6]
    orders = set()
    for seed in range(40):
        ordered = order_items(items, True, random.Random(seed), pinned=lambda item: isinstance(item, str))
        assert ordered[0] == "intro" and ordered[4] == "part two"
        assert sorted(i for i in ordered if isinstance(i, int)) == [1, 2, 3, 4, 5, 6]
        orders.add(tuple(ordered))
    assert len(orders) > 20  # the others do move, across the two parts
    assert order_items(items, False, random.Random(1), pinned=lambda item: True) == items
