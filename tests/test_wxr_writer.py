"""The WXR writer, one test per rule of OUTPUTS.md "WordPress WXR 1.2" (points 1–11)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from wxr_sample import IMAGE, NS, P1, by_source_id, items, parse, sample_archive, wp

from importer.diagnostics import Diagnostics
from importer.errors import UsageError
from importer.model import Author
from importer.writers import write
from importer.writers.wxr import WxrOptions
from importer.writers.wxr.attachments import original_url
from importer.writers.wxr.options import parse_size
from importer.writers.wxr.xml import cdata


def render(options: WxrOptions | None = None, archive=None) -> tuple[bytes, Diagnostics]:
    diagnostics = Diagnostics()
    files = write(archive or sample_archive(), "wxr", options or WxrOptions(), diagnostics)
    assert len(files) == 1
    return files[0].data, diagnostics


def test_rule1_envelope_encoding_and_namespaces() -> None:
    data, _ = render()
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0"')
    assert b"<!DOCTYPE" not in data and not data.startswith(b"\xef\xbb\xbf")
    root = parse(data)
    assert root.tag == "rss" and root.get("version") == "2.0" and root[0].tag == "channel"
    assert root.nsmap == {
        "excerpt": "http://wordpress.org/export/1.2/excerpt/",
        "content": "http://purl.org/rss/1.0/modules/content/",
        "wfw": "http://wellformedweb.org/CommentAPI/",
        "dc": "http://purl.org/dc/elements/1.1/",
        "wp": "http://wordpress.org/export/1.2/",
    }
    assert "\x0b" not in data.decode("utf-8")
    assert "pystysarkain" in data.decode("utf-8")  # only the control character went


def test_rule2_version_and_base_urls() -> None:
    data, _ = render()
    assert b"\t<wp:wxr_version>1.2</wp:wxr_version>\n" in data
    channel = parse(data)[0]
    assert wp(channel, "base_site_url") == "http://sosmedia-ja-muuta.blogspot.com/"
    assert wp(channel, "base_blog_url") == "http://sosmedia-ja-muuta.blogspot.com/"


def test_rule3_cdata_split_raw_utf8_and_no_whitespace() -> None:
    assert cdata("a]]>b") == "<![CDATA[a]]]]><![CDATA[>b]]>"
    data, _ = render()
    text = data.decode("utf-8")
    assert "ja ]]]]><![CDATA[> sekä" in text
    assert "&#" not in re.sub(r"<!\[CDATA\[.*?\]\]>", "", text, flags=re.S)
    assert "Keskeneräinen luonnos" in text  # raw UTF-8
    root = parse(data)
    assert "ja ]]> sekä" in by_source_id(root)[P1].findtext("content:encoded", namespaces=NS)
    for name in ("post_id", "post_date", "post_date_gmt", "post_name", "status", "post_type"):
        for value in re.findall(rf"<wp:{name}>(.*?)</wp:{name}>", text):
            assert value == value.strip() and "CDATA" not in value
    assert re.search(r"<(title|content:encoded|wp:comment_content)>\s+<!\[CDATA", text) is None


ITEM_ORDER = ["title", "link", "pubDate", "{dc}creator", "guid", "description", "{content}encoded",
              "{excerpt}encoded", "post_id", "post_date", "post_date_gmt", "comment_status",
              "ping_status", "post_name", "status", "post_parent", "menu_order", "post_type",
              "post_password", "is_sticky"]
COMMENT_ORDER = ["comment_id", "comment_author", "comment_author_email", "comment_author_url",
                 "comment_author_IP", "comment_date", "comment_date_gmt", "comment_content",
                 "comment_approved", "comment_type", "comment_parent", "comment_user_id"]


def _local(tag: str) -> str:
    for prefix in ("dc", "content", "excerpt"):
        if tag.startswith("{" + NS[prefix]):
            return "{" + prefix + "}" + tag.split("}")[1]
    return tag.split("}")[-1]


def test_rule4_element_order() -> None:
    root = parse(render()[0])
    for item in items(root):
        names = [_local(child.tag) for child in item]
        assert names[: len(ITEM_ORDER)] == ITEM_ORDER
        tail = names[len(ITEM_ORDER):]
        rank = {"category": 0, "postmeta": 1, "comment": 2}
        assert [rank[n] for n in tail] == sorted(rank[n] for n in tail)
        for comment in item.findall("wp:comment", NS):
            assert [_local(c.tag) for c in comment][:12] == COMMENT_ORDER
    assert root.findtext("channel/description") is not None


def test_rule5_authors_one_line_ascii_logins_match_creators() -> None:
    archive = sample_archive()
    other = Author("Jääskeläinen Åke <ÅÄÖ> " + "x" * 80, "https://example.invalid/")
    archive = replace(archive, posts=(replace(archive.posts[0], author=other), *archive.posts[1:]))
    data, _ = render(archive=archive)
    lines = [line for line in data.decode("utf-8").splitlines() if "<wp:author>" in line]
    assert len(lines) == 2 and all(line.strip().endswith("</wp:author>") for line in lines)
    root = parse(data)
    authors = root.findall("channel/wp:author", NS)
    logins = [wp(a, "author_login") for a in authors]
    assert logins[0] == "Pirjo Esimerkki"
    for login in logins:
        assert re.fullmatch(r"[A-Za-z0-9 _.\-@]{1,60}", login)
    assert [len(list(a)) for a in authors] == [6, 6]
    assert {item.findtext("dc:creator", namespaces=NS) for item in items(root)} == set(logins)


def test_rule6_unique_ids_and_no_title_date_type_collisions() -> None:
    data, diagnostics = render()
    root = parse(data)
    ids = [int(wp(item, "post_id")) for item in items(root)]
    assert len(ids) == len(set(ids)) and min(ids) > 0
    seen: dict[tuple[str, str], set[str]] = {}
    for item in items(root):
        key = (wp(item, "post_type"), wp(item, "post_date"))
        title = (item.findtext("title") or "").casefold()
        taken = seen.setdefault(key, set())
        assert not taken or (title and title not in taken and "" not in taken)
        taken.add(title)
    moved = [d for d in diagnostics if d.code == "title-added"]
    assert [d.entry for d in moved] == ["7000000000000000008"]
    assert wp(by_source_id(root)["7000000000000000008"], "post_date") == "2010-05-20 21:47:01"


def test_rule7_dates_in_blog_zone_and_gmt_and_draft_status() -> None:
    root = parse(render()[0])
    posts = by_source_id(root)
    assert wp(posts[P1], "post_date") == "2010-06-10 14:35:00"
    assert wp(posts[P1], "post_date_gmt") == "2010-06-10 11:35:00"
    winter = posts["7000000000000000005"]
    assert (wp(winter, "post_date"), wp(winter, "post_date_gmt")) == ("2010-01-15 08:00:00",
                                                                       "2010-01-15 06:00:00")
    draft = posts["7000000000000000007"]
    assert wp(draft, "status") == "draft" and wp(draft, "post_date_gmt") == "2010-06-12 17:00:00"
    assert wp(posts["7000000000000000006"], "post_type") == "page"
    for item in items(root):
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", wp(item, "post_date_gmt"))


def test_rule8_comment_ids_parents_lower_and_approval() -> None:
    root = parse(render()[0])
    comments = [c for item in items(root) for c in item.findall("wp:comment", NS)]
    ids = [int(wp(c, "comment_id")) for c in comments]
    assert len(set(ids)) == len(ids) and min(ids) > 0
    for comment in comments:
        parent = int(wp(comment, "comment_parent"))
        assert parent == 0 or parent < int(wp(comment, "comment_id"))
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", wp(comment, "comment_date_gmt"))
    p1 = {wp(c, "comment_content"): c for c in by_source_id(root)[P1].findall("wp:comment", NS)}
    reply, parent = p1["Kiitos, Ilkka!"], p1["Hyvä yhteenveto! Sosmedia on vain yksi media."]
    assert wp(reply, "comment_parent") == wp(parent, "comment_id")
    approved = sorted(wp(c, "comment_approved") for c in comments)
    assert approved == ["0", "1", "1", "1", "spam", "trash"]


def test_rule9_terms_declared_once_with_ascii_nicenames_and_merges_reported() -> None:
    data, diagnostics = render()
    root = parse(data)
    tags = root.findall("channel/wp:tag", NS)
    slugs = [wp(t, "tag_slug") for t in tags]
    assert len(slugs) == len(set(slugs)) and all(re.fullmatch(r"[a-z0-9-]+", s) for s in slugs)
    assert "sosiaalinen-media" in slugs and "koodi" in slugs
    declared = {(wp(t, "tag_slug"), wp(t, "tag_name")) for t in tags}
    for item in items(root):
        for category in item.findall("category"):
            assert category.get("domain") == "post_tag"
            assert (category.get("nicename"), category.text) in declared
    merged = [d for d in diagnostics if d.code == "label-merged"]
    assert len(merged) == 1 and "'koodi'" in merged[0].message and "'Koodi'" in merged[0].message
    data, _ = render(WxrOptions(labels_as="categories"))
    root = parse(data)
    assert not root.findall("channel/wp:tag", NS) and root.findall("channel/wp:category", NS)
    assert {c.get("domain") for i in items(root) for c in i.findall("category")} == {"category"}


def test_rule10_slugs_unique_per_type_with_old_slug_and_permalink() -> None:
    data, diagnostics = render()
    root = parse(data)
    names = [(wp(i, "post_type"), wp(i, "post_name")) for i in items(root) if wp(i, "post_name")]
    assert len(names) == len(set(names))
    posts = by_source_id(root)
    assert wp(posts["7000000000000000004"], "post_name") == "blog-post"  # the oldest keeps it
    renamed = posts["7000000000000000003"]
    assert wp(renamed, "post_name") == "blog-post-2010-05"
    meta = {m.findtext("wp:meta_key", namespaces=NS): m.findtext("wp:meta_value", namespaces=NS)
            for m in renamed.findall("wp:postmeta", NS)}
    assert meta["_wp_old_slug"] == "blog-post"
    assert meta["blogger_permalink"] == "http://sosmedia-ja-muuta.blogspot.com/2010/05/blog-post.html"
    assert "slug-collision" in diagnostics.codes()


def test_rule11_attachments_point_at_the_s1600_original() -> None:
    data, _ = render(WxrOptions(attachments=True))
    root = parse(data)
    attachments = [i for i in items(root) if wp(i, "post_type") == "attachment"]
    assert len(attachments) == 1
    attachment = attachments[0]
    url = f"{IMAGE}/s1600/orkut.jpg"
    assert wp(attachment, "attachment_url") == url and wp(attachment, "status") == "inherit"
    owner = by_source_id(root)["7000000000000000002"]
    assert wp(attachment, "post_parent") == wp(owner, "post_id")
    body = owner.findtext("content:encoded", namespaces=NS)
    assert f'src="{url}"' in body and "/s320/" not in body
    assert render()[0].count(b"<wp:post_type>attachment") == 0  # off by default


@pytest.mark.parametrize(("url", "expected"), [
    (f"{IMAGE}/s320/a.jpg", f"{IMAGE}/s1600/a.jpg"),
    (f"{IMAGE}/s72-c/a.jpg", f"{IMAGE}/s1600/a.jpg"),
    ("//2.bp.blogspot.com/_u/x/y/z/w640-h480/a.png", "https://2.bp.blogspot.com/_u/x/y/z/s1600/a.png"),
    ("https://blogger.googleusercontent.com/img/b/R29v/AVv/w400-h300/k.jpg",
     "https://blogger.googleusercontent.com/img/b/R29v/AVv/s1600/k.jpg"),
    ("https://blogger.googleusercontent.com/img/a/AVvXsEh=s320", "https://blogger.googleusercontent.com/img/a/AVvXsEh=s1600"),
    ("https://example.com/s320/a.jpg", None),
], ids=["s320", "s72-c", "protocol-relative", "googleusercontent", "suffix", "foreign-host"])
def test_original_url(url: str, expected: str | None) -> None:
    assert original_url(url) == expected


@pytest.mark.parametrize(("text", "size"), [("10MB", 10_000_000), ("2M", 2_000_000),
                                             ("2MiB", 2_097_152), ("500kB", 500_000), ("8192", 8192)])
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["ten", "10 parsecs", "-1MB", "12"])
def test_parse_size_refuses(text: str) -> None:
    with pytest.raises(UsageError):
        parse_size(text)


def test_the_signature_named_by_the_registry_is_the_generator_line_every_file_carries() -> None:
    from importer.writers import get_writer
    from importer.writers.wxr.xml import render_generator

    signature = get_writer("wxr").signature
    assert signature == render_generator().strip().encode("utf-8")
    files = write(sample_archive(), "wxr")
    assert files and all(signature in out.data for out in files)
