"""The copy detector itself: runs of ten words shared with the source, names excepted."""

from course.content.originality import NAME, copied_runs, shingles, words

SOURCE = (
    "In 2023 the pilot area handled one hundred and twenty thousand parcels for small exporters in the region. "
    "The China (Harbour City) Cross-Border E-Commerce Comprehensive Pilot Area Public Service Platform opened."
)


def test_detects_a_copied_run_of_ten_words():
    lesson = "We learn that the pilot area handled one hundred and twenty thousand parcels last year."
    assert copied_runs(lesson, shingles(SOURCE)) == [
        "the pilot area handled one hundred and twenty thousand parcels",
    ]


def test_nine_shared_words_pass():
    lesson = "Back then the pilot area handled one hundred and twenty thousand boxes."
    assert copied_runs(lesson, shingles(SOURCE)) == []


def test_paraphrase_passes():
    lesson = "Small exporters in the region sent 120,000 parcels through the pilot area in 2023."
    assert copied_runs(lesson, shingles(SOURCE)) == []


def test_a_long_name_counts_as_one_word():
    assert words("The China (Harbour City) Cross-Border E-Commerce Comprehensive Pilot Area opened.") == [
        NAME,
        "opened",
    ]
    assert words("the Bank of Communications and its clients") == ["the", NAME, "and", "its", "clients"]
    lesson = (
        "Look at the China (Harbour City) Cross-Border E-Commerce Comprehensive Pilot Area Public Service Platform."
    )
    assert copied_runs(lesson, shingles(SOURCE)) == []


def test_a_sentence_around_a_name_is_still_caught():
    source = "Last spring the Hill Town Logistics Company built a new warehouse close to the railway station near town."
    lesson = "Last spring the Hill Town Logistics Company built a new warehouse close to the railway, we read."
    assert copied_runs(lesson, shingles(source)) == [
        f"last spring the {NAME} built a new warehouse close to",
        f"spring the {NAME} built a new warehouse close to the",
        f"the {NAME} built a new warehouse close to the railway",
    ]
