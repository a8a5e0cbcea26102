"""Where ``convert`` cannot write what was asked: one line and exit 1 or 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BLOG_FI

from importer.cli import main

LEGACY = str(BLOG_FI / "legacy.xml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("to", ["hugo", "jekyll", "pelican", "zola", "markdown"])
def test_tree_output_to_stdout_is_a_usage_error(to: str, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("convert", LEGACY, "--to", to, "-o", "-")
    assert code == 2
    assert f"Error: --output '-': {to} output is a folder of files; give a folder, not stdout" in err
    assert out == ""
    assert list(tmp_path.iterdir()) == []  # no folder called "-"


def test_split_wxr_to_stdout_is_a_usage_error() -> None:
    code, out, err = run("convert", LEGACY, "--to", "wxr", "-o", "-", "--split-size", "10kB")
    assert code == 2
    assert "Error: --output '-': the output is split into 3 files here; give a file name, not stdout" in err
    assert out == ""


@pytest.mark.parametrize("to, name", [("json", "blog.json"), ("hugo", "site")])
def test_output_below_a_file_is_one_line_exit_1(to: str, name: str, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("not a folder")
    target = tmp_path / "afile" / name
    code, _out, err = run("convert", LEGACY, "--to", to, "-o", str(target))
    assert code == 1
    lines = err.strip().splitlines()
    assert lines[-1].startswith(f"Error: {target}: cannot write: ")
    assert "Traceback" not in err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_disk_on_stdout_is_one_line_exit_1() -> None:
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "importer", "convert", LEGACY, "--to", "json",
                               "-o", "-"], stdout=full, stderr=subprocess.PIPE, text=True, check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1] == "Error: -: cannot write: No space left on device"
