"""Writer flags on ``convert``: a flag that does not fit the chosen ``--to`` is a usage error (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BLOG_FI

from importer.cli import main

LEGACY = str(BLOG_FI / "legacy.xml")


@pytest.mark.parametrize("to, flavor", [("hugo", "jekyll"), ("zola", "hugo"), ("markdown", "pelican")])
def test_flavor_other_than_the_one_of_to_is_refused(to: str, flavor: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["convert", LEGACY, "--to", to, "-o", str(tmp_path / "site"),
                                       "--flavor", flavor])
    assert result.exit_code == 2
    assert f"Error: --flavor '{flavor}': {to} output fixes it to '{to}'" in result.stderr
    assert not (tmp_path / "site").exists()


def test_flavor_equal_to_to_is_accepted(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["convert", LEGACY, "--to", "hugo", "-o", str(tmp_path / "site"),
                                       "--flavor", "hugo"])
    assert result.exit_code == 0
    assert (tmp_path / "site" / "content" / "posts").is_dir()


def test_image_url_with_a_site_tree_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["convert", LEGACY, "--to", "hugo", "-o", str(tmp_path / "site"),
                                       "--image-url", "https://cdn.example.org/img"])
    assert result.exit_code == 2
    assert ("Error: --image-url 'https://cdn.example.org/img': applies to json, jsonl and wxr output, "
            "not hugo") in result.stderr
    assert not (tmp_path / "site").exists()
