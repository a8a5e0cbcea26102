"""Takeout reader and source resolution: statuses, zones, URLs, folders, zips, several blogs."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import BLOG_FI

from importer.diagnostics import Diagnostics
from importer.errors import InputError, UsageError
from importer.model import Archive
from importer.options import ReadOptions
from importer.readers.blogger_takeout import read_blogger_takeout, slug_from_title

FI_BLOG = BLOG_FI / "takeout/Takeout/Blogger/Blogs/Sosmedia ja muuta"
TAG = "tag:blogger.com,1999:blog-42"


def _post(pid: str, status: str = "LIVE", extra: str = "", kind: str = "POST") -> str:
    return (f"<entry><id>{TAG}.post-{pid}</id><blogger:type>{kind}</blogger:type>"
            f"<blogger:status>{status}</blogger:status><title>Hyvää päivää, maailma!</title>"
            f"<content type='html'>x</content><published>2010-06-30T22:30:00Z</published>{extra}</entry>")


def _comment(cid: str, post: str, status: str = "LIVE", reply: str = "", author: str = "BLOGGER") -> str:
    return (f"<entry><id>{TAG}.post-{cid}</id><blogger:type>COMMENT</blogger:type>"
            f"<blogger:status>{status}</blogger:status><author><name>N</name><uri></uri>"
            f"<blogger:type>{author}</blogger:type></author><content type='html'>c</content>"
            f"<published>2010-07-01T10:00:00Z</published><blogger:parent>{TAG}.post-{post}</blogger:parent>"
            f"<blogger:inReplyTo>{reply and f'{TAG}.post-{reply}'}</blogger:inReplyTo></entry>")


def _blog(folder: Path, *entries: str, settings: str | None = "blog_name,blog_subdomain,blog_time_zone\n"
          "Testi,testi,Europe/Helsinki\n") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "feed.atom").write_text(
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom' "
        f"xmlns:blogger='http://schemas.google.com/blogger/2018'><id>{TAG}</id>"
        + "".join(entries) + "</feed>", encoding="utf-8")
    if settings is not None:
        (folder / "settings.csv").write_text(settings, encoding="utf-8")
    return folder


def _read(path: Path, **options: str) -> tuple[Archive, Diagnostics]:
    diagnostics = Diagnostics()
    return read_blogger_takeout(path, ReadOptions(**options), diagnostics), diagnostics


@pytest.mark.parametrize("raw,expected", [
    ("LIVE", "published"), ("DRAFT", "draft"), ("SCHEDULED", "scheduled"),
    ("SOFT_TRASHED", "trashed"), ("DELETED", "deleted"), ("IN_REVIEW", "in_review"),
])
def test_post_statuses(tmp_path: Path, raw: str, expected: str) -> None:
    archive, diagnostics = _read(_blog(tmp_path / "b", _post("1", raw, "<blogger:filename/>")))
    assert archive.posts[0].status == expected
    assert not archive.posts[0].is_public or raw == "LIVE"
    assert diagnostics.codes() == (["status-unknown"] if raw == "IN_REVIEW" else [])


@pytest.mark.parametrize("raw,expected", [
    ("LIVE", "published"), ("SPAM_COMMENT", "spam"), ("PENDING_MODERATION", "pending"),
    ("GHOSTED_COMMENT", "deleted"), ("", "unknown"),
])
def test_comment_statuses(tmp_path: Path, raw: str, expected: str) -> None:
    archive, _ = _read(_blog(tmp_path / "b", _post("1"), _comment("2", "1", raw)))
    assert archive.posts[0].comments[0].status == expected


def test_utc_to_blog_zone_and_rebuilt_url_uses_the_local_month(tmp_path: Path) -> None:
    archive, diagnostics = _read(_blog(tmp_path / "b", _post("1")))
    post = archive.posts[0]
    assert post.published.isoformat() == "2010-07-01T01:30:00+03:00"  # 30 June in UTC
    assert post.url == "https://testi.blogspot.com/2010/07/hyvaa-paivaa-maailma.html"
    assert post.url_reconstructed and diagnostics.codes() == ["url-reconstructed"]


def test_filename_base_url_labels_location_description(tmp_path: Path) -> None:
    extra = ("<category/><category scheme='tag:blogger.com,1999:blog-42' term='Kissa'/>"
             "<blogger:filename>/2010/06/moi.html</blogger:filename>"
             "<blogger:metaDescription>Haku</blogger:metaDescription>"
             "<blogger:location><blogger:name>Oulu</blogger:name><blogger:latitude>65.0</blogger:latitude>"
             "<blogger:longitude>25.5</blogger:longitude></blogger:location>")
    archive, diagnostics = _read(_blog(tmp_path / "b", _post("1", extra=extra)),
                                 base_url="https://blogi.example.fi")
    post = archive.posts[0]
    assert post.url == "https://blogi.example.fi/2010/06/moi.html"
    assert (post.slug, post.labels) == ("moi", ("Kissa",))
    assert post.extra == {"search_description": "Haku"} and not post.url_reconstructed
    assert post.location is not None and post.location.name == "Oulu" and post.location.longitude == 25.5
    assert list(diagnostics) == []


def test_threads_and_anonymous_authors(tmp_path: Path) -> None:
    archive, _ = _read(_blog(tmp_path / "b", _post("1"), _comment("2", "1", author="ANONYMOUS"),
                             _comment("3", "1", reply="2"), _comment("4", "9")))
    comments = {c.id: c for c in archive.posts[0].comments}
    assert comments["2"].author.anonymous and comments["2"].author.uri is None
    assert comments["3"].parent_id == "2" and comments["2"].parent_id is None
    assert "4" not in comments


def test_no_settings_keeps_utc_and_warns(tmp_path: Path) -> None:
    archive, diagnostics = _read(_blog(tmp_path / "b", _post("1", "DRAFT", "<blogger:filename/>"),
                                       settings=None))
    assert archive.posts[0].published.isoformat() == "2010-06-30T22:30:00+00:00"
    assert diagnostics.codes() == ["timezone-missing"]
    assert archive.blog.title == "b" and archive.blog.id == "42"


def test_fixture_blog_as_zip_folder_and_feed_read_the_same(tmp_path: Path) -> None:
    archive = tmp_path / "takeout-20240101T000000Z-001.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in ("feed.atom", "settings.csv"):
            zf.write(FI_BLOG / name, f"Takeout/Blogger/Blogs/Sosmedia ja muuta/{name}")
        zf.writestr("Takeout/Blogger/Comments/Muu blogi/feed.atom", "<feed/>")
    from_zip, _ = _read(archive)
    from_folder, _ = _read(BLOG_FI / "takeout")
    from_feed, _ = _read(FI_BLOG / "feed.atom")
    assert from_zip == from_folder == from_feed
    assert from_zip.blog.title == "Sosmedia ja muuta"


def _two_blogs(tmp_path: Path) -> Path:
    blogs = tmp_path / "Takeout/Blogger/Blogs"
    shutil.copytree(FI_BLOG, blogs / "Sosmedia ja muuta")
    _blog(blogs / "Toinen", _post("1"), settings="blog_name,blog_time_zone\nToinen blogi,UTC\n")
    _blog(tmp_path / "Takeout/Blogger/Comments/Kolmas", _post("5"))
    return tmp_path


def test_several_blogs_need_blog_option(tmp_path: Path) -> None:
    root = _two_blogs(tmp_path)
    with pytest.raises(UsageError) as caught:
        _read(root)
    assert "'Sosmedia ja muuta'" in str(caught.value) and "'Toinen blogi'" in str(caught.value)
    assert "Kolmas" not in str(caught.value)
    with pytest.raises(UsageError, match=r"no blog called 'Puuttuva'.*'Toinen blogi'"):
        _read(root, blog="Puuttuva")


@pytest.mark.parametrize("choice", ["Toinen", "toinen blogi"])
def test_blog_option_picks_by_folder_or_title(tmp_path: Path, choice: str) -> None:
    archive, diagnostics = _read(_two_blogs(tmp_path), blog=choice)
    assert archive.blog.title == "Toinen blogi" and len(archive.posts) == 1
    assert diagnostics.codes() == ["blogs-several", "url-reconstructed"]


def test_zip_bomb_member_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "takeout.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Takeout/Blogger/Blogs/B/feed.atom", b" " * 11_000_000)
    with pytest.raises(InputError, match="zip bomb"):
        _read(bomb)


def test_zip_without_blog_feed_is_an_input_error(tmp_path: Path) -> None:
    other = tmp_path / "photos.zip"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("Takeout/Blogger/Comments/X/feed.atom", "<feed/>")
    with pytest.raises(InputError, match="no Takeout blog feed"):
        _read(other)


@pytest.mark.parametrize("title,slug", [
    ("Orkut – projekti ja sosmediamarkkinointi", "orkut-projekti-ja-sosmediamarkkinointi"),
    ("Kesäkuun kuulumiset: ensimmäiset kokemukset", "kesakuun-kuulumiset-ensimmaiset"),
    ("A (somewhat) brief history", "somewhat-brief-history"),
    ("", "blog-post"), ("Привет", "blog-post"),
])
def test_slug_from_title_like_blogger(title: str, slug: str) -> None:
    assert slug_from_title(title) == slug


def test_damaged_zip_is_an_input_error(tmp_path: Path) -> None:
    damaged = tmp_path / "takeout.zip"
    with zipfile.ZipFile(damaged, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(FI_BLOG / "feed.atom", "Takeout/Blogger/Blogs/S/feed.atom")
    data = bytearray(damaged.read_bytes())
    for index in range(200, 400):
        data[index] ^= 0x55
    damaged.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"damaged|not well-formed"):
        _read(damaged)


def test_unparseable_blog_address_gives_no_urls_not_a_crash(tmp_path: Path) -> None:
    folder = _blog(tmp_path / "b", _post("1", extra="<blogger:filename>/2010/07/x.html</blogger:filename>"),
                   settings="blog_name,blog_subdomain,blog_time_zone\nTesti,[testi,Europe/Helsinki\n")
    archive, _ = _read(folder)
    assert archive.blog.url is None
    assert archive.posts[0].url is None and archive.posts[0].extra["path"] == "/2010/07/x.html"


def _zip_with_feed(path: Path, settings: bytes | None = None) -> bytearray:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.write(FI_BLOG / "feed.atom", "Takeout/Blogger/Blogs/S/feed.atom")
        if settings is not None:
            zf.writestr("Takeout/Blogger/Blogs/S/settings.csv", settings, zipfile.ZIP_DEFLATED)
    return bytearray(path.read_bytes())


def test_damaged_settings_member_is_an_input_error(tmp_path: Path) -> None:
    """A broken deflate stream in settings.csv raised zlib.error out of the reader."""
    damaged = tmp_path / "takeout.zip"
    data = _zip_with_feed(damaged, b"blog_name,blog_time_zone\n" * 2000)
    start = data.rfind(b"Takeout/Blogger/Blogs/S/settings.csv", 0, data.find(b"PK\x01\x02"))
    for index in range(start + 40, start + 80):
        data[index] ^= 0x55
    damaged.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"settings\.csv"):
        _read(damaged)


@pytest.mark.parametrize("flag_offsets,method", [((6, 8), None), (None, 99)], ids=["encrypted", "method-99"])
def test_encrypted_or_unsupported_member_is_an_input_error(
        tmp_path: Path, flag_offsets: tuple[int, int] | None, method: int | None) -> None:
    """zipfile raises RuntimeError (password) and NotImplementedError (method): both escaped."""
    odd = tmp_path / "takeout.zip"
    data = _zip_with_feed(odd)
    central = data.find(b"PK\x01\x02")
    if flag_offsets is not None:  # general purpose flag bit 0: encrypted
        data[flag_offsets[0]] |= 1
        data[central + flag_offsets[1]] |= 1
    if method is not None:
        data[8:10] = data[central + 10:central + 12] = method.to_bytes(2, "little")
    odd.write_bytes(bytes(data))
    with pytest.raises(InputError, match="cannot read zip member"):
        _read(odd)
