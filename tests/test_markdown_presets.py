"""The Eleventy, Astro, Hexo and MkDocs flavors: their goldens read back, and their edge cases.

The golden files themselves are compared in ``test_markdown_golden.py``; the tests here pin what
the review of those goldens checked (front matter names and types per generator, where drafts go,
summaries, old URLs) so that a regenerated golden cannot quietly lose them. The real builds are in
``test_site_builds_js.py``.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import BLOG_FI
from test_site_builds import DRAFT, PAGE, POSTS

import importer
from importer.cli import main
from importer.diagnostics import Diagnostics
from importer.errors import UsageError
from importer.writers.markdown import MarkdownOptions, write_markdown
from importer.writers.markdown.presets import PRESET_FLAVORS, old_url_file, redirect_page

GOLDEN = BLOG_FI / "golden"


def _front(flavor: str, path: str) -> dict[str, Any]:
    text = (GOLDEN / flavor / path).read_text(encoding="utf-8")
    assert text.startswith("---\n")
    loaded = yaml.safe_load(text.split("---\n")[1])
    assert isinstance(loaded, dict)
    return loaded


def _text(flavor: str, path: str) -> str:
    return (GOLDEN / flavor / path).read_text(encoding="utf-8")


def _date(value: Any, expected: str) -> None:
    assert isinstance(value, datetime), type(value)  # an unquoted YAML timestamp, not a string
    assert value.isoformat() == expected


POST_FILES = {
    "eleventy": "posts/{}.md", "astro": "src/content/blog/{}.md", "hexo": "source/_posts/{}.md",
    "mkdocs": "docs/blog/posts/{}.md",
}


@pytest.mark.parametrize("flavor", PRESET_FLAVORS)
def test_every_post_has_title_date_with_offset_slug_and_tags(flavor: str) -> None:
    date_key = {"astro": "pubDate"}.get(flavor, "date")
    labels = "categories" if flavor == "mkdocs" else "tags"
    for entry in POSTS:
        front = _front(flavor, POST_FILES[flavor].format(entry.slug))
        assert front["title"] == entry.title and isinstance(front["title"], str)
        date = front[date_key]["created"] if flavor == "mkdocs" else front[date_key]
        _date(date, entry.date)
        assert front["slug"] == entry.slug
        assert front[labels] == entry.tags
        assert front.get("draft", False) is False and front.get("permalink") is not False


def test_drafts_in_each_generators_own_way() -> None:
    eleventy = _front("eleventy", f"posts/{DRAFT.slug}.md")
    assert (eleventy["draft"], eleventy["permalink"], eleventy["eleventyExcludeFromCollections"]) == (
        True, False, True)
    assert _front("astro", f"src/content/blog/{DRAFT.slug}.md")["draft"] is True
    assert _front("mkdocs", f"docs/blog/posts/{DRAFT.slug}.md")["draft"] is True
    hexo = _front("hexo", f"source/_drafts/{DRAFT.slug}.md")  # Hexo: the folder is the flag
    assert "draft" not in hexo and not (GOLDEN / "hexo" / "source" / "_posts" / f"{DRAFT.slug}.md").exists()


def test_summaries_as_marker_or_field() -> None:
    p1 = POSTS[0].slug
    assert "\n<!-- more -->\n" in _text("hexo", f"source/_posts/{p1}.md")
    assert "\n<!-- more -->\n" in _text("mkdocs", f"docs/blog/posts/{p1}.md")
    for flavor, key in (("eleventy", "excerpt"), ("astro", "description")):
        summary = _front(flavor, POST_FILES[flavor].format(p1))[key]
        assert summary.startswith("Mitä opin? Orkut - projektin oppi"), flavor
        assert summary.endswith("törmäilyvaiheessa."), flavor
        assert key not in _front(flavor, POST_FILES[flavor].format("blog-post"))  # no jump break


def test_old_urls_per_generator() -> None:
    seed = "/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html"
    hexo = _front("hexo", f"source/_posts/{POSTS[0].slug}.md")
    assert hexo["alias"] == [seed]
    assert hexo["permalink"] == "/2010/06/10/orkut-projekti-ja-sosmediamarkkinointi/"
    for flavor, folder, target in (("eleventy", "old-urls", "/posts/"), ("astro", "public", "/blog/")):
        page = _text(flavor, folder + seed)
        assert f'<meta http-equiv="refresh" content="0; url={target}{POSTS[0].slug}/">' in page
        assert f'<link rel="canonical" href="{target}{POSTS[0].slug}/">' in page
        assert (GOLDEN / flavor / folder / PAGE.alias.lstrip("/")).is_file()
    notes = _text("mkdocs", "SITE-NOTES.md")
    maps = yaml.safe_load(notes.split("```yaml\n")[1].split("```")[0])["plugins"][1]["redirects"]
    expected = {entry.alias.lstrip("/"): f"blog/posts/{entry.slug}.md" for entry in POSTS}
    assert maps["redirect_maps"] == {**expected, PAGE.alias.lstrip("/"): f"{PAGE.slug}.md"}


def test_template_syntax_in_bodies_is_kept_as_text() -> None:
    assert json.loads(_text("eleventy", "posts/posts.11tydata.json"))["templateEngineOverride"] == "md"
    assert _front("hexo", "source/_posts/koodia-merkkeja.md")["disableNunjucks"] is True
    assert "disableNunjucks" not in _front("hexo", f"source/_posts/{POSTS[0].slug}.md")


def test_heading_ids_only_where_the_renderer_reads_them() -> None:
    assert "### Yhteystiedot {#yhteystiedot}" in _text("mkdocs", "docs/tietoa-minusta.md")
    for flavor, path in (("eleventy", "pages/tietoa-minusta.md"),
                         ("astro", "src/content/pages/tietoa-minusta.md"),
                         ("hexo", "source/tietoa-minusta/index.md")):
        assert "\n### Yhteystiedot\n" in _text(flavor, path), flavor  # {#id} would show as text there


def test_comment_data_where_each_generator_reads_data() -> None:
    for flavor, folder in (("eleventy", "_data/comments"), ("astro", "src/data/comments"),
                           ("hexo", "source/_data/comments"), ("mkdocs", "comments")):
        thread = json.loads(_text(flavor, f"{folder}/orkut-projekti-ja-sosmediamarkkinointi.json"))
        assert thread["count"] == 2 and thread["slug"] == "orkut-projekti-ja-sosmediamarkkinointi", flavor


# --- edge cases -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("old", "expected"), [
    ("/2010/06/orkut.html", "2010/06/orkut.html"),
    ("/2010/06/k%C3%A4%C3%A4k.html", "2010/06/kääk.html"),  # servers look files up decoded
    ("/search/label/", "search/label/index.html"),
    ("/2010/06/../../etc/passwd", None),
    ("/2010/%2e%2e/x.html", None),
    ("/2010//x.html", None),
    ("/2010/a%5Cb.html", None),
])
def test_old_path_to_redirect_file(old: str, expected: str | None) -> None:
    assert old_url_file(old) == expected


def test_unsafe_old_path_is_reported_not_written() -> None:
    archive = importer.read(BLOG_FI / "legacy.xml")
    posts = tuple(replace(p, url="http://sosmedia-ja-muuta.blogspot.com/2010/06/../../x.html")
                  if p.slug == "orkut-projekti-ja-sosmediamarkkinointi" else p for p in archive.posts)
    diagnostics = Diagnostics()
    files = write_markdown(replace(archive, posts=posts), MarkdownOptions(flavor="astro"), diagnostics)
    assert [d.code for d in diagnostics if d.code == "old-url-unsafe"] == ["old-url-unsafe"]
    assert not [f.path for f in files if ".." in f.path or f.path == "public/x.html"]
    assert len([f for f in files if f.path.startswith("public/")]) == 5  # the other five old paths


def test_redirect_page_escapes_its_target() -> None:
    page = redirect_page('/posts/a"b<script>/', "fi").decode()
    assert "<script>" not in page and "&quot;" in page and '<html lang="fi">' in page


@pytest.mark.parametrize("flavor", ["astro", "mkdocs"])
def test_permalink_refused_where_the_site_decides_urls(flavor: str, tmp_path: Path) -> None:
    options = MarkdownOptions(flavor=flavor, permalink="/:year/:month/:slug/")
    with pytest.raises(UsageError, match="--permalink"):
        importer.convert(BLOG_FI / "legacy.xml", tmp_path / "out", to=flavor, write_options=options)


@pytest.mark.parametrize("flavor", ["eleventy", "hexo"])
def test_permalink_pins_the_url_in_front_matter(flavor: str, tmp_path: Path) -> None:
    options = MarkdownOptions(flavor=flavor, permalink="/:year/:month/:slug/")
    importer.convert(BLOG_FI / "legacy.xml", tmp_path, to=flavor, write_options=options)
    path = tmp_path / POST_FILES[flavor].format(POSTS[0].slug)
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert front["permalink"] == "/2010/06/orkut-projekti-ja-sosmediamarkkinointi/"
    other = (tmp_path / POST_FILES[flavor].format("kesakuun-kuulumiset-ensimmaiset")).read_text("utf-8")
    assert "](/2010/06/orkut-projekti-ja-sosmediamarkkinointi/)" in other  # links follow the pattern


def test_cli_lists_the_new_flavors() -> None:
    runner = CliRunner()
    formats = runner.invoke(main, ["formats"])
    help_text = runner.invoke(main, ["convert", "--help"])
    assert formats.exit_code == 0 and help_text.exit_code == 0
    for flavor in PRESET_FLAVORS:
        assert f"\n  {flavor} " in formats.output
        assert flavor in help_text.output.split("--to [")[1].split("]")[0].split("|")
