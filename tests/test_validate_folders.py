"""Folder walks: files that are no blog format are passed over; named files must be inputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import BLOG_FI

from importer.checks import validate_paths


def test_foreign_json_in_a_folder_is_passed_over(tmp_path: Path) -> None:
    shutil.copy(BLOG_FI / "legacy.xml", tmp_path / "export.xml")
    (tmp_path / "comments.json").write_text('[{"id": "1"}]', encoding="utf-8")
    report = validate_paths([tmp_path])
    assert [Path(result.path).name for result in report.files] == ["export.xml"]


def test_a_plain_html_page_in_a_folder_is_passed_over(tmp_path: Path) -> None:
    # The Eleventy and Astro goldens hold redirect pages at old Blogger paths: validating the
    # fixture folder reported each as an unreadable input (file-unreadable, an error).
    shutil.copy(BLOG_FI / "legacy.xml", tmp_path / "export.xml")
    (tmp_path / "2010").mkdir()
    (tmp_path / "2010" / "x.html").write_text('<!DOCTYPE html>\n<html><head><meta http-equiv="refresh" '
                                              'content="0; url=/posts/x/"></head></html>\n', encoding="utf-8")
    report = validate_paths([tmp_path])
    assert [Path(result.path).name for result in report.files] == ["export.xml"]
    named = validate_paths([tmp_path / "2010" / "x.html"])  # named, it is still an error
    assert [d.code for result in named.files for d in result.diagnostics] == ["file-unreadable"]


def test_a_named_foreign_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "comments.json").write_text('[{"id": "1"}]', encoding="utf-8")
    report = validate_paths([tmp_path / "comments.json"])
    assert [d.code for result in report.files for d in result.diagnostics] == ["file-unreadable"]


def test_an_empty_export_in_a_folder_is_still_an_error(tmp_path: Path) -> None:
    (tmp_path / "blog.xml").write_bytes(b"")
    report = validate_paths([tmp_path])
    assert [d.code for result in report.files for d in result.diagnostics] == ["file-unreadable"]


def test_diagnostics_on_saved_pages_name_files_ci_can_find(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # The saved-pages reader names pages relative to its input ('blog-post.html'); GitHub
    # annotations and JUnit reports with such a name pointed at no file of the repository.
    shutil.copytree(BLOG_FI / "pages-classic", tmp_path / "mirror")
    monkeypatch.chdir(tmp_path)
    report = validate_paths(["mirror"])
    files = {d.file for d in report.diagnostics()}
    assert "timezone-missing" in {d.code for d in report.diagnostics()}
    assert files and all(name is not None and (tmp_path / name).is_file() for name in files)
    assert all(name.startswith("mirror/") for name in files if name is not None)
