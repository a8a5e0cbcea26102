"""The one timing helper of the benchmarks: run a command as a child, alternate tools, take medians.

Each run is a fresh child process; ``os.wait4`` gives that child's own CPU time and peak RSS (the
largest resident set of the child or of any worker it waited for), so figures of one tool never
mix with another's. Runs of the tools of one workload alternate (A B C, C B A, A B C...), so a
neighbour's load on a shared machine falls on all of them alike; compare ratios within one run.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

#: The children's environment: without PYTHONDONTWRITEBYTECODE, so a tool runs from bytecode as
#: it does where pip installed it (pip compiles on install; set in the environment, every run of
#: an editable install would compile our modules again, about 0.1 s of a small conversion).
CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


@dataclass(frozen=True)
class Run:
    """One child run: wall seconds, CPU seconds (user + system), peak RSS in MB."""

    wall: float
    cpu: float
    rss_mb: float


@dataclass(frozen=True)
class Tool:
    """A named command line to time; ``cleanup`` paths are removed (untimed) before each run."""

    name: str
    command: Sequence[str]
    cleanup: Sequence[Path] = ()


def run_child(command: Sequence[str]) -> Run:
    """Run ``command`` to completion; raise ``RuntimeError`` with its stderr when it fails.

    stderr goes to a file, not a pipe: a child that writes a lot must never block on it.
    """
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(list(command), stdout=subprocess.DEVNULL, stderr=errors, env=CHILD_ENV)
        _pid, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        stderr = errors.read()
    if child.returncode != 0:
        tail = stderr.decode("utf-8", "replace").strip()[-1500:]
        raise RuntimeError(f"{' '.join(map(str, command[:4]))}... exited {child.returncode}: {tail}")
    return Run(wall=wall, cpu=usage.ru_utime + usage.ru_stime, rss_mb=usage.ru_maxrss / 1024)


def _clean(paths: Sequence[Path]) -> None:
    for path in paths:
        if path.is_dir():
            subprocess.run(["rm", "-rf", str(path)], check=True)
        elif path.exists():
            path.unlink()


def alternate(tools: Sequence[Tool], rounds: int, progress: bool = True) -> dict[str, list[Run]]:
    """Run every tool ``rounds`` times, alternating the order each round; runs by tool name."""
    runs: dict[str, list[Run]] = {tool.name: [] for tool in tools}
    for number in range(rounds):
        order = tools if number % 2 == 0 else list(reversed(tools))
        for tool in order:
            _clean(tool.cleanup)
            run = run_child(tool.command)
            runs[tool.name].append(run)
            if progress:
                sys.stderr.write(f"  round {number + 1}/{rounds} {tool.name:<28} {run.wall:7.2f} s "
                                 f"{run.rss_mb:6.0f} MB\n")
        for tool in tools:
            _clean(tool.cleanup)
    return runs


def median(runs: Sequence[Run]) -> Run:
    """The median of each figure over the runs."""
    return Run(wall=statistics.median(r.wall for r in runs), cpu=statistics.median(r.cpu for r in runs),
               rss_mb=statistics.median(r.rss_mb for r in runs))


def machine() -> str:
    """``CPU model, N cores, Python X.Y.Z, load a b c``: the line every table is printed under."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    return (f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}; load average {load}")
