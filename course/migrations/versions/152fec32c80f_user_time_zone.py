"""user time zone: the IANA zone a user reads dates and times in ("" = not set)

Revision ID: 152fec32c80f
Revises: 54b1c1f9af34
Create Date: 2026-11-29 09:08:55
"""
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '152fec32c80f'
down_revision: Union[str, None] = '54b1c1f9af34'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('user') as batch:
        batch.add_column(
            sa.Column('time_zone', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False, server_default='')
        )
    with op.batch_alter_table('user') as batch:
        batch.alter_column('time_zone', server_default=None)


def downgrade() -> None:
    with op.batch_alter_table('user') as batch:
        batch.drop_column('time_zone')
