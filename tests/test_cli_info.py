"""``blogimport info`` and ``formats``: what they print for edge cases."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from importer import Archive, Blog, write
from importer.cli import main


def test_info_on_an_archive_without_posts_says_none(tmp_path: Path) -> None:
    source = tmp_path / "empty.json"
    source.write_bytes(write(Archive(blog=Blog(title="Tyhjä"), posts=()), "json")[0].data)
    result = CliRunner().invoke(main, ["info", str(source)])
    assert result.exit_code == 0
    assert "dates:     none (no posts or pages)\n" in result.stdout
    assert "None" not in result.stdout


def test_every_command_help_carries_an_example() -> None:
    for command in ("convert", "info", "formats", "date", "validate"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0
        description = result.stdout.split("Options:")[0].split("\n", 1)[1]  # without the Usage line
        assert "Example" in description and f"\n    blogimport {command}" in description, command
