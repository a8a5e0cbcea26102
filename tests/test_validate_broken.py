"""fixtures/broken: every file fails `blogimport validate` with exactly the code it is named after."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BLOG_FI, FIXTURES

from importer.checks import CHECKS, validate_paths
from importer.cli import main
from importer.diagnostics import CODES, Severity

BROKEN = FIXTURES / "broken"
FILES = sorted(p for p in BROKEN.iterdir() if p.suffix in (".json", ".xml"))
#: Codes no readable file can carry (readers never produce them); see fixtures/broken/README.md.
NO_FILE = {"date-naive", "date-nonexistent"}


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_each_broken_file_reports_exactly_its_code(path: Path) -> None:
    report = validate_paths([path])
    assert [d.code for d in report.diagnostics()] == [path.stem]
    assert all(d.file == path.as_posix() for d in report.diagnostics())


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_each_broken_file_fails_at_its_severity_and_passes_above_it(path: Path) -> None:
    severity = CODES[path.stem].severity
    runner = CliRunner()
    failing = runner.invoke(main, ["validate", str(path), "--fail-on", str(severity)])
    assert failing.exit_code == 3, failing.output
    assert f"[{path.stem}]" in failing.output
    if severity < Severity.ERROR:
        above = Severity(severity + 1)
        passing = runner.invoke(main, ["validate", str(path), "--fail-on", str(above)])
        assert passing.exit_code == 0, passing.output


def test_every_check_has_a_broken_file() -> None:
    with_files = {p.stem for p in FILES}
    assert {c.code for c in CHECKS} - with_files == NO_FILE
    assert with_files <= set(CODES)


def test_the_broken_folder_as_a_whole_fails_with_every_code() -> None:
    result = CliRunner().invoke(main, ["validate", str(BROKEN), "--format", "json"])
    assert result.exit_code == 3
    reported = {d["code"] for d in json.loads(result.output)["diagnostics"]}
    assert reported == {p.stem for p in FILES}


def test_the_fixture_blog_passes() -> None:
    result = CliRunner().invoke(main, ["validate", str(BLOG_FI)])
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output.splitlines()[-1]
    assert "(0 unreadable)" not in result.output and "unreadable" not in result.output
