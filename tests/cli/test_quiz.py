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
