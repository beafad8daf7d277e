"""Real Moodle XML files written by others (tests/fixtures/moodle-xml, origins in its README): what each
imports, skips or refuses, and an export that reads back and follows the structure Moodle's exporter writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from course.questions.errors import MoodleXmlError
from course.questions.files import detect_format, read_question_file
from course.questions.moodle_xml import parse_moodle_xml, write_moodle_xml
from course.questions.types import Choice, MatchPair, MultipleResponse

SAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "moodle-xml"

# file: (questions imported, their types, questions skipped)
EXPECTED = {
    "moodle-nested_categories_with_questions.xml": (5, {"truefalse", "essay"}, 0),
    "moodle-multichoice-testquestion.xml": (1, {"multi"}, 0),
    "moodle-match-testquestion.xml": (1, {"matching"}, 0),
    "moodle-shortanswer-testquestion.xml": (1, {"short"}, 0),
    "moodle-essay-testquestion.xml": (1, {"essay"}, 0),
    "moodle-ddwtos-testquestion.xml": (0, set(), 1),
    "moodle-sample_questions_with_old_image_tag.xml": (0, set(), 2),
    "ruseler-numericals.xml": (5, {"numerical"}, 0),
    "ruseler-matchings.xml": (5, {"matching"}, 0),
    "ruseler-shortanswersnum.xml": (10, {"short"}, 0),
    "ruseler-essaysnum.xml": (0, set(), 5),
    "ruseler-calculated.xml": (0, set(), 1),
    "ruseler-randomsamatchs.xml": (0, set(), 5),
    "ruseler-gapselects.xml": (0, set(), 5),
    "tub-multiple-choiceRef.xml": (2, {"single"}, 0),
    "tub-markdownRef.xml": (1, {"single"}, 0),
    "tub-numericalRef.xml": (2, {"numerical"}, 0),
    "tub-true-falseRef.xml": (3, {"truefalse"}, 0),
    "tub-essayRef.xml": (1, {"essay"}, 1),
    "tub-matchingRef.xml": (2, {"matching"}, 0),
    "tub-shortanswerRef.xml": (3, {"short"}, 0),
    "tub-description.xml": (1, {"description"}, 0),
    "tub-clozeRef.xml": (0, set(), 5),
    "tub-missing-wordsRef.xml": (0, set(), 6),
    "tub-dragdrop_missing-wordsRef.xml": (0, set(), 2),
    "tub-multiple-true-falseRef.xml": (0, set(), 3),
    "tub-orderingRef.xml": (0, set(), 2),
}
REFUSED = {"ruseler-multichoices.xml"}


def _read(name: str):
    return read_question_file((SAMPLES / name).read_text(encoding="utf-8-sig"), name)


def test_every_sample_is_listed_in_the_readme_and_here():
    files = {path.name for path in SAMPLES.glob("*.xml")}
    assert files == set(EXPECTED) | REFUSED
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in files)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_sample_imports_its_questions_and_skips_the_rest(name):
    count, types, skipped = EXPECTED[name]
    assert detect_format((SAMPLES / name).read_text(encoding="utf-8-sig")) == "xml"
    result = _read(name)
    assert (len(result.questions), {q.type for q in result.questions}, len(result.skipped)) == (count, types, skipped)
    for filename, line, message in result.skipped:
        assert filename == name and line > 1 and "skipped: " in message and "not supported" in message


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_sample_exports_and_imports_again_unchanged(name):
    questions = _read(name).questions
    assert parse_moodle_xml(write_moodle_xml(questions)).questions == questions


def test_moodles_nested_categories_keep_their_paths():
    result = _read("moodle-nested_categories_with_questions.xml")
    assert [(q.name, q.category) for q in result.questions] == [
        ("Iota Question", "$course$/Iota"),
        ("Kappa Essay Question", "$course$/Iota/Kappa"),
        ("Kappa Question", "$course$/Iota/Kappa"),
        ("Lambda Question", "$course$/Iota/Kappa/Lambda"),
        ("Mu Question", "$course$/Iota/Mu"),
    ]
    assert result.questions[0].text == "<p>Testing Iota Question</p>" and result.questions[0].answer is True
    assert result.questions[1].text_format == "moodle"


def test_moodles_multiple_response_with_combined_feedback():
    [question] = _read("moodle-multichoice-testquestion.xml").questions
    assert isinstance(question, MultipleResponse)
    assert [(o.text, o.fraction) for o in question.options] == [
        ("Tokyo", 0.0),
        ("Spain", 0.0),
        ("London", 0.5),
        ("Barcelona", 0.0),
        ("Paris", 0.5),
    ]
    assert (question.correct_feedback, question.incorrect_feedback) == (
        "Your answer is correct.",
        "Your answer is incorrect.",
    )
    assert question.general_feedback == "Berlin, Paris and London" and question.category == "$course$/Default for C1"


def test_moodles_matching_and_short_answer():
    [matching] = _read("moodle-match-testquestion.xml").questions
    assert matching.pairs[-1] == MatchPair(text="", answer="insect")
    assert matching.partial_feedback == "Parts, but only parts, of your response are correct."
    [short] = _read("moodle-shortanswer-testquestion.xml").questions
    assert [(a.text, a.fraction) for a in short.answers] == [("frog", 1.0), ("toad", 0.8), ("*", 0.0)]
    assert short.text == "Name an amphibian: __________" and not short.case_sensitive


def test_old_embedded_images_and_cloze_are_skipped_with_their_reasons():
    skipped = _read("moodle-sample_questions_with_old_image_tag.xml").skipped
    assert [(line, message) for _, line, message in skipped] == [
        (16, "'cloze question with image' skipped: embedded answers (Cloze) questions (Moodle type 'cloze') are not supported"),
        (36, "'mcq with image' skipped: it embeds an image (<image_base64>), and embedded files are not supported"),
    ]  # fmt: skip


def test_a_generated_file_whose_single_false_moodle_reads_as_true_is_refused_as_moodle_refuses_it():
    with pytest.raises(MoodleXmlError) as caught:
        _read("ruseler-multichoices.xml")
    first = caught.value.errors[0]
    assert first[:2] == ("ruseler-multichoices.xml", 4)
    assert "Give the right option a grade of 100%." in first[2] and "<single>False</single>" in first[2]


def test_generated_numericals_and_a_shuffle_setting_moodle_reads_as_yes():
    numericals = _read("ruseler-numericals.xml").questions
    assert [(a.value, a.tolerance, a.fraction) for a in numericals[0].answers][:2] == [
        (69.0, 4.0, 0.6),
        (98.0, 7.0, 0.4),
    ]
    matching = _read("ruseler-matchings.xml").questions
    assert "<shuffleanswers>False</shuffleanswers>" in (SAMPLES / "ruseler-matchings.xml").read_text()
    assert all(q.shuffle for q in matching)  # <shuffleanswers>False</shuffleanswers>: only false or 0 is no


def test_other_authors_true_false_essay_and_html_options():
    true_false = _read("tub-true-falseRef.xml").questions[0]
    assert true_false.answer is False and true_false.feedback_false == "<p>Correct feedback</p>"
    essay = _read("tub-essayRef.xml")
    assert essay.questions[0].response_template == "<p>It was a beautiful day when CREATE …</p>"
    assert "attachments are not supported" in essay.skipped[0][2]
    [html] = _read("tub-markdownRef.xml").questions
    assert html.shuffle and html.options[0].text.startswith("<p>The rectangle is <em>blue</em>")
    assert html.options[0] == Choice(text=html.options[0].text, fraction=1.0)


# --- the structure Moodle's exporter writes -------------------------------------------------------------------

COMMON = ["name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden", "idnumber"]
OUTCOME = ["correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"]
# Element by element as qformat_xml::writequestion writes each type (question/format/xml/format.php).
MOODLE_EXPORT = {
    "multichoice": COMMON + ["single", "shuffleanswers", "answernumbering", "showstandardinstruction", *OUTCOME, "answer"],
    "truefalse": COMMON + ["answer"],
    "shortanswer": COMMON + ["usecase", "answer"],
    "numerical": COMMON + ["answer", "units", "unitgradingtype", "unitpenalty", "showunits", "unitsleft", "instructions"],
    "matching": COMMON + ["shuffleanswers", *OUTCOME, "subquestion"],
    "essay": COMMON + ["responseformat", "responserequired", "responsefieldlines", "attachments",
                       "attachmentsrequired", "graderinfo", "responsetemplate"],
    "description": COMMON,
}  # fmt: skip
ANSWER = ["text", "feedback"]


def _tags(element) -> list[str]:
    """Child tags in order, a run of the same tag (answers, subquestions) counted once."""
    tags = [child.tag for child in element if isinstance(child.tag, str)]
    return [tag for index, tag in enumerate(tags) if index == 0 or tags[index - 1] != tag]


def _in_order(tags: list[str], reference: list[str]) -> bool:
    """Whether the tags both lists have come in the same order."""
    shared = [tag for tag in tags if tag in reference]
    return shared == [tag for tag in reference if tag in shared]


@pytest.mark.parametrize("name", sorted(n for n, (count, _, _) in EXPECTED.items() if count))
def test_our_export_writes_each_type_element_by_element_as_moodles_exporter(name):
    questions = _read(name).questions
    ours = etree.fromstring(write_moodle_xml(questions).encode())
    theirs = etree.fromstring((SAMPLES / name).read_bytes())
    for element in ours.iter("question"):
        qtype = element.get("type")
        if qtype == "category":
            assert _tags(element) == ["category", "info", "idnumber"]
            continue
        expected = [tag for tag in MOODLE_EXPORT[qtype] if tag != "units" or element.find("units") is not None]
        assert _tags(element) == expected
        for answer in element.iter("answer"):
            if answer.getparent().tag == "question":
                assert _tags(answer)[:2] == ANSWER
    for element in theirs.iter("question"):  # and the fixture's own order agrees with ours where both have a tag
        if element.get("type") in MOODLE_EXPORT and name.startswith("moodle-"):
            assert _in_order(_tags(element), MOODLE_EXPORT[element.get("type")])
