"""`flask quiz import/export` and quiz loading by `course sync`: all or nothing, round trips."""

from pathlib import Path

import pytest
from sqlmodel import func, select

from course.models import Question, QuestionBank, QuestionVersion, Quiz
from course.questions import parse_gift
from course.quizzes.banks import bank_by_name, export_bank
from tests.conftest import ROOT, SHARED

SAMPLES = sorted((SHARED / "gift-samples").glob("*.gift")) if (SHARED / "gift-samples").exists() else []


def _count(db, model):
    db.expire_all()
    return db.exec(select(func.count()).select_from(model)).one()


def test_import_then_export_gives_back_the_same_questions(runner, db, tmp_path):
    source = ROOT / "quizzes" / "05-logistics.gift"
    result = runner.invoke(args=["quiz", "import", str(source), "--bank", "logistics-copy"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out.gift"
    assert runner.invoke(args=["quiz", "export", "logistics-copy", "-o", str(out)]).exit_code == 0
    original = [q.to_dict() for q in parse_gift(source.read_text(encoding="utf-8"))]
    exported = [q.to_dict() for q in parse_gift(out.read_text(encoding="utf-8"))]
    assert exported == original


def test_reimport_is_idempotent_and_edits_make_versions(runner, db, tmp_path):
    path = tmp_path / "bank.gift"
    path.write_text("::q1::Two plus two? {=four ~five}\n\n::q2::Sky is blue {T}\n")
    runner.invoke(args=["quiz", "import", str(path)])
    again = runner.invoke(args=["quiz", "import", str(path)])
    assert "0 new, 0 revised, 2 unchanged" in again.output
    path.write_text("::q1::Two plus two? {=four ~five ~six}\n\n::q2::Sky is blue {T}\n")
    edited = runner.invoke(args=["quiz", "import", str(path)])
    assert "0 new, 1 revised, 1 unchanged" in edited.output
    assert _count(db, QuestionVersion) == 3 and _count(db, Question) == 2


def test_broken_file_imports_nothing_and_names_every_error(runner, db, tmp_path):
    path = tmp_path / "broken.gift"
    path.write_text("::ok::Fine {=yes ~no}\n\n::bad::Unclosed {=yes ~no\n\n::num::Number {#abc}\n")
    result = runner.invoke(args=["quiz", "import", str(path)])
    assert result.exit_code != 0
    assert f"{path}:3:" in result.output and f"{path}:5:" in result.output
    assert "nothing was imported" in result.output
    assert _count(db, Question) == 0 and _count(db, QuestionBank) == 0


def test_a_file_over_the_import_limit_is_refused_and_imports_nothing(app, runner, db, tmp_path):
    app.config["QUESTIONS_PER_IMPORT"] = 2
    path = tmp_path / "three.gift"
    path.write_text("::a::A is a letter. {T}\n\n::b::B is a letter. {T}\n\n::c::C is a letter. {T}\n")
    result = runner.invoke(args=["quiz", "import", str(path)])
    assert result.exit_code != 0
    assert f"{path}: 3 questions found, more than the 2 that one import may hold" in result.output
    assert "Nothing was imported." in result.output
    assert _count(db, Question) == 0 and _count(db, QuestionBank) == 0


def test_aiken_import(runner, db, tmp_path):
    path = tmp_path / "quick.aiken.txt"
    path.write_text("What is CBEC short for?\nA. Cross-border e-commerce\nB. Central bank\nANSWER: A\n")
    result = runner.invoke(args=["quiz", "import", str(path), "--bank", "aiken"])
    assert result.exit_code == 0, result.output
    bank = bank_by_name(db, "aiken")
    [question] = export_bank(db, bank)
    assert question.type == "single" and question.options[0].fraction == 1


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_real_gift_files_from_other_authors_import(runner, db, sample):
    result = runner.invoke(args=["quiz", "import", str(sample)])
    assert result.exit_code == 0, result.output
    assert _count(db, Question) == len(parse_gift(sample.read_text(encoding="utf-8")))


def test_sync_loads_the_course_banks_and_quizzes(runner, db, app):
    app.config["CONTENT_DIR"] = str(ROOT / "modules")
    app.config["QUIZ_DIR"] = str(ROOT / "quizzes")
    result = runner.invoke(args=["course", "sync"])
    assert result.exit_code == 0, result.output
    module_quizzes = db.exec(select(Quiz).where(Quiz.kind == "module")).all()
    assert len(module_quizzes) == 9 and all(q.pass_mark == 70 for q in module_quizzes)
    again = runner.invoke(args=["course", "sync"])
    assert "0 new questions, 0 revised" in again.output


def test_broken_bank_stops_the_whole_sync(runner, db, app, quiz_dir):
    app.config["QUIZ_DIR"] = str(quiz_dir)
    (quiz_dir / "01-pilot-zones.gift").write_text("::x::Broken {=a ~b\n")
    result = runner.invoke(args=["course", "sync"])
    assert result.exit_code != 0 and "quizzes/01-pilot-zones.gift:1:" in result.output
    assert _count(db, Question) == 0
    from course.models import Lesson

    assert _count(db, Lesson) == 0  # the lessons were rolled back too: one transaction


def test_a_bank_file_over_the_import_limit_stops_the_whole_sync(runner, db, app, quiz_dir):
    app.config["QUIZ_DIR"] = str(quiz_dir)
    questions = len(parse_gift((quiz_dir / "01-pilot-zones.gift").read_text(encoding="utf-8")))
    app.config["QUESTIONS_PER_IMPORT"] = questions - 1
    result = runner.invoke(args=["course", "sync"])
    assert result.exit_code != 0
    assert (
        f"quizzes/01-pilot-zones.gift:1: {questions} questions found, more than the {questions - 1} that one import"
        in result.output
    )
    assert "nothing was changed" in result.output
    assert _count(db, Question) == 0 and _count(db, QuestionBank) == 0
    from course.models import Lesson

    assert _count(db, Lesson) == 0


def test_course_banks_cover_every_type_with_enough_questions():
    types = set()
    for path in sorted(Path(ROOT / "quizzes").glob("*.gift")):
        questions = parse_gift(path.read_text(encoding="utf-8"), path.name).questions
        assert len(questions) >= 12, path.name
        types |= {q.type for q in questions}
    assert {"single", "multi", "truefalse", "short", "numerical", "matching", "essay"} <= types


MOODLE_XML = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Ports</text></category></question>
  <question type="multichoice">
    <name><text>Port</text></name>
    <questiontext format="html"><text>Which port?</text></questiontext>
    <single>true</single><shuffleanswers>true</shuffleanswers>
    <answer fraction="100"><text>Mombasa</text></answer>
    <answer fraction="0"><text>Lamu</text></answer>
  </question>
  <question type="calculated">
    <name><text>Distance</text></name>
    <questiontext format="html"><text>{a} km?</text></questiontext>
  </question>
  <question type="numerical">
    <name><text>Berths</text></name>
    <questiontext format="html"><text>How many berths?</text></questiontext>
    <answer fraction="100"><text>21</text><tolerance>1</tolerance></answer>
  </question>
</quiz>
"""


def test_moodle_xml_import_reports_new_revised_unchanged_and_what_it_skipped(runner, db, tmp_path):
    path = tmp_path / "ports.txt"  # the content decides the format, not the name
    path.write_text(MOODLE_XML)
    first = runner.invoke(args=["quiz", "import", str(path)])
    assert first.exit_code == 0, first.output
    assert "Bank 'ports': 2 new, 0 revised, 0 unchanged; 1 skipped." in first.output
    assert f"{path}:11: 'Distance' skipped: calculated questions (Moodle type 'calculated') are not supported" in (
        first.output
    )
    assert "0 new, 0 revised, 2 unchanged; 1 skipped" in runner.invoke(args=["quiz", "import", str(path)]).output
    path.write_text(MOODLE_XML.replace("How many berths?", "How many deep-water berths?"))
    assert "0 new, 1 revised, 1 unchanged" in runner.invoke(args=["quiz", "import", str(path)]).output
    db.expire_all()
    assert {(q.category, q.name, q.qtype) for q in db.exec(select(Question))} == {
        ("$course$/top/Ports", "Port", "single"),
        ("$course$/top/Ports", "Berths", "numerical"),
    }


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (MOODLE_XML.replace("true</single>", "false</single>").replace('100"><text>Mombasa', '50"><text>Mombasa'),
         ":4: 'Port': The grades of the right options must add up to 100% (they add up to 50%)"),
        (MOODLE_XML.replace("</quiz>", ""), ":21: not well-formed XML: Premature end of data"),
        ('<?xml version="1.0"?>\n<!DOCTYPE q [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<quiz>&x;</quiz>',
         ":2: a DOCTYPE is not allowed in a question file"),
    ],
)  # fmt: skip
def test_a_moodle_xml_file_with_a_problem_imports_nothing(runner, db, tmp_path, content, expected):
    path = tmp_path / "bad.xml"
    path.write_text(content)
    result = runner.invoke(args=["quiz", "import", str(path)])
    assert result.exit_code != 0 and f"{path}{expected}" in result.output
    assert "nothing was imported" in result.output
    assert _count(db, Question) == 0 and _count(db, QuestionBank) == 0


@pytest.mark.parametrize(
    ("filename", "options", "starts"), [("out.xml", [], "<?xml"), ("out.gift", [], "$CATEGORY:"),
                                        ("out.txt", ["--format", "xml"], "<?xml"), ("out", [], "$CATEGORY:")]
)  # fmt: skip
def test_export_writes_the_format_the_extension_or_option_asks_for(runner, db, tmp_path, filename, options, starts):
    source = tmp_path / "ports.xml"
    source.write_text(MOODLE_XML)
    runner.invoke(args=["quiz", "import", str(source)])
    out = tmp_path / filename
    result = runner.invoke(args=["quiz", "export", "ports", "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith(starts)
    again = runner.invoke(args=["quiz", "import", str(out), "--bank", "ports"])
    assert "0 new, 0 revised, 2 unchanged" in again.output


def test_a_gift_bank_exported_as_moodle_xml_imports_back_unchanged(runner, db, tmp_path):
    source = ROOT / "quizzes" / "05-logistics.gift"
    runner.invoke(args=["quiz", "import", str(source), "--bank", "logistics"])
    out = tmp_path / "logistics.xml"
    assert runner.invoke(args=["quiz", "export", "logistics", "-o", str(out)]).exit_code == 0
    again = runner.invoke(args=["quiz", "import", str(out), "--bank", "logistics"])
    assert f"0 new, 0 revised, {len(parse_gift(source.read_text(encoding='utf-8')))} unchanged" in again.output


def test_sync_reads_moodle_xml_banks_and_lists_what_it_skipped(runner, db, app, quiz_dir):
    app.config["QUIZ_DIR"] = str(quiz_dir)
    (quiz_dir / "02-ports.xml").write_text(MOODLE_XML)
    result = runner.invoke(args=["course", "sync"])
    assert result.exit_code == 0, result.output
    assert "quizzes/02-ports.xml:11: 'Distance' skipped" in result.output
    assert "; 1 questions skipped." in result.output
    db.expire_all()
    bank = bank_by_name(db, "02-ports")
    assert [q.name for q in export_bank(db, bank)] == ["Port", "Berths"]


def test_a_broken_moodle_xml_bank_stops_the_whole_sync(runner, db, app, quiz_dir):
    app.config["QUIZ_DIR"] = str(quiz_dir)
    (quiz_dir / "02-ports.xml").write_text(MOODLE_XML.replace('fraction="100"><text>Mombasa', 'fraction="50"><text>M'))
    result = runner.invoke(args=["course", "sync"])
    assert result.exit_code != 0 and "quizzes/02-ports.xml:4: 'Port': Give the right option" in result.output
    assert _count(db, Question) == 0


XML_SAMPLES = sorted((ROOT / "tests" / "fixtures" / "moodle-xml").glob("*.xml"))


@pytest.mark.parametrize("sample", XML_SAMPLES, ids=lambda p: p.name)
def test_real_moodle_xml_files_from_other_authors_import_or_are_refused_whole(runner, db, sample):
    from tests.questions.test_moodle_xml_samples import EXPECTED

    result = runner.invoke(args=["quiz", "import", str(sample)])
    if sample.name not in EXPECTED:
        assert result.exit_code != 0 and "nothing was imported" in result.output
        assert _count(db, Question) == 0
        return
    count, _, skipped = EXPECTED[sample.name]
    assert result.exit_code == 0, result.output
    assert f"{count} new, 0 revised, 0 unchanged" in result.output
    assert result.output.count(" skipped: ") == skipped
    assert _count(db, Question) == count
