"""case library search: libraryentry, FTS5 on SQLite, a GIN index on PostgreSQL

Revision ID: 28dce17e8c9b
Revises: f4ce7833f201
Create Date: 2026-12-01 11:00:00.000000
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '28dce17e8c9b'
down_revision: Union[str, None] = 'f4ce7833f201'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# The weighted document PostgreSQL searches: the same text as course/library/engines.py PG_DOCUMENT, so that
# its queries use this index (tests/library/test_search.py checks that they do).
PG_DOCUMENT = (
    "setweight(to_tsvector('english'::regconfig, title), 'A') || "
    "setweight(to_tsvector('english'::regconfig, keywords), 'B') || "
    "setweight(to_tsvector('english'::regconfig, summary), 'B') || "
    "setweight(to_tsvector('english'::regconfig, body), 'D')"
)
FTS_COLUMNS = "title, keywords, summary, body"


def upgrade() -> None:
    op.create_table('libraryentry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('keywords', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('chapter', sa.Integer(), nullable=True),
    sa.Column('city', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('province', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('country', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('org_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('org_type', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('themes', sa.JSON(), nullable=False),
    sa.Column('audiences', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('kind', 'key')
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX ix_libraryentry_search ON libraryentry USING gin (({PG_DOCUMENT}))")
        return
    # SQLite: an external-content FTS5 table over libraryentry, kept in step by triggers. (A later batch
    # migration that recreates libraryentry must create these triggers again.)
    op.execute(
        f"CREATE VIRTUAL TABLE library_fts USING fts5({FTS_COLUMNS}, content='libraryentry', content_rowid='id', "
        "tokenize='porter unicode61 remove_diacritics 2')"
    )
    new = "new.title, new.keywords, new.summary, new.body"
    old = "old.title, old.keywords, old.summary, old.body"
    op.execute(
        "CREATE TRIGGER library_fts_insert AFTER INSERT ON libraryentry BEGIN "
        f"INSERT INTO library_fts(rowid, {FTS_COLUMNS}) VALUES (new.id, {new}); END"
    )
    op.execute(
        "CREATE TRIGGER library_fts_delete AFTER DELETE ON libraryentry BEGIN "
        f"INSERT INTO library_fts(library_fts, rowid, {FTS_COLUMNS}) VALUES ('delete', old.id, {old}); END"
    )
    op.execute(
        "CREATE TRIGGER library_fts_update AFTER UPDATE ON libraryentry BEGIN "
        f"INSERT INTO library_fts(library_fts, rowid, {FTS_COLUMNS}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO library_fts(rowid, {FTS_COLUMNS}) VALUES (new.id, {new}); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_libraryentry_search")
    else:
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS library_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS library_fts")
    op.drop_table('libraryentry')
