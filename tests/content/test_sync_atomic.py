"""`flask course sync` is one transaction even when it fails after it has written rows.

The loader finds a broken file before anything is written (tests/content/test_sync.py). Here the files are
fine and the database itself refuses a row of the second module, or the learning path written last; the
rows written before that must not survive.
"""

import pytest
from sqlmodel import select

from course.models import GlossaryTerm, LearningPath, Lesson, Module
from tests.conftest import allow, recorded_writes, refuse


def _sync(runner):
    return runner.invoke(args=["course", "sync"])


def _stored(db):
    """Every content row as the trainee pages read it (the read transaction is ended: no locks are kept)."""
    db.expire_all()
    stored = {
        "modules": sorted((m.slug, m.title, m.overview_html, m.archived) for m in db.exec(select(Module))),
        "lessons": sorted((x.slug, x.title, x.body_html, x.archived, x.module_id) for x in db.exec(select(Lesson))),
        "terms": sorted((t.slug, t.term, t.definition, t.archived) for t in db.exec(select(GlossaryTerm))),
        "paths": sorted((p.slug, p.title, p.steps, p.archived) for p in db.exec(select(LearningPath))),
    }
    db.rollback()
    return stored


EMPTY = {"modules": [], "lessons": [], "terms": [], "paths": []}


@pytest.mark.parametrize(
    "table, slug, written_before",
    [
        ("lesson", "rail-freight", {"module"}),  # the first lesson of the second module
        ("learningpath", "officials", {"module", "lesson", "glossaryterm"}),  # the last row a sync writes
    ],
    ids=["second-module-lesson", "learning-path"],
)
def test_a_row_refused_by_the_database_leaves_an_empty_database_empty(app, runner, db, table, slug, written_before):
    engine = app.extensions["db_engine"]
    refuse(engine, table, "slug", slug)
    with recorded_writes(engine) as written:
        result = _sync(runner)
    assert result.exit_code != 0
    assert "refused by the test" in str(result.exception)
    assert written_before <= set(written), written  # the failure came after these rows were written
    assert _stored(db) == EMPTY


def test_an_update_refused_in_the_second_module_keeps_the_first_modules_old_text(synced, runner, db, content_dir):
    before = _stored(db)
    overview = content_dir / "01-pilot-zones" / "module.md"
    overview.write_text(overview.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8")
    lesson = content_dir / "01-pilot-zones" / "01-harbour-city-pilot.md"
    lesson.write_text(
        lesson.read_text(encoding="utf-8").replace("Harbour City pilot area", "Harbour City, renamed"), encoding="utf-8"
    )
    second = content_dir / "02-logistics-basics" / "01-rail-freight.md"
    text = second.read_text(encoding="utf-8")
    assert 'title: "Rail freight to Europe"' in text
    second.write_text(text.replace("Rail freight to Europe", "Rail freight by night"), encoding="utf-8")
    engine = synced.extensions["db_engine"]
    refuse(engine, "lesson", "title", "Rail freight by night")
    with recorded_writes(engine) as written:
        result = _sync(runner)
    assert result.exit_code != 0
    assert "module" in written  # the first module's new overview was written before the refusal
    assert _stored(db) == before
    # The files themselves are fine: without the refusal they sync, first module and all.
    allow(engine, "lesson", "title")
    assert _sync(runner).exit_code == 0
    after = _stored(db)
    assert after != before and "Harbour City, renamed" in {title for _, title, *_ in after["lessons"]}
