"""attempt items: flagged for review by the trainee

Revision ID: 8d4f3b0a5e43
Revises: 7c3e2a9f4d32
Create Date: 2026-11-29 09:40:00.000000
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '8d4f3b0a5e43'
down_revision: Union[str, None] = '7c3e2a9f4d32'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('attemptitem') as batch:
        batch.add_column(sa.Column('flagged', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('attemptitem') as batch:
        batch.drop_column('flagged')
