"""Benchmark: one post whose body is 50 MB of Blogger HTML, written as JSON and as Hugo Markdown.

Each format runs in a fresh child process (so its peak RSS is its own) on the same generated
body: Blogger's "convert line breaks" shape, every paragraph a child of one ``<div trbidi>``,
with styled spans, links, separator images, lists, headings and ``&nbsp;`` (the builder of
``tests/test_html_markdown_scaling.py``). Printed: seconds and peak RSS for each, and the ratio of
Markdown time to JSON time (wall and CPU: on a shared machine wall time also measures the
neighbours). Target (issue: hardening, item 7): Markdown under 10x JSON.

Usage::

    python benchmarks/bench_big_body.py [--mb 50]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

TARGET_RATIO = 10.0
ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import json, resource, sys, time
from datetime import datetime, timezone
sys.path.insert(0, sys.argv[3])
from test_html_markdown_scaling import big_body
import importer
from importer.model import Archive, Blog, Post
body = big_body(int(float(sys.argv[2]) * 1_000_000))
post = Post(id="1", kind="post", status="published", title="Iso", slug="iso", url=None,
            published=datetime(2010, 6, 10, tzinfo=timezone.utc), content_html=body)
archive = Archive(blog=Blog(title="Iso blogi", timezone="UTC"), posts=(post,))
start, cpu = time.perf_counter(), time.process_time()
files = importer.write(archive, sys.argv[1])
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "cpu": cpu, "rss_mb": rss, "bytes": sum(len(f.data) for f in files),
                  "body_mb": len(body) / 1e6}))
"""


def _run(fmt: str, megabytes: float) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", _CHILD, fmt, str(megabytes), str(ROOT / "tests")],
                            capture_output=True, text=True, check=True, cwd=ROOT)
    return dict(json.loads(result.stdout))


def main() -> None:
    """Build the body, time both writers, print the figures and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="body size in megabytes (default 50)")
    args = parser.parse_args()
    figures = {fmt: _run(fmt, args.mb) for fmt in ("json", "hugo")}
    for fmt, f in figures.items():
        print(f"{fmt:5} body {f['body_mb']:.1f} MB: {f['seconds']:.1f} s ({f['cpu']:.1f} s CPU), "
              f"peak RSS {f['rss_mb']:.0f} MB")
    ratio = figures["hugo"]["seconds"] / figures["json"]["seconds"]
    cpu_ratio = figures["hugo"]["cpu"] / figures["json"]["cpu"]
    print(f"Markdown/JSON time ratio: {ratio:.1f} wall, {cpu_ratio:.1f} CPU (target < {TARGET_RATIO:.0f}; "
          f"ratio to target {cpu_ratio / TARGET_RATIO:.2f})")


if __name__ == "__main__":
    main()
