"""WordPress fields a WXR input used to lose: passwords, sticky, excerpts, featured images, alt
text and category parents (each built into a small WXR here, then read and written)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree
from test_wxr_reader import document, item

from importer.diagnostics import Diagnostics
from importer.model import Archive
from importer.options import ReadOptions
from importer.readers import read
from importer.writers import write

WP = "{http://wordpress.org/export/1.2/}"
EXCERPT = "{http://wordpress.org/export/1.2/excerpt/}encoded"
SECRET = "hunter2-salasana"
PHOTO = "https://b.example/wp-content/uploads/2010/06/kuva.jpg"
CATEGORIES = """<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>media</wp:category_nicename>
<wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Media]]></wp:cat_name></wp:category>
<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>sosmedia</wp:category_nicename>
<wp:category_parent>media</wp:category_parent><wp:cat_name><![CDATA[Sosmedia]]></wp:cat_name></wp:category>
"""


def meta(key: str, value: str) -> str:
    return (f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key>"
            f"<wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>")


def wordpress_export() -> str:
    """A protected post, a sticky one with an excerpt and a featured image, its attachment with alt
    text, a post whose featured image is gone, and a child category."""
    protected = item(10, title="Salainen", extra=f"<wp:post_password>{SECRET}</wp:post_password>")
    sticky = item(11, title="Kiinnitetty", date="2010-06-11 14:35:00", gmt="2010-06-11 11:35:00", extra=(
        "<excerpt:encoded><![CDATA[Oma tiivistelmä]]></excerpt:encoded><wp:menu_order>3</wp:menu_order>"
        "<wp:is_sticky>1</wp:is_sticky>"
        '<category domain="category" nicename="sosmedia"><![CDATA[Sosmedia]]></category>'
        + meta("_thumbnail_id", "12")))
    attachment = item(12, type_="attachment", status="inherit", title="kuva", extra=(
        f"<wp:attachment_url>{PHOTO}</wp:attachment_url>"
        + meta("_wp_attachment_image_alt", "Järvi illalla")))
    orphan = item(13, title="Kuva puuttuu", date="2010-06-12 14:35:00", gmt="2010-06-12 11:35:00",
                  extra=meta("_thumbnail_id", "999"))
    return document(CATEGORIES + protected + sticky + attachment + orphan)


def load(tmp_path: Path, text: str, name: str = "export.xml") -> tuple[Archive, Diagnostics]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    diagnostics = Diagnostics()
    return read(path, options=ReadOptions(timezone="Europe/Helsinki"), diagnostics=diagnostics), diagnostics


def by_title(archive: Archive) -> dict[str, dict[str, str]]:
    return {post.title: dict(post.extra) for post in archive.posts}


def to_wxr(archive: Archive) -> tuple[bytes, etree._Element]:
    [output] = write(archive, "wxr", None, Diagnostics())
    return output.data, etree.fromstring(output.data)


def wxr_item(root: etree._Element, title: str) -> etree._Element:
    return next(i for i in root.iter("item") if i.findtext("title") == title)


def postmeta(element: etree._Element) -> dict[str, str]:
    return {m.findtext(f"{WP}meta_key"): m.findtext(f"{WP}meta_value") for m in element.iter(f"{WP}postmeta")}


def files_of(archive: Archive, to: str) -> tuple[dict[str, bytes], Diagnostics]:
    diagnostics = Diagnostics()
    outputs = write(archive, to, None, diagnostics)
    return {o.path: o.data for o in outputs}, diagnostics


@pytest.mark.parametrize(("to", "draft_mark"), [
    ("hugo", b"draft: true"), ("jekyll", b"published: false"), ("pelican", b"Status: draft"),
    ("zola", b"draft = true"), ("eleventy", b"draft: true"), ("hexo", b"source/_drafts/"),
])
def test_protected_post_is_a_draft_without_its_password_in_markdown(tmp_path: Path, to: str,
                                                                     draft_mark: bytes) -> None:
    archive, _ = load(tmp_path, wordpress_export())
    files, diagnostics = files_of(archive, to)
    [page] = [path.encode() + data for path, data in files.items()
              if b"Salainen" in data and path.endswith(".md")]
    assert draft_mark in page  # Hexo marks a draft by its folder
    assert all(SECRET.encode() not in data for data in files.values())
    [warning] = [d for d in diagnostics if d.code == "post-password-withheld"]
    assert warning.entry == "10" and "Salainen" in warning.message


def test_json_keeps_the_protected_post_whole_and_what_is_made_from_it_withholds_it(tmp_path: Path) -> None:
    # JSON is the lossless archive: the post keeps its status and password, so JSON -> WXR gives
    # WordPress the protected post back, and JSON -> Markdown still never publishes it openly
    archive, _ = load(tmp_path, wordpress_export())
    files, _ = files_of(archive, "json")
    post = next(p for p in json.loads(files["archive.json"])["posts"] if p["title"] == "Salainen")
    assert post["status"] == "published" and post["extra"]["post_password"] == SECRET
    again, _ = load(tmp_path, files["archive.json"].decode(), "archive.json")
    _, root = to_wxr(again)
    assert wxr_item(root, "Salainen").findtext(f"{WP}post_password") == SECRET
    site, diagnostics = files_of(again, "hugo")
    [page] = [data for path, data in site.items() if b"Salainen" in data and path.endswith(".md")]
    assert b"draft: true" in page and all(SECRET.encode() not in data for data in site.values())
    assert [d.entry for d in diagnostics if d.code == "post-password-withheld"] == ["10"]


def test_wxr_output_keeps_password_sticky_excerpt_and_menu_order(tmp_path: Path) -> None:
    archive, _ = load(tmp_path, wordpress_export())
    _, root = to_wxr(archive)
    protected, sticky = wxr_item(root, "Salainen"), wxr_item(root, "Kiinnitetty")
    assert protected.findtext(f"{WP}post_password") == SECRET
    assert protected.findtext(f"{WP}status") == "publish"
    assert sticky.findtext(f"{WP}is_sticky") == "1"
    assert sticky.findtext(EXCERPT) == "Oma tiivistelmä"
    assert sticky.findtext(f"{WP}menu_order") == "3"
    assert not any(key.startswith("_blogimport_extra_") and key.endswith(("password", "sticky", "excerpt"))
                   for key in postmeta(sticky) | postmeta(protected))


def test_featured_image_is_resolved_and_written_back(tmp_path: Path) -> None:
    archive, diagnostics = load(tmp_path, wordpress_export())
    assert by_title(archive)["Kiinnitetty"]["featured_image"] == PHOTO
    [missing] = [d for d in diagnostics if d.code == "featured-image-missing"]
    assert missing.entry == "13" and "999" in missing.message
    _, root = to_wxr(archive)
    attachment_id = wxr_item(root, "kuva").findtext(f"{WP}post_id")
    assert postmeta(wxr_item(root, "Kiinnitetty"))["_thumbnail_id"] == attachment_id


@pytest.mark.parametrize(("to", "field"), [("hugo", f'images:\n- "{PHOTO}"'),
                                           ("jekyll", f'image: "{PHOTO}"')])
def test_featured_image_in_front_matter(tmp_path: Path, to: str, field: str) -> None:
    archive, _ = load(tmp_path, wordpress_export())
    files, _ = files_of(archive, to)
    [page] = [data.decode() for data in files.values() if b"Kiinnitetty" in data]
    assert field in page


def test_attachment_alt_text_is_kept_and_written(tmp_path: Path) -> None:
    archive, _ = load(tmp_path, wordpress_export())
    assert by_title(archive)["kuva"]["alt_text"] == "Järvi illalla"
    _, root = to_wxr(archive)
    assert postmeta(wxr_item(root, "kuva"))["_wp_attachment_image_alt"] == "Järvi illalla"


def test_category_parent_survives_wxr_to_wxr(tmp_path: Path) -> None:
    archive, _ = load(tmp_path, wordpress_export())
    _, root = to_wxr(archive)
    declared = [(c.findtext(f"{WP}category_nicename"), c.findtext(f"{WP}category_parent"))
                for c in root.iter(f"{WP}category")]
    assert declared == [("media", ""), ("sosmedia", "media")]  # parents first


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    archive, _ = load(tmp_path, wordpress_export())
    data, _ = to_wxr(archive)
    back, _ = load(tmp_path, data.decode("utf-8"), "again.xml")
    before, after = by_title(archive), by_title(back)
    for title in ("Salainen", "Kiinnitetty", "kuva"):
        for key in ("post_password", "sticky", "excerpt", "menu_order", "featured_image", "alt_text"):
            assert after[title].get(key) == before[title].get(key), (title, key)
    assert before["Kiinnitetty"]["featured_image"] == after["Kiinnitetty"]["featured_image"] == PHOTO
    assert back.blog.extra == archive.blog.extra
    assert json.loads(back.blog.extra["wxr_category_parents"]) == {"Sosmedia": "Media"}


def test_blogger_input_keeps_an_empty_excerpt_and_no_password() -> None:
    from wxr_sample import sample_archive

    _, root = to_wxr(sample_archive())
    assert {i.findtext(EXCERPT) for i in root.iter("item")} == {""}
    assert {i.findtext(f"{WP}post_password") for i in root.iter("item")} == {""}
    assert {i.findtext(f"{WP}is_sticky") for i in root.iter("item")} == {"0"}
