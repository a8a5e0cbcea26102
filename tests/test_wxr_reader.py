"""The WXR reader on small hand-written documents: versions, statuses, threads, kinds, dates."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from importer.diagnostics import Diagnostics
from importer.errors import InputError
from importer.model import Archive
from importer.options import ReadOptions
from importer.readers import read
from importer.readers.detect import detect_format


def document(items: str, version: str = "1.2", scheme: str = "http") -> str:
    base = f"{scheme}://wordpress.org/export/{version}/"
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="{base}excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{base}">
<channel><title>Blogi</title><link>https://b.example/</link><description>Kuvaus</description>
<language>fi</language><wp:wxr_version>{version}</wp:wxr_version>
<wp:base_blog_url>https://b.example</wp:base_blog_url>
<wp:author><wp:author_login>pirjo</wp:author_login>
<wp:author_display_name><![CDATA[Pirjo E]]></wp:author_display_name></wp:author>
{items}
</channel></rss>"""


def item(post_id: int, *, type_: str = "post", status: str = "publish", title: str = "Otsikko",
         date: str = "2010-06-10 14:35:00", gmt: str = "2010-06-10 11:35:00", extra: str = "") -> str:
    return f"""<item><title>{title}</title><link>https://b.example/?p={post_id}</link>
<dc:creator>pirjo</dc:creator><content:encoded><![CDATA[<p>Teksti</p>]]></content:encoded>
<wp:post_id>{post_id}</wp:post_id><wp:post_date>{date}</wp:post_date><wp:post_date_gmt>{gmt}</wp:post_date_gmt>
<wp:post_name>otsikko-{post_id}</wp:post_name><wp:status>{status}</wp:status><wp:post_parent>0</wp:post_parent>
<wp:post_type>{type_}</wp:post_type>{extra}</item>"""


def comment(cid: int, approved: str, parent: int = 0, gmt: str = "2010-06-10 13:02:00") -> str:
    return f"""<wp:comment><wp:comment_id>{cid}</wp:comment_id>
<wp:comment_author><![CDATA[Ilkka]]></wp:comment_author>
<wp:comment_author_url>https://ilkka.example/</wp:comment_author_url>
<wp:comment_date>2010-06-10 16:02:00</wp:comment_date><wp:comment_date_gmt>{gmt}</wp:comment_date_gmt>
<wp:comment_content><![CDATA[Hyvä {cid}]]></wp:comment_content>
<wp:comment_approved>{approved}</wp:comment_approved><wp:comment_type></wp:comment_type>
<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"""


def load(tmp_path: Path, text: str | bytes, **options: str) -> tuple[Archive, Diagnostics]:
    path = tmp_path / "export.xml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    diagnostics = Diagnostics()
    return read(path, options=ReadOptions(**options), diagnostics=diagnostics), diagnostics


@pytest.mark.parametrize(("version", "scheme"), [("1.0", "http"), ("1.1", "http"), ("1.2", "http"),
                                                 ("1.2", "https")])
def test_versions_and_namespace_spellings(tmp_path: Path, version: str, scheme: str) -> None:
    archive, _ = load(tmp_path, document(item(1), version, scheme))
    assert detect_format(tmp_path / "export.xml") == "wxr"
    post = archive.posts[0]
    assert (post.id, post.title, post.slug) == ("1", "Otsikko", "otsikko-1")
    assert post.content_html == "<p>Teksti</p>"
    assert post.author is not None and post.author.name == "Pirjo E"
    assert archive.blog.title == "Blogi" and archive.blog.url == "https://b.example"
    assert archive.blog.locale == "fi" and archive.source_format == "wxr"


@pytest.mark.parametrize(("wp_status", "ours"), [("publish", "published"), ("draft", "draft"),
                                                 ("future", "scheduled"), ("private", "private"),
                                                 ("trash", "trashed"), ("Auto-Draft", "auto-draft")])
def test_post_statuses(tmp_path: Path, wp_status: str, ours: str) -> None:
    archive, _ = load(tmp_path, document(item(1, status=wp_status)))
    assert archive.posts[0].status == ours
    assert archive.posts[0].is_public == (ours == "published")


def test_comment_statuses_and_threads(tmp_path: Path) -> None:
    comments = comment(5, "1") + comment(6, "0", parent=5, gmt="2010-06-10 14:00:00") + \
        comment(7, "spam") + comment(8, "trash") + comment(9, "1", parent=99)
    archive, diagnostics = load(tmp_path, document(item(1, extra=comments)))
    by_id = {c.id: c for c in archive.posts[0].comments}
    assert {k: c.status for k, c in by_id.items()} == {
        "5": "published", "6": "pending", "7": "spam", "8": "deleted", "9": "published"}
    assert by_id["6"].parent_id == "5" and by_id["5"].parent_id is None
    assert by_id["9"].parent_id is None and "comment-parent-missing" in diagnostics.codes()
    assert by_id["5"].author.uri == "https://ilkka.example/" and by_id["5"].post_id == "1"
    assert by_id["5"].published == datetime(2010, 6, 10, 13, 2, tzinfo=timezone.utc)


def test_tags_and_categories_become_labels(tmp_path: Path) -> None:
    terms = ('<category domain="category" nicename="uutiset"><![CDATA[Uutiset]]></category>'
             '<category domain="post_tag" nicename="kesa"><![CDATA[Kesä]]></category>'
             '<category domain="post_format" nicename="post-format-aside"><![CDATA[Aside]]></category>')
    archive, _ = load(tmp_path, document(item(1, extra=terms)))
    post = archive.posts[0]
    assert post.labels == ("Uutiset", "Kesä")
    assert json.loads(post.extra["wxr_categories"]) == ["Uutiset"]
    assert json.loads(post.extra["wxr_terms"]) == [["post_format", "post-format-aside", "Aside"]]


def test_custom_kinds_and_attachments_are_kept(tmp_path: Path) -> None:
    attachment = item(2, type_="attachment", status="inherit", title="kuva",
                      extra="<wp:attachment_url>https://b.example/kuva.jpg</wp:attachment_url>")
    attachment = attachment.replace("<wp:post_parent>0<", "<wp:post_parent>1<")
    text = document(item(1) + attachment + item(3, type_="product") + item(4, type_="product"))
    archive, diagnostics = load(tmp_path, text)
    assert [p.kind for p in archive.posts] == ["post", "attachment", "product", "product"]
    media = archive.posts[1]
    assert media.extra["attachment_url"] == "https://b.example/kuva.jpg"
    assert media.extra["post_parent"] == "1" and media.status == "inherit"
    custom = [d for d in diagnostics if d.code == "kind-custom"]
    assert len(custom) == 1 and "2 entries" in custom[0].message


def test_draft_without_gmt_uses_post_date_in_the_blog_zone(tmp_path: Path) -> None:
    text = document(item(1, status="draft", date="2010-03-28 10:15:00", gmt="0000-00-00 00:00:00"))
    archive, _ = load(tmp_path, text, timezone="Europe/Helsinki")
    published = archive.posts[0].published
    assert published.utcoffset() == timedelta(hours=3) and published.hour == 10
    assert archive.blog.timezone == "Europe/Helsinki"
    archive, diagnostics = load(tmp_path, text)
    assert archive.posts[0].published == datetime(2010, 3, 28, 10, 15, tzinfo=timezone.utc)
    assert "timezone-missing" in diagnostics.codes()


def test_without_zone_an_item_keeps_the_offset_its_dates_imply(tmp_path: Path) -> None:
    archive, diagnostics = load(tmp_path, document(item(1)))
    published = archive.posts[0].published
    assert published.utcoffset() == timedelta(hours=3) and published.hour == 14
    assert "timezone-missing" not in diagnostics.codes()


def test_control_characters_are_removed_and_reported(tmp_path: Path) -> None:
    text = document(item(1, title="Word\x0bpaste\x0c"))
    archive, diagnostics = load(tmp_path, text)
    assert archive.posts[0].title == "Wordpaste"
    assert diagnostics.codes().count("control-chars-removed") == 1


def test_repeated_post_ids_are_all_kept(tmp_path: Path) -> None:
    archive, diagnostics = load(tmp_path, document(item(7) + item(7, title="Toinen")))
    assert [p.id for p in archive.posts] == ["7", "7-2"]
    assert [d.entry for d in diagnostics if d.code == "entry-id-renamed"] == ["7-2"]


def test_repeated_menu_item_ids_are_wordpress_coms_quirk_not_a_warning(tmp_path: Path) -> None:
    menu = item(9, type_="nav_menu_item")
    archive, diagnostics = load(tmp_path, document(menu + menu))
    assert [p.id for p in archive.posts] == ["9", "9-2"]
    assert [(d.code, str(d.severity), d.entry) for d in diagnostics if d.code.endswith("-renamed")] == [
        ("menu-id-renamed", "info", "9-2")]


def test_item_without_date_is_left_out_with_one_diagnostic(tmp_path: Path) -> None:
    archive, diagnostics = load(tmp_path, document(item(1) + item(2, date="", gmt="")))
    assert [p.id for p in archive.posts] == ["1"]
    assert [(d.code, d.entry) for d in diagnostics] == [("entry-invalid", "2")]


@pytest.mark.parametrize("text", [
    document(item(1)).replace("</channel>", ""),
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e "x">]><feed>&e;</feed>',
], ids=["truncated", "not-wxr"])
def test_broken_input_is_an_input_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "broken.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError):
        read(path, format="wxr")


def test_entities_are_not_expanded(tmp_path: Path) -> None:
    text = document(item(1)).replace('<?xml version="1.0" encoding="UTF-8" ?>',
                                     '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "BOOM">]>')
    text = text.replace("<title>Otsikko</title>", "<title>&big;</title>")
    try:
        archive, _ = load(tmp_path, text)
    except InputError:
        return
    assert "BOOM" not in archive.posts[0].title


@pytest.mark.parametrize("text", [
    document(item(1, extra="<x:foo>1</x:foo>")),
    '<?xml version="1.0"?><x:rss><channel/></x:rss>',
], ids=["item-child", "root"])
def test_undeclared_prefix_is_an_input_error_not_a_crash(tmp_path: Path, text: str) -> None:
    """libxml2 leaves ``x:foo`` as the tag of an undeclared prefix; it once crashed lxml's QName."""
    path = tmp_path / "undeclared.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError):
        read(path, format="wxr")


META = "<wp:postmeta><wp:meta_key>{}</wp:meta_key><wp:meta_value>{}</wp:meta_value></wp:postmeta>"
COMMENT = ("<wp:comment><wp:comment_id>{}</wp:comment_id><wp:comment_date>2010-06-10 16:00:00"
           "</wp:comment_date><wp:comment_date_gmt>2010-06-10 13:00:00</wp:comment_date_gmt>"
           "<wp:comment_parent>{}</wp:comment_parent><wp:comment_approved>1</wp:comment_approved>"
           "</wp:comment>")


@pytest.mark.parametrize("value", ["garbage", "2010-06-11T08:00:00"], ids=["damaged", "naive"])
def test_damaged_updated_postmeta_is_dropped_not_a_crash(tmp_path: Path, value: str) -> None:
    """A damaged value raised ValueError; a naive one put a date without offset in the archive."""
    from importer import wxr_meta as meta

    archive, _ = load(tmp_path, document(item(1, extra=META.format(meta.UPDATED, value))))
    assert archive.posts[0].updated is None


def test_nan_geodata_is_dropped(tmp_path: Path) -> None:
    extra = META.format("geo_address", "Helsinki") + META.format("geo_latitude", "nan") + META.format(
        "geo_longitude", "inf")
    archive, _ = load(tmp_path, document(item(1, extra=extra)))
    location = archive.posts[0].location
    assert location is not None and (location.name, location.latitude, location.longitude) == (
        "Helsinki", None, None)


@pytest.mark.parametrize("date,gmt,zone", [
    ("0001-01-01 00:00:00", "0001-01-01 00:00:00", "America/New_York"),
    ("9999-12-31 23:00:00", "9999-12-31 23:00:00", "Europe/Helsinki"),
], ids=["year-1", "year-9999"])
def test_years_off_the_calendar_in_the_zone_are_invalid_entries(
        tmp_path: Path, date: str, gmt: str, zone: str) -> None:
    """Moving them into the blog zone raised OverflowError out of the reader."""
    archive, diagnostics = load(tmp_path, document(item(1, date=date, gmt=gmt) + item(2)), timezone=zone)
    assert [p.id for p in archive.posts] == ["2"]
    assert diagnostics.codes() == ["entry-invalid"]


def test_comment_reply_cycles_are_broken(tmp_path: Path) -> None:
    """5 and 6 replied to each other and 7 to itself: writers walking the threads never end."""
    comments = COMMENT.format(5, 6) + COMMENT.format(6, 5) + COMMENT.format(7, 7)
    archive, diagnostics = load(tmp_path, document(item(1, extra=comments)))
    parents = {c.id: c.parent_id for c in archive.posts[0].comments}
    assert parents == {"5": None, "6": "5", "7": None}
    assert sorted(diagnostics.codes()) == ["comment-parent-missing", "comment-thread-cycle"]


def test_wall_time_in_the_spring_gap_is_reported(tmp_path: Path) -> None:
    draft = item(1, status="draft", date="2010-03-28 03:30:00", gmt="0000-00-00 00:00:00")
    archive, diagnostics = load(tmp_path, document(draft), timezone="Europe/Helsinki")
    assert diagnostics.codes() == ["date-nonexistent"]
    autumn = item(1, status="draft", date="2010-10-31 03:30:00", gmt="0000-00-00 00:00:00")
    archive, diagnostics = load(tmp_path, document(autumn), timezone="Europe/Helsinki")
    assert archive.posts[0].published.isoformat() == "2010-10-31T03:30:00+03:00"
    assert diagnostics.codes() == ["date-ambiguous"]


def test_unknown_timezone_option_is_a_usage_error(tmp_path: Path) -> None:
    """It was a warning, and every date silently kept the file's offsets instead."""
    from importer.errors import UsageError

    with pytest.raises(UsageError, match="unknown time zone"):
        load(tmp_path, document(item(1)), timezone="Europe/Helsinkii")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le"])
def test_utf16_exports_are_read(tmp_path: Path, encoding: str) -> None:
    """Removing control bytes removed every NUL, i.e. half of each UTF-16 character."""
    text = document(item(1, title="Hyvää päivää")).replace('encoding="UTF-8"', f'encoding="{encoding}"')
    archive, _ = load(tmp_path, text.encode(encoding))
    assert [p.title for p in archive.posts] == ["Hyvää päivää"]


def test_truncated_file_error_is_one_line(tmp_path: Path) -> None:
    """libxml2's message for a file cut inside the root spans two lines; errors are one line."""
    path = tmp_path / "cut.xml"
    path.write_text(document(item(1))[:559], encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read(path, format="wxr")
    assert "\n" not in str(caught.value)
