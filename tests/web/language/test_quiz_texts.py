"""A translated question bank: one question with several texts, so grades and item analysis stay comparable."""

from sqlmodel import select

from course.models import QuestionTranslation, QuestionVersion
from tests.web.quiz.helpers import items, question_named, quiz_by_slug, right_answers, start

FRENCH_BANK = """// Banque de test du module des zones pilotes.
$CATEGORY: 01-pilot-zones

::capital::Quelle ville a créé la première zone pilote de l'histoire ? {
=Harbour City#Oui, en 2015.
~River Town#Non, River Town a ouvert une zone sous douane.
~Lake Port#Lake Port n'apparaît pas dans les leçons.
}

::year::En quelle année Harbour City a-t-elle créé sa zone pilote ? {#2015}

::zone-tf::River Town a ouvert une zone sous douane. {T}

::services::Lesquels de ces services sont offerts par une zone pilote ? {
~%50%Dédouanement
~%50%Remboursement des taxes
~%-100%Visas touristiques
}

::name::Nommez l'unité de conteneur des leçons de logistique. {=EVP =équivalent vingt pieds}

::match::Associez chaque lieu à ce qu'il a construit. {
=Harbour City -> zone pilote
=River Town -> zone sous douane
=Plateforme ferroviaire -> trains de fret
}

::essay::Décrivez un service qui manque à votre région. {}
"""


def _translate(quiz_dir, runner):
    (quiz_dir / "01-pilot-zones.fr.gift").write_text(FRENCH_BANK)
    result = runner.invoke(args=["course", "sync"])
    assert result.exit_code == 0, result.output
    return result.output


def test_sync_stores_the_texts_on_the_english_question_versions(synced_quizzes, quiz_dir, runner, db):
    assert "7 translated texts added, changed or removed" in _translate(quiz_dir, runner)
    rows = db.exec(select(QuestionTranslation)).all()
    assert len(rows) == 7 and {row.language for row in rows} == {"fr"}
    name = question_named(db, "name")
    version = db.exec(select(QuestionVersion).where(QuestionVersion.question_id == name.id)).one()
    assert next(row.data for row in rows if row.version_id == version.id)["answers"][0]["text"] == "EVP"
    assert "0 translated texts" in _translate(quiz_dir, runner)  # a second sync changes nothing


def test_a_broken_translated_bank_stops_the_sync_with_its_line(synced_quizzes, quiz_dir, runner, db):
    (quiz_dir / "01-pilot-zones.fr.gift").write_text(FRENCH_BANK.replace("{#2015}", "{#2016}"))
    result = runner.invoke(args=["course", "sync"])
    assert result.exit_code != 0
    assert "quizzes/01-pilot-zones.fr.gift:10: question 'year': the accepted numbers differ" in result.output
    assert db.exec(select(QuestionTranslation)).all() == []


def test_a_french_reader_answers_in_french_and_the_attempt_counts_the_same(
    synced_quizzes, quiz_dir, runner, db, auth, client
):
    _translate(quiz_dir, runner)
    auth.as_role("trainee")
    auth.post("/language", {"language": "fr", "next": "/"})
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    attempt_id = start(auth, quiz)
    page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert "Quelle ville a créé la première zone pilote" in page and "Visas touristiques" in page
    assert "Which city set up" not in page
    form = right_answers(db, attempt_id)  # the English keys...
    name_item = next(item for item, q in items(db, attempt_id) if q.name == "name")
    form[f"q{name_item.id}"] = "EVP"  # ...but the short answer typed in French
    assert auth.post(f"/attempts/{attempt_id}/submit", form).status_code == 302
    graded = {q.name: item for item, q in items(db, attempt_id)}
    assert graded["name"].fraction == 1.0 and graded["name"].question_id == question_named(db, "name").id
    review = client.get(f"/attempts/{attempt_id}/review").get_data(as_text=True)
    assert "Oui, en 2015." in review and "Yes, in 2015." not in review  # feedback in French
    english = client.get(f"/attempts/{attempt_id}/review?lang=en").get_data(as_text=True)
    assert "Yes, in 2015." in english


def test_a_regrade_accepts_the_short_answers_of_every_language(synced_quizzes, quiz_dir, runner, db):
    from course.questions.types import Question as QuestionData
    from course.quizzes.translations import version_in_every_language

    _translate(quiz_dir, runner)
    name = question_named(db, "name")
    version = db.exec(select(QuestionVersion).where(QuestionVersion.question_id == name.id)).one()
    graded_as = version_in_every_language(db, version.id, QuestionData.from_dict(version.data))
    assert [answer.text for answer in graded_as.answers] == [
        "TEU",
        "twenty-foot equivalent unit",
        "EVP",
        "équivalent vingt pieds",
    ]
