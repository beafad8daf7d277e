"""Fixtures for the quiz-domain tests: the shared GIFT samples and hypothesis settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parents[2]
GIFT_SAMPLES = REPO.parent / "shared" / "gift-samples"

# Registered, not loaded: only the quiz property tests opt in, other suites keep their own settings.
settings.register_profile(
    "quiz",
    max_examples=300 if os.environ.get("CI") else 150,
    deadline=None,
    database=None,  # keep .hypothesis/ out of the work tree
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.fixture
def gift_sample():
    """Read a file from ../shared/gift-samples, skipping the test when the folder is absent."""

    def read(name: str) -> str:
        path = GIFT_SAMPLES / name
        if not path.is_file():
            pytest.skip(f"shared GIFT sample {name} not available")
        return path.read_bytes().decode("utf-8")

    return read
