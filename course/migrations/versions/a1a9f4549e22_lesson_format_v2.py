"""lesson format v2: sections kept apart, objectives, takeaway, model card, related lessons; module synthesis

Revision ID: a1a9f4549e22
Revises: 8d4f3b0a5e43
Create Date: 2026-11-29 12:00:00.000000
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = 'a1a9f4549e22'
down_revision: Union[str, None] = '8d4f3b0a5e43'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

LESSON_TEXTS = ('facts_html', 'reading_html', 'reflection_html', 'reflection_text', 'takeaway', 'data_note')
LESSON_JSON = {'objectives': '[]', 'model': '{}', 'related': '[]', 'linked_from': '[]'}


def upgrade() -> None:
    with op.batch_alter_table('module') as batch:
        batch.add_column(sa.Column('synthesis_title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False, server_default=''))
        batch.add_column(sa.Column('synthesis_html', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''))
        batch.add_column(sa.Column('synthesis_questions_html', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''))
    with op.batch_alter_table('lesson') as batch:
        for name in LESSON_TEXTS:
            batch.add_column(sa.Column(name, sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''))
        batch.add_column(sa.Column('snapshot', sa.Boolean(), nullable=False, server_default=sa.false()))
        for name, empty in LESSON_JSON.items():
            batch.add_column(sa.Column(name, sa.JSON(), nullable=False, server_default=empty))
    # The defaults only filled rows that existed; the models give every new row its values.
    with op.batch_alter_table('module') as batch:
        for name in ('synthesis_title', 'synthesis_html', 'synthesis_questions_html'):
            batch.alter_column(name, server_default=None)
    with op.batch_alter_table('lesson') as batch:
        for name in (*LESSON_TEXTS, 'snapshot', *LESSON_JSON):
            batch.alter_column(name, server_default=None)


def downgrade() -> None:
    with op.batch_alter_table('lesson') as batch:
        for name in (*LESSON_TEXTS, 'snapshot', *LESSON_JSON):
            batch.drop_column(name)
    with op.batch_alter_table('module') as batch:
        for name in ('synthesis_title', 'synthesis_html', 'synthesis_questions_html'):
            batch.drop_column(name)
