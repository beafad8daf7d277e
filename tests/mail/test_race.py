"""Several senders over one outbox: each message reaches the SMTP server exactly once."""

import threading
from collections import Counter

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from course.mail import outbox
from course.mail.sender import retry_rule, send_due
from course.mail.transport import transport_for
from course.models import OutboxMessage
from course.models.base import utcnow
from tests.mail.helpers import queue

MESSAGES = 60
SENDERS = 3


def _sender(app, failures: list, start: threading.Barrier) -> None:
    try:
        with app.app_context(), Session(app.extensions["db_engine"], expire_on_commit=False) as session:
            start.wait()
            while send_due(
                session, transport_for(app.config), rule=retry_rule(app.config), sender="a@example.org", batch=2
            ).sent:
                pass
    except Exception as error:  # seen by the test, not lost in the thread
        failures.append(error)


def test_senders_racing_over_one_outbox_send_every_message_exactly_once(mail_app, db, smtp_server):
    ids = queue(mail_app, db, MESSAGES)
    failures, start = [], threading.Barrier(SENDERS)
    threads = [threading.Thread(target=_sender, args=(mail_app, failures, start)) for _ in range(SENDERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert failures == []
    received = Counter(m["Message-ID"] for m in smtp_server.received)
    db.expire_all()
    rows = db.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all()
    assert len(rows) == len(ids) == MESSAGES
    assert received == Counter({row.message_id: 1 for row in rows})  # every one, none twice
    assert {(row.state, row.attempts) for row in rows} == {("sent", 1)}


def test_on_postgresql_a_claim_skips_rows_another_sender_holds_without_waiting(mail_app, db, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("row locks are PostgreSQL's; SQLite has one writer at a time")
    ids = queue(mail_app, db, 10)
    engine = mail_app.extensions["db_engine"]
    with engine.connect() as holder:  # another sender, in the middle of its claim
        holder.execute(text("SELECT id FROM outboxmessage WHERE id <= :last FOR UPDATE"), {"last": ids[4]})
        with Session(engine, expire_on_commit=False) as session:
            session.exec(text("SET lock_timeout = '2s'"))  # a claim that waited would fail here, not hang
            now = utcnow()
            _token, claimed = outbox.claim(session, now=now, lease_until=now, limit=10)
        holder.rollback()
    assert [m.id for m in claimed] == ids[5:]
