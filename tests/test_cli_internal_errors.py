"""The CLI's last guard: a bug of ours is one line and exit 1; ``--debug`` shows the traceback."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BLOG_FI

from importer.cli import main
from importer.readers import json_reader

JSON = BLOG_FI / "golden/legacy.json"
LINE = ("internal error: RuntimeError: boom in the reader (run with --debug for the trace, "
        "please report it)")


@pytest.fixture
def broken_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_args: object) -> None:
        raise RuntimeError("boom in the reader\nsecond line")

    monkeypatch.setattr(json_reader, "post_from_dict", explode)


@pytest.mark.parametrize("command", [["convert", str(JSON), "--to", "json", "-o", "-"],
                                     ["info", str(JSON)]], ids=["convert", "info"])
def test_unexpected_exception_is_one_line_and_exit_1(broken_reader: None, command: list[str]) -> None:
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert result.stderr.strip().splitlines() == [f"Error: {LINE}"]
    assert result.stdout == ""


def test_debug_lets_the_exception_through_with_its_trace(broken_reader: None) -> None:
    result = CliRunner().invoke(main, ["--debug", "convert", str(JSON), "--to", "json", "-o", "-"])
    assert isinstance(result.exception, RuntimeError)
    assert result.exc_info is not None and result.exc_info[2] is not None


def test_validate_reports_the_bug_as_one_unreadable_file(
        broken_reader: None, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        result = CliRunner().invoke(main, ["validate", str(JSON)])
    assert result.exit_code == 3
    assert f"error[file-unreadable]: {LINE}" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert not caplog.records  # the trace is logged at debug level only


def test_validate_with_debug_raises(broken_reader: None) -> None:
    result = CliRunner().invoke(main, ["--debug", "validate", str(JSON)])
    assert isinstance(result.exception, RuntimeError)


def test_the_guard_leaves_library_errors_and_exit_codes_alone(tmp_path: Path) -> None:
    missing = tmp_path / "missing.xml"
    result = CliRunner().invoke(main, ["convert", str(missing), "--to", "json", "-o", "-"])
    assert result.exit_code == 1 and "internal error" not in result.stderr
    result = CliRunner().invoke(main, ["date", "torstai 10. kesäkuuta 2010"])
    assert result.exit_code == 0 and result.stdout.strip() == "2010-06-10 (day)"


def test_running_out_of_memory_is_one_line_not_a_bug_report(monkeypatch: pytest.MonkeyPatch) -> None:
    def exhaust(*_args: object) -> None:
        raise MemoryError

    monkeypatch.setattr(json_reader, "post_from_dict", exhaust)
    result = CliRunner().invoke(main, ["convert", str(JSON), "--to", "json", "-o", "-"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "Error: out of memory: the input needs more memory than this machine allows "
        "(run with --debug for the trace)"]


def test_a_reader_that_stops_early_is_no_internal_error() -> None:
    # `blogimport info blog.xml | head -3` printed "internal error: BrokenPipeError" on stderr
    import subprocess
    import sys

    from conftest import BLOG_FI

    proc = subprocess.Popen([sys.executable, "-m", "importer", "info", str(BLOG_FI / "legacy.xml")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # as head does once it has its lines: every later write fails
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert "internal error" not in err and "Traceback" not in err
