"""Benchmark: a 5,000-post + 20,000-comment export (about 70 MB) converted to JSON.

Each conversion runs in a fresh child process (``blogimport convert``) so that its peak RSS is
measured alone. Prints entries per second, wall time, peak RSS and the ratio of each to the
target (a ratio below 1.0 meets it). The machine is shared: compare ratios within one run.

Usage::

    python benchmarks/bench_convert.py [--posts 5000] [--comments-per-post 4] [--to json]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate_legacy, generate_takeout

TARGETS = {"json": (10.0, 300.0), "jsonl": (10.0, 300.0), "hugo": (30.0, 400.0)}


_CHILD = """
import resource, sys
from importer.cli import main
try:
    main(sys.argv[1:], prog_name="blogimport")
except SystemExit as stop:
    code = stop.code or 0
else:
    code = 0
sys.stderr.write(f"\\nmaxrss-kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n")
sys.exit(code)
"""


def run_convert(source: Path, to: str, output: Path) -> tuple[float, float]:
    """Run one conversion in a fresh child process; returns (seconds, its own peak RSS in MB)."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, "convert", str(source), "--to", to, "-o", str(output),
         "--fail-on", "never", "--quiet"],
        capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"conversion failed ({result.returncode}): {result.stderr.strip()[-2000:]}")
    kilobytes = int(result.stderr.rsplit("maxrss-kb ", 1)[1].split()[0])
    return seconds, kilobytes / 1024


def main() -> None:
    """Generate the inputs, convert them, print figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--comments-per-post", type=int, default=4)
    parser.add_argument("--to", default="json", choices=sorted(TARGETS))
    args = parser.parse_args()
    entries = args.posts * (1 + args.comments_per_post)
    max_seconds, max_mb = TARGETS[args.to]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        inputs = {
            "legacy": generate_legacy(work / "export.xml", args.posts, args.comments_per_post),
            "takeout": generate_takeout(work / "takeout", args.posts, args.comments_per_post),
        }
        print(f"input: {args.posts} posts + {args.posts * args.comments_per_post} comments; "
              f"legacy file {inputs['legacy'].stat().st_size / 1e6:.1f} MB; target "
              f"< {max_seconds:.0f} s and < {max_mb:.0f} MB peak RSS to {args.to}")
        for name, source in inputs.items():
            suffix = "" if args.to in ("hugo",) else f".{args.to}"
            seconds, mb = run_convert(source, args.to, work / f"out-{name}{suffix}")
            print(f"{name:8} -> {args.to}: {seconds:6.2f} s  {entries / seconds:9.0f} entries/s  "
                  f"peak RSS {mb:6.1f} MB  time ratio {seconds / max_seconds:.2f}  "
                  f"memory ratio {mb / max_mb:.2f}")


if __name__ == "__main__":
    main()
