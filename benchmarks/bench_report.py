"""Benchmark: the migration report of the 5,000-post export, opened in headless Chromium.

Generates the export with ``generate.py``, converts it (``blogimport convert --report FILE
--report-html FILE``, default views: entries with diagnostics) and prints the sizes of the HTML
page, of the JSON report and of the ``--to json`` output, their ratios (target: page < 1.5x the
JSON), the extra time the reports cost, and how long Chromium takes to open the page (navigation
start to the first frame painted after the load event, median of ``--runs``; target < 3 s) with
the browser's CPU time for it. Needs Debian's
``chromium`` and ``chromium-driver`` and the ``selenium`` package (``pip install -e '.[test]'``).

Usage::

    python benchmarks/bench_report.py [--posts 5000] [--to json] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OPEN_TARGET, SIZE_TARGET = 3.0, 1.5
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,1000"]


def chromium(profile: Path) -> Any:
    """A headless Chromium driven through Debian's chromedriver (nothing is downloaded)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(executable_path=driver_path), options=options)


def convert(source: Path, to: str, output: Path, *extra: str) -> float:
    """One ``blogimport convert`` in a child process; returns its wall time in seconds."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "importer", "convert", str(source), "--to", to,
                             "-o", str(output), "--fail-on", "never", "--quiet", *extra],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"conversion failed ({result.returncode}): {result.stderr.strip()[-2000:]}")
    return time.perf_counter() - start


#: Milliseconds from navigation start to the first frame painted after the load event.
_PAINTED = ("return new Promise(done => requestAnimationFrame(() => "
            "setTimeout(() => done(performance.now()))));")

#: Opens the first view as a click would and resolves when its frames are in the page.
_FIRST_VIEW = """
const details = document.querySelector('details.side');
if (!details) { return 0; }
const start = performance.now();
return new Promise(resolve => {
  details.addEventListener('toggle', () => setTimeout(() => resolve(performance.now() - start), 0));
  details.open = true;
});
"""


def _cpu_seconds(root: int) -> float:
    """User + system CPU time of ``root`` and all its descendants (Linux ``/proc``)."""
    stats: dict[int, tuple[int, float]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks = int(fields[11]) + int(fields[12])
        stats[int(entry.name)] = (int(fields[1]), ticks / os.sysconf("SC_CLK_TCK"))
    wanted, total = {root}, 0.0
    for _ in range(8):  # a few generations: chromedriver > chromium > renderers
        wanted |= {pid for pid, (parent, _cpu) in stats.items() if parent in wanted}
    for pid in wanted:
        total += stats.get(pid, (0, 0.0))[1]
    return total


def open_times(page: Path, runs: int, work: Path) -> list[tuple[float, float]]:
    """(Seconds from navigation start to the first frame painted after the load event, browser CPU
    seconds spent meanwhile), one fresh load per run. The CPU time depends less on how busy the
    machine is."""
    driver = chromium(work / "profile")
    try:
        times = []
        root = driver.service.process.pid
        for _ in range(runs):
            driver.get("about:blank")
            time.sleep(1)
            before = _cpu_seconds(root)
            driver.get(page.as_uri())
            timing = driver.execute_script(_PAINTED)
            cpu = _cpu_seconds(root) - before
            rows = driver.execute_script(
                "return document.querySelectorAll('#entries-table tr[data-problems]').length")
            times.append((float(timing) / 1000, cpu))
        print(f"rows in the table: {rows}; first side-by-side view opened in "
              f"{float(driver.execute_script(_FIRST_VIEW)) / 1000:.2f} s")
        return times
    finally:
        driver.quit()


def main() -> None:
    """Generate, convert with and without reports, open the page; print figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--to", default="json")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = work / "export.xml"
        subprocess.run([sys.executable, str(HERE / "generate.py"), "legacy", str(source), "--posts",
                        str(args.posts)], check=True, capture_output=True)
        suffix = f".{args.to}" if args.to in ("json", "jsonl", "wxr") else ""
        plain = convert(source, args.to, work / f"plain{suffix}")
        page, report = work / "report.html", work / "report.json"
        with_reports = convert(source, args.to, work / f"out{suffix}", "--report", str(report),
                               "--report-html", str(page))
        json_output = work / "plain.json"
        if args.to != "json":
            convert(source, "json", json_output)
        html_mb, report_mb = page.stat().st_size / 1e6, report.stat().st_size / 1e6
        output_mb = json_output.stat().st_size / 1e6
        size = source.stat().st_size / 1e6
        print(f"input: {args.posts} posts, {size:.1f} MB legacy export; --to {args.to}")
        print(f"convert: {plain:.1f} s alone, {with_reports:.1f} s with --report and --report-html "
              f"(+{with_reports - plain:.1f} s)")
        print(f"sizes: page {html_mb:.1f} MB, JSON report {report_mb:.1f} MB, --to json output "
              f"{output_mb:.1f} MB")
        print(f"size ratio page/JSON report {html_mb / report_mb:.2f}, page/json output "
              f"{html_mb / output_mb:.2f} (target < {SIZE_TARGET})")
        runs = open_times(page, args.runs, work)
        median = statistics.median(wall for wall, _cpu in runs)
        cpu = statistics.median(cpu for _wall, cpu in runs)
        print(f"open in Chromium: median {median:.2f} s to the first frame after the load event "
              f"({', '.join(f'{wall:.2f}' for wall, _cpu in runs)}), browser CPU {cpu:.2f} s "
              f"(target < {OPEN_TARGET:.0f} s, ratio {median / OPEN_TARGET:.2f}; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
