"""The fixture blog read from both export formats: same posts, comments, labels and instants."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import BLOG_FI

from importer.diagnostics import Diagnostics
from importer.model import Archive
from importer.readers import read
from importer.writers import get_writer

TAKEOUT = BLOG_FI / "takeout"
LEGACY = BLOG_FI / "legacy.xml"


@pytest.fixture(scope="module")
def legacy() -> Archive:
    return read(LEGACY)


@pytest.fixture(scope="module")
def takeout() -> Archive:
    return read(TAKEOUT)


def _posts(archive: Archive, published_comments_only: bool) -> list[tuple[object, ...]]:
    rows = []
    for post in archive.posts:
        comments = tuple(
            (c.id, c.parent_id, c.author.name, c.author.uri, c.author.anonymous,
             c.published.timestamp(), c.published.utcoffset(), c.content_html)
            for c in post.comments if c.status == "published" or not published_comments_only
        )
        rows.append((post.id, post.kind, post.status, post.title, post.slug,
                     urlsplit(post.url).path if post.url else None, post.published.timestamp(),
                     post.published.utcoffset(), post.updated.timestamp() if post.updated else None,
                     post.author, post.labels, post.content_html, comments))
    return rows


def test_both_formats_give_the_same_posts_comments_labels_and_instants(
        legacy: Archive, takeout: Archive) -> None:
    assert _posts(legacy, True) == _posts(takeout, True)
    for field in ("id", "title", "locale", "timezone", "description"):
        assert getattr(legacy.blog, field) == getattr(takeout.blog, field)


def test_takeout_keeps_spam_and_pending_comments_with_their_status(takeout: Archive) -> None:
    statuses = {c.id: c.status for p in takeout.posts for c in p.comments}
    assert statuses == {
        "8000000000000000001": "published", "8000000000000000002": "published",
        "8000000000000000003": "published", "8000000000000000004": "spam",
        "8000000000000000005": "pending",
    }


def test_fixture_matches_blog_md(legacy: Archive) -> None:
    by_id = {p.id: p for p in legacy.posts}
    assert [p.id[-1] for p in legacy.posts] == list("7123456")
    assert by_id["7000000000000000007"].status == "draft" and by_id["7000000000000000007"].url is None
    assert by_id["7000000000000000006"].kind == "page"
    assert by_id["7000000000000000003"].slug == by_id["7000000000000000004"].slug == "blog-post"
    assert by_id["7000000000000000004"].published.isoformat() == "2010-03-28T10:15:00+03:00"
    assert by_id["7000000000000000005"].published.isoformat() == "2010-01-15T08:00:00+02:00"
    assert by_id["7000000000000000001"].labels == ("sosiaalinen media", "Orkut", "Markkinointi")
    assert "<a name='more'></a>" in by_id["7000000000000000001"].content_html
    assert by_id["7000000000000000001"].updated.isoformat() == "2010-06-11T08:00:00+03:00"


@pytest.mark.parametrize("source,golden_name", [(LEGACY, "legacy.json"), (TAKEOUT, "takeout.json")],
                         ids=["legacy", "takeout"])
def test_golden_json(source, golden_name, golden) -> None:
    diagnostics = Diagnostics()
    archive = read(source, diagnostics=diagnostics)
    assert list(diagnostics) == []
    spec = get_writer("json")
    (output,) = spec.write(archive, spec.make_options(), diagnostics)
    golden(BLOG_FI / "golden" / golden_name, output.data)
