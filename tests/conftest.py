"""Fixtures: every test that touches the database runs on SQLite and, when reachable, PostgreSQL.

Each backend's schema is built once per run by the Alembic migrations; each test then gets a
fresh copy (SQLite) or emptied tables (PostgreSQL). The small fixture curriculum is synced once
per run as well (content only, and content with quizzes): a test that asks for `synced` or
`synced_quizzes` starts from a copy of that synced database (SQLite: a copy of the synced file;
PostgreSQL: its emptied tables refilled from a data-only copy of the synced schema, sequences set
as the sync left them) instead of running `course sync` itself.
"""

from __future__ import annotations

import email
import email.policy
import os
import re
import shutil
import socket
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from course import create_app, migrate
from course.db import make_engine

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "content"
FIXTURE_QUIZZES = Path(__file__).resolve().parent / "fixtures" / "quizzes"
SHARED = ROOT.parent / "shared"
PG_URL = os.environ.get("CBEC_TEST_PG_URL", "postgresql+psycopg://127.0.0.1:5432/test")

# Settings of every test app. A single pbkdf2 round instead of scrypt: hashing is not what the tests test.
# Throttle counts in the app's own memory, never in a REDIS_URL of the environment shared by other runs.
# No mail sender thread, and no MAIL_URL of the environment: tests name their own SMTP server.
TEST_SETTINGS = {
    "TESTING": True,
    "SECRET_KEY": "test-secret",
    "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1",
    "RATELIMIT_STORAGE_URI": "memory://",
    "MAIL_BACKGROUND": False,
    "MAIL_URL": "",
    # Each app would open a listening connection of its own: on only in the tests of kept users
    # (tests/web/test_kept_users.py) and in the servers of tests/test_several_servers.py.
    "KEEP_SIGNED_IN_USERS": False,
}

# What a test's database holds when the test starts.
EMPTY, CONTENT, QUIZZES = "empty", "content", "content+quizzes"
STARTS_FROM = pytest.StashKey[str]()


def _postgres_reachable() -> bool:
    if os.environ.get("CBEC_TEST_PG", "1") == "0":
        return False
    try:
        import psycopg

        psycopg.connect("host=127.0.0.1 port=5432 dbname=test connect_timeout=2").close()
        return True
    except Exception:
        return False


PG_AVAILABLE = _postgres_reachable()


class WholeResponseClient(FlaskClient):
    """A test client that reads every response to its end, as a server does: a streamed response (the
    progress CSV) then finishes and closes its database session even when a test looks at the status only."""

    def open(self, *args, buffered: bool = True, **kwargs):
        return super().open(*args, buffered=buffered, **kwargs)


def make_app(database_url: str, content_dir: Path, quiz_dir: Path, **settings):
    """An app of the test settings on this database and these content and quiz folders."""
    app = create_app(
        TEST_SETTINGS
        | {"DATABASE_URL": database_url, "CONTENT_DIR": str(content_dir), "QUIZ_DIR": str(quiz_dir)}
        | settings
    )
    app.test_client_class = WholeResponseClient
    return app


def _sync_fixture_course(database_url: str, workdir: Path, with_quizzes: bool) -> None:
    """`course sync` of the fixture curriculum (and quizzes) into the database, from folders named as the
    `content_dir` and `quiz_dir` fixtures name theirs, so that stored source paths are the same."""
    content = workdir / "modules"
    shutil.copytree(FIXTURE_CONTENT, content)
    quizzes = workdir / ("quizzes" if with_quizzes else "no-quizzes")
    if with_quizzes:
        shutil.copytree(FIXTURE_QUIZZES, quizzes)
    app = make_app(database_url, content, quizzes)
    try:
        result = app.test_cli_runner().invoke(args=["course", "sync"])
        assert result.exit_code == 0, result.output
    finally:
        app.extensions["db_engine"].dispose()


def _starts_from(request) -> str:
    """The synced state the test asks for through its fixtures."""
    if "synced_quizzes" in request.fixturenames:
        return QUIZZES
    return CONTENT if "synced" in request.fixturenames else EMPTY


# --- SQLite: one file per state, copied for each test --------------------------------------------------


def _checkpointed(path: Path) -> Path:
    """The SQLite file with its write-ahead log folded in (WAL mode, see course/db.py), so that copying the one
    file copies the whole database. Call it once every engine on the file is disposed."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()  # the last connection to close removes the -wal file
    assert not path.with_name(path.name + "-wal").exists(), f"{path} is still open somewhere: its -wal file remains"
    return path


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """A migrated, empty SQLite database file."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()
    return _checkpointed(path)


@pytest.fixture(scope="session")
def sqlite_templates(sqlite_template, tmp_path_factory):
    """The template file of each state, each synced on first use."""
    files = {EMPTY: sqlite_template}

    def template(state: str) -> Path:
        if state not in files:
            workdir = tmp_path_factory.mktemp(f"template-{state.replace('+', '-')}")
            path = workdir / "template.db"
            shutil.copy(sqlite_template, path)
            _sync_fixture_course(f"sqlite:///{path}", workdir, with_quizzes=state == QUIZZES)
            files[state] = _checkpointed(path)
        return files[state]

    return template


# --- PostgreSQL: one schema for the tests, refilled for each test from a data-only schema per state -----


@dataclass
class PostgresDatabase:
    """The run's test schema, its tables in foreign-key order and the data-only template schemas."""

    url: str
    schema: str
    engine: object
    tables: list[str]
    serials: dict[str, list[str]]  # table -> columns filled from a sequence
    columns: dict[str, list[str]]
    templates: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # state -> (schema, filled tables)

    def reset(self, state: str) -> None:
        """Empty every table, then copy the state's rows in, with ids and sequences as a real sync leaves them.
        PostgreSQL's autovacuum may take a table's lock while TRUNCATE takes them all, and the deadlock detector
        then cancels the TRUNCATE: the reset is tried again (the vacuum is done by then)."""
        for attempt in range(5):
            try:
                return self._reset(state)
            except OperationalError as problem:
                if "deadlock detected" not in str(problem) or attempt == 4:
                    raise
                time.sleep(0.2)

    def _reset(self, state: str) -> None:
        with self.engine.begin() as conn:
            for table, trigger in conn.execute(
                text(  # left by refuse() (the schema's own triggers, from the migrations, stay)
                    "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                    "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace "
                    "AND t.tgname LIKE 'refuse\\_%'"
                )
            ):
                conn.execute(text(f'DROP TRIGGER "{trigger}" ON "{table}"'))
            if self.tables:
                conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in self.tables) + " RESTART IDENTITY CASCADE"))
            if state == EMPTY:
                return
            source, filled = self.templates[state]
            for table in filled:
                columns = ", ".join(f'"{c}"' for c in self.columns[table])
                conn.execute(
                    text(
                        f'INSERT INTO "{table}" ({columns}) OVERRIDING SYSTEM VALUE '
                        f'SELECT {columns} FROM "{source}"."{table}"'
                    )
                )
                for column in self.serials.get(table, []):  # as if the rows had been inserted one by one
                    conn.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence(:table, :column), top) "
                            f'FROM (SELECT MAX("{column}") AS top FROM "{table}") AS filled '
                            f"WHERE top IS NOT NULL"
                        ),
                        {"table": f'"{table}"', "column": column},
                    )

    def template(self, state: str, tmp_path_factory) -> None:
        """Sync the state into the (emptied) test schema once and keep a copy of its rows."""
        if state == EMPTY or state in self.templates:
            return
        self.reset(EMPTY)
        workdir = tmp_path_factory.mktemp(f"pg-template-{state.replace('+', '-')}")
        _sync_fixture_course(self.url, workdir, with_quizzes=state == QUIZZES)
        source = f"{self.schema}_{state.replace('+', '_')}"
        filled = []
        with self.engine.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{source}"'))
            for table in self.tables:
                conn.execute(text(f'CREATE TABLE "{source}"."{table}" AS TABLE "{table}"'))
                if conn.execute(text(f'SELECT EXISTS (SELECT 1 FROM "{table}")')).scalar():
                    filled.append(table)
        self.templates[state] = (source, filled)


def _foreign_key_order(conn) -> tuple[list[str], dict[str, list[str]], dict[str, list[str]]]:
    """The schema's tables (not alembic_version) with every table after those it refers to; columns; serials."""
    tables = [
        r[0]
        for r in conn.execute(
            text(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'alembic_version' "
                "ORDER BY tablename"
            )
        )
    ]
    parents = {t: set() for t in tables}
    for child, parent in conn.execute(
        text(
            "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c "
            "JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = current_schema()"
        )
    ):
        child, parent = child.strip('"'), parent.strip('"')
        if child in parents and parent in parents and child != parent:
            parents[child].add(parent)
    ordered: list[str] = []
    while len(ordered) < len(tables):
        ready = [t for t in tables if t not in ordered and parents[t] <= set(ordered)]
        assert ready, f"foreign keys form a cycle among {set(tables) - set(ordered)}"
        ordered += ready
    columns: dict[str, list[str]] = {t: [] for t in tables}
    serials: dict[str, list[str]] = {}
    for table, column, default, identity in conn.execute(
        text(
            "SELECT table_name, column_name, column_default, is_identity FROM information_schema.columns "
            "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
        )
    ):
        if table in columns:
            columns[table].append(column)
            if identity == "YES" or (default or "").startswith("nextval("):
                serials.setdefault(table, []).append(column)
    return ordered, columns, serials


@pytest.fixture(scope="session")
def postgres_database():
    if not PG_AVAILABLE:
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432 (database test)")
    schema = f"cbec_test_{os.getpid()}"
    states = [f"{schema}_{s.replace('+', '_')}" for s in (CONTENT, QUIZZES)]
    admin = make_engine(PG_URL)

    def drop_schemas(conn):
        for name in (schema, *states):
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))

    with admin.begin() as conn:
        drop_schemas(conn)
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        tables, columns, serials = _foreign_key_order(conn)
    yield PostgresDatabase(url, schema, engine, tables, serials, columns)
    engine.dispose()
    with admin.begin() as conn:
        drop_schemas(conn)
    admin.dispose()


@pytest.fixture(scope="session")
def postgres_schema(postgres_database):
    """The URL of the run's PostgreSQL test schema."""
    return postgres_database.url


# --- the per-test fixtures ------------------------------------------------------------------------------

_BACKENDS_USED: set[str] = set()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory, tmp_path):
    """A migrated database of each engine, private to the test: empty, or synced when the test asks for
    `synced` or `synced_quizzes`."""
    state = _starts_from(request)
    request.node.stash[STARTS_FROM] = state
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        shutil.copy(request.getfixturevalue("sqlite_templates")(state), path)
        url = f"sqlite:///{path}"
    else:
        database = request.getfixturevalue("postgres_database")  # skips the test when PostgreSQL is not there
        database.template(state, tmp_path_factory)
        database.reset(state)
        url = database.url
    _BACKENDS_USED.add(request.param)
    return url


@pytest.fixture
def content_dir(tmp_path):
    """A private copy of the small fixture curriculum, safe to edit."""
    target = tmp_path / "modules"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


@pytest.fixture
def app(database_url, content_dir, tmp_path):
    app = make_app(database_url, content_dir, tmp_path / "no-quizzes")
    yield app
    app.extensions["db_engine"].dispose()


@pytest.fixture
def db(app):
    """A session on the test database for arranging and checking rows."""
    with Session(app.extensions["db_engine"], expire_on_commit=False) as session:
        yield session


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def _sync(runner) -> None:
    result = runner.invoke(args=["course", "sync"])
    assert result.exit_code == 0, result.output


@pytest.fixture
def synced(request, app, runner):
    """The fixture curriculum loaded into the database (as `course sync` leaves it: the database starts
    as a copy of one synced once per run)."""
    if request.node.stash.get(STARTS_FROM, EMPTY) == EMPTY:  # asked for by name at run time: sync now
        _sync(runner)
    return app


@pytest.fixture
def quiz_dir(tmp_path):
    """A private copy of the fixture question bank and quiz settings."""
    target = tmp_path / "quizzes"
    shutil.copytree(FIXTURE_QUIZZES, target)
    return target


@pytest.fixture
def synced_quizzes(request, app, runner, quiz_dir):
    """The fixture curriculum plus its quizzes loaded into the database."""
    app.config["QUIZ_DIR"] = str(quiz_dir)
    if request.node.stash.get(STARTS_FROM, EMPTY) != QUIZZES:
        _sync(runner)
    return app


# --- making the database fail part-way, and seeing what was written before -------------------------------


def _literal(value) -> str:
    return str(value) if isinstance(value, int) else "'" + str(value).replace("'", "''") + "'"


def refuse(engine, table: str, column: str, value) -> None:
    """From now on the test's database refuses to insert or update a `table` row whose `column` is `value`,
    as a unique constraint would (IntegrityError on both engines): a failure that only the database detects.
    It lasts until `allow` or the end of the test (the next test's database is a new copy, or emptied of it).
    Call it while no other session of the test has uncommitted writes to the table."""
    allow(engine, table, column)
    name = f"refuse_{table}_{column}"
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            for when in ("insert", "update"):
                conn.execute(
                    text(
                        f'CREATE TRIGGER "{name}_{when}" BEFORE {when.upper()} ON "{table}" '
                        f'WHEN NEW."{column}" = {_literal(value)} '
                        f"BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
                    )
                )
        else:
            conn.execute(text("SET LOCAL lock_timeout = '10s'"))
            conn.execute(
                text(
                    f'CREATE OR REPLACE FUNCTION "{name}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN '
                    f'IF NEW."{column}"::text = {_literal(str(value))} THEN '
                    f"RAISE EXCEPTION 'refused by the test' USING ERRCODE = 'unique_violation'; END IF; "
                    f"RETURN NEW; END $$"
                )
            )
            conn.execute(
                text(
                    f'CREATE TRIGGER "{name}" BEFORE INSERT OR UPDATE ON "{table}" '
                    f'FOR EACH ROW EXECUTE FUNCTION "{name}"()'
                )
            )


def allow(engine, table: str, column: str) -> None:
    """Lift `refuse` on this table and column. Call it while no other session of the test is in a transaction
    that read or wrote the table (commit or roll back first): PostgreSQL must lock the table to drop a trigger."""
    name = f"refuse_{table}_{column}"
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            for when in ("insert", "update"):
                conn.execute(text(f'DROP TRIGGER IF EXISTS "{name}_{when}"'))
        else:
            conn.execute(text("SET LOCAL lock_timeout = '10s'"))  # an error rather than a test that hangs
            conn.execute(text(f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"'))


_WRITE = re.compile(r'^\s*(INSERT\s+INTO|UPDATE)\s+"?(\w+)"?', re.IGNORECASE)


@contextmanager
def recorded_writes(engine):
    """The tables of the INSERT and UPDATE statements that the database carried out within the block,
    in order (a statement it refused is not listed)."""
    written: list[str] = []

    def after(_conn, _cursor, statement, _parameters, _context, _executemany):
        match = _WRITE.match(statement)
        if match:
            written.append(match.group(2).lower())

    event.listen(engine, "after_cursor_execute", after)
    try:
        yield written
    finally:
        event.remove(engine, "after_cursor_execute", after)


@contextmanager
def rival_commits_after(engine, statement_pattern: str, rival_action):
    """Within the block, right after the first statement matching `statement_pattern` (a regular expression)
    runs, `rival_action(session)` runs in a session of its own and commits: another request (or server) doing
    the same thing at that moment. Yields a list that holds True once the rival ran."""
    pattern = re.compile(statement_pattern, re.IGNORECASE)
    ran: list[bool] = []

    def after(_conn, _cursor, statement, _parameters, _context, _executemany):
        if ran or not pattern.search(statement):
            return
        ran.append(True)
        with Session(engine, expire_on_commit=False) as rival:
            rival_action(rival)
            rival.commit()

    event.listen(engine, "after_cursor_execute", after)
    try:
        yield ran
    finally:
        event.remove(engine, "after_cursor_execute", after)


# --- forms and accounts ------------------------------------------------------------------------------------

_TOKEN = re.compile(r'name="csrf-token" content="([^"]+)"')


def csrf_token(client) -> str:
    """The CSRF token of the client's session, read from a page as a browser would."""
    page = client.get("/glossary").get_data(as_text=True)
    return _TOKEN.search(page).group(1)


class Auth:
    """Register, log in and log out through the real forms."""

    def __init__(self, client, db):
        self.client, self.db = client, db

    def post(self, url, data=None, **kwargs):
        data = dict(data or {})
        data.setdefault("csrf_token", csrf_token(self.client))
        return self.client.post(url, data=data, **kwargs)

    def register(self, email="trainee@example.org", password="correct horse battery", name="Amina Trainee", **extra):
        form = {
            "email": email,
            "password": password,
            "confirm": password,
            "name": name,
            "organisation": "Kilimo Exports",
            "org_type": "sme",
            "country": "Kenya",
        } | extra
        return self.post("/register", form)

    def login(self, email="trainee@example.org", password="correct horse battery", remember=False):
        data = {"email": email, "password": password}
        if remember:
            data["remember"] = "y"
        return self.post("/login", data)

    def logout(self):
        return self.post("/logout")

    def make_user(self, role="trainee", email=None, password="correct horse battery", **profile):
        """A new account, or the one a fixture already made with this email (e.g. the owner of a cohort)."""
        from course.accounts import create_user, find_user

        email = email or f"{role}@example.org"
        existing = find_user(self.db, email=email)
        if existing is not None:
            assert existing.role == role, f"{email} exists as {existing.role}"
            return existing
        with self.client.application.app_context():  # the app's (cheap) password hashing
            user = create_user(
                self.db, email=email, name=f"{role.title()} User", password=password, role=role, **profile
            )
        self.db.commit()
        return user

    def as_role(self, role, **profile):
        user = self.make_user(role, **profile)
        response = self.login(user.email)
        assert response.status_code == 302, response.get_data(as_text=True)
        return user


@pytest.fixture
def auth(client, db):
    return Auth(client, db)


def teaching(db, instructor, *trainees, name="Taught cohort"):
    """A cohort owned by `instructor` with `trainees` as members: what lets an instructor reach their work."""
    from course.models import Cohort, CohortMember

    cohort = Cohort(name=name, owner_id=instructor.id, created_by=instructor.id)
    db.add(cohort)
    db.flush()
    db.add_all(CohortMember(cohort_id=cohort.id, user_id=trainee.id) for trainee in trainees)
    db.commit()
    return cohort


# --- a real SMTP server on a loopback port --------------------------------------------------------------


class SmtpServer:
    """An SMTP server (aiosmtpd) on 127.0.0.1 that keeps what it receives; it can be stopped and started again
    on the same port (a mail server that is down, then back), or made to refuse every message."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"smtp://127.0.0.1:{self.port}"
        self.received: list[EmailMessage] = []
        self.refusing = ""  # an SMTP reply such as "451 4.3.0 try later" to refuse with, or "" to accept
        self.login: tuple[str, str] | None = None  # (user, password) the server accepts, when set before start()
        self._controller = None

    async def handle_DATA(self, _server, session, envelope):
        if self.refusing:
            return self.refusing
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        if session.authenticated:
            message["X-Logged-In-As"] = session.auth_data.login.decode()
        self.received.append(message)
        return "250 OK"

    def start(self) -> None:
        from aiosmtpd.controller import Controller

        options = {}
        if self.login:  # AUTH PLAIN/LOGIN offered without TLS, on this loopback test server only
            options = {"authenticator": self._authenticate, "auth_require_tls": False}
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port, **options)
        self._controller.start()

    def _authenticate(self, _server, _session, _envelope, _mechanism, data):
        from aiosmtpd.smtp import AuthResult

        given = (data.login.decode(), data.password.decode())
        return AuthResult(success=given == self.login, auth_data=data)

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.received if m["To"] == address]


@pytest.fixture
def smtp_server():
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def mail_app(app, smtp_server):
    """The test app sending to the test's SMTP server."""
    app.config["MAIL_URL"] = smtp_server.url
    return app


def send_mail(app):
    """One run of the outbox sender, as the background thread or `flask mail send-pending` does it."""
    from course.mail.sender import send_for_app

    with app.app_context():
        return send_for_app(app)


def text_of(message: EmailMessage) -> str:
    return message.get_body(("plain",)).get_content()


# --- the run's time ------------------------------------------------------------------------------------

_STARTED = time.perf_counter()
_BROWSER_RAN: list[str] = []


def pytest_sessionstart(session):
    global _STARTED
    _STARTED = time.perf_counter()


def pytest_runtest_logreport(report):
    if report.when == "call" and report.nodeid.startswith("tests/browser/") and not report.skipped:
        _BROWSER_RAN.append(report.nodeid)


def pytest_terminal_summary(terminalreporter):
    backends = " + ".join(b for b in ("sqlite", "postgresql") if b in _BACKENDS_USED) or "no database"
    terminalreporter.write_line(
        f"suite time: {time.perf_counter() - _STARTED:.1f} s ({backends}, browser: {'yes' if _BROWSER_RAN else 'no'})"
    )
