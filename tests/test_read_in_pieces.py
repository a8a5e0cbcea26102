"""A large legacy export is read in pieces on two cores, with exactly the result of one pass.

Before: reading the 5,000-post export took about 1.4 s on one core (the bare XML parse: 0.5 s),
half of a JSON run. Here every input is read both ways (pieces forced on small files) and the
archives and the diagnostics (text, order, line numbers) must be the same; inputs a cut could
break (a truncated file, an undeclared prefix, ``<entry`` inside a comment or CDATA) must give
what one pass gives too.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import BLOG_FI, FUZZ
from hypothesis import given, settings
from hypothesis import strategies as st
from processes import child_pids
from run_helpers import messy_export

import importer
from importer.diagnostics import Diagnostics
from importer.errors import ImporterError
from importer.forked import SharedJobs
from importer.options import ReadOptions
from importer.readers import pieces

TIMEOUT = 300
HEADER = ("<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom' "
          "xmlns:thr='http://purl.org/syndication/thread/1.0'>\n<id>tag:blogger.com,1999:blog-1.archive</id>\n")
KIND = "<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#{}'/>"


def _read(path: Path, *, cut_into: int | None, **options: str) -> tuple[object, list[str]]:
    """The archive and the diagnostics (or the error) of ``path``; in pieces unless ``cut_into`` is None."""
    saved = pieces.PARALLEL_BYTES, pieces.PIECES
    pieces.PARALLEL_BYTES, pieces.PIECES = (10**15, 2) if cut_into is None else (0, cut_into)
    diagnostics = Diagnostics()
    try:
        archive: object = importer.read(path, options=ReadOptions(**options), diagnostics=diagnostics)
    except ImporterError as error:
        archive = f"{type(error).__name__}: {error}"
    finally:
        pieces.PARALLEL_BYTES, pieces.PIECES = saved
    return archive, [f"{d}|{d.line}" for d in diagnostics]


def _same_both_ways(path: Path, *counts: int, **options: str) -> tuple[object, list[str]]:
    whole = _read(path, cut_into=None, **options)
    for count in counts or (2, 3, 7, 40):
        assert _read(path, cut_into=count, **options) == whole, count
    return whole


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "blog.xml"
    path.write_text(text, encoding="utf-8")
    return path


def _post(number: int, body: str = "x", extra: str = "") -> str:
    return (f"<entry><id>tag:blogger.com,1999:blog-1.post-{number}</id>"
            f"<published>2010-06-{1 + number % 28:02d}T14:35:00.000+03:00</published>{KIND.format('post')}"
            f"<title type='text'>P{number}</title><content type='html'>{body}</content>{extra}</entry>\n")


def _comment(number: int, post: int) -> str:
    return (f"<entry><id>tag:blogger.com,1999:blog-1.post-{number}</id>"
            f"<published>2010-06-20T14:35:00.000+03:00</published>{KIND.format('comment')}"
            "<content type='html'>c</content>"
            f"<thr:in-reply-to ref='tag:blogger.com,1999:blog-1.post-{post}'/></entry>\n")


def test_the_fixture_blog(tmp_path: Path) -> None:
    archive, _said = _same_both_ways(BLOG_FI / "legacy.xml", 2, 3, 5, 9, 30)
    assert isinstance(archive, importer.Archive) and archive.posts
    _same_both_ways(BLOG_FI / "legacy.xml", 3, timezone="America/New_York")


def test_a_messy_export_with_duplicates_across_pieces(tmp_path: Path) -> None:
    text = messy_export(posts=120, comments_per_post=2)
    first_posts = re.findall(r"<entry><id>[^<]*post-7\d+</id>.*?</entry>\n", text)[:5]
    broken = _post(31, extra="") .replace("<published>2010-06-04T14:35:00.000+03:00</published>", "")
    text = text.replace("</feed>", "".join(first_posts) + broken + "<entry><title>no id</title></entry>\n"
                        + "<entry><id>x</id>" + KIND.format("widget") + "</entry>\n</feed>")
    _archive, said = _same_both_ways(_write(tmp_path, text), 2, 4, 13, 60)
    codes = " ".join(said)
    assert "entry-duplicate-id" in codes and "entry-invalid" in codes and "entry-unknown-kind" in codes
    assert any(line.endswith(f"|{text.count(chr(10)) - 2}") for line in said)  # the entry without an id


def test_settings_after_the_entries(tmp_path: Path) -> None:
    setting = (f"<entry><id>tag:blogger.com,1999:blog-1.settings.BLOG_TIME_ZONE</id>{KIND.format('settings')}"
               "<content type='text'>America/New_York</content></entry>\n")
    body = "".join(_post(n) for n in range(40)) + "".join(_comment(100 + n, n) for n in range(40))
    archive, _said = _same_both_ways(_write(tmp_path, HEADER + body + setting + "</feed>\n"), 2, 5)
    assert isinstance(archive, importer.Archive) and archive.blog.timezone == "America/New_York"


@pytest.mark.parametrize("odd", ["comment", "cdata", "truncated", "prefix", "latin-1", "entity"])
def test_inputs_a_cut_could_break_read_as_one_pass_reads_them(tmp_path: Path, odd: str) -> None:
    posts = [_post(n, body="y" * 50) for n in range(30)]
    if odd == "comment":
        posts[15] = "<!-- " + "".join(posts[15:18]) + " -->\n"
    elif odd == "cdata":
        posts[15] = _post(15, body="<![CDATA[" + "".join(_post(100 + n) for n in range(3)) + "]]>")
    elif odd == "prefix":
        posts[20] = _post(20, extra="<app:control><app:draft>yes</app:draft></app:control>")
    text = HEADER + "".join(posts) + "</feed>\n"
    if odd == "truncated":
        text = text[: len(text) * 2 // 3]
    elif odd == "latin-1":
        text = text.replace("encoding='UTF-8'", "encoding='ISO-8859-1'").replace("y" * 50, "ä" * 50)
    elif odd == "entity":
        text = text.replace("<feed", "<!DOCTYPE feed [<!ENTITY e 'x'>]>\n<feed", 1)
    _same_both_ways(_write(tmp_path, text), 2, 3, 7, 31)


_ENTRIES = st.lists(st.one_of(
    st.integers(0, 30).map(_post),
    st.tuples(st.integers(100, 130), st.integers(0, 30)).map(lambda pair: _comment(*pair)),
    st.just("<entry><id>tag:blogger.com,1999:blog-1.post-5</id></entry>\n"),
    st.just("<!-- <entry> -->\n"),
    st.just(f"<entry><id>x.settings.BLOG_TIME_ZONE</id>{KIND.format('settings')}<content>Europe/Oslo</content></entry>\n"),
), max_size=40)


# Each example forks a reader: 300 of them at most (under CI=true) keep this test to seconds.
@settings(FUZZ, max_examples=min(FUZZ.max_examples, 300))
@given(entries=_ENTRIES, count=st.integers(2, 12))
def test_any_sequence_of_entries_reads_the_same_in_pieces(tmp_path_factory: pytest.TempPathFactory,
                                                          entries: list[str], count: int) -> None:
    path = _write(tmp_path_factory.mktemp("fuzz"), HEADER + "".join(entries) + "</feed>\n")
    assert _read(path, cut_into=count) == _read(path, cut_into=None)


def test_a_large_export_is_read_in_pieces_by_two_processes(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, messy_export(posts=300, comments_per_post=3))
    monkeypatch.setattr(pieces, "PARALLEL_BYTES", path.stat().st_size - 1)
    shared: list[bool] = []

    class Spy(SharedJobs[object]):
        def results(self, progress=None):  # type: ignore[no-untyped-def]
            shared.append(self.forked)
            return super().results(progress)

    monkeypatch.setattr(pieces, "SharedJobs", Spy)
    told: list[tuple[int, int]] = []
    options = ReadOptions(progress=lambda done, total: told.append((done, total)))
    archive = importer.read(path, options=options)
    assert shared == [True] and len(archive.posts) == 300
    assert told[-1] == (path.stat().st_size, path.stat().st_size)


def test_ctrl_c_while_reading_in_pieces_leaves_nothing_behind(tmp_path: Path) -> None:
    source = _write(tmp_path, messy_export(posts=2500, comments_per_post=4))
    assert source.stat().st_size > pieces.PARALLEL_BYTES
    out = tmp_path / "out.json"
    proc = subprocess.Popen([sys.executable, "-m", "importer", "convert", str(source), "--to", "json",
                             "-o", str(out)], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            start_new_session=True)
    deadline = time.monotonic() + TIMEOUT
    while not child_pids(proc.pid):
        assert proc.poll() is None and time.monotonic() < deadline, "the run read no pieces"
        time.sleep(0.002)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=TIMEOUT)
    assert proc.returncode == 130, err
    assert err.strip().splitlines() == [f"interrupted: {out} is unchanged"]
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["blog.xml"]
    deadline = time.monotonic() + 10
    while True:
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        assert time.monotonic() < deadline, "a reader process outlived the run"
        time.sleep(0.05)
