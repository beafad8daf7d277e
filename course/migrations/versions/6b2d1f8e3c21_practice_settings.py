"""practice settings: practice outside the quiz window, practice review keys

Revision ID: 6b2d1f8e3c21
Revises: 5a1c0e7d2b10
Create Date: 2026-11-29 06:11:00.000000
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '6b2d1f8e3c21'
down_revision: Union[str, None] = '5a1c0e7d2b10'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Both off for existing quizzes: practice follows the window and hides drawable keys (issue 10).
    with op.batch_alter_table('quiz') as batch:
        batch.add_column(sa.Column('practice_outside_window', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column('practice_shows_keys', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('quiz') as batch:
        batch.drop_column('practice_shows_keys')
        batch.drop_column('practice_outside_window')
