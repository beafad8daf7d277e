"""reflection portfolio: trainees' reflection answers and replies to shared ones

Revision ID: 5e0b7d6c91a4
Revises: 28c7c3cb49e6
Create Date: 2026-11-29 13:00:00.000000
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '5e0b7d6c91a4'
down_revision: Union[str, None] = '28c7c3cb49e6'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('reflection',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('lesson_id', sa.Integer(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('shared', sa.Boolean(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['lesson_id'], ['lesson.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('user_id', 'lesson_id')
    )
    op.create_index(op.f('ix_reflection_lesson_id'), 'reflection', ['lesson_id'], unique=False)
    op.create_index(op.f('ix_reflection_user_id'), 'reflection', ['user_id'], unique=False)
    op.create_table('reflectionreply',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reflection_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('hidden_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('hidden_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['user.id'], ),
    sa.ForeignKeyConstraint(['hidden_by'], ['user.id'], ),
    sa.ForeignKeyConstraint(['reflection_id'], ['reflection.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_reflectionreply_author_id'), 'reflectionreply', ['author_id'], unique=False)
    op.create_index(op.f('ix_reflectionreply_reflection_id'), 'reflectionreply', ['reflection_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_reflectionreply_reflection_id'), table_name='reflectionreply')
    op.drop_index(op.f('ix_reflectionreply_author_id'), table_name='reflectionreply')
    op.drop_table('reflectionreply')
    op.drop_index(op.f('ix_reflection_user_id'), table_name='reflection')
    op.drop_index(op.f('ix_reflection_lesson_id'), table_name='reflection')
    op.drop_table('reflection')
