"""Helpers for the package tests: build a package through the real command and open it."""

from __future__ import annotations

import io
import zipfile

import pytest


@pytest.fixture
def export(runner, tmp_path):
    """Run `flask course export` and return the package as an open zip (or the failed result)."""

    def run(*args: str) -> zipfile.ZipFile:
        out = tmp_path / "package.zip"
        result = runner.invoke(args=["course", "export", *args, "-o", str(out)])
        assert result.exit_code == 0, result.output
        return zipfile.ZipFile(io.BytesIO(out.read_bytes()))

    return run
