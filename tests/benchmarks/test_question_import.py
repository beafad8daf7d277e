"""benchmarks/question_import.py generates distinct questions of the four simple types, as GIFT and Moodle XML."""

from benchmarks.question_import import gift_questions, moodle_xml_questions
from course.questions import parse_gift, parse_moodle_xml


def test_generated_questions_are_distinct_and_mixed():
    questions = parse_gift(gift_questions(8)).questions
    assert len({q.name for q in questions}) == 8
    assert {q.type for q in questions} == {"single", "truefalse", "short", "numerical"}
    edited = parse_gift(gift_questions(8, " (2)")).questions
    assert [q.name for q in edited] == [q.name for q in questions]
    assert all(a.text != b.text for a, b in zip(edited, questions, strict=True))


def test_the_moodle_xml_file_holds_the_same_questions():
    assert (
        parse_moodle_xml(moodle_xml_questions(8, " (2)")).questions == parse_gift(gift_questions(8, " (2)")).questions
    )
