"""The readability measure and `flask course readability`."""

from course.content.readability import Readability, measure, median_grade, prose
from tests.conftest import FIXTURE_CONTENT


def test_prose_keeps_what_a_reader_reads():
    markdown = (
        "## What the case reports\n\nThe port opened in 2019. It links\nroad and rail.\n\n"
        "- a [single window](glossary:single-window)\n- **fast** customs\n\n| Mode | Use |\n|---|---|\n| 9610 | parcels |\n\n"
        "> Where would a hub help you?"
    )
    assert prose(markdown) == (
        "The port opened in 2019. It links road and rail. a single window. fast customs. Mode Use. 9610 parcels. "
        "Where would a hub help you?"
    )


def test_short_sentences_read_easier_than_long_ones():
    easy = measure("The port is new. Trucks bring boxes. Trains take them west. Sellers save time.")
    hard = measure(
        "The intermodal logistics infrastructure, comprehensively integrating multimodal transportation capabilities, "
        "substantially facilitates internationalisation opportunities for geographically disadvantaged manufacturers."
    )
    assert easy.grade < 4 < 15 < hard.grade and easy.ease > 80 > hard.ease
    assert easy.words == 14 and hard.words == 17


def test_median_grade():
    assert median_grade([Readability(6.0, 70, 10), Readability(9.0, 50, 10), Readability(7.5, 60, 10)]) == 7.5
    assert median_grade([]) == 0.0


def test_the_command_prints_each_lesson_and_the_median(runner):
    result = runner.invoke(args=["course", "readability", "--content", str(FIXTURE_CONTENT)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["lesson", "grade", "ease", "words"]
    assert [line.split()[0] for line in lines[1:5]] == [
        "harbour-city-pilot",
        "river-town-bonded-zone",
        "rail-freight",
        "returns-hub",
    ]
    assert lines[-1].startswith("median grade ") and lines[-1].endswith("4 lessons")


def test_the_command_refuses_content_that_does_not_load(runner, content_dir):
    (content_dir / "01-pilot-zones" / "synthesis.md").unlink()
    result = runner.invoke(args=["course", "readability", "--content", str(content_dir)])
    assert result.exit_code != 0 and "synthesis.md is missing" in result.output
