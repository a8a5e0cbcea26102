"""Acceptance: every saved-pages copy of the fixture blog reads to what legacy.xml holds.

Pages carry only published posts and comments; Classic templates have no static pages and a flat
comment list (no reply parents), so those two facts are left out of the Classic comparison.
"""

from __future__ import annotations

import pytest
from conftest import BLOG_FI

from importer.diagnostics import Diagnostics
from importer.model import Archive
from importer.options import ReadOptions
from importer.readers import read

HELSINKI = ReadOptions(timezone="Europe/Helsinki")


def _facts(archive: Archive, *, parents: bool = True, kinds: tuple[str, ...] = ("post", "page")) -> list:
    return [
        (p.id, p.kind, p.title, p.url, p.published.timestamp() // 60, p.labels,
         p.author.name if p.author else None,
         [(c.id, c.parent_id if parents else None, c.author.name, c.published.timestamp() // 60,
           c.content_html) for c in p.comments if c.status == "published"])
        for p in archive.posts if p.is_public and p.kind in kinds
    ]


@pytest.fixture(scope="module")
def export() -> Archive:
    return read(BLOG_FI / "legacy.xml", options=HELSINKI)


@pytest.mark.parametrize("copy", ["pages-layouts", "pages-wayback"])
def test_layouts_copies_read_like_the_export(export: Archive, copy: str) -> None:
    diagnostics = Diagnostics()
    pages = read(BLOG_FI / copy, options=HELSINKI, diagnostics=diagnostics)
    assert pages.source_format == "blogger-html"
    assert _facts(pages) == _facts(export)
    assert pages.blog.title == export.blog.title and pages.blog.url == export.blog.url
    assert pages.blog.locale == "fi"
    assert diagnostics.codes() == ["pages-limits"]


def test_classic_month_archives_read_like_the_export(export: Archive) -> None:
    diagnostics = Diagnostics()
    pages = read(BLOG_FI / "pages-classic", options=HELSINKI, diagnostics=diagnostics)
    assert _facts(pages, parents=False) == _facts(export, parents=False, kinds=("post",))
    limits = [d for d in diagnostics if d.code == "pages-limits"]
    assert len(limits) == 1 and "read from text only" in limits[0].message
    assert diagnostics.codes() == ["pages-limits"]


def test_layouts_copy_keeps_whole_bodies_and_exact_offsets(export: Archive) -> None:
    pages = read(BLOG_FI / "pages-layouts", options=HELSINKI)
    orkut = next(p for p in pages.posts if p.id == "7000000000000000001")
    assert "<a name=\"more\"></a>" in orkut.content_html and "Hyvää kesää!" in orkut.content_html
    assert "truncated" not in orkut.extra
    assert orkut.published.isoformat() == "2010-06-10T14:35:00+03:00"
    winter = next(p for p in pages.posts if p.id == "7000000000000000005")
    assert winter.published.utcoffset().total_seconds() == 7200  # type: ignore[union-attr]


def test_classic_without_timezone_places_text_times_in_utc_and_says_so() -> None:
    diagnostics = Diagnostics()
    pages = read(BLOG_FI / "pages-classic", diagnostics=diagnostics)
    assert "timezone-missing" in diagnostics.codes()
    orkut = next(p for p in pages.posts if p.id == "7000000000000000001")
    assert orkut.published.isoformat() == "2010-06-10T14:35:00+00:00"


def test_wayback_copy_has_no_archive_urls_left() -> None:
    pages = read(BLOG_FI / "pages-wayback", options=HELSINKI)
    for post in pages.posts:
        assert "web.archive.org" not in (post.url or "") + post.content_html
        assert post.url and post.url.startswith("http://sosmedia-ja-muuta.blogspot.com/")

