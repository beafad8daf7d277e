"""accessible figures: inline SVG or tables with text equivalents, shown by lessons

Revision ID: 9d4f2b8a6e13
Revises: 5e0b7d6c91a4
Create Date: 2026-11-29 13:30:00.000000
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '9d4f2b8a6e13'
down_revision: Union[str, None] = '5e0b7d6c91a4'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('figure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('svg', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('text_html', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('lessons', sa.JSON(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('source_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_figure_slug'), 'figure', ['slug'], unique=True)


def downgrade() -> None:
    op.drop_index(op.f('ix_figure_slug'), table_name='figure')
    op.drop_table('figure')
