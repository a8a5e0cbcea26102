"""Progress on stderr: on a terminal after about a second, never in a pipe or with --quiet."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from run_helpers import messy_export

from importer.cli import main
from importer.cli import progress as progress_module
from importer.cli.progress import TerminalProgress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_nothing_is_drawn_in_the_first_second_then_one_bar_per_phase() -> None:
    now = [0.0]
    stream = _Terminal()
    bar = TerminalProgress(stream, clock=lambda: now[0])
    bar("reading", 10, 100)
    assert stream.getvalue() == ""  # a quick run prints no bar at all
    now[0] = 1.5
    bar("reading", 50, 100)
    assert "Reading" in stream.getvalue() and "50%" in stream.getvalue()
    now[0] = 2.0
    bar("converting", 1, 4)
    bar.close()
    assert "Converting posts" in stream.getvalue()


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("progress") / "blog.xml"
    path.write_text(messy_export(posts=150, comments_per_post=2, undated=False), encoding="utf-8")
    return path


def test_no_progress_when_stderr_is_not_a_terminal(export: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-m", "importer", "convert", str(export), "--to", "json",
                           "-o", str(tmp_path / "a.json")], capture_output=True, text=True, env=env,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "Reading" not in done.stderr and "\r" not in done.stderr


def _run_on_a_terminal(args: list[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the CLI in this process with stderr on a pseudo-terminal; what the terminal got."""
    master, slave = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain)
    reader.start()
    terminal = os.fdopen(slave, "w", encoding="utf-8", buffering=1)
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(progress_module, "DELAY", 0.0)  # this run is short: draw from the start
    try:
        main(args, standalone_mode=False)
    finally:
        terminal.close()
        reader.join(timeout=10)
        os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_appears_on_a_terminal(export: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    shown = _run_on_a_terminal(["convert", str(export), "--to", "hugo", "-o", str(tmp_path / "site")],
                               monkeypatch)
    assert "Reading" in shown and "Converting posts" in shown and "Checking" in shown
    assert "entries: " in shown  # the end-of-run block comes after the bars, on its own line


def test_quiet_draws_no_progress_even_on_a_terminal(export: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    shown = _run_on_a_terminal(["convert", str(export), "--to", "json", "-o", str(tmp_path / "a.json"),
                                "-q"], monkeypatch)
    assert "Reading" not in shown and "entries: " in shown


def test_info_shows_reading_progress_on_a_terminal(export: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = _run_on_a_terminal(["info", str(export)], monkeypatch)
    assert "Reading" in shown
