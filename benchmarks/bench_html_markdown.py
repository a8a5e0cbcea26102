"""Benchmark: HTML → Markdown per post body, and its throughput on big bodies.

Three figures, CPU time (the machine is shared; wall time also measures the neighbours):

1. the median per-body time over the fixture bodies ``fixtures/html-bodies/*.html``;
2. the median per-body time over the post bodies of a generated legacy export
   (``benchmarks/generate.py``, 300 posts by default);
3. MB/s on 2 MB and 10 MB single bodies of the shape of ``tests/test_html_markdown_scaling.py``.

Each body is converted ``--repeat`` times (default 5) and the median kept.

Usage::

    python benchmarks/bench_html_markdown.py [--posts 300] [--repeat 5] [--big 2,10] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from generate import generate_legacy
from test_html_markdown_scaling import big_body

import importer
from importer.html.markdown import html_to_markdown

ROOT = Path(__file__).resolve().parents[1]


def _cpu(body: str, repeat: int) -> float:
    """Median CPU seconds of converting ``body`` (as the Hugo flavor does)."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        html_to_markdown(body, youtube_shortcode="{{{{< youtube {id} >}}}}", hugo=True, heading_ids=True)
        times.append(time.process_time() - start)
    return statistics.median(times)


def export_bodies(posts: int) -> list[str]:
    """The post bodies of a generated legacy export of ``posts`` posts."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.xml"
        generate_legacy(path, posts=posts, comments_per_post=0)
        archive = importer.read(path)
    return [post.content_html for post in archive.posts if post.content_html]


def main() -> None:
    """Print the three figures (and a profile of the export bodies with ``--profile``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--big", default="2,10", help="sizes in MB of the big bodies, comma-separated")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the export bodies")
    args = parser.parse_args()
    fixtures = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures/html-bodies").glob("*.html"))]
    per_fixture = [_cpu(body, args.repeat) for body in fixtures]
    print(f"fixture bodies ({len(fixtures)}): median {statistics.median(per_fixture) * 1000:.2f} ms, "
          f"total {sum(per_fixture) * 1000:.1f} ms")
    bodies = export_bodies(args.posts)
    per_post = [_cpu(body, args.repeat) for body in bodies]
    size = statistics.median(len(b) for b in bodies)
    print(f"export bodies ({len(bodies)}, median {size / 1000:.1f} kB): median "
          f"{statistics.median(per_post) * 1000:.2f} ms, total {sum(per_post):.2f} s, "
          f"{sum(map(len, bodies)) / 1e6 / sum(per_post):.2f} MB/s")
    for megabytes in (float(m) for m in args.big.split(",") if m):
        body = big_body(int(megabytes * 1_000_000))
        seconds = _cpu(body, 1)
        print(f"big body {len(body) / 1e6:.1f} MB: {seconds:.2f} s CPU, {len(body) / 1e6 / seconds:.2f} MB/s")
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for body in bodies:
            html_to_markdown(body, hugo=True)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
