"""The grading methods and the pass rule."""

import pytest

from course.quizzes.grades import combine_attempt_scores, final_score, grade_of, has_passed


@pytest.mark.parametrize(("method", "expected"), [("highest", 9.0), ("last", 7.0), ("first", 5.0), ("average", 7.0)])
def test_combine_attempt_scores(method, expected):
    assert combine_attempt_scores([5.0, None, 9.0, 7.0], method) == expected


def test_combine_attempt_scores_edge_cases():
    assert combine_attempt_scores([], "highest") is None
    assert combine_attempt_scores([None], "average") is None
    assert combine_attempt_scores([1.0, 2.0, 2.0], "average") == pytest.approx(5 / 3)
    with pytest.raises(ValueError, match="unknown grading method 'best'"):
        combine_attempt_scores([1.0], "best")


class _Quiz:
    def __init__(self, pass_mark=70.0, grading_method="highest"):
        self.pass_mark, self.grading_method = pass_mark, grading_method


class _Attempt:
    def __init__(self, state="submitted", needs_grading=False, score=None):
        self.state, self.needs_grading, self.score = state, needs_grading, score


def test_only_submitted_fully_graded_attempts_have_a_final_score():
    assert final_score(_Attempt(score=0.4)) == 0.4
    assert final_score(_Attempt(needs_grading=True, score=0.4)) is None
    assert final_score(_Attempt(state="in_progress", score=0.4)) is None


def test_pass_mark_is_reached_despite_floating_point():
    assert has_passed(_Quiz(70.0), 0.7) and has_passed(_Quiz(70.0), 0.1 * 7)
    assert not has_passed(_Quiz(70.0), 0.6999) and not has_passed(_Quiz(70.0), None)
    assert (
        grade_of(
            _Quiz(grading_method="first"), [_Attempt(state="in_progress"), _Attempt(score=0.3), _Attempt(score=0.9)]
        )
        == 0.3
    )
