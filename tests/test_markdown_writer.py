"""The Markdown writer and its flavors on the fixture blog (built from the model)."""

from __future__ import annotations

import dataclasses
import json

import pytest
import tomllib
import yaml
from conftest import BLOG_FI
from md_blog_fi import blog_fi
from sites import faithful_block

import importer
from importer.diagnostics import Diagnostics, Severity
from importer.writers import get_writer, write
from importer.writers.markdown import MarkdownOptions, plan
from importer.writers.markdown import bodies as bodies_module

P1 = "7000000000000000001"
DRAFT = "7000000000000000007"


def _files(flavor: str, **options: object) -> tuple[dict[str, str], Diagnostics]:
    diagnostics = Diagnostics()
    spec = get_writer(flavor)
    out = write(blog_fi(), flavor, spec.make_options(**options), diagnostics)
    return {f.path: f.data.decode("utf-8") for f in out}, diagnostics


def _front(text: str) -> dict[str, object]:
    if text.startswith("+++\n"):
        return tomllib.loads(text.split("+++\n")[1])
    loaded = yaml.safe_load(text.split("---\n")[1])
    assert isinstance(loaded, dict)
    return loaded


@pytest.mark.parametrize(
    ("flavor", "p1_path", "page_path", "comments"),
    [
        ("hugo", "content/posts/orkut-projekti-ja-sosmediamarkkinointi.md", "content/tietoa-minusta.md",
         "data/comments/orkut-projekti-ja-sosmediamarkkinointi.json"),
        ("jekyll", "_posts/2010-06-10-orkut-projekti-ja-sosmediamarkkinointi.md", "tietoa-minusta.md",
         "_data/comments/orkut-projekti-ja-sosmediamarkkinointi.json"),
        ("pelican", "content/orkut-projekti-ja-sosmediamarkkinointi.md", "content/pages/tietoa-minusta.md",
         "content/orkut-projekti-ja-sosmediamarkkinointi.comments.json"),
        ("zola", "content/posts/orkut-projekti-ja-sosmediamarkkinointi.md", "content/tietoa-minusta.md",
         "content/posts/orkut-projekti-ja-sosmediamarkkinointi.comments.json"),
    ],
)
def test_layout_per_flavor(flavor: str, p1_path: str, page_path: str, comments: str) -> None:
    files, _ = _files(flavor)
    assert {p1_path, page_path, comments, "SITE-NOTES.md"} <= set(files)
    thread = json.loads(files[comments])["comments"]
    assert [c["id"] for c in thread] == ["8000000000000000001"]  # spam left out
    assert thread[0]["replies"][0]["content_html"] == "Kiitos, Ilkka!"


def test_hugo_front_matter_and_summary_marker() -> None:
    files, diagnostics = _files("hugo")
    text = files["content/posts/orkut-projekti-ja-sosmediamarkkinointi.md"]
    front = _front(text)
    assert front["title"] == "Orkut – projekti ja sosmediamarkkinointi"
    assert front["aliases"] == ["/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html"]
    assert front["tags"] == ["sosiaalinen media", "Orkut", "Markkinointi"]
    assert front["draft"] is False
    assert "date: 2010-06-10T14:35:00+03:00\n" in text
    assert "\n<!--more-->\n" in text
    assert _front(files["content/posts/keskenerainen-luonnos.md"])["draft"] is True
    codes = diagnostics.codes()
    assert codes.count("comment-not-public") == 2 and codes.count("slug-collision") == 1
    assert "unsafe = true" in files["SITE-NOTES.md"]


def test_collision_gives_two_files_and_one_diagnostic() -> None:
    files, diagnostics = _files("hugo")
    assert "content/posts/blog-post.md" in files and "content/posts/blog-post-2010-05.md" in files
    collision = [d for d in diagnostics if d.code == "slug-collision"]
    assert [d.entry for d in collision] == ["7000000000000000003"]


def test_jekyll_drafts_liquid_and_excerpt() -> None:
    files, _ = _files("jekyll")
    draft = _front(files["_posts/2010-06-12-keskenerainen-luonnos.md"])
    assert draft["published"] is False
    code_post = _front(files["_posts/2010-01-15-koodia-merkkeja.md"])
    assert code_post["render_with_liquid"] is False
    assert code_post["title"] == "Koodia & merkkejä: {{ aaltosulkeet }}"
    p1 = _front(files["_posts/2010-06-10-orkut-projekti-ja-sosmediamarkkinointi.md"])
    assert p1["excerpt_separator"] == "<!--more-->" and "render_with_liquid" not in p1
    assert p1["redirect_from"] == ["/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html"]
    assert "timezone: Europe/Helsinki" in files["SITE-NOTES.md"]


def test_zola_toml_taxonomies_and_section() -> None:
    files, _ = _files("zola", front_matter="yaml")  # Zola is always TOML
    front = _front(files["content/posts/kesakuun-kuulumiset-ensimmaiset.md"])
    assert front["taxonomies"] == {"tags": ["Orkut", "Koodi"]}  # merged with P5's older spelling
    assert front["date"].isoformat() == "2010-06-10T09:05:00+03:00"  # type: ignore[attr-defined]
    assert "tags" not in front
    assert "content/posts/_index.md" in files
    assert "\n<!-- more -->\n" in files["content/posts/orkut-projekti-ja-sosmediamarkkinointi.md"]


def test_pelican_header_summary_and_titles() -> None:
    files, diagnostics = _files("pelican")
    p1 = files["content/orkut-projekti-ja-sosmediamarkkinointi.md"]
    assert "Summary: Orkut-projekti oli kevään iso juttu.\n" in p1 and "<!--more-->" not in p1
    assert "Title: Kesäkuun kuulumiset: ensimmäiset kokemukset\n" in files[
        "content/kesakuun-kuulumiset-ensimmaiset.md"]
    assert files["content/blog-post.md"].startswith("Title: 28.3.2010\n")  # fi medium date
    assert diagnostics.codes().count("title-added") == 2


@pytest.mark.parametrize(("flavor", "path", "line"), [
    ("hugo", "content/posts/blog-post.md", 'title: "28.3.2010"'),
    ("jekyll", "_posts/2010-03-28-blog-post.md", 'title: "28.3.2010"'),
    ("zola", "content/posts/blog-post.md", 'title = "28.3.2010"'),
    ("markdown", "posts/blog-post.md", 'title: "28.3.2010"'),
    ("pelican", "content/blog-post.md", "Title: 28.3.2010"),
])
def test_untitled_posts_get_their_date_as_title_in_every_flavor(flavor: str, path: str, line: str) -> None:
    # docs/checks.md (title-missing): "outputs show it by its date"; only Pelican did before
    files, diagnostics = _files(flavor)
    assert line in files[path].splitlines()
    added = [d for d in diagnostics if d.code == "title-added"]
    assert len(added) == 2 and all(d.severity == Severity.INFO for d in added)


def test_no_drafts_leaves_them_out_with_one_diagnostic_each() -> None:
    files, diagnostics = _files("hugo", drafts=False)
    assert "content/posts/keskenerainen-luonnos.md" not in files
    skipped = [d.entry for d in diagnostics if d.code == "draft-skipped"]
    assert skipped == [DRAFT]


def test_all_comments_keeps_statuses() -> None:
    files, diagnostics = _files("hugo", all_comments=True)
    thread = json.loads(files["data/comments/orkut-projekti-ja-sosmediamarkkinointi.json"])["comments"]
    assert [c["status"] for c in thread] == ["published", "spam"]
    assert "comment-not-public" not in diagnostics.codes()


def test_hugo_bundles_shortcodes_toml() -> None:
    files, diagnostics = _files("hugo", bundles=True, embeds="shortcode", front_matter="toml")
    text = files["content/posts/kesakuun-kuulumiset-ensimmaiset/index.md"]
    assert "{{< youtube dQw4w9WgXcQ >}}" in text and "<iframe" not in text
    assert text.startswith("+++\n")
    assert "html-raw-kept" not in diagnostics.codes()


def test_same_input_same_bytes_and_jobs_do_not_matter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodies_module, "PARALLEL_THRESHOLD", 1)  # use the process pool
    monkeypatch.setattr(bodies_module, "_CHUNK", 2)
    archive = blog_fi()
    one = write(archive, "hugo", MarkdownOptions(flavor="hugo", jobs=1))
    again = write(archive, "hugo", MarkdownOptions(flavor="hugo", jobs=2))
    assert one == again


def test_plan_urls_and_permalink() -> None:
    planned = plan(blog_fi(), MarkdownOptions(flavor="jekyll"))
    assert planned[P1].url_path == "/2010/06/10/orkut-projekti-ja-sosmediamarkkinointi.html"
    custom = plan(blog_fi(), MarkdownOptions(flavor="hugo", permalink="/:year/:month/:slug/"))
    assert custom[P1].url_path == "/2010/06/orkut-projekti-ja-sosmediamarkkinointi/"
    assert custom["7000000000000000006"].url_path == "/tietoa-minusta/"
    files, _ = _files("hugo", permalink="/:year/:month/:slug/")
    front = _front(files["content/posts/orkut-projekti-ja-sosmediamarkkinointi.md"])
    assert front["url"] == "/2010/06/orkut-projekti-ja-sosmediamarkkinointi/"


def test_hugo_site_notes_show_no_empty_settings_block() -> None:
    # a blog without raw HTML, --site-url or --permalink got "Add to hugo.toml:" over an empty
    # ```toml block, as if something had been left out
    from dataclasses import replace

    from importer.model import Blog
    from importer.writers.markdown.notes import site_notes

    notes = site_notes(Blog(title="B"), MarkdownOptions(flavor="hugo"), raw_html=False).decode("utf-8")
    assert "```toml\n```" not in notes and "Add to `hugo.toml`" not in notes
    notes = site_notes(Blog(title="B"), replace(MarkdownOptions(flavor="hugo"), site_url="https://e.fi/"),
                       raw_html=False).decode("utf-8")
    assert 'Add to `hugo.toml`:\n\n```toml\nbaseURL = "https://e.fi/"\n```' in notes


@pytest.mark.parametrize("flavor", ["hugo", "jekyll", "zola", "pelican", "markdown"])
def test_millisecond_tie_breakers_stay_out_of_front_matter(flavor: str) -> None:
    """Blogger separates posts of one minute by .001, .002...: JSON keeps them, front matter not."""
    archive = blog_fi()
    index, orkut = next((i, p) for i, p in enumerate(archive.posts) if p.title.startswith("Orkut"))
    tied = dataclasses.replace(orkut, published=orkut.published.replace(second=0, microsecond=1000),
                               updated=orkut.published.replace(second=0, microsecond=2000))
    posts = list(archive.posts)
    posts[index] = tied
    archive = dataclasses.replace(archive, posts=tuple(posts))
    out = {f.path: f.data.decode("utf-8") for f in write(archive, flavor)}
    head = next(text for text in out.values() if "Orkut – projekti" in text.split("\n\n", 1)[0])
    assert ".001" not in head and ".002" not in head
    assert "14:35:00+03:00" in head
    document = json.loads(write(archive, "json")[0].data)
    [kept] = [p for p in document["posts"] if p["id"] == orkut.id]
    assert kept["published"] == "2010-06-10T14:35:00.001000+03:00"


def test_site_notes_give_the_settings_that_keep_the_text_as_typed() -> None:
    # Hugo's typographer and linkify changed quotes, dashes, "..." and minute marks in 59 of 188
    # built posts and made links of bare addresses; SITE-NOTES.md said nothing about either
    archive = importer.read(BLOG_FI / "legacy.xml")
    notes = {flavor: next(f for f in importer.write(archive, flavor) if f.path == "SITE-NOTES.md")
             .data.decode("utf-8") for flavor in ("hugo", "jekyll", "pelican", "zola")}
    assert tomllib.loads(faithful_block(notes["hugo"], "toml")) == {
        "markup": {"goldmark": {"extensions": {"linkify": False, "typographer": False}}}}
    assert "typographer" in notes["hugo"] and "linkify" in notes["hugo"]
    kramdown = yaml.safe_load(faithful_block(notes["jekyll"], "yaml"))["kramdown"]
    assert kramdown["smart_quotes"] == ["apos", "apos", "quot", "quot"]
    assert kramdown["typographic_symbols"] == {"hellip": "...", "mdash": "---", "ndash": "--", "laquo": "<<",
                                               "raquo": ">>", "laquo_space": "<< ", "raquo_space": " >>"}
    assert "For a faithful copy" not in notes["pelican"] + notes["zola"]  # they change nothing by default
