"""Never silently empty or halved: a run that loses most of an input ends with an error saying why.

Measured before: ``convert fixtures/blog-fi/pages-classic --locale en_US --to json`` exited 0 with
``posts: []`` and ``entries: 0 read, 0 written, 0 skipped``; ``validate`` exited 0.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import BLOG_FI
from run_helpers import messy_export

from importer.cli import main
from importer.diagnostics import Diagnostics
from importer.readers import read

CLASSIC = BLOG_FI / "pages-classic"
FIX = "0 of 5 dates are readable in locale en_US; the pages say fi: drop --locale or use --locale fi."


def _run(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr.splitlines() + result.stdout.splitlines()


def test_a_wrong_locale_is_an_error_naming_the_fix(tmp_path: Path) -> None:
    code, lines = _run("convert", str(CLASSIC), "--locale", "en_US", "--to", "json",
                       "-o", str(tmp_path / "x.json"))
    assert code == 3
    assert f"pages-classic: error[dates-unreadable]: {FIX}" in lines
    # the posts left out are counted, not lost: read = written + skipped
    assert "entries: 5 read, 0 written, 5 skipped (5 entry-invalid)" in lines
    assert json.loads((tmp_path / "x.json").read_text("utf-8"))["posts"] == []


def test_validate_fails_and_info_says_so() -> None:
    code, lines = _run("validate", str(CLASSIC), "--locale", "en_US")
    assert code == 3 and any("error[dates-unreadable]" in line for line in lines)
    code, lines = _run("info", str(CLASSIC), "--locale", "en_US")
    assert any(line.endswith(FIX) for line in lines)


def test_the_right_locale_reads_every_date() -> None:
    diagnostics = Diagnostics()
    archive = read(CLASSIC, options=_options(locale="fi"), diagnostics=diagnostics)
    assert len(archive.posts) == 5 and "dates-unreadable" not in diagnostics.codes()


def test_a_halved_blog_is_an_error_too(tmp_path: Path) -> None:
    """Two of five pages carry English date headers: the three Finnish ones are lost with en_US."""
    pages = tmp_path / "pages"
    shutil.copytree(CLASSIC, pages)
    site = pages / "sosmedia-ja-muuta.blogspot.com"
    for name, english in (("2010_01_01_archive.html", "Friday, January 15, 2010"),
                          ("2010_03_01_archive.html", "Sunday, March 28, 2010")):
        page = site / name
        text = page.read_bytes().decode("latin-1")  # byte for byte, whatever the page encoding
        header = text.split('<h2 class="date-header">', 1)[1].split("</h2>", 1)[0]
        page.write_bytes(text.replace(header, english).encode("latin-1"))
    diagnostics = Diagnostics()
    archive = read(pages, options=_options(locale="en_US"), diagnostics=diagnostics)
    assert len(archive.posts) == 2
    [error] = [d for d in diagnostics if d.code == "dates-unreadable"]
    assert error.message.startswith("2 of 7 dates are readable in locale en_US; the pages say fi")


def test_an_export_without_posts_is_not_silently_empty(tmp_path: Path) -> None:
    source = tmp_path / "blog.xml"
    source.write_text(messy_export(posts=0, comments_per_post=0, undated=False), encoding="utf-8")
    code, lines = _run("convert", str(source), "--to", "json", "-o", str(tmp_path / "x.json"))
    assert code == 3
    assert any("error[entries-none]: No posts or pages were read" in line for line in lines)


def _options(**values: str):
    from importer.options import ReadOptions

    return ReadOptions(**values)
