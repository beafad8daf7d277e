"""Banks: create, paste GIFT, upload GIFT or Aiken files (all or nothing), download, archive."""

import io
import re

import pytest
from sqlmodel import select

from course.models import Module, Question, QuestionBank
from course.questions import parse_gift
from course.questions.moodle_xml import parse_moodle_xml
from course.quizzes.banks import export_bank
from tests.conftest import SHARED
from tests.web.instructor.conftest import CAPITALS_GIFT, add_gift

GIFT_SAMPLES = sorted((SHARED / "gift-samples").glob("*.gift")) if (SHARED / "gift-samples").is_dir() else []

TWO_GOOD = """$CATEGORY: geography/africa

::capital::Which city is the capital of Kenya? {=Nairobi ~Mombasa ~Kisumu}

::lake::Lake Victoria is the largest lake in Africa. {T}
"""

# Line 3 misses its closing brace; line 5 gives a word where a number belongs.
TWO_BAD = """::ok::Fine question {=yes ~no}

::broken::Which port? {=Mombasa ~Lamu

::number::How many berths? {#abc}
"""

AIKEN = """Which corridor links Mombasa and Kampala?
A. The Northern Corridor
B. The Central Corridor
ANSWER: A

Which city hosts the East African Community?
A) Arusha
B) Dodoma
ANSWER: A
"""


def _names(db, bank):
    db.expire_all()
    return sorted(q.name for q in db.exec(select(Question).where(Question.bank_id == bank.id)))


def test_instructor_creates_a_bank_for_a_module(client, auth, db, instructor, synced):
    module = db.exec(select(Module)).first()
    response = auth.post("/instructor/banks", {"name": "customs", "module_id": str(module.id)})
    assert response.status_code == 302
    bank = db.exec(select(QuestionBank).where(QuestionBank.name == "customs")).one()
    assert bank.module_id == module.id
    page = client.get("/instructor/banks").get_data(as_text=True)
    assert "customs" in page and module.title in page


def test_bank_names_are_unique_and_required(client, auth, db, instructor, bank):
    response = auth.post("/instructor/banks", {"name": "geography"})
    assert response.status_code == 422
    assert "already exists" in response.get_data(as_text=True)
    assert auth.post("/instructor/banks", {"name": "  "}).status_code == 422
    assert len(db.exec(select(QuestionBank)).all()) == 1


def test_bank_page_lists_questions_by_category(client, db, instructor, bank):
    add_gift(
        db,
        bank,
        "$CATEGORY: geography/africa\n\n" + CAPITALS_GIFT + "\n$CATEGORY: geography/asia\n\n"
        "::tokyo::Tokyo is the capital of Japan. {T}\n",
    )
    page = client.get(f"/instructor/banks/{bank.id}").get_data(as_text=True)
    assert "Category geography/africa" in page and "Category geography/asia" in page
    assert page.index("capital") < page.index("geography/asia") < page.index("tokyo")
    assert "True or false" in page and "Multiple choice, one answer" in page


def test_pasted_gift_is_imported(client, auth, db, instructor, bank):
    response = auth.post(f"/instructor/banks/{bank.id}/paste", {"gift": TWO_GOOD})
    assert response.status_code == 302
    assert _names(db, bank) == ["capital", "lake"]
    assert {q.category for q in db.exec(select(Question))} == {"geography/africa"}
    assert "2 new" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_pasted_gift_with_errors_imports_nothing_and_lists_every_error(client, auth, db, instructor, bank):
    response = auth.post(f"/instructor/banks/{bank.id}/paste", {"gift": TWO_BAD})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert _names(db, bank) == []
    problems = re.findall(r"<li>(\d+: [^<]*)</li>", page)
    assert problems == [
        "3: &#39;{&#39; without a matching &#39;}&#39;",
        "5: numerical answer &#39;abc&#39; is not a number",
    ]
    assert "::broken::Which port? {=Mombasa ~Lamu" in page  # the text is kept for correcting


def test_upload_of_an_aiken_file(client, auth, db, instructor, bank):
    data = {"question_file": (io.BytesIO(AIKEN.encode()), "corridors.aiken"), "file_format": "auto"}
    response = auth.post(f"/instructor/banks/{bank.id}/upload", data, content_type="multipart/form-data")
    assert response.status_code == 302
    questions = db.exec(select(Question).where(Question.bank_id == bank.id)).all()
    assert len(questions) == 2 and {q.qtype for q in questions} == {"single"}


def test_a_txt_file_in_aiken_format_is_read_as_aiken(client, auth, db, instructor, bank):
    data = {"question_file": (io.BytesIO(AIKEN.encode()), "corridors.txt"), "file_format": "auto"}
    assert auth.post(f"/instructor/banks/{bank.id}/upload", data, content_type="multipart/form-data").status_code == 302
    assert {q.qtype for q in db.exec(select(Question))} == {"single"}


def test_a_txt_file_in_gift_format_is_read_as_gift(client, auth, db, instructor, bank):
    data = {"question_file": (io.BytesIO(TWO_GOOD.encode()), "africa.txt"), "file_format": "auto"}
    assert auth.post(f"/instructor/banks/{bank.id}/upload", data, content_type="multipart/form-data").status_code == 302
    assert {q.qtype for q in db.exec(select(Question))} == {"single", "truefalse"}


def test_upload_of_a_txt_file_read_as_aiken_when_chosen(client, auth, db, instructor, bank):
    data = {"question_file": (io.BytesIO(AIKEN.encode()), "corridors.txt"), "file_format": "aiken"}
    assert auth.post(f"/instructor/banks/{bank.id}/upload", data, content_type="multipart/form-data").status_code == 302
    assert len(_names(db, bank)) == 2


def test_upload_errors_name_the_file_and_line(client, auth, db, instructor, bank):
    data = {"question_file": (io.BytesIO(TWO_BAD.encode()), "bad.gift"), "file_format": "auto"}
    response = auth.post(f"/instructor/banks/{bank.id}/upload", data, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "bad.gift:3: " in page and "bad.gift:5: " in page
    assert _names(db, bank) == []


@pytest.mark.parametrize(
    "content, filename, message",
    [
        (b"\xff\xfe not utf-8", "x.gift", "not UTF-8"),
        (b"::q::text {T}", "x.pdf", "Upload a .gift, .aiken, .txt or .xml file."),
    ],
)
def test_bad_uploads_are_refused(client, auth, db, instructor, bank, content, filename, message):
    data = {"question_file": (io.BytesIO(content), filename), "file_format": "auto"}
    response = auth.post(f"/instructor/banks/{bank.id}/upload", data, content_type="multipart/form-data")
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert _names(db, bank) == []


@pytest.mark.parametrize("route", ["upload", "paste"])
def test_more_questions_than_one_import_may_hold_are_refused(app, client, auth, db, instructor, bank, route):
    app.config["QUESTIONS_PER_IMPORT"] = 1
    if route == "upload":
        data = {"question_file": (io.BytesIO(TWO_GOOD.encode()), "africa.gift"), "file_format": "auto"}
        response = auth.post(f"/instructor/banks/{bank.id}/upload", data, content_type="multipart/form-data")
    else:
        response = auth.post(f"/instructor/banks/{bank.id}/paste", {"gift": TWO_GOOD})
    assert response.status_code == 422
    assert "2 questions found, more than the 1 that one import may hold" in response.get_data(as_text=True)
    assert _names(db, bank) == []


@pytest.mark.skipif(not GIFT_SAMPLES, reason="no shared/gift-samples folder")
@pytest.mark.parametrize("path", GIFT_SAMPLES, ids=lambda p: p.name)
def test_upload_of_a_sample_gift_file(client, auth, db, instructor, bank, path):
    expected = parse_gift(path.read_text(encoding="utf-8-sig"))
    data = {"question_file": (io.BytesIO(path.read_bytes()), path.name), "file_format": "gift"}
    response = auth.post(f"/instructor/banks/{bank.id}/upload", data, content_type="multipart/form-data")
    assert response.status_code == 302, response.get_data(as_text=True)
    assert len(db.exec(select(Question).where(Question.bank_id == bank.id)).all()) == len(expected.questions)


def test_downloaded_gift_reads_back_as_the_stored_questions(client, auth, db, instructor, bank):
    auth.post(f"/instructor/banks/{bank.id}/paste", {"gift": TWO_GOOD + "\n" + CAPITALS_GIFT.replace("capital", "c2")})
    response = client.get(f"/instructor/banks/{bank.id}/export.gift")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"  # the charset once
    assert "attachment; filename=geography.gift" in response.headers["Content-Disposition"]
    downloaded = parse_gift(response.get_data(as_text=True)).questions
    db.expire_all()
    stored = export_bank(db, bank)
    assert len(stored) == 3
    assert [q.to_dict() for q in downloaded] == [q.to_dict() for q in stored]


MOODLE_XML = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="truefalse">
    <name><text>Nairobi</text></name>
    <questiontext format="html"><text>Nairobi is the capital of Kenya.</text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
  <question type="ddwtos">
    <name><text>Drag the capitals</text></name>
    <questiontext format="html"><text>[[1]] is the capital of Kenya.</text></questiontext>
  </question>
</quiz>
"""


def test_upload_of_a_moodle_xml_file_lists_what_was_skipped(client, auth, db, instructor, bank):
    data = {"question_file": (io.BytesIO(MOODLE_XML.encode()), "capitals.xml"), "file_format": "auto"}
    response = auth.post(f"/instructor/banks/{bank.id}/upload", data, content_type="multipart/form-data")
    assert response.status_code == 302, response.get_data(as_text=True)
    assert _names(db, bank) == ["Nairobi"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "1 new, 0 revised, 0 unchanged" in page
    assert "1 question(s) skipped" in page and "line 9: &#39;Drag the capitals&#39; skipped: drag and drop" in page


def test_a_broken_moodle_xml_upload_names_the_line_and_imports_nothing(client, auth, db, instructor, bank):
    broken = MOODLE_XML.replace('fraction="100"', 'fraction="abc"')
    data = {"question_file": (io.BytesIO(broken.encode()), "capitals.xml"), "file_format": "auto"}
    response = auth.post(f"/instructor/banks/{bank.id}/upload", data, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "capitals.xml:6: &#39;Nairobi&#39;: the grade fraction=&#34;abc&#34;" in response.get_data(as_text=True)
    assert _names(db, bank) == []


def test_the_bank_page_offers_both_downloads_and_moodle_xml_reads_back(client, auth, db, instructor, bank):
    auth.post(f"/instructor/banks/{bank.id}/paste", {"gift": TWO_GOOD})
    page = client.get(f"/instructor/banks/{bank.id}").get_data(as_text=True)
    assert "Download GIFT" in page and f"/instructor/banks/{bank.id}/export.xml" in page
    response = client.get(f"/instructor/banks/{bank.id}/export.xml")
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/xml; charset=utf-8"
    assert "attachment; filename=geography.xml" in response.headers["Content-Disposition"]
    db.expire_all()
    assert parse_moodle_xml(response.get_data(as_text=True)).questions == export_bank(db, bank)


def test_archiving_hides_a_question_from_export_and_unarchiving_brings_it_back(client, auth, db, instructor, bank):
    question = add_gift(db, bank, CAPITALS_GIFT)[0]
    assert auth.post(f"/instructor/questions/{question.id}/archive", {"archive": "1"}).status_code == 302
    db.expire_all()
    assert db.get(Question, question.id).archived
    assert "Archived" in client.get(f"/instructor/banks/{bank.id}").get_data(as_text=True)
    assert "capital" not in client.get(f"/instructor/banks/{bank.id}/export.gift").get_data(as_text=True)
    auth.post(f"/instructor/questions/{question.id}/archive", {"archive": "0"})
    db.expire_all()
    assert not db.get(Question, question.id).archived
