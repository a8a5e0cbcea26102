"""Blogger export → WXR → our WXR reader gives back the export's posts, comments, labels,
instants and statuses (issue 6 point 5); and WXR → WXR keeps a WordPress export whole."""

from __future__ import annotations

from datetime import timezone
from pathlib import Path

import pytest
from conftest import BLOG_FI
from wxr_sample import by_source_id, parse, wp

from importer.diagnostics import Diagnostics
from importer.model import Archive, Post
from importer.options import ReadOptions
from importer.readers import read
from importer.writers import write
from importer.writers.wxr.terms import build_terms

SOURCES = {
    "legacy": BLOG_FI / "legacy.xml",
    "takeout": BLOG_FI / "takeout",
}


def through_wxr(archive: Archive, tmp_path: Path) -> tuple[Archive, bytes, Diagnostics]:
    diagnostics = Diagnostics()
    [output] = write(archive, "wxr", None, diagnostics)
    path = tmp_path / "wordpress.xml"
    path.write_bytes(output.data)
    back = read(path, options=ReadOptions(timezone=archive.blog.timezone))
    return back, output.data, diagnostics


def expected_labels(archive: Archive) -> dict[str, tuple[str, ...]]:
    """Each post's labels as WordPress will hold them: merged spellings collapse (and are reported)."""
    terms = build_terms(archive.posts, "tags", archive.blog.locale, Diagnostics())
    return {post.id: tuple(dict.fromkeys(terms.by_label[("post_tag", label)].name
                                         for label in post.labels)) for post in archive.posts}


def comparable(post: Post) -> tuple[object, ...]:
    return (post.id, post.kind, post.status, post.title, post.slug, post.url, post.published,
            post.updated, post.author, post.content_html, post.location, dict(post.extra))


@pytest.fixture(params=sorted(SOURCES))
def source(request: pytest.FixtureRequest) -> Archive:
    return read(SOURCES[request.param])


def test_blogger_export_round_trips_through_wxr(source: Archive, tmp_path: Path) -> None:
    back, _, diagnostics = through_wxr(source, tmp_path)
    assert len(back.posts) == len(source.posts)
    mine = {post.id: post for post in back.posts}
    labels = expected_labels(source)
    for post in source.posts:
        again = mine[post.id]
        assert comparable(again) == comparable(post)
        assert again.published.utcoffset() == post.published.utcoffset()
        assert again.labels == labels[post.id]
        assert again.comments == post.comments
    merged = {p.id for p in source.posts if p.labels != labels[p.id]}
    assert bool(merged) == ("label-merged" in diagnostics.codes())
    assert back.blog.title == source.blog.title and back.blog.url == source.blog.url
    assert back.blog.locale == source.blog.locale


def test_post_date_in_blog_zone_and_gmt_in_utc(source: Archive, tmp_path: Path) -> None:
    _, data, _ = through_wxr(source, tmp_path)
    items = by_source_id(parse(data))
    for post in source.posts:
        item = items[post.id]
        assert wp(item, "post_date") == f"{post.published:%Y-%m-%d %H:%M:%S}"
        utc = post.published.astimezone(timezone.utc)
        assert wp(item, "post_date_gmt") == f"{utc:%Y-%m-%d %H:%M:%S}"


def test_fixture_blog_specifics(tmp_path: Path) -> None:
    source = read(SOURCES["legacy"])
    back, data, _ = through_wxr(source, tmp_path)
    items = by_source_id(parse(data))
    p4 = items["7000000000000000004"]  # 2010-03-28 10:15, the morning after DST began
    assert (wp(p4, "post_date"), wp(p4, "post_date_gmt")) == ("2010-03-28 10:15:00", "2010-03-28 07:15:00")
    assert wp(items["7000000000000000007"], "status") == "draft"
    assert wp(items["7000000000000000006"], "post_type") == "page"
    assert {p.id: p.status for p in back.posts}["7000000000000000007"] == "draft"


def test_wordpress_export_round_trips_through_our_wxr(corpus: Path, tmp_path: Path) -> None:
    source = read(corpus / "wxr" / "importer-phpunit-valid-wxr-1.1.xml")
    back, _, _ = through_wxr(source, tmp_path)
    assert [comparable(p) for p in back.posts] == [comparable(p) for p in
                                                   sorted(source.posts, key=lambda p: p.published)]
    assert [p.comments for p in back.posts] == [p.comments for p in sorted(source.posts,
                                                                          key=lambda p: p.published)]
