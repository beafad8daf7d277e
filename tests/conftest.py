"""Fixtures: every test that touches the database runs on SQLite and, when reachable, PostgreSQL.

Each backend's schema is built once per run by the Alembic migrations; each test then gets a
fresh copy (SQLite) or emptied tables (PostgreSQL).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session

from course import create_app, migrate
from course.db import make_engine

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "content"
FIXTURE_QUIZZES = Path(__file__).resolve().parent / "fixtures" / "quizzes"
SHARED = ROOT.parent / "shared"
PG_URL = os.environ.get("CBEC_TEST_PG_URL", "postgresql+psycopg://127.0.0.1:5432/test")


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


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_schema():
    if not PG_AVAILABLE:
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432 (database test)")
    schema = f"cbec_test_{os.getpid()}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    yield url
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


def _empty_postgres(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        tables = [r[0] for r in conn.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'alembic_version'"))]
        if tables:
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """A migrated, empty database of each engine."""
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url = request.getfixturevalue("postgres_schema")
    _empty_postgres(url)
    return url


@pytest.fixture
def content_dir(tmp_path):
    """A private copy of the small fixture curriculum, safe to edit."""
    target = tmp_path / "modules"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


@pytest.fixture
def app(database_url, content_dir, tmp_path):
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "DATABASE_URL": database_url,
        "CONTENT_DIR": str(content_dir),
        "QUIZ_DIR": str(tmp_path / "no-quizzes"),
    })
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


@pytest.fixture
def synced(app, runner):
    """The fixture curriculum loaded into the database."""
    result = runner.invoke(args=["course", "sync"])
    assert result.exit_code == 0, result.output
    return app


@pytest.fixture
def quiz_dir(tmp_path):
    """A private copy of the fixture question bank and quiz settings."""
    target = tmp_path / "quizzes"
    shutil.copytree(FIXTURE_QUIZZES, target)
    return target


@pytest.fixture
def synced_quizzes(app, runner, quiz_dir):
    """The fixture curriculum plus its quizzes loaded into the database."""
    app.config["QUIZ_DIR"] = str(quiz_dir)
    result = runner.invoke(args=["course", "sync"])
    assert result.exit_code == 0, result.output
    return app


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
        form = {"email": email, "password": password, "confirm": password, "name": name,
                "organisation": "Kilimo Exports", "org_type": "sme", "country": "Kenya"} | extra
        return self.post("/register", form)

    def login(self, email="trainee@example.org", password="correct horse battery", remember=False):
        data = {"email": email, "password": password}
        if remember:
            data["remember"] = "y"
        return self.post("/login", data)

    def logout(self):
        return self.post("/logout")

    def make_user(self, role="trainee", email=None, password="correct horse battery", **profile):
        from course.accounts import create_user

        email = email or f"{role}@example.org"
        user = create_user(self.db, email=email, name=f"{role.title()} User", password=password, role=role, **profile)
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
