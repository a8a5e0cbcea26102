"""Acceptance (issue 14): hostile bodies and comments, built by the real Hugo with ``unsafe = true``.

The blog of ``hostile_html`` (every vector of the issue in post bodies and in comments) is
converted by ``importer.convert`` and built with Debian's ``hugo``; the templates print each
comment's HTML unescaped (``safeHTML``), as a theme showing the comment data would. No built page
may hold ``<script``, an ``on*=`` attribute or a ``javascript:`` URL, nor may the comment data files.
The same build with ``--keep-scripts`` shows that the check does find scripts in a built page.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hostile_html import BODY_VECTORS, hostile_json, unsafe_parts
from test_site_builds import HUGO_LIST, _require, _run

import importer
from importer.writers import get_writer

CONFIG = """\
baseURL = "https://example.org/"
languageCode = "fi"
title = "Vihamielinen"
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]

[markup.goldmark.renderer]
unsafe = true
"""
SINGLE = """\
<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
<h1>{{ .Title }}</h1>
<main>{{ .Content }}</main>
{{ with index .Site.Data.comments .Slug }}{{ range .comments }}
<div class="comment">{{ .content_html | safeHTML }}</div>{{ end }}{{ end }}
</body></html>
"""


def _build(tmp: Path, **options: object) -> tuple[Path, Path]:
    """Convert the hostile blog to Hugo and build it; (site folder, public folder)."""
    hugo = shutil.which("hugo")
    _require("hugo", hugo is not None, "apt-get install -y hugo")
    assert hugo is not None
    source = tmp / "blog.json"
    source.write_bytes(hostile_json())
    site = tmp / "site"
    importer.convert(source, site, to="hugo", write_options=get_writer("hugo").make_options(**options))
    (site / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    layouts = site / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text(SINGLE, encoding="utf-8")
    (layouts / "list.html").write_text(HUGO_LIST, encoding="utf-8")
    _run([hugo, "--destination", "public", "--cleanDestinationDir"], site)
    return site, site / "public"


def _post_pages(public: Path) -> list[Path]:
    return sorted((public / "posts").glob("*/index.html"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return _build(tmp_path_factory.mktemp("hostile"))


def test_no_built_page_holds_script_handlers_or_script_urls(built: tuple[Path, Path]) -> None:
    _, public = built
    pages = sorted(public.rglob("*.html"))
    posts = _post_pages(public)
    assert len(posts) == len(BODY_VECTORS)
    for page in pages:
        assert unsafe_parts(page.read_text(encoding="utf-8")) == [], page
    # the hostile posts and comments were built (their text is there), with the legitimate embed
    text = "".join(page.read_text(encoding="utf-8") for page in posts)
    assert text.count('<div class="comment">') == len(BODY_VECTORS) * 5
    assert text.count("Hieno!") == len(BODY_VECTORS)
    youtube = 'src="https://www.youtube.com/embed/dQw4w9WgXcQ?start=30&amp;rel=0"'  # query string kept
    assert text.count(youtube) == len(BODY_VECTORS)
    assert "raw HTML omitted" not in text


def test_no_comment_data_file_holds_them(built: tuple[Path, Path]) -> None:
    site, _ = built
    files = sorted((site / "data" / "comments").glob("*.json"))
    assert len(files) == len(BODY_VECTORS)
    for path in files:
        for comment in json.loads(path.read_text(encoding="utf-8"))["comments"]:
            assert unsafe_parts(comment["content_html"]) == [], (path, comment["content_html"])


def test_the_check_finds_scripts_when_they_are_kept(tmp_path: Path) -> None:
    _, public = _build(tmp_path, keep_scripts=True)
    script_page = public / "posts" / "vektori-script" / "index.html"
    assert "<script" in unsafe_parts(script_page.read_text(encoding="utf-8"))
    found = [page for page in _post_pages(public) if unsafe_parts(page.read_text(encoding="utf-8"))]
    assert len(found) >= len(BODY_VECTORS) // 2
