"""Golden files: the fixture blog (legacy.xml) converted to every Markdown flavor through ``convert``.

Each output file is compared byte for byte with ``fixtures/blog-fi/golden/<flavor>/<path>``, and
the set of files written must be exactly the golden set (nothing missing, nothing extra). The
manifest is ours, not the user's, so it is not a golden file: it must list every other file with
its SHA-256. The goldens were reviewed against BLOG.md and OUTPUTS.md; the tests after the golden
comparison pin the points of that review so that a regenerated golden cannot quietly lose them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import tomllib
import yaml
from conftest import BLOG_FI

import importer
from importer.diagnostics import Diagnostics
from importer.model import Post
from importer.writers.markdown.writer import merged_labels

FLAVORS = ("markdown", "hugo", "jekyll", "pelican", "zola", "eleventy", "astro", "hexo", "mkdocs")
GOLDEN = BLOG_FI / "golden"
MANIFEST = ".blogimport-manifest.json"


def _convert(flavor: str, out: Path) -> dict[str, bytes]:
    importer.convert(BLOG_FI / "legacy.xml", out, to=flavor)
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """Every flavor's output tree, converted once for the module: ``{flavor: {path: bytes}}``."""
    return {flavor: _convert(flavor, tmp_path_factory.mktemp(flavor) / "site") for flavor in FLAVORS}


@pytest.mark.parametrize("flavor", FLAVORS)
def test_every_file_matches_its_golden(flavor: str, outputs: dict[str, dict[str, bytes]],
                                       golden: Callable[[Path, bytes], None],
                                       request: pytest.FixtureRequest) -> None:
    files = dict(outputs[flavor])
    manifest = json.loads(files.pop(MANIFEST))
    assert manifest["files"] == {path: hashlib.sha256(data).hexdigest() for path, data in files.items()}
    for path, data in files.items():
        golden(GOLDEN / flavor / path, data)
    if not request.config.getoption("--update-golden"):
        expected = {p.relative_to(GOLDEN / flavor).as_posix()
                    for p in (GOLDEN / flavor).rglob("*") if p.is_file()}
        assert set(files) == expected


# --- the review, pinned ------------------------------------------------------------------------

def _text(flavor: str, path: str) -> str:
    return (GOLDEN / flavor / path).read_text(encoding="utf-8")


def _yaml(flavor: str, path: str) -> dict[str, Any]:
    loaded = yaml.safe_load(_text(flavor, path).split("---\n")[1])
    assert isinstance(loaded, dict)
    return loaded


def _toml(path: str) -> dict[str, Any]:
    return tomllib.loads(_text("zola", path).split("+++\n")[1])


def _pelican(path: str) -> dict[str, str]:
    head = _text("pelican", path).split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines())


HUGO_P = "content/posts/"
JEKYLL_P = "_posts/"


def test_hugo_front_matter_types_and_values() -> None:
    p1 = _yaml("hugo", HUGO_P + "orkut-projekti-ja-sosmediamarkkinointi.md")
    assert p1["title"] == "Orkut – projekti ja sosmediamarkkinointi"
    assert isinstance(p1["date"], datetime) and p1["date"].isoformat() == "2010-06-10T14:35:00+03:00"
    assert p1["lastmod"].isoformat() == "2010-06-11T08:00:00+03:00"
    assert p1["draft"] is False
    assert p1["aliases"] == ["/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html"]
    assert p1["tags"] == ["sosiaalinen media", "Orkut", "Markkinointi"]
    p5 = _yaml("hugo", HUGO_P + "koodia-merkkeja.md")
    assert p5["date"].isoformat() == "2010-01-15T08:00:00+02:00"  # winter offset
    draft = _yaml("hugo", HUGO_P + "keskenerainen-luonnos.md")
    assert draft["draft"] is True and "aliases" not in draft
    page = _yaml("hugo", "content/tietoa-minusta.md")
    assert page["aliases"] == ["/p/tietoa-minusta.html"]


def test_every_yaml_string_is_double_quoted() -> None:
    for flavor in ("hugo", "jekyll", "markdown"):
        for path in (GOLDEN / flavor).rglob("*.md"):
            if path.name == "SITE-NOTES.md":
                continue
            head = path.read_text(encoding="utf-8").split("---\n")[1]
            for line in head.splitlines():
                value = line.split(": ", 1)[1] if ": " in line else line.removeprefix("- ")
                if line.endswith(":") or value in ("true", "false", "[]") or value[:4].isdigit():
                    continue
                assert value.startswith('"') and value.endswith('"'), f"{path}: {line}"


def test_slug_collision_resolved_everywhere() -> None:
    p4 = _yaml("hugo", HUGO_P + "blog-post.md")
    p3 = _yaml("hugo", HUGO_P + "blog-post-2010-05.md")
    assert (p4["aliases"], p3["aliases"]) == (["/2010/03/blog-post.html"], ["/2010/05/blog-post.html"])
    assert (GOLDEN / "jekyll" / JEKYLL_P / "2010-05-20-blog-post-2010-05.md").is_file()
    assert (GOLDEN / "jekyll" / JEKYLL_P / "2010-03-28-blog-post.md").is_file()


def test_jekyll_names_flags_and_liquid() -> None:
    names = sorted(p.name for p in (GOLDEN / "jekyll" / "_posts").iterdir())
    assert names == ["2010-01-15-koodia-merkkeja.md", "2010-03-28-blog-post.md",
                     "2010-05-20-blog-post-2010-05.md", "2010-06-10-kesakuun-kuulumiset-ensimmaiset.md",
                     "2010-06-10-orkut-projekti-ja-sosmediamarkkinointi.md",
                     "2010-06-12-keskenerainen-luonnos.md"]
    p5 = _yaml("jekyll", JEKYLL_P + "2010-01-15-koodia-merkkeja.md")
    assert p5["render_with_liquid"] is False
    assert p5["redirect_from"] == ["/2010/01/koodia-merkkeja.html"]
    p2 = _yaml("jekyll", JEKYLL_P + "2010-06-10-kesakuun-kuulumiset-ensimmaiset.md")
    assert "render_with_liquid" not in p2 and "published" not in p2
    assert p2["title"] == "Kesäkuun kuulumiset: ensimmäiset kokemukset"
    p1 = _yaml("jekyll", JEKYLL_P + "2010-06-10-orkut-projekti-ja-sosmediamarkkinointi.md")
    assert p1["excerpt_separator"] == "<!--more-->"
    draft = _yaml("jekyll", JEKYLL_P + "2010-06-12-keskenerainen-luonnos.md")
    assert draft["published"] is False


def test_summary_marker_per_flavor() -> None:
    name = "orkut-projekti-ja-sosmediamarkkinointi.md"
    assert "\n<!--more-->\n" in _text("hugo", HUGO_P + name)
    assert "\n<!--more-->\n" in _text("jekyll", JEKYLL_P + "2010-06-10-" + name)
    assert "\n<!-- more -->\n" in _text("zola", "content/posts/" + name)
    pelican = _text("pelican", "content/" + name)
    assert "more -->" not in pelican
    assert _pelican("content/" + name)["Summary"].startswith("Mitä opin? Orkut - projektin oppi")


def test_pelican_header() -> None:
    p2 = _pelican("content/kesakuun-kuulumiset-ensimmaiset.md")
    assert p2 == {
        "Title": "Kesäkuun kuulumiset: ensimmäiset kokemukset", "Date": "2010-06-10T09:05:00+03:00",
        "Modified": "2010-06-10T10:05:00+03:00", "Tags": "Orkut, Koodi",
        "Slug": "kesakuun-kuulumiset-ensimmaiset", "Authors": "Pirjo Esimerkki", "Status": "published",
        "Alias": "/2010/06/kesakuun-kuulumiset-ensimmaiset.html"}
    assert _pelican("content/keskenerainen-luonnos.md")["Status"] == "draft"
    assert _pelican("content/blog-post.md")["Title"] == "28.3.2010"  # untitled: its date, in Finnish


def test_zola_front_matter_types() -> None:
    p4 = _toml("content/posts/blog-post.md")
    assert isinstance(p4["date"], datetime) and p4["date"].isoformat() == "2010-03-28T10:15:00+03:00"
    assert p4["draft"] is False and p4["aliases"] == ["/2010/03/blog-post.html"]
    assert p4["taxonomies"] == {"tags": ["arki"]}
    assert _toml("content/posts/keskenerainen-luonnos.md")["draft"] is True


def test_links_between_posts_point_at_new_urls() -> None:
    expected = {
        "hugo": ("content/posts/kesakuun-kuulumiset-ensimmaiset.md",
                 "(/posts/orkut-projekti-ja-sosmediamarkkinointi/)"),
        "jekyll": ("_posts/2010-06-10-kesakuun-kuulumiset-ensimmaiset.md",
                   "(/2010/06/10/orkut-projekti-ja-sosmediamarkkinointi.html)"),
        "pelican": ("content/kesakuun-kuulumiset-ensimmaiset.md",
                    "(/orkut-projekti-ja-sosmediamarkkinointi.html)"),
        "zola": ("content/posts/kesakuun-kuulumiset-ensimmaiset.md",
                 "(/posts/orkut-projekti-ja-sosmediamarkkinointi/)"),
    }
    for flavor, (path, link) in expected.items():
        assert link in _text(flavor, path), flavor
    # P3 links to P4 by its mobile URL; P5 to the page with a fragment
    assert "(/posts/blog-post/)" in _text("hugo", HUGO_P + "blog-post-2010-05.md")
    assert "(/pages/tietoa-minusta.html#yhteystiedot)" in _text("pelican", "content/koodia-merkkeja.md")
    for flavor in FLAVORS:
        for path in (GOLDEN / flavor).rglob("*.md"):
            assert "blogspot.com/20" not in path.read_text(encoding="utf-8"), path


def test_comment_files_threaded_without_spam() -> None:
    thread = json.loads(_text("hugo", "data/comments/orkut-projekti-ja-sosmediamarkkinointi.json"))
    assert thread["count"] == 2
    assert [c["id"] for c in thread["comments"]] == ["8000000000000000001"]
    assert [r["author"] for r in thread["comments"][0]["replies"]] == ["Pirjo Esimerkki"]
    assert "osta nyt" not in json.dumps(thread)
    p3 = json.loads(_text("pelican", "content/blog-post-2010-05.comments.json"))
    assert p3["comments"][0]["anonymous"] is True and p3["url"] == "/blog-post-2010-05.html"


def test_pelican_site_notes_name_the_plugin_module() -> None:
    assert 'PLUGINS = ["pelican_alias"]' in _text("pelican", "SITE-NOTES.md")


# --- label spellings (found while reviewing the goldens: Jekyll kept 'Koodi' and 'koodi' apart) -----

def _post(number: int, labels: list[str], day: int) -> Post:
    from importer.model import POST_PUBLISHED

    return Post(id=str(number), kind="post", status=POST_PUBLISHED, title=f"p{number}", slug=None, url=None,
                published=datetime.fromisoformat(f"2010-01-{day:02d}T10:00:00+02:00"), labels=tuple(labels))


def test_label_spellings_merge_to_the_most_used() -> None:
    posts = [_post(1, ["koodi"], 3), _post(2, ["Koodi", "Kesä"], 1), _post(3, ["koodi", "kesa"], 2)]
    diagnostics = Diagnostics()
    mapping = merged_labels(posts, "fi", diagnostics)
    assert mapping == {"Koodi": "koodi", "koodi": "koodi", "Kesä": "Kesä", "kesa": "Kesä"}
    assert sorted(d.code for d in diagnostics) == ["label-merged", "label-merged"]
    assert merged_labels(list(reversed(posts)), "fi", Diagnostics()) == mapping  # order-independent


# --- heading ids (found by the Pelican build: P5's link to the page's #yhteystiedot had no target) -

@pytest.mark.parametrize(("html", "expected"), [
    ('<h3 id="yhteystiedot">Yhteystiedot</h3><p>x</p>', "### Yhteystiedot {#yhteystiedot}\n\nx\n"),
    ('<h2 id="x">Otsikko #</h2>', "## Otsikko \\# {#x}\n"),
    ('<h2 id="two words">Otsikko</h2>', "## Otsikko\n"),  # not a usable id: left out
    ("<h2>Otsikko</h2>", "## Otsikko\n"),
    ('<p>a</p><h2 id="x"> </h2><p>b</p>', "a\n\nb\n"),  # an empty heading shows nothing
])
def test_heading_ids_kept_for_generators(html: str, expected: str) -> None:
    from importer.html.markdown import html_to_markdown

    assert html_to_markdown(html, heading_ids=True).markdown == expected
    assert "{#" not in html_to_markdown(html).markdown  # plain CommonMark has no attribute syntax


def test_heading_ids_per_flavor() -> None:
    for flavor, path in (("hugo", "content/tietoa-minusta.md"), ("jekyll", "tietoa-minusta.md"),
                         ("zola", "content/tietoa-minusta.md"),
                         ("pelican", "content/pages/tietoa-minusta.md")):
        assert "\n### Yhteystiedot {#yhteystiedot}\n" in _text(flavor, path), flavor
    assert "\n### Yhteystiedot\n" in _text("markdown", "pages/tietoa-minusta.md")
