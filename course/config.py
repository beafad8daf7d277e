"""Configuration defaults; environment variables override them."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def default_config(instance_path: str) -> dict:
    """The settings an app starts with before a test mapping or the environment changes them."""
    sqlite_file = Path(instance_path) / "cbec.db"
    return {
        "SECRET_KEY": os.environ.get("SECRET_KEY", "dev-only-not-secret"),
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{sqlite_file}"),
        "CONTENT_DIR": os.environ.get("CBEC_CONTENT_DIR", str(PROJECT_ROOT / "modules")),
        "QUIZ_DIR": os.environ.get("CBEC_QUIZ_DIR", str(PROJECT_ROOT / "quizzes")),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "WTF_CSRF_TIME_LIMIT": None,
        "MAX_CONTENT_LENGTH": 5 * 1024 * 1024,
    }
