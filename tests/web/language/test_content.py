"""Translated lessons, modules, terms and paths: loaded by `course sync`, shown in the reader's language, else
in English with a notice; progress is the same whatever the language."""

from sqlmodel import select

from course.models import ContentTranslation, LessonProgress
from tests.content.test_translations import GLOSSARY_FR, LESSON_FR, MODULE_FR, PATHS_FR

LESSON = "/lessons/harbour-city-pilot"


def _sync(runner):
    result = runner.invoke(args=["course", "sync"])
    assert result.exit_code == 0, result.output
    return result.output


def _translate(content_dir, runner):
    (content_dir / "01-pilot-zones/01-harbour-city-pilot.fr.md").write_text(LESSON_FR)
    (content_dir / "01-pilot-zones/module.fr.md").write_text(MODULE_FR)
    (content_dir / "glossary/terms.fr.yml").write_text(GLOSSARY_FR)
    (content_dir / "paths.fr.yml").write_text(PATHS_FR)
    return _sync(runner)


def test_sync_stores_each_translation_once_and_removes_one_whose_file_is_gone(synced, content_dir, runner, db):
    output = _translate(content_dir, runner)
    assert "5 translations added, changed or removed" in output  # a lesson, a module page, two terms, a path
    rows = {(r.kind, r.slug, r.language): r for r in db.exec(select(ContentTranslation))}
    assert set(rows) == {
        ("lesson", "harbour-city-pilot", "fr"),
        ("module", "pilot-zones", "fr"),
        ("term", "cpa", "fr"),
        ("term", "teu", "fr"),
        ("path", "officials", "fr"),
    }
    lesson = rows["lesson", "harbour-city-pilot", "fr"]
    assert (
        lesson.fields["title"] == "La zone pilote de Harbour City" and "colis plus vite" in lesson.fields["facts_html"]
    )
    assert 'href="/glossary#cpa"' in lesson.fields["facts_html"] and "cases" not in lesson.fields
    assert "rapidité" in lesson.fields["reading_html"] and "Que copieriez-vous" in lesson.fields["reflection_html"]
    assert "0 translations added, changed or removed" in _sync(runner)
    (content_dir / "01-pilot-zones/01-harbour-city-pilot.fr.md").unlink()
    assert "1 translations added, changed or removed" in _sync(runner)
    db.expire_all()
    assert db.exec(select(ContentTranslation).where(ContentTranslation.kind == "lesson")).all() == []


def test_a_french_reader_sees_the_french_lesson_and_a_link_to_the_english(client, synced, content_dir, runner, auth):
    _translate(content_dir, runner)
    auth.as_role("trainee")
    page = client.get(LESSON, headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "<h1>La zone pilote de Harbour City</h1>" in page and "Ce que rapporte le cas" in page
    assert '<article class="lesson" lang="fr"' in page
    assert f'<a href="{LESSON}?lang=en" hreflang="en" lang="en">English</a>' in page
    english = client.get(LESSON).get_data(as_text=True)
    assert "<h1>Harbour City pilot area</h1>" in english
    assert f'<a href="{LESSON}?lang=fr" hreflang="fr" lang="fr">Français</a>' in english  # "Also in: Français"
    module = client.get("/modules/pilot-zones?lang=fr").get_data(as_text=True)
    assert "Citer deux services d&#39;une zone pilote." in module and "La zone pilote de Harbour City" in module
    assert "EVP (TEU)" in module or "Zone pilote intégrée" in module
    glossary = client.get("/glossary?lang=fr").get_data(as_text=True)
    assert glossary.index("EVP (TEU)") < glossary.index("Zone pilote intégrée")  # sorted in French: E before Z
    assert "Parcours des fonctionnaires" in client.get("/paths?lang=fr").get_data(as_text=True)


def test_a_reader_whose_language_has_no_translation_gets_the_english_with_a_notice(
    client, synced, content_dir, runner, auth
):
    _translate(content_dir, runner)
    auth.as_role("trainee")
    page = client.get(LESSON, headers={"Accept-Language": "ru"}).get_data(as_text=True)
    assert '<html lang="ru" dir="ltr">' in page and "<h1>Harbour City pilot area</h1>" in page
    assert '<article class="lesson" lang="en"' in page  # screen readers read the English as English
    assert 'class="notice content-language"' in page
    assert f'<a href="{LESSON}?lang=fr" hreflang="fr" lang="fr">Français</a>' in page
    untranslated = client.get("/lessons/river-town-bonded-zone?lang=fr").get_data(as_text=True)
    assert 'class="notice content-language"' in untranslated and "Also in:" not in untranslated


def test_progress_is_one_record_whatever_the_language_the_lesson_was_read_in(
    client, synced, content_dir, runner, auth, db
):
    _translate(content_dir, runner)
    user = auth.as_role("trainee")
    assert auth.post(f"{LESSON}/complete?lang=fr").status_code == 302
    rows = db.exec(select(LessonProgress).where(LessonProgress.user_id == user.id)).all()
    assert len(rows) == 1 and rows[0].completed_at is not None
    assert "badge done" in client.get(LESSON).get_data(as_text=True)  # the English page knows it is done
