"""Same input, same bytes: one conversion run in two processes with different string-hash seeds.

Within one process ``set`` and ``frozenset`` iterate in the same order every time, so converting
twice there cannot show an output that depends on that order. Here each run is a fresh interpreter
(``PYTHONHASHSEED`` 1 and 2) converting the fixture blog to JSON, Hugo and WXR; every file of the
two runs must be byte-identical.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import BLOG_FI, ROOT

CONVERT = """
import sys
import importer

source = sys.argv[1]
for to, out in (("json", "blog.json"), ("hugo", "hugo"), ("wxr", "wordpress.xml")):
    importer.convert(source, out, to=to)
"""


def _start(seed: str, where: Path) -> subprocess.Popen[str]:
    where.mkdir()
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", CONVERT, str(BLOG_FI / "legacy.xml")], cwd=where,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _files(run: subprocess.Popen[str], where: Path) -> dict[str, bytes]:
    _, stderr = run.communicate(timeout=120)
    assert run.returncode == 0, stderr
    return {p.relative_to(where).as_posix(): p.read_bytes() for p in sorted(where.rglob("*")) if p.is_file()}


def test_outputs_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    runs = [(_start(seed, tmp_path / f"seed{seed}"), tmp_path / f"seed{seed}") for seed in ("1", "2")]
    first, second = (_files(run, where) for run, where in runs)
    assert {"blog.json", "wordpress.xml", "hugo/content/posts/blog-post.md"} <= set(first)
    assert sorted(first) == sorted(second)
    differing = [path for path in first if first[path] != second[path]]
    assert differing == []
