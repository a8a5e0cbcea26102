"""All speed and memory figures of the README in one run: us, a peer tool and a bare XML parse.

For each workload made by ``generate.py`` (1 post + 4 comments for start-up, 300 posts + 1,200
comments, 5,000 + 20,000, and a 20,000 + 80,000 memory run) it times, in alternating rounds on
the same file:

- ``bare parse``: lxml ``iterparse`` of the entries, clearing each one (the floor for any reader);
- ``blogimport -> json``, ``-> hugo`` and ``-> wxr --split-size 10MB`` (and ``blogimport --help``
  beside the 1-post conversions);
- PyPI's ``blogger2hugo==0.1.0`` (``-> hugo``, a tool that does a fraction of the job: it writes
  settings and comments as posts, publishes no drafts and drops embeds), installed into a
  benchmark-only virtual environment ``benchmarks/.peer-venv`` (never a dependency of ours).

It prints one Markdown table (medians of wall time, CPU time and the peak RSS of each child), the
ratios the targets are stated in, whether each target holds, and the machine and its load; the
medians are also kept in ``benchmarks/.work/last-run.json``. The memory target "peak RSS under 1.5x
the input for inputs over 50 MB" is read as the JSON output's (WXR has its own: < 300 MB at 5,000
posts); at 300 posts every output must stay under 150 MB; ``--help`` and each conversion of the
1-post file must take under 0.3 s (wall).

Usage::

    python benchmarks/bench_all.py [--rounds 3] [--small-rounds 5] [--skip-peer] [--skip-memory] [--quick]
"""

from __future__ import annotations

import argparse
import compileall
import dataclasses
import json
import subprocess
import sys
import venv
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate_legacy  # noqa: E402
from timing import Run, Tool, alternate, machine, median  # noqa: E402

PEER = "blogger2hugo==0.1.0"
PEER_VENV = HERE / ".peer-venv"
WORK = HERE / ".work"
BARE_PARSE = """
import sys
from lxml import etree
for _, entry in etree.iterparse(sys.argv[1], tag="{http://www.w3.org/2005/Atom}entry",
                                resolve_entities=False, no_network=True, load_dtd=False,
                                huge_tree=True):
    entry.clear(keep_tail=False)
    while entry.getprevious() is not None:
        del entry.getparent()[0]
"""


@dataclass(frozen=True)
class Workload:
    """An export size and how many alternating rounds it gets."""

    name: str
    posts: int
    rounds: int
    tools: tuple[str, ...]


def peer_command() -> Path | None:
    """``blogger2hugo`` in the benchmark-only venv, installed on first use; None when it cannot be."""
    tool = PEER_VENV / "bin" / "blogger2hugo"
    if tool.exists():
        return tool
    venv.EnvBuilder(with_pip=True, clear=True).create(PEER_VENV)
    install = subprocess.run([str(PEER_VENV / "bin" / "pip"), "install", "-q", PEER],
                             capture_output=True, text=True, check=False)
    if install.returncode != 0 or not tool.exists():
        sys.stderr.write(f"cannot install {PEER}: {(install.stderr or install.stdout).strip()[-500:]}\n")
        return None
    return tool


def export(posts: int) -> Path:
    """The generated legacy export with ``posts`` posts (4 comments each), made once and kept."""
    WORK.mkdir(exist_ok=True)
    path = WORK / f"export-{posts}.xml"
    generator = HERE / "generate.py"
    if not path.exists() or path.stat().st_mtime < generator.stat().st_mtime:
        sys.stderr.write(f"generating {path.name}...\n")
        generate_legacy(path, posts=posts, comments_per_post=4)
    return path


def tools_for(source: Path, names: tuple[str, ...], peer: Path | None) -> list[Tool]:
    """The command lines of one workload; outputs go to a scratch folder cleared before each run."""
    ours = str(Path(sys.executable).parent / "blogimport")
    out = WORK / "out"
    common = ["--fail-on", "never", "--quiet", "--force"]
    table = {
        "blogimport --help": Tool("blogimport --help", [ours, "--help"]),
        "bare parse": Tool("bare parse", [sys.executable, "-c", BARE_PARSE, str(source)]),
        "blogimport -> json": Tool("blogimport -> json", [
            ours, "convert", str(source), "--to", "json", "-o", str(out / "blog.json"), *common],
            [out / "blog.json"]),
        "blogimport -> hugo": Tool("blogimport -> hugo", [
            ours, "convert", str(source), "--to", "hugo", "-o", str(out / "hugo"), *common],
            [out / "hugo"]),
        "blogimport -> wxr split": Tool("blogimport -> wxr split", [
            ours, "convert", str(source), "--to", "wxr", "--split-size", "10MB", "-o",
            str(out / "wxr" / "wordpress.xml"), *common], [out / "wxr"]),
    }
    if peer is not None:
        table["blogger2hugo -> hugo"] = Tool("blogger2hugo -> hugo", [
            str(peer), str(source), "--out", str(out / "b2h" / "posts"), "--pages-out",
            str(out / "b2h" / "pages"), "--flat"], [out / "b2h"])
    (out / "wxr").mkdir(parents=True, exist_ok=True)
    return [table[name] for name in names if name in table]


def measure(workload: Workload, peer: Path | None) -> tuple[Path, dict[str, Run]]:
    """Alternating rounds of every tool of the workload; medians by tool name."""
    source = export(workload.posts)
    sys.stderr.write(f"{workload.name}: {source.stat().st_size / 1e6:.1f} MB, {workload.rounds} rounds\n")
    runs = alternate(tools_for(source, workload.tools, peer), workload.rounds)
    return source, {name: median(values) for name, values in runs.items()}


def report(results: list[tuple[Workload, Path, dict[str, Run]]]) -> list[str]:
    """The Markdown table and the target lines."""
    lines = ["| workload | tool | wall | CPU | peak RSS | ratio |", "|---|---|---|---|---|---|"]
    targets: list[str] = []
    for workload, source, runs in results:
        size = source.stat().st_size / 1e6
        label = f"{workload.name} ({size:.0f} MB)" if size >= 1 else f"{workload.name} ({size * 1e3:.0f} KB)"
        for name, run in runs.items():
            lines.append(f"| {label} | {name} | {run.wall:.2f} s | {run.cpu:.2f} s | {run.rss_mb:.0f} MB "
                         f"| {_ratio(name, runs)} |")
        targets += _targets(workload, size, runs)
    return [*lines, "", *targets]


def _ratio(name: str, runs: dict[str, Run]) -> str:
    bare, peer = runs.get("bare parse"), runs.get("blogger2hugo -> hugo")
    if name == "blogimport -> hugo" and peer is not None:
        return f"blogger2hugo takes {peer.wall / runs[name].wall:.2f}x our time"
    if name.startswith("blogimport") and bare is not None:
        return f"{runs[name].wall / bare.wall:.1f}x the bare parse"
    return ""


def _targets(workload: Workload, size_mb: float, runs: dict[str, Run]) -> list[str]:
    found: list[tuple[str, float, float, bool]] = []  # (what, value, limit, higher is better)
    hugo, peer = runs.get("blogimport -> hugo"), runs.get("blogger2hugo -> hugo")
    json, bare = runs.get("blogimport -> json"), runs.get("bare parse")
    wxr = runs.get("blogimport -> wxr split")
    if hugo and peer:
        found.append(("hugo: blogger2hugo wall / ours", peer.wall / hugo.wall, 2.0, True))
    if json and bare:
        found.append(("json: wall / bare parse", json.wall / bare.wall, 4.0, False))
    if size_mb > 50 and json:
        found.append(("json: peak RSS / input size", json.rss_mb / size_mb, 1.5, False))
    peak = max((run.rss_mb for name, run in runs.items() if name.startswith("blogimport")), default=0.0)
    if size_mb <= 50 and peak:
        found.append(("peak RSS of every output, MB", peak, 150.0, False))
    if wxr and workload.posts == 5000:
        found.append(("wxr --split-size peak RSS, MB", wxr.rss_mb, 300.0, False))
    if workload.posts == 1:
        found += [(f"{name.removeprefix('blogimport ')}: wall, s", run.wall, 0.3, False)
                  for name, run in runs.items() if name.startswith("blogimport")]
    lines = []
    for what, value, limit, higher in found:
        held = value >= limit if higher else value < limit
        sign = ">=" if higher else "<"
        lines.append(f"- {workload.name}: {what} = {value:.2f} (target {sign} {limit:g}): "
                     f"{'holds' if held else 'MISSED'}")
    return lines


def main() -> None:
    """Generate, measure, print."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds at 5,000 posts (median)")
    parser.add_argument("--small-rounds", type=int, default=5, help="rounds at 300 posts")
    parser.add_argument("--memory-rounds", type=int, default=1, help="rounds at 20,000 posts")
    parser.add_argument("--skip-peer", action="store_true", help=f"do not install or run {PEER}")
    parser.add_argument("--skip-memory", action="store_true", help="no 20,000-post run")
    parser.add_argument("--quick", action="store_true", help="300 posts only, once (a smoke test)")
    args = parser.parse_args()
    every = ("bare parse", "blogimport -> json", "blogimport -> hugo", "blogimport -> wxr split",
             "blogger2hugo -> hugo")
    start_up = ("blogimport --help", "blogimport -> json", "blogimport -> hugo", "blogimport -> wxr split")
    workloads = [Workload("1 post + 4 comments", 1, args.small_rounds * 2, start_up),
                 Workload("300 posts + 1,200 comments", 300, args.small_rounds, every),
                 Workload("5,000 posts + 20,000 comments", 5000, args.rounds, every)]
    if args.quick:
        workloads = [Workload(workloads[1].name, 300, 1, every)]
    elif not args.skip_memory:
        workloads.append(Workload("20,000 posts + 80,000 comments", 20000, args.memory_rounds,
                                  ("bare parse", "blogimport -> json")))
    peer = None if args.skip_peer else peer_command()
    # our modules as bytecode, as pip leaves an installed package (the peer's venv has its own)
    compileall.compile_dir(HERE.parent / "importer", quiet=1)
    results = [(workload, *measure(workload, peer)) for workload in workloads]
    WORK.joinpath("last-run.json").write_text(json.dumps(
        {w.name: {name: dataclasses.asdict(run) for name, run in runs.items()} for w, _s, runs in results},
        indent=2), encoding="utf-8")
    print(f"Machine: {machine()}")
    print()
    print("\n".join(report(results)))


if __name__ == "__main__":
    main()
