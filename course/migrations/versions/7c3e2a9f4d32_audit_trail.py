"""audit trail of staff actions

Revision ID: 7c3e2a9f4d32
Revises: 6b2d1f8e3c21
Create Date: 2026-11-29 06:12:00.000000
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '7c3e2a9f4d32'
down_revision: Union[str, None] = '6b2d1f8e3c21'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('auditentry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('object_type', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('object_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_auditentry_action'), 'auditentry', ['action'], unique=False)
    op.create_index(op.f('ix_auditentry_actor_id'), 'auditentry', ['actor_id'], unique=False)
    op.create_index(op.f('ix_auditentry_at'), 'auditentry', ['at'], unique=False)
    op.create_index(op.f('ix_auditentry_object_type'), 'auditentry', ['object_type'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_auditentry_object_type'), table_name='auditentry')
    op.drop_index(op.f('ix_auditentry_at'), table_name='auditentry')
    op.drop_index(op.f('ix_auditentry_actor_id'), table_name='auditentry')
    op.drop_index(op.f('ix_auditentry_action'), table_name='auditentry')
    op.drop_table('auditentry')
