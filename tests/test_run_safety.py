"""Interrupted and concurrent runs lose nothing.

Before: Ctrl-C or SIGTERM during the write phase of a 2,000-post Hugo conversion left 600–3,800
files, a stray ``.tmp`` and no manifest, the re-run refused the folder as "not written by
blogimport", and the exit message was click's ``Aborted!``; two converts into one folder both
exited 0 and left files the manifest did not list.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from big_blog import write_big_blog
from conftest import BLOG_FI

from importer.errors import Interrupted
from importer.io import MANIFEST, write_tree
from importer.io.lock import lock_path
from importer.io.tree import JOURNAL, STAGING, fresh_staging
from importer.outputs import OutputFile

TIMEOUT = 300


@pytest.fixture(scope="module")
def big_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_big_blog(tmp_path_factory.mktemp("export") / "blog.xml", 2000)


def _snapshot(folder: Path) -> dict[str, str] | None:
    if not folder.exists():
        return None
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _start(source: Path, output: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "importer", "convert", str(source), "--to", "hugo",
                             "-o", str(output)], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            text=True, start_new_session=True)


def _wait_for(condition: Callable[[], bool], proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        assert proc.poll() is None, "the run ended before the point to interrupt it"
        assert time.monotonic() < deadline
        time.sleep(0.005)


def _assert_whole(folder: Path) -> None:
    """The folder holds exactly what its manifest lists, and none of our scratch files."""
    manifest = json.loads((folder / MANIFEST).read_text())["files"]
    on_disk = {k: v for k, v in (_snapshot(folder) or {}).items() if k != MANIFEST}
    assert on_disk == manifest
    assert not list(folder.rglob("*.tmp")) and not (folder / STAGING).exists()
    assert not (folder / JOURNAL).exists() and not lock_path(folder).exists()


POINTS = {
    "reading": lambda out: lock_path(out).exists(),
    "writing": lambda out: (out / STAGING).exists() or fresh_staging(out).exists(),
}


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["INT", "TERM"])
@pytest.mark.parametrize("point", POINTS, ids=POINTS.keys())
@pytest.mark.parametrize("first_run", [True, False], ids=["new folder", "re-run"])
def test_a_signal_leaves_the_previous_output_whole(big_export: Path, tmp_path: Path, signum: int,
                                                   code: int, point: str, first_run: bool) -> None:
    site = tmp_path / "site"
    if not first_run:
        subprocess.run([sys.executable, "-m", "importer", "convert", str(BLOG_FI / "legacy.xml"),
                        "--to", "hugo", "-o", str(site)], check=True, capture_output=True)
    before = _snapshot(site)
    proc = _start(big_export, site)
    _wait_for(lambda: POINTS[point](site), proc)
    time.sleep(0.05)
    os.killpg(proc.pid, signum)  # as Ctrl-C does: the whole process group, body workers too
    _, err = proc.communicate(timeout=TIMEOUT)
    assert proc.returncode == code, err
    assert err.strip().splitlines() == [f"interrupted: {site} is unchanged"]
    assert _snapshot(site) == before
    assert not (tmp_path / ".site.blogimport-staging").exists()
    if before is not None:
        _assert_whole(site)
    rerun = subprocess.run([sys.executable, "-m", "importer", "convert", str(BLOG_FI / "legacy.xml"),
                            "--to", "hugo", "-o", str(site)], capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    _assert_whole(site)


def test_an_interrupt_while_committing_finishes_the_new_output(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    write_tree([OutputFile(f"old/{n}.md", b"old") for n in range(5)], site)
    real_replace = os.replace
    calls = []

    def replace_then_interrupt(source: str | Path, target: str | Path) -> None:
        calls.append(target)
        real_replace(source, target)
        if len(calls) == 3:
            raise Interrupted(signal.SIGINT)

    monkeypatch.setattr(os, "replace", replace_then_interrupt)
    new = [OutputFile(f"new/{n}.md", b"new") for n in range(10)]
    with pytest.raises(Interrupted) as caught:
        write_tree(new, site)
    monkeypatch.undo()
    assert caught.value.outcome == "completed"
    _assert_whole(site)
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.md")) == sorted(f.path for f in new)


def test_a_run_killed_while_committing_is_finished_by_the_next(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_tree([OutputFile("a.md", b"A")], site)
    # what a run killed outright after writing its journal leaves behind
    (site / STAGING / "posts").mkdir(parents=True)
    (site / STAGING / "posts" / "b.md").write_bytes(b"B")
    digest = hashlib.sha256(b"B").hexdigest()
    (site / JOURNAL).write_text(json.dumps({"moves": ["posts/b.md"], "delete": ["a.md"],
                                            "manifest": {"posts/b.md": digest}}))
    write_tree([OutputFile("posts/b.md", b"B"), OutputFile("c.md", b"C")], site)
    _assert_whole(site)
    assert not (site / "a.md").exists() and (site / "posts/b.md").read_bytes() == b"B"


def test_a_first_run_killed_while_staging_beside_the_folder_leaves_nothing_in_the_way(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (tmp_path / ".site.blogimport-staging" / "content").mkdir(parents=True)
    (tmp_path / ".site.blogimport-staging" / "content" / "half.md").write_bytes(b"half")
    write_tree([OutputFile("a.md", b"A")], site)
    _assert_whole(site)
    assert not (tmp_path / ".site.blogimport-staging").exists()


def test_a_run_killed_while_staging_leaves_nothing_in_the_way(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / STAGING / "content").mkdir(parents=True)
    (site / STAGING / "content" / "half.md").write_bytes(b"half")
    write_tree([OutputFile("a.md", b"A")], site)  # not refused as "not written by blogimport"
    _assert_whole(site)


def test_a_second_run_into_the_same_folder_is_refused_and_names_the_first(big_export: Path,
                                                                           tmp_path: Path) -> None:
    site = tmp_path / "site"
    first = _start(big_export, site)
    _wait_for(lambda: lock_path(site).exists(), first)
    second = subprocess.run([sys.executable, "-m", "importer", "convert", str(BLOG_FI / "legacy.xml"),
                             "--to", "hugo", "-o", str(site)], capture_output=True, text=True, check=False)
    assert second.returncode == 1
    assert second.stderr.strip().splitlines() == [
        f"Error: {site}: is being written by blogimport (process {first.pid} on {os.uname().nodename}, "
        f"since {second.stderr.split('since ', 1)[1].split(')', 1)[0]}); wait for that run to end"]
    _, err = first.communicate(timeout=TIMEOUT)
    assert first.returncode == 0, err
    _assert_whole(site)
    assert len(list((site / "content" / "posts").glob("*.md"))) == 2000


def test_a_signal_while_a_command_loads_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # click's own handler answered a Ctrl-C that came while the command was still loading with
    # 'Aborted!' and exit 1, naming nothing
    from click.testing import CliRunner

    import importer.cli
    from importer.cli import main

    real_import = importer.cli.import_module

    def import_then_ctrl_c(name: str) -> object:
        os.kill(os.getpid(), signal.SIGINT)
        return real_import(name)

    monkeypatch.setattr(importer.cli, "import_module", import_then_ctrl_c)
    result = CliRunner().invoke(main, ["convert", str(BLOG_FI / "legacy.xml"), "--to", "json", "-o", "x"])
    assert result.exit_code == 130
    assert result.stderr.strip().splitlines() == ["interrupted: nothing was written"]
