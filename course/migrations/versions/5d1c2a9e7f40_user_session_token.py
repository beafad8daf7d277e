"""user session token: a per-account secret carried by session and remember-me cookies

Revision ID: 5d1c2a9e7f40
Revises: 7a423ae4d3e4
Create Date: 2026-11-29 06:15:00
"""
import secrets
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '5d1c2a9e7f40'
down_revision: Union[str, None] = '7a423ae4d3e4'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('user') as batch:
        batch.add_column(
            sa.Column('session_token', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False, server_default='')
        )
    # Every existing account gets its own secret (sessions signed in before the upgrade end once).
    user = sa.table('user', sa.column('id', sa.Integer), sa.column('session_token', sa.String))
    connection = op.get_bind()
    for (user_id,) in connection.execute(sa.select(user.c.id)).all():
        connection.execute(
            sa.update(user).where(user.c.id == user_id).values(session_token=secrets.token_urlsafe(24))
        )
    with op.batch_alter_table('user') as batch:
        batch.alter_column('session_token', server_default=None)


def downgrade() -> None:
    with op.batch_alter_table('user') as batch:
        batch.drop_column('session_token')
