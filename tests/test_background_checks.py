"""JSON and WXR use both cores: validate's checks run in a forked worker while the output is written.

Before: a one-file conversion ran the checks after the writer on one core (about 0.9 s of a
4.5 s JSON run on the 5,000-post export, 0.9 s of WXR's), while the Markdown writer already used
both. Same findings, same order, same exit, whichever way the checks run; an interrupt or a
failing worker leaves no process behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from run_helpers import messy_export

import importer.pipeline
from importer.diagnostics import Diagnostic, Diagnostics, Severity
from importer.errors import Interrupted
from importer.forked import Background, Tell, can_fork
from importer.io import write_file
from importer.outputs import OutputFile

TIMEOUT = 300


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 1,200 entries with diagnostics of many codes (enough to use the worker)."""
    path = tmp_path_factory.mktemp("background") / "blog.xml"
    path.write_text(messy_export(posts=300, comments_per_post=3), encoding="utf-8")
    return path


def _pid_finding(archive: object, file: str | None, target: str,
                 progress: Tell | None = None) -> list[Diagnostic]:
    return [Diagnostic("link-unresolved", Severity.WARNING, f"checked in process {os.getpid()}", file)]


@pytest.mark.parametrize("to, elsewhere", [("json", True), ("wxr", True), ("hugo", False)])
def test_the_checks_of_a_one_file_output_run_in_another_process(
        messy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, to: str, elsewhere: bool) -> None:
    assert can_fork()
    monkeypatch.setattr(importer.pipeline, "run_checks", _pid_finding)
    diagnostics = Diagnostics()
    out = tmp_path / ("out" if to == "hugo" else f"blog.{to}")
    importer.pipeline.convert(messy, out, to=to, diagnostics=diagnostics)
    said = [d.message for d in diagnostics if d.message.startswith("checked in process")]
    assert len(said) == 1
    # Markdown keeps both cores busy converting bodies: its checks stay in this process.
    assert (said[0] != f"checked in process {os.getpid()}") is elsewhere


@pytest.mark.parametrize("to", ["json", "jsonl", "wxr"])
def test_the_same_findings_in_the_same_order_with_or_without_the_worker(
        messy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, to: str) -> None:
    runs = []
    for threshold in (0, 10**9):  # always in a worker, never
        monkeypatch.setattr(importer.pipeline, "BACKGROUND_ENTRIES", threshold)
        diagnostics = Diagnostics()
        result = importer.pipeline.convert(messy, tmp_path / f"blog.{to}", to=to, diagnostics=diagnostics)
        runs.append(([str(d) for d in diagnostics], result.accounting,
                     (tmp_path / f"blog.{to}").read_bytes()))
    assert runs[0] == runs[1]
    assert len(set(d.split("[")[-1] for d in runs[0][0])) > 3  # many codes, not an empty run


def _child_pid(work: Callable[[Tell], int]) -> Callable[[Tell], int]:
    parent = os.getpid()

    def wrapped(tell: Tell) -> int:
        if os.getpid() != parent:
            return work(tell)
        return -os.getpid()  # run here, in the parent

    return wrapped


def test_a_worker_that_dies_is_replaced_by_the_work_done_here() -> None:
    with Background(_child_pid(lambda tell: os.kill(os.getpid(), signal.SIGKILL) or 0)) as job:
        assert job.forked
        assert job.result() == -os.getpid()


def test_a_worker_that_fails_lets_the_error_come_from_here_with_its_traceback() -> None:
    def work(tell: Tell) -> int:
        raise ValueError(f"a bug, seen in process {os.getpid()}")

    with pytest.raises(ValueError, match=f"process {os.getpid()}$"), Background(work) as job:
        job.result()


def test_progress_of_the_worker_is_told_here_in_order() -> None:
    def work(tell: Tell) -> int:
        for done in range(1, 4):
            tell(done, 3)
        return os.getpid()

    told: list[tuple[int, int]] = []
    with Background(work) as job:
        assert job.result(lambda done, total: told.append((done, total))) != os.getpid()
    assert told == [(1, 3), (2, 3), (3, 3)]


def test_no_fork_while_other_threads_run() -> None:
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        with Background(lambda tell: os.getpid()) as job:
            assert not job.forked and job.result() == os.getpid()
    finally:
        stop.set()
        thread.join()


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _group_is_gone(pgid: int) -> bool:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "blog.xml"
    path.write_text(messy_export(posts=2500, comments_per_post=4), encoding="utf-8")
    return path


@pytest.mark.parametrize("to_group", [True, False], ids=["Ctrl-C to the group", "TERM to the parent"])
def test_an_interrupt_while_the_worker_checks_leaves_the_output_and_no_process(
        big: Path, tmp_path: Path, to_group: bool) -> None:
    out = tmp_path / "blog.json"
    out.write_text('{"schema": "blog-archive/1"}\n')
    proc = subprocess.Popen([sys.executable, "-m", "importer", "convert", str(big), "--to", "json",
                             "-o", str(out)], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            text=True, start_new_session=True)
    deadline = time.monotonic() + TIMEOUT
    while not _children(proc.pid):
        assert proc.poll() is None, "the run ended before its worker started"
        assert time.monotonic() < deadline
        time.sleep(0.002)
    if to_group:
        os.killpg(proc.pid, signal.SIGINT)
    else:
        os.kill(proc.pid, signal.SIGTERM)
    _, err = proc.communicate(timeout=TIMEOUT)
    assert proc.returncode == (130 if to_group else 143), err
    assert err.strip().splitlines() == [f"interrupted: {out} is unchanged"]
    assert out.read_text() == '{"schema": "blog-archive/1"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blog.json"]
    assert _group_is_gone(proc.pid), "a worker outlived the run"


def test_the_output_is_put_in_place_only_once_the_checks_are_in(tmp_path: Path) -> None:
    target = tmp_path / "blog.json"
    target.write_bytes(b'{"schema": "blog-archive/1", "old": true}\n')
    seen: list[list[str]] = []

    def checks_interrupted() -> None:
        seen.append(sorted(p.name for p in tmp_path.iterdir()))
        raise Interrupted(signal.SIGINT)

    new = OutputFile("archive.json", b'{"schema": "blog-archive/1"}\n', b'"schema": "blog-archive/')
    with pytest.raises(Interrupted) as stop:
        write_file([new], target, before_commit=checks_interrupted)
    assert len(seen[0]) == 2 and seen[0][0].startswith(".blog.json.")  # staged, not yet in place
    assert target.read_bytes() == b'{"schema": "blog-archive/1", "old": true}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["blog.json"]
    assert stop.value.outcome == "unchanged"
