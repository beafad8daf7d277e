"""A question file's and a roster file's problems in the reader's language: the importers give codes and values,
the pages word them (the file name and line kept); the command line keeps English (tests/questions)."""

import io

from course.quizzes.banks import get_or_create_bank
from tests.cohorts.conftest import cohort, post_form  # noqa: F401 (cohort: a fixture)
from tests.web.instructor.test_banks import MOODLE_XML, TWO_BAD


def _bank(db, auth):
    bank = get_or_create_bank(db, "geography")
    bank.owner_id = auth.make_user("instructor").id
    db.commit()
    auth.as_role("instructor")
    return bank


def _upload(auth, bank, text: str, filename: str, lang: str):
    data = {"question_file": (io.BytesIO(text.encode()), filename), "file_format": "auto"}
    return auth.post(f"/instructor/banks/{bank.id}/upload?lang={lang}", data, content_type="multipart/form-data")


def test_gift_problems_are_shown_in_french_with_their_file_and_line(client, auth, db):
    bank = _bank(db, auth)
    response = _upload(auth, bank, TWO_BAD, "bad.gift", "fr")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "bad.gift:3: « { » sans « } » correspondant" in page
    assert "bad.gift:5: la réponse numérique &#39;abc&#39; n’est pas un nombre" in page
    assert "without a matching" not in page and "is not a number" not in page


def test_moodle_xml_problems_and_skipped_questions_in_russian_and_arabic(client, auth, db):
    bank = _bank(db, auth)
    broken = MOODLE_XML.replace('fraction="100"', 'fraction="abc"')
    page = _upload(auth, bank, broken, "capitals.xml", "ru").get_data(as_text=True)
    assert "capitals.xml:6: «Nairobi»: оценка fraction=&#34;abc&#34; — не процент от -100 до 100" in page
    response = _upload(auth, bank, MOODLE_XML, "capitals.xml", "ar")
    assert response.status_code == 302
    page = client.get(f"/instructor/banks/{bank.id}?lang=ar").get_data(as_text=True)
    assert "تم تخطي «Drag the capitals»: أسئلة السحب والإفلات في النص" in page
    assert "skipped" not in page


def test_roster_problems_in_arabic(cohort, client, auth):  # noqa: F811
    auth.as_role("instructor")
    bad = "name,email,organisation,organisation_type,country\n,noname@example.org,Org,sme,Kenya\nX,x@e.org,O,ngo,K\n"
    response = post_form(
        auth,
        f"/cohorts/{cohort.id}/roster?lang=ar",
        "roster",
        {"roster": (io.BytesIO(bad.encode()), "roster.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "الصف 2: الاسم مفقود" in page
    assert "الصف 3: نوع المؤسسة هو «ngo»؛ استخدم إحدى القيم: sme, government, social, other" in page
    assert "the name is missing" not in page
