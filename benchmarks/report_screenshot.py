"""Regenerate ``docs/report.png``: the HTML migration report of the fixture blog, in headless Chromium.

Converts ``fixtures/blog-fi/legacy.xml`` to Hugo with ``--report-html``, opens the page, opens the
first side-by-side view and saves a screenshot of the whole page (needs Debian's ``chromium`` and
``chromium-driver`` and the ``selenium`` package).

Usage::

    python benchmarks/report_screenshot.py [--output docs/report.png] [--width 1280]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_report import chromium

import importer

ROOT = Path(__file__).resolve().parents[1]
MAX_HEIGHT = 4000


def main() -> None:
    """Write the screenshot and print its path."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "report.png")
    parser.add_argument("--width", type=int, default=1280)
    args = parser.parse_args()
    output = args.output.resolve()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copy(ROOT / "fixtures" / "blog-fi" / "legacy.xml", work / "legacy.xml")
        os.chdir(work)  # the page shows the paths as given: legacy.xml -> site
        importer.convert("legacy.xml", "site", to="hugo", report_html="report.html")
        page = work / "report.html"
        driver = chromium(work / "profile")
        try:
            driver.set_window_size(args.width, 1000)
            driver.get(page.as_uri())
            driver.find_element("css selector", "details.side > summary").click()
            time.sleep(0.5)
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(args.width, min(int(height) + 40, MAX_HEIGHT))
            driver.execute_script("window.scrollTo(0, 0)")
            time.sleep(0.3)
            output.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(output))
        finally:
            driver.quit()
            os.chdir(ROOT)
    print(output)


if __name__ == "__main__":
    main()
