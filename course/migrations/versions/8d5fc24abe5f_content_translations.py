"""content translations: translated texts of lessons, modules, terms, paths and question versions

Revision ID: 8d5fc24abe5f
Revises: 33e4d21bec26
Create Date: 2026-11-29 12:30:00.000000
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '8d5fc24abe5f'
down_revision: Union[str, None] = '33e4d21bec26'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        'contenttranslation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column('slug', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column('fields', sa.JSON(), nullable=False),
        sa.Column('source_path', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column('source_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('kind', 'slug', 'language'),
    )
    op.create_table(
        'questiontranslation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('version_id', sa.Integer(), nullable=False),
        sa.Column('language', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column('data', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['version_id'], ['questionversion.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('version_id', 'language'),
    )
    op.create_index(op.f('ix_questiontranslation_version_id'), 'questiontranslation', ['version_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_questiontranslation_version_id'), table_name='questiontranslation')
    op.drop_table('questiontranslation')
    op.drop_table('contenttranslation')
