"""docs/checks.md is generated from the catalogue and must be committed in sync with it."""

from __future__ import annotations

from click.testing import CliRunner
from conftest import ROOT

from importer.checks.docs import catalogue, missing_examples, render_markdown
from importer.cli import main
from importer.diagnostics import CODES

DOC = ROOT / "docs" / "checks.md"
REGENERATE = "blogimport validate --list-checks --format markdown > docs/checks.md"


def test_the_committed_doc_is_in_sync_with_the_catalogue() -> None:
    assert DOC.read_text(encoding="utf-8") == render_markdown(), f"docs/checks.md is stale: run {REGENERATE}"


def test_every_code_is_documented_with_an_example_and_a_severity() -> None:
    assert missing_examples() == [], "add an example to importer/checks/examples.py"
    text = render_markdown()
    for code, info in CODES.items():
        assert f"### `{code}`" in text
        assert f"**{info.severity}**" in text
    assert [e.code for e in catalogue()].count("slug-collision") == 1


def test_every_example_shows_its_own_code_and_severity() -> None:
    for entry in catalogue():
        assert entry.example is not None
        assert f"{entry.severity}[{entry.code}]: " in entry.example, entry.code


def test_the_cli_prints_the_same_page() -> None:
    result = CliRunner().invoke(main, ["validate", "--list-checks", "--format", "markdown"])
    assert result.exit_code == 0
    assert result.output == render_markdown()
