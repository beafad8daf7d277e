"""Scoring against a rubric, without a database."""

from course.action_plans.rubric import scored, total, unscored

RUBRIC = {
    "levels": [
        {"label": "Beginning", "points": 1},
        {"label": "Developing", "points": 2},
        {"label": "Strong", "points": 4},
    ],
    "criteria": [
        {"key": "cases", "title": "Uses the cases", "descriptors": ["None.", "One.", "Two or more."]},
        {"key": "results", "title": "Measures results", "descriptors": ["No.", "Vague.", "Measurable."]},
    ],
}


def test_every_criterion_needs_a_level_of_the_rubric():
    assert unscored(RUBRIC, {"cases": 2, "results": 0}) == []
    assert unscored(RUBRIC, {"cases": 3, "results": True}) == [
        "Uses the cases",
        "Measures results",
    ]
    assert unscored(RUBRIC, {}) == [
        "Uses the cases",
        "Measures results",
    ]


def test_a_review_scores_each_criterion_and_adds_up():
    rows = scored(RUBRIC, {"cases": 2, "results": 1}, {"cases": "Good comparison."})
    assert [(r.key, r.label, r.points, r.descriptor, r.comment) for r in rows] == [
        ("cases", "Strong", 4, "Two or more.", "Good comparison."),
        ("results", "Developing", 2, "Vague.", ""),
    ]
    assert total(RUBRIC, {"cases": 2, "results": 1}) == (6, 8)
    assert total(RUBRIC, {"cases": 9}) == (0, 8)
