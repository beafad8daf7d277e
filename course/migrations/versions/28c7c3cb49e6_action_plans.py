"""capstone assignments, trainees' action plans and their rubric reviews

Revision ID: 28c7c3cb49e6
Revises: a1a9f4549e22
Create Date: 2026-11-29 12:30:00.000000
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '28c7c3cb49e6'
down_revision: Union[str, None] = 'a1a9f4549e22'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('module_id', sa.Integer(), nullable=False),
    sa.Column('lesson_id', sa.Integer(), nullable=True),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('summary', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('required', sa.Boolean(), nullable=False),
    sa.Column('briefs', sa.JSON(), nullable=False),
    sa.Column('outline', sa.JSON(), nullable=False),
    sa.Column('rubric', sa.JSON(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('source_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.ForeignKeyConstraint(['lesson_id'], ['lesson.id'], ),
    sa.ForeignKeyConstraint(['module_id'], ['module.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_assignment_module_id'), 'assignment', ['module_id'], unique=False)
    op.create_index(op.f('ix_assignment_slug'), 'assignment', ['slug'], unique=True)
    op.create_table('actionplan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('audience', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('submitted_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('user_id', 'assignment_id')
    )
    op.create_index(op.f('ix_actionplan_assignment_id'), 'actionplan', ['assignment_id'], unique=False)
    op.create_index(op.f('ix_actionplan_user_id'), 'actionplan', ['user_id'], unique=False)
    op.create_table('planreview',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.Column('scores', sa.JSON(), nullable=False),
    sa.Column('comments', sa.JSON(), nullable=False),
    sa.Column('overall', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('hidden_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('hidden_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['hidden_by'], ['user.id'], ),
    sa.ForeignKeyConstraint(['plan_id'], ['actionplan.id'], ),
    sa.ForeignKeyConstraint(['reviewer_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('plan_id', 'reviewer_id')
    )
    op.create_index(op.f('ix_planreview_plan_id'), 'planreview', ['plan_id'], unique=False)
    op.create_index(op.f('ix_planreview_reviewer_id'), 'planreview', ['reviewer_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_planreview_reviewer_id'), table_name='planreview')
    op.drop_index(op.f('ix_planreview_plan_id'), table_name='planreview')
    op.drop_table('planreview')
    op.drop_index(op.f('ix_actionplan_user_id'), table_name='actionplan')
    op.drop_index(op.f('ix_actionplan_assignment_id'), table_name='actionplan')
    op.drop_table('actionplan')
    op.drop_index(op.f('ix_assignment_slug'), table_name='assignment')
    op.drop_index(op.f('ix_assignment_module_id'), table_name='assignment')
    op.drop_table('assignment')
