"""programme report: dates on module summaries, programme tallies, the public impact page

Revision ID: feb7a2c2a1f9
Revises: be4c65bde64f
Create Date: 2026-11-30 10:00:00.000000
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = 'feb7a2c2a1f9'
down_revision: Union[str, None] = 'be4c65bde64f'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('modulesummary') as batch:
        batch.add_column(sa.Column('first_active_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch.add_column(sa.Column('quiz_taken_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch.add_column(sa.Column('gain_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    op.create_table('programmetally',
    sa.Column('scope', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('country', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('month', sqlmodel.sql.sqltypes.AutoString(length=7), nullable=False),
    sa.Column('grouping', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('value', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('measure', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('module_id', sa.Integer(), nullable=False),
    sa.Column('n', sa.Integer(), nullable=False),
    sa.Column('pre_sum', sa.Float(), nullable=False),
    sa.Column('post_sum', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('scope', 'country', 'month', 'grouping', 'value', 'measure', 'module_id')
    )
    op.create_table('programmelearner',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('counted', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('user_id')
    )
    op.create_table('impactpage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('published', sa.Boolean(), nullable=False),
    sa.Column('since', sqlmodel.sql.sqltypes.AutoString(length=7), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('impactpage')
    op.drop_table('programmelearner')
    op.drop_table('programmetally')
    with op.batch_alter_table('modulesummary') as batch:
        batch.drop_column('gain_at')
        batch.drop_column('quiz_taken_at')
        batch.drop_column('first_active_at')
