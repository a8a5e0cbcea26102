"""Real WordPress exports (../shared/corpus/wxr) read with the counts WordPress's tests expect
and convert to JSON and Markdown."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from importer.diagnostics import Diagnostics
from importer.pipeline import convert
from importer.readers import read

THEME = "theme-test-data-themeunittestdata.wordpress.xml"
UTF8 = "importer-phpunit-wxr-utf-8-challenges.xml"
V11 = "importer-phpunit-valid-wxr-1.1.xml"


def test_theme_unit_test_reads_all_186_items(corpus: Path) -> None:
    diagnostics = Diagnostics()
    archive = read(corpus / "wxr" / THEME, diagnostics=diagnostics)
    # every <item> is an entry; attachments are entries of kind "attachment"
    assert len(archive.posts) == 186
    assert Counter(p.kind for p in archive.posts) == {
        "post": 58, "page": 21, "attachment": 37, "nav_menu_item": 70}
    assert archive.comment_count == 33
    assert Counter(p.status for p in archive.posts if p.kind == "post")["draft"] == 1
    threaded = [c for p in archive.posts for c in p.comments if c.parent_id is not None]
    assert threaded and all(c.parent_id in {o.id for o in p.comments}
                            for p in archive.posts for c in p.comments if c.parent_id)
    media = [p for p in archive.posts if p.kind == "attachment"]
    assert all(p.extra["attachment_url"].startswith("https://") for p in media)
    ids = {p.id for p in archive.posts}
    assert all(p.extra["post_parent"] in ids for p in media if "post_parent" in p.extra)
    # menu items, attachments and 'inherit' are WordPress's own: known, not custom or unknown
    assert "kind-custom" not in diagnostics.codes()
    # WordPress.com repeats 18 menu-item ids; all are kept under distinct ids, each reported once,
    # as WordPress.com's own quirk (info), not as damage (they were 18 of the run's 31 warnings)
    assert diagnostics.codes().count("menu-id-renamed") == 18
    assert "entry-id-renamed" not in diagnostics.codes()


def test_utf8_challenges(corpus: Path) -> None:
    archive = read(corpus / "wxr" / UTF8)
    [post] = archive.posts
    assert post.title == '"The Road \u202eNot\u202c Taken" by Rob\u202dert \u202eFrost \u202a🌲\u202c'
    assert "𝓣𝓮𝓼𝓽 𝓜𝓾𝓵𝓽𝓲-𝓑𝔂𝓽𝓮" in post.content_html
    # WordPress's own parser test expects this file to give 1 post and 1 author; it holds no
    # <wp:comment> (the "1 comment" reads that author count as a comment).
    assert len(archive.posts) == 1
    assert len({p.author.name for p in archive.posts if p.author}) == 1
    assert archive.comment_count == 0
    assert post.author is not None and post.author.name.startswith("A̸")
    assert archive.blog.title.startswith("My WordPress Website 🚀")


def test_wxr_1_1(corpus: Path) -> None:
    archive = read(corpus / "wxr" / V11)
    assert [(p.kind, p.title) for p in archive.posts] == [("post", "Hello world!"), ("page", "About")]
    post = archive.posts[0]
    assert post.labels == ("alpha", "Clippable")
    assert json.loads(post.extra["wxr_categories"]) == ["alpha"]
    [comment] = post.comments
    assert (comment.author.name, comment.status) == ("Mr WordPress", "published")


@pytest.mark.parametrize("name", [THEME, UTF8, V11])
def test_converts_to_json(corpus: Path, tmp_path: Path, name: str) -> None:
    result = convert(corpus / "wxr" / name, tmp_path / "out.json", to="json")
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert len(document["posts"]) == len(result.archive.posts)


@pytest.mark.parametrize("name", [THEME, UTF8, V11])
def test_converts_to_markdown(corpus: Path, tmp_path: Path, name: str) -> None:
    result = convert(corpus / "wxr" / name, tmp_path / "site", to="hugo")
    written = [p for p in result.written if p.suffix == ".md" and "content" in p.parts]
    # every post and page (drafts included, as drafts) becomes a Markdown file with front matter;
    # attachments and menu items are not pages of a static site
    assert len(written) == sum(p.kind in ("post", "page") for p in result.archive.posts)
    assert all(p.read_text(encoding="utf-8").startswith(("---", "+++")) for p in written)


def test_repeated_menu_items_get_distinct_names_in_wxr_without_a_warning_each(corpus: Path) -> None:
    # they were 18 slug-collision warnings on top of their 18 menu-id-renamed notes (in validate too)
    from lxml import etree

    from importer.writers import write

    diagnostics = Diagnostics()
    archive = read(corpus / "wxr" / THEME, diagnostics=diagnostics)
    [output] = write(archive, "wxr", None, diagnostics)
    assert "slug-collision" not in diagnostics.codes()
    wp = "{http://wordpress.org/export/1.2/}"
    names = [item.findtext(f"{wp}post_name") for item in etree.fromstring(output.data).iter("item")
             if item.findtext(f"{wp}post_type") == "nav_menu_item"]
    assert len(names) == 70 and len(set(names)) == 70
