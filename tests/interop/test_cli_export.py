"""`flask course export`: one command for every package, clear refusals that write nothing."""

from __future__ import annotations

import pytest


def test_each_format_writes_its_package(synced_quizzes, export):
    cartridge = export("--format", "imscc")
    assert "imsmanifest.xml" in cartridge.namelist()
    scorm = export("--format", "scorm12", "--module", "pilot-zones")
    assert "imsmanifest.xml" in scorm.namelist()
    offline = export("--format", "offline")
    assert "cbec-academy-offline/index.html" in offline.namelist()


def test_a_module_export_holds_that_module_only(synced_quizzes, export):
    names = export("--format", "imscc", "--module", "logistics-basics").namelist()
    assert "logistics-basics/rail-freight.html" in names
    assert not any(name.startswith("pilot-zones/") for name in names)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--format", "scorm12"], "scorm12 packages hold one module: name it with --module SLUG"),
        (["--format", "imscc", "--module", "no-such-module"], "no active module has the slug 'no-such-module'"),
        (["--format", "zip"], "Invalid value for '--format'"),
    ],
)
def test_a_refused_export_says_why_and_writes_nothing(synced_quizzes, runner, tmp_path, args, message):
    out = tmp_path / "package.zip"
    result = runner.invoke(args=["course", "export", *args, "-o", str(out)])
    assert result.exit_code != 0
    assert message in result.output
    assert not out.exists()
    assert list(tmp_path.glob(".package.zip.*")) == []


def test_an_empty_database_is_refused(app, runner, tmp_path):
    out = tmp_path / "package.zip"
    result = runner.invoke(args=["course", "export", "--format", "imscc", "-o", str(out)])
    assert result.exit_code != 0
    assert "run flask course sync first" in result.output
    assert not out.exists()


def test_a_rebuild_of_the_same_content_is_the_same_file(synced_quizzes, runner, tmp_path):
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    for out in (first, second):
        assert runner.invoke(args=["course", "export", "--format", "offline", "-o", str(out)]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
