"""What a run prints about its diagnostics: a few per code, '… and N more', totals by code."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from importer.cli import main
from importer.cli.terminal import LIMIT, detail_lines, report_lines, totals_lines
from importer.diagnostics import Diagnostic, Diagnostics, Severity


def _flood() -> list[Diagnostic]:
    diagnostics = Diagnostics(file="big.xml")
    for n in range(20_000):
        diagnostics.report("display-time-mismatch", f"Comment {n} shows another time.", entry=f"c{n}")
    for n in range(3):  # one post linking to three deleted posts: one entry, said once
        diagnostics.report("link-unresolved", f"links to /2010/0{n + 1}/x.html", entry="p1")
    diagnostics.report("link-unresolved", "links to /2011/01/y.html", entry="p2")
    diagnostics.report("entry-invalid", "Entry skipped: no date.", entry="p9")
    return list(diagnostics)


def test_first_few_of_each_code_then_how_many_more() -> None:
    lines = detail_lines(_flood())
    mismatches = [line for line in lines if "[display-time-mismatch]" in line]
    assert len(mismatches) == LIMIT == 5
    assert "  … and 19,995 more display-time-mismatch" in lines
    assert len(lines) == 5 + 1 + 2 + 1  # codes in the order first seen


def test_one_entry_with_one_code_many_times_is_said_once() -> None:
    lines = [line for line in detail_lines(_flood()) if "link-unresolved" in line]
    assert lines == [
        "big.xml:entry[p1]: warning[link-unresolved]: links to /2010/01/x.html (and 2 more times "
        "for this entry)",
        "big.xml:entry[p2]: warning[link-unresolved]: links to /2011/01/y.html",
    ]


def test_totals_by_code_worst_first() -> None:
    assert totals_lines(_flood()) == [
        "diagnostics: 1 error, 20,004 warnings",
        "  error    entry-invalid               1",
        "  warning  display-time-mismatch  20,000",
        "  warning  link-unresolved             4",
    ]


def test_quiet_keeps_errors_and_totals_verbose_keeps_everything() -> None:
    quiet = report_lines(_flood(), quiet=True)
    assert quiet[0] == "big.xml:entry[p9]: error[entry-invalid]: Entry skipped: no date."
    assert quiet[1].startswith("diagnostics: 1 error, 20,004 warnings (--verbose prints every one)")
    assert len(quiet) == 1 + 4
    assert len(report_lines(_flood(), verbose=True)) == 20_005 + 4


def test_a_small_run_prints_every_diagnostic_and_no_hint() -> None:
    few = [Diagnostic("title-missing", Severity.INFO, "untitled", "a.xml", "1")]
    assert report_lines(few) == ["a.xml:entry[1]: info[title-missing]: untitled",
                                 "diagnostics: 1 info", "  info     title-missing  1"]


@pytest.fixture
def noisy(tmp_path: Path) -> Path:
    """A legacy export of 30 posts, every third linking to a deleted post (10 link-unresolved)."""
    from run_helpers import messy_export

    path = tmp_path / "blog.xml"
    path.write_text(messy_export(posts=30, comments_per_post=0, undated=False), encoding="utf-8")
    return path


def _convert(source: Path, out: Path, *flags: str) -> list[str]:
    result = CliRunner().invoke(main, ["convert", str(source), "--to", "json", "-o", str(out), *flags])
    assert result.exit_code == 0, result.output
    return result.stderr.splitlines()


def test_convert_groups_quiet_and_verbose(noisy: Path, tmp_path: Path) -> None:
    grouped = _convert(noisy, tmp_path / "a.json")
    assert sum("warning[link-unresolved]" in line for line in grouped) == 5
    assert "  … and 5 more link-unresolved" in grouped
    assert any(line.split() == ["warning", "link-unresolved", "10"] for line in grouped)
    verbose = _convert(noisy, tmp_path / "b.json", "--verbose")
    assert sum("warning[link-unresolved]" in line for line in verbose) == 10
    quiet = _convert(noisy, tmp_path / "c.json", "-q")
    assert not any("warning[" in line for line in quiet)  # was: -q hid only info
    assert any(line.split() == ["warning", "link-unresolved", "10"] for line in quiet)
    assert quiet[-1].startswith("entries: ")


def test_quiet_and_verbose_together_is_a_usage_error(noisy: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["convert", str(noisy), "--to", "json", "-o",
                                       str(tmp_path / "x.json"), "-q", "-v"])
    assert result.exit_code == 2 and "--quiet and --verbose" in result.stderr
    assert not (tmp_path / "x.json").exists()
