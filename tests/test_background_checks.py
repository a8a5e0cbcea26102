"""JSON and WXR use both cores: validate's checks are shared with a forked worker, which starts on
them while the output is written.

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
from typing import Any, ClassVar

import pytest
from processes import child_pids
from run_helpers import messy_export

import importer.pipeline
from importer.diagnostics import Diagnostics
from importer.errors import Interrupted
from importer.forked import SharedJobs, can_fork
from importer.io import write_file
from importer.outputs import OutputFile
from importer.web import WebOptions

TIMEOUT = 300


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 1,200 entries with diagnostics of many codes (enough to use the worker)."""
    path = tmp_path_factory.mktemp("background") / "blog.xml"
    path.write_text(messy_export(posts=300, comments_per_post=3), encoding="utf-8")
    return path


class _Spy(SharedJobs[object]):
    forked_runs: ClassVar[list[bool]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _Spy.forked_runs.append(self.forked)


@pytest.mark.parametrize("to, shared", [("json", True), ("wxr", True), ("hugo", False)])
def test_the_checks_of_a_one_file_output_are_shared_with_a_worker(
        messy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, to: str, shared: bool) -> None:
    assert can_fork()
    _Spy.forked_runs = []
    monkeypatch.setattr(importer.pipeline, "SharedJobs", _Spy)
    out = tmp_path / ("out" if to == "hugo" else f"blog.{to}")
    importer.pipeline.convert(messy, out, to=to, diagnostics=Diagnostics())
    # Markdown keeps both cores busy converting bodies: its checks stay in this process.
    assert _Spy.forked_runs == [shared]


@pytest.mark.parametrize("to", ["json", "jsonl", "wxr"])
def test_the_same_findings_in_the_same_order_with_or_without_the_worker(
        messy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, to: str) -> None:
    runs = []
    for threshold in (0, 10**9):  # always with a worker, never
        monkeypatch.setattr(importer.pipeline, "SHARED_ENTRIES", threshold)
        diagnostics = Diagnostics()
        result = importer.pipeline.convert(messy, tmp_path / f"blog.{to}", to=to, diagnostics=diagnostics)
        runs.append(([str(d) for d in diagnostics], result.accounting,
                     (tmp_path / f"blog.{to}").read_bytes()))
    assert runs[0] == runs[1]
    assert len(set(d.split("[")[-1] for d in runs[0][0])) > 3  # many codes, not an empty run


def _meeting(folder: Path, mine: str, theirs: str) -> Callable[[], int]:
    """A job that waits until the job ``theirs`` has started: the two can only end in two processes."""

    def job() -> int:
        (folder / mine).touch()
        deadline = time.monotonic() + 60
        while not (folder / theirs).exists():
            if time.monotonic() > deadline:
                raise TimeoutError(f"{theirs} never started beside {mine}")
            time.sleep(0.001)
        return os.getpid()

    return job


def test_both_processes_take_jobs_and_the_results_come_in_job_order(tmp_path: Path) -> None:
    with SharedJobs([_meeting(tmp_path, "a", "b"), _meeting(tmp_path, "b", "a"),
                     lambda: -1]) as jobs:
        assert jobs.forked
        first, second, third = jobs.results()
    assert os.getpid() in (first, second) and first != second and third == -1


def test_a_worker_that_dies_leaves_its_jobs_to_this_process() -> None:
    parent = os.getpid()

    def job() -> int:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return os.getpid()

    with SharedJobs([job, job, job]) as jobs:
        assert jobs.forked
        assert jobs.results() == [parent, parent, parent]


def test_a_worker_that_fails_lets_the_error_come_from_here_with_its_traceback() -> None:
    def work() -> int:
        raise ValueError(f"a bug, seen in process {os.getpid()}")

    with pytest.raises(ValueError, match=f"process {os.getpid()}$"), SharedJobs([work]) as jobs:
        jobs.results()


def test_progress_counts_every_job_once() -> None:
    told: list[tuple[int, int]] = []
    with SharedJobs([lambda: 1, lambda: 2, lambda: 3]) as jobs:
        assert jobs.results(lambda done, total: told.append((done, total))) == [1, 2, 3]
    assert told == [(1, 3), (2, 3), (3, 3)]


def test_no_fork_while_other_threads_run() -> None:
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        with SharedJobs([os.getpid]) as jobs:
            assert not jobs.forked and jobs.results() == [os.getpid()]
    finally:
        stop.set()
        thread.join()


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
    # Once the output is being staged the checks worker is at work (a reader of pieces, forked
    # earlier, is gone by then).
    while not (any(p.suffix == ".tmp" for p in tmp_path.iterdir()) and child_pids(proc.pid)):
        assert proc.poll() is None, "the run ended before it was caught writing with its worker"
        assert time.monotonic() < deadline
        time.sleep(0.001)
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


def test_checks_started_before_the_web_step_are_redone_when_it_changes_the_archive(
        messy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks start as soon as the archive is read when nothing should change it; if the web
    step changes it after all, they run again on what the writer gets."""
    web = WebOptions(rewrite_links=True)
    expected = Diagnostics()
    monkeypatch.setattr(importer.pipeline, "SHARED_ENTRIES", 10**9)
    importer.pipeline.convert(messy, tmp_path / "a.json", to="json", web=web, diagnostics=expected)
    monkeypatch.setattr(importer.pipeline, "SHARED_ENTRIES", 0)
    monkeypatch.setattr(importer.pipeline, "_keeps_archive", lambda spec, web: True)  # a wrong guess
    _Spy.forked_runs = []
    monkeypatch.setattr(importer.pipeline, "SharedJobs", _Spy)
    diagnostics = Diagnostics()
    importer.pipeline.convert(messy, tmp_path / "b.json", to="json", web=web, diagnostics=diagnostics)
    assert _Spy.forked_runs == [True, True]
    assert [str(d) for d in diagnostics] == [str(d) for d in expected]
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
