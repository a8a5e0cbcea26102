"""Golden files of the readers: each input read (format detected from content), its model written
with our JSON writer and compared byte for byte, as ``test_fixture_blog.py`` does for the legacy
and Takeout exports.

Inputs: ``fixtures/blog-fi/wxr.xml`` (what our WXR writer made of legacy.xml, frozen as an input),
``fixtures/wordpress/export.xml`` (a WordPress-style export written by hand, see its README),
``fixtures/blog-fi/public-feed.xml`` (the blog's public feed) and the saved-pages copies. ``pytest
--update-golden`` rewrites the goldens; review the diff against BLOG.md and the README. The JSON
reader's golden is the reviewed ``legacy.json``/``takeout.json`` itself: reading one and writing it
again must give the same bytes. The tests after the golden comparison pin the review by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import BLOG_FI, FIXTURES

from importer.diagnostics import Diagnostics
from importer.model import Archive
from importer.options import ReadOptions
from importer.readers import read
from importer.writers import get_writer

WORDPRESS = FIXTURES / "wordpress"
HELSINKI = ReadOptions(timezone="Europe/Helsinki")
CASES = {  # id: (input, golden, read options, source_format, diagnostic codes)
    "wxr-ours": (BLOG_FI / "wxr.xml", BLOG_FI / "golden/wxr.json", ReadOptions(), "wxr", []),
    # its menu item is WordPress's own kind (nav_menu_item), not a custom one: nothing to report
    "wxr-wordpress": (WORDPRESS / "export.xml", WORDPRESS / "golden/export.json", HELSINKI, "wxr", []),
    "feed": (BLOG_FI / "public-feed.xml", BLOG_FI / "golden/feed.json", ReadOptions(), "blogger-feed",
             ["feed-incomplete"]),
    "pages-layouts": (BLOG_FI / "pages-layouts", BLOG_FI / "golden/pages-layouts.json", HELSINKI,
                      "blogger-html", ["pages-limits"]),
    "pages-wayback": (BLOG_FI / "pages-wayback", BLOG_FI / "golden/pages-wayback.json", HELSINKI,
                      "blogger-html", ["pages-limits"]),
    "pages-classic": (BLOG_FI / "pages-classic", BLOG_FI / "golden/pages-classic.json", HELSINKI,
                      "blogger-html", ["pages-limits"]),
}


def _json(archive: Archive) -> bytes:
    spec = get_writer("json")
    (output,) = spec.write(archive, spec.make_options(), Diagnostics())
    return output.data


def _read(case: str) -> Archive:
    source, _, options, _, _ = CASES[case]
    return read(source, options=options)


@pytest.mark.parametrize("case", list(CASES))
def test_reader_matches_its_golden(case: str, golden: Callable[[Path, bytes], None]) -> None:
    source, golden_path, options, source_format, codes = CASES[case]
    diagnostics = Diagnostics()
    archive = read(source, options=options, diagnostics=diagnostics)
    assert archive.source_format == source_format
    assert diagnostics.codes() == codes
    golden(golden_path, _json(archive))


@pytest.mark.parametrize("name", ["legacy.json", "takeout.json"])
def test_json_reader_gives_back_the_reviewed_golden(name: str) -> None:
    path = BLOG_FI / "golden" / name
    diagnostics = Diagnostics()
    archive = read(path, diagnostics=diagnostics)
    assert archive.source_format == "json" and list(diagnostics) == []
    assert _json(archive) == path.read_bytes()
    # the zone itself comes back, not only the offsets the text carries
    assert {p.published.tzinfo for p in archive.posts} == {ZoneInfo("Europe/Helsinki")}
    orkut = next(p for p in archive.posts if p.id == "7000000000000000001")
    assert [(c.id, c.parent_id) for c in orkut.comments][:2] == [
        ("8000000000000000001", None), ("8000000000000000002", "8000000000000000001")]


# --- the review, pinned ------------------------------------------------------------------------

P1, P2, P3, P4, P5, G1, D = (f"700000000000000000{n}" for n in "1234567")


def test_our_wxr_reads_back_ids_instants_slugs_and_threads() -> None:
    archive = _read("wxr-ours")
    assert [(p.id, p.kind, p.status, p.slug, p.published.isoformat()) for p in archive.posts] == [
        (G1, "page", "published", "tietoa-minusta", "2010-01-02T12:00:00+02:00"),
        (P5, "post", "published", "koodia-merkkeja", "2010-01-15T08:00:00+02:00"),
        (P4, "post", "published", "blog-post", "2010-03-28T10:15:00+03:00"),
        (P3, "post", "published", "blog-post", "2010-05-20T21:47:00+03:00"),  # Blogger's slug is back
        (P2, "post", "published", "kesakuun-kuulumiset-ensimmaiset", "2010-06-10T09:05:00+03:00"),
        (P1, "post", "published", "orkut-projekti-ja-sosmediamarkkinointi", "2010-06-10T14:35:00+03:00"),
        (D, "post", "draft", None, "2010-06-12T20:00:00+03:00"),
    ]
    by_id = {p.id: p for p in archive.posts}
    assert by_id[P1].url == "http://sosmedia-ja-muuta.blogspot.com/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html"
    assert by_id[P1].updated is not None and by_id[P1].updated.isoformat() == "2010-06-11T08:00:00+03:00"
    assert [(c.id, c.parent_id, c.extra) for c in by_id[P1].comments] == [
        ("8000000000000000001", None, {"display_time": "10. kesäkuuta 2010 klo 16.02"}),
        ("8000000000000000002", "8000000000000000001", {"display_time": "10. kesäkuuta 2010 klo 18.15"})]
    (anonymous,) = by_id[P3].comments
    assert anonymous.author.anonymous and anonymous.author.name == "Anonyymi"
    # the writer merged 'koodi' into 'Koodi' (one WordPress term, reported as label-merged)
    assert by_id[P2].labels == ("Orkut", "Koodi") and by_id[P5].labels == ("Koodi",)


def test_wordpress_statuses_kinds_and_parents() -> None:
    archive = _read("wxr-wordpress")
    assert {p.id: (p.kind, p.status) for p in archive.posts} == {
        "2": ("page", "published"), "3": ("page", "published"), "5": ("post", "published"),
        "8": ("post", "published"), "10": ("attachment", "inherit"), "11": ("post", "published"),
        "12": ("post", "published"), "13": ("post", "draft"), "14": ("post", "private"),
        "15": ("post", "published"), "16": ("post", "scheduled"), "17": ("post", "trashed"),
        "20": ("nav_menu_item", "published"),
    }
    by_id = {p.id: p for p in archive.posts}
    assert by_id["3"].extra["post_parent"] == "2" and by_id["10"].extra["post_parent"] == "12"
    assert by_id["15"].extra["post_password"] == "kesa2010" and by_id["12"].extra["sticky"] == "1"
    assert by_id["14"].author is not None and by_id["14"].author.name == "Ilkka"   # login -> display name
    # a draft has no GMT date: its wall-clock time is read in the zone given
    assert by_id["13"].published.isoformat() == "2010-06-12T20:00:00+03:00"
    assert by_id["8"].location is not None and by_id["8"].location.name == "Helsinki"
    assert "yksi media ]]> ja sen käyttö" in by_id["11"].content_html   # rejoined across CDATA sections


def test_wordpress_comment_statuses_threads_and_types() -> None:
    orkut = next(p for p in _read("wxr-wordpress").posts if p.id == "11")
    assert [(c.id, c.parent_id, c.status, c.extra.get("comment_type")) for c in orkut.comments] == [
        ("4", None, "published", None), ("5", "4", "published", None), ("6", None, "spam", None),
        ("7", None, "published", "pingback"), ("9", None, "deleted", None)]
    assert orkut.comments[0].extra["author_email"] == "ilkka@example.invalid"
    assert orkut.comments[0].published.isoformat() == "2010-06-10T16:02:00+03:00"


def test_feed_has_the_published_posts_only_without_comments() -> None:
    archive = _read("feed")
    assert [p.id for p in archive.posts] == [P1, P2, P3, P4, P5]
    assert all(p.status == "published" and p.kind == "post" and not p.comments for p in archive.posts)
    by_id = {p.id: p for p in archive.posts}
    assert by_id[P2].labels == ("Orkut", "koodi") and by_id[P5].labels == ("Koodi",)
    assert by_id[P4].published.isoformat() == "2010-03-28T10:15:00+03:00"
    assert archive.blog.id == "1234567890123456789" and archive.blog.title == "Sosmedia ja muuta"


@pytest.mark.parametrize("case", ["pages-layouts", "pages-wayback"])
def test_saved_pages_keep_bodies_and_blogger_urls(case: str) -> None:
    archive = _read(case)
    assert [p.id for p in archive.posts] == [P1, P2, P3, P4, P5, G1]
    by_id = {p.id: p for p in archive.posts}
    assert by_id[G1].url == "http://sosmedia-ja-muuta.blogspot.com/p/tietoa-minusta.html"
    assert by_id[G1].content_html == ('<p>Olen Pirjo, markkinoinnin opiskelija.</p><h3 id="yhteystiedot">'
                                      'Yhteystiedot</h3><p>pirjo (at) example.invalid</p>')
    assert by_id[P4].content_html == "Kevät tulee! Kellot siirrettiin yöllä tunnilla eteenpäin."
    assert "kuhunkin\u00a0toimintaympäristöön" in by_id[P1].content_html   # &nbsp; kept as U+00A0
