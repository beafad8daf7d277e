"""user change notices: on PostgreSQL, NOTIFY cbec_user_changed with the id of each user row updated or deleted

Each app process keeps signed-in users' rows and drops one when it hears it changed
(course/web/auth/kept_users.py). SQLite keeps nothing and needs no trigger.

Revision ID: 5b1e0c7d9a24
Revises: 8d5fc24abe5f
Create Date: 2026-11-29 13:20:00.000000
"""

from typing import Sequence, Union

from alembic import op

revision: str = "5b1e0c7d9a24"
down_revision: Union[str, None] = "8d5fc24abe5f"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        """
        CREATE FUNCTION cbec_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('cbec_user_changed', OLD.id::text);
            RETURN NULL;
        END $$
        """
    )
    op.execute(
        'CREATE TRIGGER cbec_user_changed AFTER UPDATE OR DELETE ON "user" '
        "FOR EACH ROW EXECUTE FUNCTION cbec_user_changed()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute('DROP TRIGGER IF EXISTS cbec_user_changed ON "user"')
    op.execute("DROP FUNCTION IF EXISTS cbec_user_changed()")
