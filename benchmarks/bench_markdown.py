"""Benchmark: a 5,000-post + 20,000-comment legacy export converted to Hugo Markdown.

Three figures, each printed with its ratio to the target (below 1.0 meets it):

1. ``blogimport convert … --to hugo`` in a fresh child process (reading, validation checks, link
   rewriting, writing): wall time, entries per second, the child's own peak RSS. Target: < 30 s
   and < 400 MB, bodies converted in one process per core (``MarkdownOptions.jobs``, default 0).
2. The Markdown writer alone: the archive is read once, then ``importer.write(archive, "hugo")``
   is timed (in a child too, so its RSS is its own), to show the writer's own share.
3. PyPI's ``blogger2hugo`` (which does far less: no comment threads, drafts left out, iframes
   dropped; version 0.1.0 even writes settings and comment entries as posts),
   installed into a throw-away venv and run on the same file; the ratio of our time to its time is
   printed. When it cannot be installed or run, the reason is printed and the benchmark goes on.

Usage::

    python benchmarks/bench_markdown.py [--posts 5000] [--comments-per-post 4] [--jobs 0]
        [--skip-blogger2hugo]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate_legacy

TARGET_SECONDS = 30.0
TARGET_MB = 400.0
TOOL_TIMEOUT = 900

_CONVERT_CHILD = """
import resource, sys
from importer.cli import main
try:
    main(sys.argv[1:], prog_name="blogimport")
except SystemExit as stop:
    code = stop.code or 0
else:
    code = 0
sys.stderr.write(f"\\nmaxrss-kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} "
                 f"workers-kb {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n")
sys.exit(code)
"""

_WRITER_CHILD = """
import resource, sys, time
import importer
from importer.writers.markdown import MarkdownOptions
source, jobs = sys.argv[1], int(sys.argv[2])
start = time.perf_counter()
archive = importer.read(source)
read_seconds = time.perf_counter() - start
start = time.perf_counter()
files = importer.write(archive, "hugo", MarkdownOptions(flavor="hugo", jobs=jobs))
write_seconds = time.perf_counter() - start
size = sum(len(f.data) for f in files)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"read {read_seconds:.3f} write {write_seconds:.3f} files {len(files)} bytes {size} maxrss-kb {rss}")
"""


def run_convert(source: Path, output: Path, jobs: int) -> tuple[float, float, float]:
    """``blogimport convert --to hugo`` in a child.

    Returns (seconds, the child's own peak RSS in MB, the largest peak RSS of its worker processes).
    """
    command = [sys.executable, "-c", _CONVERT_CHILD, "convert", str(source), "--to", "hugo", "-o",
               str(output), "--fail-on", "never", "--quiet"]
    if jobs:
        command += ["--jobs", str(jobs)]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=TOOL_TIMEOUT)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"conversion failed ({result.returncode}): {result.stderr.strip()[-2000:]}")
    words = result.stderr.rsplit("maxrss-kb ", 1)[1].split()
    return seconds, int(words[0]) / 1024, int(words[2]) / 1024


def run_writer_alone(source: Path, jobs: int) -> dict[str, float]:
    """Read once, then time ``importer.write(archive, "hugo")``, in a child process."""
    result = subprocess.run([sys.executable, "-c", _WRITER_CHILD, str(source), str(jobs)],
                            capture_output=True, text=True, check=False, timeout=TOOL_TIMEOUT)
    if result.returncode != 0:
        raise SystemExit(f"writer run failed: {result.stderr.strip()[-2000:]}")
    words = result.stdout.split()
    return {words[i]: float(words[i + 1]) for i in range(0, len(words), 2)}


def run_blogger2hugo(source: Path, work: Path) -> float | str:
    """Install blogger2hugo into a fresh venv and time it; seconds, or why it could not run."""
    env_dir = work / "b2h-venv"
    try:
        venv.EnvBuilder(with_pip=True).create(env_dir)
    except Exception as error:  # any failure is reported, not raised
        return f"cannot create a venv: {error}"
    pip = env_dir / "bin" / "pip"
    install = subprocess.run([str(pip), "install", "-q", "blogger2hugo"], capture_output=True, text=True,
                             check=False, timeout=TOOL_TIMEOUT)
    tool = env_dir / "bin" / "blogger2hugo"
    if install.returncode != 0 or not tool.exists():
        return f"pip install blogger2hugo failed: {(install.stderr or install.stdout).strip()[-500:]}"
    out = work / "b2h-out"
    start = time.perf_counter()
    try:
        run = subprocess.run([str(tool), str(source), "--out", str(out / "posts"), "--pages-out",
                              str(out / "pages"), "--flat"], capture_output=True, text=True, check=False,
                             timeout=TOOL_TIMEOUT)
    except subprocess.TimeoutExpired:
        return f"blogger2hugo did not finish in {TOOL_TIMEOUT} s"
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        return f"blogger2hugo exited {run.returncode}: {run.stderr.strip()[-500:]}"
    written = sum(1 for _ in out.rglob("*.md"))
    print(f"blogger2hugo wrote {written} Markdown files (it does not tell entry kinds apart: settings, "
          "the template and every comment become posts too; drafts are left out)")
    return seconds


def main() -> None:
    """Generate the input, run the three measurements, print figures and ratios."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--comments-per-post", type=int, default=4)
    parser.add_argument("--jobs", type=int, default=0, help="--jobs for the writer (0: one per core)")
    parser.add_argument("--skip-blogger2hugo", action="store_true")
    args = parser.parse_args()
    entries = args.posts * (1 + args.comments_per_post)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = generate_legacy(work / "export.xml", args.posts, args.comments_per_post)
        print(f"input: {args.posts} posts + {args.posts * args.comments_per_post} comments, legacy file "
              f"{source.stat().st_size / 1e6:.1f} MB; {os.cpu_count()} cores; target "
              f"< {TARGET_SECONDS:.0f} s and < {TARGET_MB:.0f} MB peak RSS")

        seconds, mb, workers_mb = run_convert(source, work / "site", args.jobs)
        print(f"convert -> hugo : {seconds:6.2f} s  {entries / seconds:8.0f} entries/s  peak RSS {mb:6.1f} MB"
              f" (largest worker {workers_mb:.1f} MB)  time ratio {seconds / TARGET_SECONDS:.2f}  "
              f"memory ratio {mb / TARGET_MB:.2f}")

        alone = run_writer_alone(source, args.jobs)
        print(f"writer alone    : read {alone['read']:.2f} s, write {alone['write']:.2f} s "
              f"({args.posts / alone['write']:.0f} posts/s, {alone['files']:.0f} files, "
              f"{alone['bytes'] / 1e6:.1f} MB)  peak RSS {alone['maxrss-kb'] / 1024:.1f} MB  "
              f"write share of convert {alone['write'] / seconds:.2f}")

        if args.skip_blogger2hugo:
            return
        theirs = run_blogger2hugo(source, work)
        if isinstance(theirs, str):
            print(f"blogger2hugo    : not measured: {theirs}")
        else:
            print(f"blogger2hugo    : {theirs:6.2f} s  {args.posts / theirs:8.0f} posts/s  "
                  f"ours / theirs = {seconds / theirs:.2f} (below 1.0: we are faster)")


if __name__ == "__main__":
    main()
