"""Run Alembic migrations programmatically (used by `flask db` and by the tests)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Search structures no model describes, made by the library migration: SQLite's FTS5 table (and the tables FTS5
# keeps behind it) and PostgreSQL's expression index. Comparing models with the schema leaves them out.
UNMODELLED = ("library_fts", "ix_libraryentry_search")


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Whether Alembic compares a schema object with the models (not the unmodelled search structures)."""
    return not (reflected and compare_to is None and name and name.startswith(UNMODELLED))


def alembic_config(url: str) -> Config:
    """An Alembic configuration pointing at our migrations and a database URL."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database behind `engine` up to `revision`."""
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)


def current(engine: Engine) -> str | None:
    """The database's migration revision; None for a database never migrated."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def downgrade(engine: Engine, revision: str) -> None:
    """Take the database behind `engine` down to `revision`."""
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, revision)


def revision(url: str, message: str) -> None:
    """Autogenerate a new migration by comparing the models with the database at `url`."""
    command.revision(alembic_config(url), message=message, autogenerate=True)
