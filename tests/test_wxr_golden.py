"""Golden files of the WXR writer: the fixture blog (legacy.xml) converted to WXR through ``convert``.

Three outputs are pinned byte for byte under ``fixtures/blog-fi/golden/``: the default document
(``wxr.xml``), the same split at 10 kB (``wxr-split/``: every part, and no other), and one with
attachment items and labels as categories (``wxr-attachments-categories.xml``). ``pytest
--update-golden`` rewrites them; review the diff against BLOG.md and OUTPUTS.md. The tests after
the golden comparison pin the points of that review with values written out by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import BLOG_FI
from lxml import etree
from wxr_sample import NS, by_source_id, items, parse, wp

import importer
from importer.diagnostics import Diagnostics
from importer.writers.wxr import WxrOptions

GOLDEN = BLOG_FI / "golden"
VARIANTS = {
    "wxr.xml": WxrOptions(),
    "wxr-attachments-categories.xml": WxrOptions(attachments=True, labels_as="categories"),
}


def _convert(out: Path, options: WxrOptions, diagnostics: Diagnostics | None = None) -> dict[str, bytes]:
    importer.convert(BLOG_FI / "legacy.xml", out / "wxr.xml", to="wxr", write_options=options,
                     diagnostics=diagnostics)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_wxr_matches_its_golden(name: str, tmp_path: Path, golden: Callable[[Path, bytes], None]) -> None:
    files = _convert(tmp_path, VARIANTS[name])
    assert list(files) == ["wxr.xml"]
    golden(GOLDEN / name, files["wxr.xml"])


def test_split_wxr_matches_its_golden_parts(tmp_path: Path, golden: Callable[[Path, bytes], None],
                                            request: pytest.FixtureRequest) -> None:
    diagnostics = Diagnostics()
    files = _convert(tmp_path, WxrOptions(split_size="10kB"), diagnostics)
    assert list(files) == ["wxr-001.xml", "wxr-002.xml", "wxr-003.xml"]
    assert "split-oversize" not in diagnostics.codes()
    for name, data in files.items():
        assert len(data) <= 10_000, name
        golden(GOLDEN / "wxr-split" / name, data)
    if not request.config.getoption("--update-golden"):
        assert sorted(p.name for p in (GOLDEN / "wxr-split").iterdir()) == list(files)


# --- the review, pinned ------------------------------------------------------------------------

P1, P2, P3, P4, P5, G1, D = (f"700000000000000000{n}" for n in "1234567")


def _golden_items(name: str = "wxr.xml") -> dict[str, etree._Element]:
    return by_source_id(parse((GOLDEN / name).read_bytes()))


def test_golden_dates_are_helsinki_wall_clock_and_utc() -> None:
    posts = _golden_items()
    assert {k: (wp(v, "post_date"), wp(v, "post_date_gmt")) for k, v in posts.items()} == {
        G1: ("2010-01-02 12:00:00", "2010-01-02 10:00:00"),
        P5: ("2010-01-15 08:00:00", "2010-01-15 06:00:00"),    # winter: +02:00
        P4: ("2010-03-28 10:15:00", "2010-03-28 07:15:00"),    # DST began that night: +03:00
        P3: ("2010-05-20 21:47:00", "2010-05-20 18:47:00"),
        P2: ("2010-06-10 09:05:00", "2010-06-10 06:05:00"),
        P1: ("2010-06-10 14:35:00", "2010-06-10 11:35:00"),
        D: ("2010-06-12 20:00:00", "2010-06-12 17:00:00"),
    }


def test_golden_slugs_statuses_and_types() -> None:
    posts = _golden_items()
    assert {k: (wp(v, "post_type"), wp(v, "status"), wp(v, "post_name"))
            for k, v in posts.items()} == {
        G1: ("page", "publish", "tietoa-minusta"),
        P5: ("post", "publish", "koodia-merkkeja"),
        P4: ("post", "publish", "blog-post"),             # the older of the two keeps the slug
        P3: ("post", "publish", "blog-post-2010-05"),
        P2: ("post", "publish", "kesakuun-kuulumiset-ensimmaiset"),
        P1: ("post", "publish", "orkut-projekti-ja-sosmediamarkkinointi"),
        D: ("post", "draft", ""),
    }


def test_golden_links_between_posts_point_at_the_new_addresses() -> None:
    posts = _golden_items()

    def body(entry: str) -> str:
        return str(posts[entry].findtext("content:encoded", namespaces=NS))

    assert '<a href="/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html">Orkut-kirjoituksen</a>' in body(P2)
    assert '<a href="/2010/03/blog-post.html">kevään kirjoitus</a>' in body(P3)       # ?m=1 dropped
    assert '<a href="/tietoa-minusta/#yhteystiedot">tietoa minusta</a>' in body(P5)  # the anchor kept
    assert "<a name='more'></a>" in body(P1) and "kuhunkin&nbsp;toimintaympäristöön" in body(P1)


def test_golden_comments_threads_and_anonymous_flag() -> None:
    posts = _golden_items()
    rows = [(wp(c, "comment_id"), wp(c, "comment_parent"), wp(c, "comment_author"), wp(c, "comment_date"))
            for c in posts[P1].findall("wp:comment", NS)]
    assert rows == [("2", "0", "Ilkka", "2010-06-10 16:02:00"),
                    ("3", "2", "Pirjo Esimerkki", "2010-06-10 18:15:00")]
    (anonymous,) = posts[P3].findall("wp:comment", NS)
    meta = {m.findtext("wp:meta_key", namespaces=NS): m.findtext("wp:meta_value", namespaces=NS)
            for m in anonymous.findall("wp:commentmeta", NS)}
    assert meta == {"_blogimport_id": "8000000000000000003", "_blogimport_anonymous": "1",
                    "_blogimport_extra_display_time": "21. toukokuuta 2010 klo 7.30"}


def test_golden_attachment_variant_points_at_the_original() -> None:
    root = parse((GOLDEN / "wxr-attachments-categories.xml").read_bytes())
    original = "https://1.bp.blogspot.com/-AbCdEfGhIjK/TBCdEfGhIjI/AAAAAAAAABc/XyZ123/s1600/orkut.jpg"
    (attachment,) = [i for i in items(root) if wp(i, "post_type") == "attachment"]
    assert (wp(attachment, "attachment_url"), wp(attachment, "post_parent")) == (original, "5")
    assert wp(by_source_id(root)[P2], "post_id") == "5"
    assert [c.get("domain") for c in by_source_id(root)[P1].findall("category")] == ["category"] * 3
    assert [wp(c, "cat_name") for c in root.findall("channel/wp:category", NS)] == [
        "Koodi", "arki", "Orkut", "sosiaalinen media", "Markkinointi", "luonnos"]
