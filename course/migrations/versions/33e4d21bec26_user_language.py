"""users: the interface language each chose

Revision ID: 33e4d21bec26
Revises: feb7a2c2a1f9
Create Date: 2026-11-29 12:00:00.000000
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '33e4d21bec26'
down_revision: Union[str, None] = 'feb7a2c2a1f9'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('user') as batch:
        batch.add_column(sa.Column('language', sa.String(length=10), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('user') as batch:
        batch.drop_column('language')
