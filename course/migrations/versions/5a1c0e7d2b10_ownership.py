"""ownership: owners of cohorts, question banks and quizzes; co-instructors; shared banks

Revision ID: 5a1c0e7d2b10
Revises: 5d1c2a9e7f40
Create Date: 2026-11-29 06:10:00.000000
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '5a1c0e7d2b10'
down_revision: Union[str, None] = '5d1c2a9e7f40'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

OWNED = ('cohort', 'questionbank', 'quiz')


def upgrade() -> None:
    # Existing rows get no owner: they stay admin-managed until an admin hands them on.
    for table in OWNED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column('owner_id', sa.Integer(), nullable=True))
            batch.create_index(batch.f(f'ix_{table}_owner_id'), ['owner_id'], unique=False)
            batch.create_foreign_key(f'fk_{table}_owner_id_user', 'user', ['owner_id'], ['id'])
    with op.batch_alter_table('questionbank') as batch:
        batch.add_column(sa.Column('shared', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table('coinstructor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('object_type', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('object_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('added_by', sa.Integer(), nullable=True),
    sa.Column('added_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['added_by'], ['user.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('object_type', 'object_id', 'user_id')
    )
    op.create_index(op.f('ix_coinstructor_object_id'), 'coinstructor', ['object_id'], unique=False)
    op.create_index(op.f('ix_coinstructor_user_id'), 'coinstructor', ['user_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_coinstructor_user_id'), table_name='coinstructor')
    op.drop_index(op.f('ix_coinstructor_object_id'), table_name='coinstructor')
    op.drop_table('coinstructor')
    with op.batch_alter_table('questionbank') as batch:
        batch.drop_column('shared')
    for table in OWNED:
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(f'fk_{table}_owner_id_user', type_='foreignkey')
            batch.drop_index(batch.f(f'ix_{table}_owner_id'))
            batch.drop_column('owner_id')
