"""The disk writer: paths stay inside the output, writes are atomic, nothing is overwritten silently."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from importer.errors import OutputError
from importer.io import MANIFEST, safe_relative_path, write_file, write_tree
from importer.writers import OutputFile


@pytest.mark.parametrize("bad", [
    "../escape.md", "/etc/passwd", "a/../../b.md", "", "a/./b.md", "C:/x.md", "a\\b.md", "a\x00b",
    "a//b.md",
])
def test_unsafe_paths_are_refused(bad: str) -> None:
    with pytest.raises(OutputError):
        safe_relative_path(bad)


def test_tree_is_written_with_a_manifest_and_rerun_is_allowed(tmp_path: Path) -> None:
    out = tmp_path / "site"
    files = [OutputFile("content/posts/a.md", b"A"), OutputFile("data/c.json", b"{}")]
    written = write_tree(files, out)
    assert [p.relative_to(out).as_posix() for p in written] == ["content/posts/a.md", "data/c.json"]
    manifest = json.loads((out / MANIFEST).read_text())
    assert sorted(manifest["files"]) == ["content/posts/a.md", "data/c.json"]
    write_tree(files, out)  # our own folder: a re-run replaces our files
    assert (out / "content/posts/a.md").read_bytes() == b"A"


def test_foreign_non_empty_folder_is_refused_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(OutputError, match="not written by blogimport"):
        write_tree([OutputFile("a.md", b"A")], tmp_path)
    write_tree([OutputFile("a.md", b"A")], tmp_path, force=True)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_a_file_we_did_not_write_is_never_overwritten(tmp_path: Path) -> None:
    write_tree([OutputFile("a.md", b"A")], tmp_path)
    (tmp_path / "b.md").write_text("hand-written")
    with pytest.raises(OutputError, match=r"'b\.md' exists"):
        write_tree([OutputFile("a.md", b"A"), OutputFile("b.md", b"B")], tmp_path)
    assert (tmp_path / "b.md").read_text() == "hand-written"


def test_symlink_escape_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    site = tmp_path / "site"
    write_tree([OutputFile("x.md", b"x")], site)
    os.symlink(outside, site / "link")
    with pytest.raises(OutputError, match="leaves the output folder"):
        write_tree([OutputFile("link/evil.md", b"E")], site)
    assert not (outside / "evil.md").exists()


def test_duplicate_paths_in_one_run_are_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="share the path"):
        write_tree([OutputFile("a.md", b"1"), OutputFile("a.md", b"2")], tmp_path / "o")


def test_single_file_is_not_overwritten_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "blog.json"
    write_file([OutputFile("archive.json", b"1")], target)
    with pytest.raises(OutputError, match="exists"):
        write_file([OutputFile("archive.json", b"2")], target)
    write_file([OutputFile("archive.json", b"2")], target, force=True)
    assert target.read_bytes() == b"2"


def test_split_output_gets_numbered_names(tmp_path: Path) -> None:
    target = tmp_path / "blog.xml"
    written = write_file([OutputFile("a.xml", b"1"), OutputFile("b.xml", b"2")], target)
    assert [p.name for p in written] == ["blog-001.xml", "blog-002.xml"]


def test_no_temporary_files_are_left_behind(tmp_path: Path) -> None:
    write_tree([OutputFile("d/a.md", b"A")], tmp_path / "o")
    leftovers = [p for p in (tmp_path / "o").rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


def test_a_file_of_ours_edited_since_is_not_overwritten_silently(tmp_path: Path) -> None:
    # the manifest kept digests but never compared them: a re-run replaced hand edits
    write_tree([OutputFile("a.md", b"A"), OutputFile("b.md", b"B")], tmp_path)
    (tmp_path / "a.md").write_text("edited by hand")
    with pytest.raises(OutputError, match=r"'a\.md' was edited"):
        write_tree([OutputFile("a.md", b"A2"), OutputFile("b.md", b"B2")], tmp_path)
    assert (tmp_path / "a.md").read_text() == "edited by hand"
    assert (tmp_path / "b.md").read_bytes() == b"B"  # nothing written when one file is refused
    write_tree([OutputFile("a.md", b"edited by hand")], tmp_path)  # same bytes: nothing lost
    write_tree([OutputFile("a.md", b"A3")], tmp_path, force=True)
    assert (tmp_path / "a.md").read_bytes() == b"A3"


def test_files_of_an_earlier_run_stay_ours(tmp_path: Path) -> None:
    # run 2 leaves b.md out (a post went to drafts); run 3 writes it again and must not refuse it
    write_tree([OutputFile("a.md", b"A"), OutputFile("b.md", b"B")], tmp_path)
    write_tree([OutputFile("a.md", b"A")], tmp_path)
    write_tree([OutputFile("a.md", b"A"), OutputFile("b.md", b"B2")], tmp_path)
    assert (tmp_path / "b.md").read_bytes() == b"B2"
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    assert sorted(manifest["files"]) == ["a.md", "b.md"]


def test_files_get_the_umask_mode_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        written = write_tree([OutputFile("content/a.md", b"A")], tmp_path / "o")
        single = write_file([OutputFile("archive.json", b"{}")], tmp_path / "a.json")
    finally:
        os.umask(old)
    assert (written[0].stat().st_mode & 0o777) == 0o644
    assert (single[0].stat().st_mode & 0o777) == 0o644


def test_a_rerun_removes_our_files_it_no_longer_writes(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_tree([OutputFile("posts/a.md", b"A"), OutputFile("drafts/d.md", b"D")], out)
    write_tree([OutputFile("posts/a.md", b"A")], out)  # e.g. --no-drafts this time
    assert not (out / "drafts").exists()
    assert sorted(json.loads((out / MANIFEST).read_text())["files"]) == ["posts/a.md"]


def test_a_stale_file_edited_by_hand_is_kept_and_stays_ours(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_tree([OutputFile("a.md", b"A"), OutputFile("b.md", b"B")], out)
    (out / "b.md").write_text("my notes")
    write_tree([OutputFile("a.md", b"A")], out)
    assert (out / "b.md").read_text() == "my notes"
    assert "b.md" in json.loads((out / MANIFEST).read_text())["files"]


def test_a_non_regular_file_is_never_replaced_even_with_force(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="not a regular file"):
        write_file([OutputFile("archive.json", b"{}")], fifo, force=True)


def test_manifest_entries_outside_the_folder_are_never_removed(tmp_path: Path) -> None:
    # stale files of ours are removed on a re-run; the manifest is only a file in the output, so
    # an entry like "../victim.txt" (damaged or hand-made) must not delete anything outside
    import hashlib

    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"V")
    site = tmp_path / "site"
    write_tree([OutputFile("a.md", b"A")], site)
    digest = hashlib.sha256(b"V").hexdigest()
    manifest = json.loads((site / MANIFEST).read_text())
    manifest["files"]["../victim.txt"] = digest
    manifest["files"][str(victim)] = digest
    (site / MANIFEST).write_text(json.dumps(manifest))
    write_tree([OutputFile("a.md", b"A")], site)
    assert victim.read_bytes() == b"V"
