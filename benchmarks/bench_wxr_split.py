"""Benchmark: a 5,000-post legacy export as WXR split at 10 MB (issue 6 acceptance).

Checks while it measures: every part is under 10 MB and is a complete WXR document, and the
union of the parts reads back as the same archive as the unsplit WXR (and holds every post and
comment of the export).

    .venv/bin/python benchmarks/bench_wxr_split.py [--posts 5000] [--split-size 10MB]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_legacy

from importer.diagnostics import Diagnostics
from importer.model import Archive
from importer.options import ReadOptions
from importer.readers import read
from importer.writers import write
from importer.writers.wxr import WxrOptions
from importer.writers.wxr.options import parse_size


def run(posts: int, split_size: str, folder: Path) -> dict[str, float]:
    """Generate, convert, split, re-read; returns timings and sizes; raises AssertionError on a failure."""
    export = generate_legacy(folder / "export.xml", posts=posts, comments_per_post=4)
    started = time.perf_counter()
    archive = read(export)
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    parts = write(archive, "wxr", WxrOptions(split_size=split_size), Diagnostics())
    split_s = time.perf_counter() - started
    limit = parse_size(split_size)
    paths = []
    for part in parts:
        assert len(part.data) <= limit, f"{part.path} is {len(part.data)} bytes"
        path = folder / part.path
        path.write_bytes(part.data)
        paths.append(path)
    [whole] = write(archive, "wxr", WxrOptions(), Diagnostics())
    (folder / "whole.xml").write_bytes(whole.data)
    options = ReadOptions(timezone=archive.blog.timezone)
    started = time.perf_counter()
    read_parts = [read(path, options=options) for path in paths]
    reread_s = time.perf_counter() - started
    union = Archive(blog=read_parts[0].blog, posts=tuple(p for r in read_parts for p in r.posts))
    assert union == read(folder / "whole.xml", options=options), "union differs from the unsplit WXR"
    assert len(union.posts) == len(archive.posts) and union.comment_count == archive.comment_count
    return {"posts": posts, "parts": len(parts), "largest_mb": max(len(p.data) for p in parts) / 1e6,
            "export_mb": export.stat().st_size / 1e6, "read_s": read_s, "write_split_s": split_s,
            "reread_parts_s": reread_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--split-size", default="10MB")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        result = run(args.posts, args.split_size, Path(folder))
    for key, value in result.items():
        sys.stdout.write(f"{key:>16}: {value:.2f}\n" if isinstance(value, float) else f"{key:>16}: {value}\n")


if __name__ == "__main__":
    main()
