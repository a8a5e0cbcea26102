"""``--split-size``: files each under the size, each a complete WXR, whose union reads back as
the unsplit archive; a post never leaves its comments (or its attachments)."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest
from conftest import ROOT
from wxr_sample import NS, items, parse, sample_archive, wp

from importer.diagnostics import Diagnostics
from importer.model import Archive
from importer.options import ReadOptions
from importer.readers import read
from importer.writers import write
from importer.writers.wxr import WxrOptions


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_all(paths: list[Path], zone: str | None) -> Archive:
    """The union of several WXR files: the first file's blog, every file's entries in order."""
    parts = [read(path, options=ReadOptions(timezone=zone)) for path in paths]
    assert all(part.blog == parts[0].blog for part in parts)
    return Archive(blog=parts[0].blog, posts=tuple(p for part in parts for p in part.posts))


def write_files(archive: Archive, tmp_path: Path, options: WxrOptions) -> tuple[list[Path], Diagnostics]:
    diagnostics = Diagnostics()
    paths = []
    for output in write(archive, "wxr", options, diagnostics):
        path = tmp_path / output.path
        path.write_bytes(output.data)
        paths.append(path)
    return paths, diagnostics


@pytest.fixture(scope="module")
def bench_archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    path = tmp_path_factory.mktemp("bench") / "export.xml"
    generator().generate_legacy(path, posts=60, comments_per_post=3, body_size=1_500)
    return read(path)


def check_parts(paths: list[Path], limit: int) -> None:
    for path in paths:
        data = path.read_bytes()
        assert len(data) <= limit
        root = parse(data)  # each part is well-formed on its own
        logins = {wp(a, "author_login") for a in root.findall("channel/wp:author", NS)}
        tags = {wp(t, "tag_slug") for t in root.findall("channel/wp:tag", NS)}
        for item in items(root):
            assert item.findtext("dc:creator", namespaces=NS) in logins
            assert {c.get("nicename") for c in item.findall("category")} <= tags
        assert root.findtext("channel/wp:wxr_version", namespaces=NS) == "1.2"


def test_split_parts_are_small_complete_and_union_round_trips(bench_archive: Archive, tmp_path: Path) -> None:
    [whole], _ = write_files(bench_archive, tmp_path, WxrOptions())
    limit = 40_000
    paths, diagnostics = write_files(bench_archive, tmp_path, WxrOptions(split_size="40kB"))
    assert len(paths) > 3 and whole.stat().st_size > limit
    assert [p.name for p in paths][:2] == ["archive-001.xml", "archive-002.xml"]
    check_parts(paths, limit)
    zone = bench_archive.blog.timezone
    union = read_all(paths, zone)
    assert union == read(whole, options=ReadOptions(timezone=zone))
    assert sorted(p.id for p in union.posts) == sorted(p.id for p in bench_archive.posts)
    source_comments = {p.id: p.comments for p in bench_archive.posts}
    assert all(p.comments == source_comments[p.id] for p in union.posts)  # never separated
    assert "split-oversize" not in diagnostics.codes()


def test_attachments_travel_with_their_post(tmp_path: Path) -> None:
    paths, _ = write_files(sample_archive(), tmp_path, WxrOptions(split_size="4096", attachments=True))
    for path in paths:
        root = parse(path.read_bytes())
        ids = {wp(i, "post_id") for i in items(root)}
        for item in items(root):
            if wp(item, "post_type") == "attachment":
                assert wp(item, "post_parent") in ids


def test_an_entry_larger_than_the_limit_is_written_alone_and_reported(tmp_path: Path) -> None:
    archive = sample_archive()
    big = archive.posts[1]
    archive = replace(archive, posts=(replace(big, content_html="x" * 10_000), *archive.posts[2:]))
    paths, diagnostics = write_files(archive, tmp_path, WxrOptions(split_size="8192"))
    oversize = [d for d in diagnostics if d.code == "split-oversize"]
    assert [d.entry for d in oversize] == [big.id]
    alone = [p for p in paths if p.stat().st_size > 8192]
    assert len(alone) == 1 and len(items(parse(alone[0].read_bytes()))) == 1
    check_parts([p for p in paths if p not in alone], 8192)


def test_a_small_archive_under_the_limit_stays_one_file(tmp_path: Path) -> None:
    paths, _ = write_files(sample_archive(), tmp_path, WxrOptions(split_size="10MB"))
    assert [p.name for p in paths] == ["archive.xml"]
