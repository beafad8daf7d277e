"""Configuration defaults; environment variables override them."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

from course.quizzes.settings import QUESTIONS_PER_IMPORT

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _instance_secret(instance_path: Path) -> str:
    """A random key kept in instance/secret_key, so no installation shares a default secret."""
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another worker made it first
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_hex(32))
    return key_file.read_text().strip()


def default_config(instance_path: str) -> dict:
    """The settings an app starts with before a test mapping or the environment changes them."""
    sqlite_file = Path(instance_path) / "cbec.db"
    return {
        "SECRET_KEY": os.environ.get("SECRET_KEY") or _instance_secret(Path(instance_path)),
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{sqlite_file}"),
        "CONTENT_DIR": os.environ.get("CBEC_CONTENT_DIR", str(PROJECT_ROOT / "modules")),
        "QUIZ_DIR": os.environ.get("CBEC_QUIZ_DIR", str(PROJECT_ROOT / "quizzes")),
        "BEHIND_PROXY": os.environ.get("CBEC_BEHIND_PROXY") == "1",
        "SESSION_COOKIE_SECURE": os.environ.get("CBEC_SECURE_COOKIES") == "1",
        "REMEMBER_COOKIE_SECURE": os.environ.get("CBEC_SECURE_COOKIES") == "1",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_DURATION": timedelta(days=int(os.environ.get("CBEC_REMEMBER_DAYS", "30"))),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "WTF_CSRF_TIME_LIMIT": None,
        "MAX_CONTENT_LENGTH": 5 * 1024 * 1024,
        # Questions one import may hold (an upload, `flask quiz import`, one bank file of `course sync`), so that
        # no single import holds the database's write lock for long.
        "QUESTIONS_PER_IMPORT": int(os.environ.get("CBEC_QUESTIONS_PER_IMPORT", QUESTIONS_PER_IMPORT)),
        # werkzeug's generate_password_hash method; None is its default (scrypt). Tests use a cheap one.
        "PASSWORD_HASH_METHOD": None,
        # Throttling of log-in, registration, invitation and password-reset POSTs (course/web/throttling.py):
        # limits in the notation of the `limits` package, counted per account (email) and per address.
        "THROTTLE_PER_ACCOUNT": os.environ.get("CBEC_THROTTLE_PER_ACCOUNT", "10 per 15 minutes"),
        "THROTTLE_PER_ADDRESS": os.environ.get("CBEC_THROTTLE_PER_ADDRESS", "30 per 15 minutes"),
        # Where the counts live: Redis when REDIS_URL is set (shared by every worker), else this process's memory.
        "RATELIMIT_STORAGE_URI": os.environ.get("REDIS_URL") or "memory://",
        "RATELIMIT_KEY_PREFIX": "cbec",
        # Email (course/mail/): where it goes (smtp://user:password@host:587?starttls=1, smtps://…); without it,
        # messages are written to the log and to the admins' outbox page instead of being sent.
        "MAIL_URL": os.environ.get("MAIL_URL", ""),
        "MAIL_FROM": os.environ.get("MAIL_FROM", "CBEC Academy <no-reply@cbec-academy.example>"),
        # Each app process sends from the outbox in a thread of its own; 0 when `flask mail send-pending --loop` does.
        "MAIL_BACKGROUND": os.environ.get("MAIL_BACKGROUND", "1") != "0",
        "MAIL_POLL_SECONDS": float(os.environ.get("MAIL_POLL_SECONDS", "5")),
        # A message that cannot be sent is tried again after this many seconds, then twice as long each time (at
        # most an hour apart), and given up MAIL_GIVE_UP_AFTER hours after it was queued.
        "MAIL_RETRY_SECONDS": float(os.environ.get("MAIL_RETRY_SECONDS", "60")),
        "MAIL_GIVE_UP_AFTER": float(os.environ.get("MAIL_GIVE_UP_AFTER", "48")),
        # `flask mail due-reminders` tells learners whose path is due within this many days.
        "MAIL_DUE_REMINDER_DAYS": int(os.environ.get("MAIL_DUE_REMINDER_DAYS", "3")),
        # New accounts must confirm their email address before they can log in.
        "REQUIRE_EMAIL_VERIFICATION": os.environ.get("REQUIRE_EMAIL_VERIFICATION") == "1",
        # The one public address of the site (https://academy.example.org), for links made outside a request:
        # e-mails from commands (reminders), course packages (pages they lack), badges and xAPI statements.
        # CBEC_BASE_URL is its former name for the e-mail links, still read.
        "SITE_URL": os.environ.get("CBEC_SITE_URL") or os.environ.get("CBEC_BASE_URL", ""),
        # On PostgreSQL, each process keeps signed-in users' rows and drops one when it changes (LISTEN/NOTIFY):
        # a repeat page view asks the database nothing (course/web/auth/kept_users.py).
        "KEEP_SIGNED_IN_USERS": os.environ.get("CBEC_KEEP_SIGNED_IN_USERS", "1") != "0",
        # The learning record store `flask xapi send` posts statements to (its base URL, before /statements).
        "LRS_URL": os.environ.get("LRS_URL", ""),
        "LRS_USERNAME": os.environ.get("LRS_USERNAME", ""),
        "LRS_PASSWORD": os.environ.get("LRS_PASSWORD", ""),
        # The Open Badges signing keys (course/certificates/keyring.py); one file shared by every server.
        "BADGE_KEYRING": os.environ.get("CBEC_BADGE_KEYRING") or str(Path(instance_path) / "badge-keys.json"),
        # The interface language when neither the user, a cookie nor the browser names one (course/languages.py).
        "BABEL_DEFAULT_LOCALE": os.environ.get("CBEC_DEFAULT_LANGUAGE", "en"),
        "BABEL_TRANSLATION_DIRECTORIES": "translations",
    }
