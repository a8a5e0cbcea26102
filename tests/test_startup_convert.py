"""Start-up of a small conversion (issue 12: a 1-post file under 0.3 s): JSON loads only what it uses.

Counting modules keeps the test exact on a loaded machine. Before, ``blogimport convert x.xml
--to json`` loaded the migration report (with its Markdown renderer, markdown-it), the WXR
writer, an HTTP client (urllib.request, http.client, ssl), four readers, the email package (for WXR
dates) and anyascii's tables (for slugs of non-Latin titles) it never used: about a quarter of
the 0.36 s such a run took.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate_legacy

#: ``importer.report`` itself is light (it checks ``--report-views`` before reading); what builds
#: and renders a report is loaded only for one.
UNUSED_BY_JSON = ("importer.report.build", "importer.report.page", "markdown_it",
                  "importer.writers.wxr.writer", "importer.writers.wxr.xml", "urllib.request",
                  "http.client", "ssl", "importer.readers.wxr", "importer.readers.json_reader",
                  "importer.readers.blogger_takeout", "importer.readers.blogger_feed", "email.utils",
                  "anyascii", "importer.writers.markdown.writer", "importer.html.markdown", "yaml",
                  "concurrent.futures.process")


def _modules_after_convert(source: Path, out: Path, *extra: str, to: str = "json") -> set[str]:
    probe = ("import json, sys\nfrom importer.cli import main\n"
             f"sys.argv = ['blogimport', 'convert', {str(source)!r}, '--to', {to!r}, '-o', {str(out)!r}, "
             f"'-q', *{list(extra)!r}]\n"
             "try:\n    main()\nexcept SystemExit as stop:\n    assert not stop.code, stop.code\n"
             "print(json.dumps(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


@pytest.fixture(scope="module")
def one_post(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_legacy(tmp_path_factory.mktemp("one") / "blog.xml", posts=1, comments_per_post=4)


def test_a_json_conversion_loads_no_report_wxr_writer_or_http_client(one_post: Path, tmp_path: Path) -> None:
    loaded = _modules_after_convert(one_post, tmp_path / "blog.json")
    assert (tmp_path / "blog.json").is_file()
    assert sorted(m for m in UNUSED_BY_JSON if m in loaded) == []


def test_what_a_run_asks_for_is_still_loaded(one_post: Path, tmp_path: Path) -> None:
    loaded = _modules_after_convert(one_post, tmp_path / "blog.json", "--report", str(tmp_path / "r.json"))
    assert "importer.report.build" in loaded and (tmp_path / "r.json").is_file()


def test_a_small_site_is_converted_without_starting_or_loading_a_process_pool(one_post: Path,
                                                                             tmp_path: Path) -> None:
    loaded = _modules_after_convert(one_post, tmp_path / "site", to="hugo")
    assert (tmp_path / "site" / "content" / "posts").is_dir()
    assert "importer.html.markdown" in loaded  # it did convert the body
    assert sorted(m for m in ("multiprocessing", "concurrent.futures.process") if m in loaded) == []
