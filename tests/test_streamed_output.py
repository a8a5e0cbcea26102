"""One-file outputs are streamed: the JSON document is written post by post, never held whole.

Before: ``write_json`` encoded the whole document into one buffer and ``io`` wrote it at once, so
a JSON run held the archive and its whole output together: 174 MB peak on the 73 MB 5,000-post
export (2.3x the input), 569 MB on the 285 MB one.
"""

from __future__ import annotations

import os
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import BLOG_FI, ROOT

import importer
from importer.errors import Interrupted
from importer.io import write_atomic, write_file
from importer.outputs import OutputFile
from importer.writers.json_writer import JsonOptions, write_json

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate_legacy


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_legacy(tmp_path_factory.mktemp("stream") / "blog.xml", posts=200, comments_per_post=4)


def _peak(call: Callable[[], object]) -> int:
    """Peak traced Python memory while ``call()`` runs."""
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("to", ["json", "jsonl"])
def test_a_json_run_never_holds_its_whole_output(export: Path, tmp_path: Path, to: str) -> None:
    out = tmp_path / f"blog.{to}"
    importer.convert(export, out, to=to)  # modules and locale data loaded before measuring
    reading = _peak(lambda: importer.read(export))
    converting = _peak(lambda: importer.convert(export, out, to=to))
    size = out.stat().st_size
    # Reading holds the archive; converting may add the checks' and the URL plan's working memory
    # and a few posts' encodings, but not the document (before: the whole output, 1.1x its size).
    assert converting - reading < 0.3 * size, (converting, reading, size)


def test_the_streamed_file_is_the_bytes_write_gives() -> None:
    archive = importer.read(BLOG_FI / "legacy.xml")
    streamed = write_json(archive, JsonOptions(), importer.Diagnostics())[0]
    whole = importer.write(archive, "json")[0]
    assert streamed.is_streamed and not whole.is_streamed
    assert b"".join(streamed.chunks()) == streamed.data == whole.data
    assert len(list(streamed.chunks())) == len(archive.posts) + 2  # head, one per post, end


def _pieces(fail_after: int, stop: BaseException) -> Iterator[bytes]:
    for number in range(10):
        if number == fail_after:
            raise stop
        yield b'{"schema": "blog-archive/1", "part": %d}\n' % number


@pytest.mark.parametrize("stop", [RuntimeError("writer bug"), Interrupted(2)], ids=["error", "signal"])
def test_a_stream_that_fails_half_way_leaves_the_previous_file_whole(tmp_path: Path,
                                                                      stop: BaseException) -> None:
    target = tmp_path / "blog.json"
    signature = b'"schema": "blog-archive/'
    write_file([OutputFile("archive.json", b'{"schema": "blog-archive/1"}\n', signature)], target)
    before = target.read_bytes()
    with pytest.raises(type(stop)):
        write_file([OutputFile.streamed("archive.json", lambda: _pieces(3, stop), signature)], target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blog.json"]  # no temporary file left
    if isinstance(stop, Interrupted):
        assert stop.outcome == "unchanged"


def test_a_streamed_file_on_stdout_is_printed_only_once_whole(
        capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    with pytest.raises(RuntimeError):
        write_file([OutputFile.streamed("archive.json", lambda: _pieces(3, RuntimeError("bug")))], "-")
    assert capfdbinary.readouterr().out == b""
    write_file([OutputFile.streamed("archive.json", lambda: _pieces(99, RuntimeError()))], "-")
    assert capfdbinary.readouterr().out.count(b"\n") == 10


@pytest.mark.parametrize("write", ["write_file", "write_atomic"])
def test_a_signal_the_moment_the_temporary_file_is_made_leaves_none_behind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: str) -> None:
    """Python runs a signal handler right after the system call that was running returns: before,
    ``mkstemp`` had created the file but not yet told its name, and the file stayed."""
    real_open = os.open

    def open_then_signal(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        fd = real_open(path, flags, mode)
        if str(path).endswith(".tmp"):
            os.close(fd)
            raise Interrupted(15)
        return fd

    target = tmp_path / "blog.json"
    monkeypatch.setattr(os, "open", open_then_signal)
    with pytest.raises(Interrupted):
        if write == "write_file":
            write_file([OutputFile("archive.json", b"{}\n")], target)
        else:
            write_atomic(target, b"{}\n")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []
