"""A hand-made Classic template without Blogger's generator meta or scripts is still a saved page,
and ``--from blogger-html`` always hands a file to that reader.

Measured before: such a page was refused as "an HTML page, not a Blogger export or saved Blogger
page", even with ``--from blogger-html``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BLOG_FI

from importer.cli import main
from importer.errors import InputError
from importer.readers import read
from importer.readers.detect import detect_format

PAGE = BLOG_FI / "pages-classic" / "sosmedia-ja-muuta.blogspot.com" / "2010" / "05" / "blog-post.html"


def _bare(tmp_path: Path, host: str | None = None) -> Path:
    """The Classic page minus every Blogger marker: what remains is its classes and permalinks."""
    data = PAGE.read_bytes()
    data = re.sub(rb'<meta name="generator" content="Blogger" />', b"", data)
    data = re.sub(rb"<link[^>]*blogger\.com/feeds/[^>]*>", b"", data)
    if host is not None:  # a custom domain: no blogspot permalink either
        data = data.replace(b"sosmedia-ja-muuta.blogspot.com", host.encode())
    page = tmp_path / "kirjoitus.html"
    page.write_bytes(data)
    return page


def test_classic_markup_and_blogspot_permalinks_are_a_saved_page(tmp_path: Path) -> None:
    page = _bare(tmp_path)
    assert detect_format(page) == "blogger-html"
    [post] = read(page, options=None).posts
    assert post.id == "7000000000000000003"


def test_from_always_wins_over_detection(tmp_path: Path) -> None:
    page = _bare(tmp_path, host="blogi.example.org")
    with pytest.raises(InputError, match="not a Blogger export or saved Blogger page"):
        detect_format(page)  # no blogspot permalink: detection alone does not take it
    [post] = read(page, format="blogger-html").posts
    assert post.url == "http://blogi.example.org/2010/05/blog-post.html"
    result = CliRunner().invoke(main, ["info", str(page), "--from", "blogger-html"])
    assert result.exit_code == 0 and "format:    blogger-html" in result.stdout


def test_a_page_that_is_not_blogger_stays_refused_without_from(tmp_path: Path) -> None:
    page = tmp_path / "other.html"
    page.write_text("<!DOCTYPE html><html><body><div class='post'><p class='post-body'>x</p>"
                    "<p class='post-footer'>y</p><a href='https://example.org/2010/05/x.html'>z</a>"
                    "</div></body></html>", encoding="utf-8")
    with pytest.raises(InputError):
        detect_format(page)
