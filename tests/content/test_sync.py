"""`flask course sync`: idempotent, updates in place, archives, all-or-nothing."""

from sqlmodel import select

from course.models import Lesson, LessonProgress, Module


def _sync(runner):
    return runner.invoke(args=["course", "sync"])


def _snapshot(db):
    db.expire_all()
    return sorted(
        (lesson.slug, lesson.title, lesson.body_html, lesson.archived, lesson.module_id)
        for lesson in db.exec(select(Lesson))
    )


def test_second_sync_changes_nothing(runner, db):
    first = _sync(runner)
    assert first.exit_code == 0, first.output
    assert "4 created" not in first.output  # modules, lessons, terms and paths all count
    before = _snapshot(db)
    second = _sync(runner)
    assert second.exit_code == 0
    assert "0 created, 0 updated, 0 archived" in second.output
    assert _snapshot(db) == before
    assert len(before) == 4 and len(db.exec(select(Module)).all()) == 2


def test_edited_lesson_updates_in_place_and_keeps_progress(runner, db, content_dir, auth):
    _sync(runner)
    user = auth.make_user("trainee")
    lesson = db.exec(select(Lesson).where(Lesson.slug == "river-town-bonded-zone")).one()
    db.add(LessonProgress(user_id=user.id, lesson_id=lesson.id))
    db.commit()
    path = content_dir / "01-pilot-zones" / "02-river-town-bonded-zone.md"
    path.write_text(path.read_text().replace("River Town bonded zone", "River Town's new bonded zone"))
    result = _sync(runner)
    assert "1 updated" in result.output, result.output
    db.expire_all()
    updated = db.exec(select(Lesson).where(Lesson.slug == "river-town-bonded-zone")).one()
    assert updated.id == lesson.id and updated.title == "River Town's new bonded zone"
    assert db.exec(select(LessonProgress).where(LessonProgress.lesson_id == lesson.id)).one()


def test_removed_lesson_is_archived_not_deleted(runner, db, content_dir):
    _sync(runner)
    (content_dir / "02-logistics-basics" / "02-returns-hub.md").unlink()
    (content_dir / "02-logistics-basics" / "assignment.yml").unlink()  # it was presented by that lesson
    (content_dir / "course.yml").write_text("case_count: 3\n")
    result = _sync(runner)
    assert result.exit_code == 0, result.output
    db.expire_all()
    lesson = db.exec(select(Lesson).where(Lesson.slug == "returns-hub")).one()
    assert lesson.archived


def test_broken_file_stops_sync_and_leaves_database_unchanged(runner, db, content_dir):
    _sync(runner)
    before = _snapshot(db)
    good = content_dir / "01-pilot-zones" / "01-harbour-city-pilot.md"
    good.write_text(good.read_text().replace("Harbour City pilot area", "Renamed pilot"))
    broken = content_dir / "02-logistics-basics" / "01-rail-freight.md"
    broken.write_text(broken.read_text().replace("minutes: 10", "minutes: [oops"))
    result = _sync(runner)
    assert result.exit_code != 0
    assert "modules/02-logistics-basics/01-rail-freight.md:" in result.output
    assert "nothing was changed" in result.output
    assert _snapshot(db) == before


def test_sync_into_empty_database_is_one_transaction(runner, db, content_dir):
    (content_dir / "02-logistics-basics" / "module.md").write_text("---\ntitle: x\n---\n")
    result = _sync(runner)
    assert result.exit_code != 0
    assert db.exec(select(Lesson)).all() == [] and db.exec(select(Module)).all() == []


def test_case_metadata_is_stored_with_the_lesson(runner, db, content_dir):
    assert _sync(runner).exit_code == 0
    lesson = db.exec(select(Lesson).where(Lesson.slug == "harbour-city-pilot")).one()
    assert (lesson.city, lesson.province, lesson.country) == ("Harbour City", "Coast", "China")
    assert (lesson.org_name, lesson.org_type, lesson.themes) == (
        "Harbour City Pilot Area",
        "zone",
        ["pilot-zones", "customs"],
    )
    path = content_dir / "01-pilot-zones" / "01-harbour-city-pilot.md"
    path.write_text(
        path.read_text().replace("[pilot-zones, customs]", "[customs]").replace("country: China", "country: Kenya")
    )
    result = _sync(runner)
    assert "1 updated" in result.output
    db.expire_all()
    assert (db.get(Lesson, lesson.id).themes, db.get(Lesson, lesson.id).country) == (["customs"], "Kenya")
