"""Email: messages written to an outbox in the action's own transaction, and senders that deliver them later.

`outbox.enqueue` is the one way a message is sent; `sender.send_due` claims due messages (row locks on
PostgreSQL, a conditional UPDATE on SQLite), sends them through `transport` and retries with backoff.
"""
