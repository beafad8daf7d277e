"""The copy detector itself."""

from course.content.originality import copied_runs, shingles

SOURCE = "In 2023 the pilot area handled one hundred and twenty thousand parcels for small exporters in the region."


def test_detects_a_copied_run_of_twelve_words():
    lesson = "We learn that the pilot area handled one hundred and twenty thousand parcels for small exporters today."
    assert copied_runs(lesson, shingles(SOURCE)) == [
        "the pilot area handled one hundred and twenty thousand parcels for small",
        "pilot area handled one hundred and twenty thousand parcels for small exporters",
    ]


def test_paraphrase_passes():
    lesson = "Small exporters in the region sent 120,000 parcels through the pilot area in 2023."
    assert copied_runs(lesson, shingles(SOURCE)) == []
