"""The CLI's own behaviour: commands, one-line errors and every exit code (0, 1, 2, 3)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_json_roundtrip import sample_archive

from importer import write
from importer.cli import main


@pytest.fixture
def archive_json(tmp_path: Path) -> Path:
    path = tmp_path / "in.json"
    path.write_bytes(write(sample_archive(), "json")[0].data)
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_convert_ok_exits_0_and_reports_counts(archive_json: Path, tmp_path: Path) -> None:
    code, _out, err = run("convert", str(archive_json), "--to", "json", "-o", str(tmp_path / "o.json"))
    assert code == 0
    assert "2 posts, 1 page, 3 comments read; 1 file written" in err
    assert json.loads((tmp_path / "o.json").read_text())["schema"] == "blog-archive/1"


def test_convert_to_stdout(archive_json: Path) -> None:
    code, out, _err = run("convert", str(archive_json), "--to", "jsonl", "-o", "-")
    assert code == 0
    assert len(out.splitlines()) == 4


def test_missing_input_exits_1_with_one_line(tmp_path: Path) -> None:
    code, _out, err = run("convert", str(tmp_path / "nope.xml"), "--to", "json", "-o", str(tmp_path / "o"))
    assert code == 1
    assert err.strip().splitlines() == [f"Error: {tmp_path / 'nope.xml'}: no such file or folder"]
    assert not (tmp_path / "o").exists()


def test_unknown_output_format_is_a_usage_error(archive_json: Path) -> None:
    code, _out, err = run("convert", str(archive_json), "--to", "docx", "-o", "-")
    assert code == 2
    assert "docx" in err


def test_existing_output_is_refused_with_exit_1(archive_json: Path, tmp_path: Path) -> None:
    target = tmp_path / "o.json"
    target.write_text("keep me")
    code, _out, err = run("convert", str(archive_json), "--to", "json", "-o", str(target))
    assert code == 1
    assert "exists; pass --force" in err
    assert target.read_text() == "keep me"


def test_fail_on_exits_3_when_diagnostics_reach_it(archive_json: Path, tmp_path: Path) -> None:
    document = json.loads(archive_json.read_text())
    del document["posts"][0]["id"]
    archive_json.write_text(json.dumps(document))
    code, _out, err = run("convert", str(archive_json), "--to", "json", "-o", str(tmp_path / "o.json"))
    assert code == 3
    assert "error[entry-invalid]" in err
    assert (tmp_path / "o.json").exists(), "the rest of the archive still converts"
    code, _out, _err = run("convert", str(archive_json), "--to", "json", "-o", str(tmp_path / "p.json"),
                           "--fail-on", "never")
    assert code == 0


def test_info_json(archive_json: Path) -> None:
    code, out, _err = run("info", str(archive_json), "--json")
    assert code == 0
    summary = json.loads(out)
    assert summary["counts"] == {"posts": 2, "pages": 1, "other": 0, "drafts": 1, "comments": 3}
    assert summary["comments_by_status"] == {"published": 2, "spam": 1}
    assert summary["blog"]["timezone"] == "Europe/Helsinki"
    assert summary["first_date"] == "2010-01-02T12:00:00+02:00"


def test_info_text(archive_json: Path) -> None:
    code, out, _err = run("info", str(archive_json))
    assert code == 0
    assert "entries:   2 posts, 1 page, 1 draft, 3 comments" in out


def test_formats_lists_readers_and_writers() -> None:
    code, out, _err = run("formats")
    assert code == 0
    assert "json" in out and "Output formats" in out


def test_python_dash_m_works(archive_json: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "importer", "info", str(archive_json)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Sosmedia" in result.stdout
