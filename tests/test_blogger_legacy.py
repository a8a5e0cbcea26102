"""Legacy Blogger export reader: kinds, drafts, threads, zones, defects, streaming."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BLOG_FI

from importer.diagnostics import Diagnostics
from importer.errors import UsageError
from importer.model import Archive
from importer.options import ReadOptions
from importer.readers.blogger_legacy import read_blogger_legacy

BLOG = "tag:blogger.com,1999:blog-42"
KIND = "http://schemas.google.com/g/2005#kind"


def _entry(entry_id: str, kind: str, published: str = "2010-06-10T14:35:00.000+03:00",
           extra: str = "") -> str:
    return (f"<entry><id>{BLOG}.{entry_id}</id><published>{published}</published>"
            f"<category scheme='{KIND}' term='http://schemas.google.com/blogger/2008/kind#{kind}'/>"
            f"<title type='text'>{entry_id}</title><content type='html'>body</content>{extra}</entry>")


def _comment(cid: str, post: str, parent: str | None = None, published: str = "2010-06-10T16:00:00.000+03:00",
             author: str = "<author><name>Ilkka</name></author>", display: str = "") -> str:
    related = (f"<link rel='related' type='application/atom+xml' href='http://www.blogger.com/feeds/42/"
               f"{post}/comments/default/{parent}'/>") if parent else ""
    prop = f"<gd:extendedProperty name='blogger.displayTime' value='{display}'/>" if display else ""
    return _entry(f"post-{cid}", "comment", published,
                  f"{related}{author}<thr:in-reply-to ref='{BLOG}.post-{post}'/>{prop}")


def _setting(name: str, value: str) -> str:
    return (f"<entry><id>{BLOG}.settings.{name}</id><category scheme='{KIND}' "
            f"term='http://schemas.google.com/blogger/2008/kind#settings'/><title>Asetus</title>"
            f"<content type='text'>{value}</content></entry>")


def _read(tmp_path: Path, *entries: str, options: ReadOptions | None = None) -> tuple[Archive, Diagnostics]:
    path = tmp_path / "blog.xml"
    path.write_text(
        "<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom' "
        "xmlns:gd='http://schemas.google.com/g/2005' xmlns:thr='http://purl.org/syndication/thread/1.0' "
        f"xmlns:georss='http://www.georss.org/georss'><id>{BLOG}.archive</id>"
        "<link rel='alternate' type='text/html' href='http://x.blogspot.com/'/>"
        + "".join(entries) + "</feed>", encoding="utf-8")
    diagnostics = Diagnostics()
    return read_blogger_legacy(path, options or ReadOptions(), diagnostics), diagnostics


def test_settings_become_the_blog_and_times_move_into_its_zone(tmp_path: Path) -> None:
    archive, diagnostics = _read(
        tmp_path, _setting("BLOG_TIME_ZONE", "Europe/Helsinki"), _setting("BLOG_NAME", "Nimi"),
        _entry("post-1", "post", "2010-06-10T11:35:00.000Z"), _entry("layout", "template"))
    assert archive.blog.title == "Nimi" and archive.blog.id == "42"
    assert archive.blog.url == "http://x.blogspot.com/"
    assert archive.posts[0].published.isoformat() == "2010-06-10T14:35:00+03:00"
    assert len(archive.posts) == 1 and list(diagnostics) == []


def test_timezone_option_overrides_and_unknown_setting_is_reported(tmp_path: Path) -> None:
    post = _entry("post-1", "post")
    archive, _ = _read(tmp_path, _setting("BLOG_TIME_ZONE", "Europe/Helsinki"), post,
                       options=ReadOptions(timezone="UTC"))
    assert archive.posts[0].published.isoformat() == "2010-06-10T11:35:00+00:00"
    archive, diagnostics = _read(tmp_path, _setting("BLOG_TIME_ZONE", "Mars/Olympus"), post)
    assert diagnostics.codes() == ["timezone-unknown"]
    assert archive.posts[0].published.isoformat() == "2010-06-10T14:35:00+03:00"
    with pytest.raises(UsageError):
        _read(tmp_path, post, options=ReadOptions(timezone="Nowhere/Atall"))


def test_pages_drafts_labels_location(tmp_path: Path) -> None:
    draft = ("<app:control xmlns:app='http://purl.org/atom/app#'><app:draft>yes</app:draft></app:control>"
             "<category scheme='http://www.blogger.com/atom/ns#' term='b, c'/>"
             "<category scheme='http://www.blogger.com/atom/ns#' term='A'/>")
    place = ("<georss:featurename>Helsinki</georss:featurename><georss:point>60.17 24.94</georss:point>"
             "<link rel='alternate' type='text/html' href='http://x.blogspot.com/p/me.html'/>")
    archive, _ = _read(tmp_path, _entry("post-1", "post", extra=draft), _entry("page-2", "page", extra=place))
    by_id = {p.id: p for p in archive.posts}
    draft_post, page = by_id["1"], by_id["2"]
    assert (draft_post.status, draft_post.labels, draft_post.url) == ("draft", ("b, c", "A"), None)
    assert (page.kind, page.slug, page.url) == ("page", "me", "http://x.blogspot.com/p/me.html")
    assert page.location is not None and page.location.latitude == pytest.approx(60.17)


def test_threads_orphans_missing_parents_and_cycles(tmp_path: Path) -> None:
    archive, diagnostics = _read(
        tmp_path, _entry("post-1", "post"),
        _comment("10", "1"), _comment("11", "1", parent="10", published="2010-06-10T17:00:00.000+03:00"),
        _comment("12", "1", parent="99"), _comment("13", "7"),
        _comment("14", "1", parent="15"),
        _comment("15", "1", parent="14", published="2010-06-10T18:00:00.000+03:00"))
    parents = {c.id: c.parent_id for c in archive.posts[0].comments}
    assert parents == {"10": None, "11": "10", "12": None, "14": None, "15": "14"}
    assert sorted((d.code, d.entry) for d in diagnostics) == [
        ("comment-orphaned", "13"), ("comment-parent-missing", "12"), ("comment-thread-cycle", "14")]


def test_anonymous_only_without_profile(tmp_path: Path) -> None:
    archive, _ = _read(
        tmp_path, _entry("post-1", "post"),
        _comment("10", "1", author="<author><name>Anonyymi</name></author>"),
        _comment("11", "1", author="<author><name>Anonymous</name><uri>http://a.example/</uri></author>"))
    anonymous = {c.id: c.author.anonymous for c in archive.posts[0].comments}
    assert anonymous == {"10": True, "11": False}


def test_display_time_mismatch_is_reported(tmp_path: Path) -> None:
    archive, diagnostics = _read(
        tmp_path, _setting("BLOG_LOCALE", "fi"), _setting("BLOG_TIME_ZONE", "Europe/Helsinki"),
        _entry("post-1", "post"),
        _comment("10", "1", display="10. kesäkuuta 2010 klo 16.00"),
        _comment("11", "1", display="10. kesäkuuta 2010 klo 13.00"))
    assert [(d.code, d.entry) for d in diagnostics] == [("display-time-mismatch", "11")]
    assert archive.posts[0].comments[0].extra == {"display_time": "10. kesäkuuta 2010 klo 16.00"}


def test_duplicate_ids_and_unknown_kinds(tmp_path: Path) -> None:
    archive, diagnostics = _read(tmp_path, _entry("post-1", "post"), _entry("post-1", "post"),
                                 _entry("post-2", "snippet"))
    assert len(archive.posts) == 1
    assert [(d.code, d.entry) for d in diagnostics] == [("entry-duplicate-id", "1"),
                                                       ("entry-unknown-kind", "2")]


def test_undeclared_app_prefix_reads_with_a_warning(tmp_path: Path) -> None:
    data = (BLOG_FI / "legacy.xml").read_bytes().replace(b" xmlns:app='http://purl.org/atom/app#'", b"")
    path = tmp_path / "blog.xml"
    path.write_bytes(data)
    diagnostics = Diagnostics()
    archive = read_blogger_legacy(path, ReadOptions(), diagnostics)
    assert diagnostics.codes() == ["prefix-undeclared"]
    assert [p.status for p in archive.posts].count("draft") == 1
    assert archive == read_blogger_legacy(BLOG_FI / "legacy.xml", ReadOptions(), Diagnostics())


def test_progress_is_reported_with_the_file_size(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    entries = [_entry(f"post-{n}", "post") for n in range(1, 1201)]
    archive, _ = _read(tmp_path, *entries, options=ReadOptions(progress=lambda d, t: calls.append((d, t))))
    size = (tmp_path / "blog.xml").stat().st_size
    assert len(archive.posts) == 1200
    assert len(calls) == 3 and calls[-1] == (size, size)
    assert calls[0][0] < calls[1][0] <= size


def test_memory_stays_flat_entries_are_freed(tmp_path: Path) -> None:
    """Each finished entry is dropped from the tree before the next one is handled."""
    from importer.readers.blogger_common import iter_entries

    _read(tmp_path, *[_entry(f"post-{n}", "post") for n in range(1, 50)])
    head: dict[str, str] = {}
    with (tmp_path / "blog.xml").open("rb") as raw:
        for entry in iter_entries(raw, "blog.xml", head):
            assert len(list(entry.itersiblings(preceding=True))) <= 2  # only <id> and <link>
    assert head["url"] == "http://x.blogspot.com/"


def test_hostile_dates_and_coordinates_are_contained(tmp_path: Path) -> None:
    nan_place = "<georss:featurename>X</georss:featurename><georss:point>nan inf</georss:point>"
    archive, diagnostics = _read(
        tmp_path, _setting("BLOG_TIME_ZONE", "Europe/Helsinki"),
        _entry("post-1", "post", "9999-12-31T23:59:59Z"), _entry("post-2", "post", "2010-13-01T00:00:00Z"),
        _entry("post-3", "post", extra=nan_place))
    assert [p.id for p in archive.posts] == ["3"]
    assert archive.posts[0].location is not None and archive.posts[0].location.latitude is None
    assert [(d.code, d.entry) for d in diagnostics] == [("entry-invalid", "1"), ("entry-invalid", "2")]


def test_unparseable_permalink_is_kept_aside_not_a_crash(tmp_path: Path) -> None:
    """``http://[x/...`` makes urlsplit raise ValueError; the post converts, the text is kept."""
    bad = "http://[x.blogspot.com/2010/06/orkut.html"
    archive, _ = _read(tmp_path, _entry("post-1", "post", extra=(
        f"<link rel='alternate' type='text/html' href='{bad}'/>")))
    post = archive.posts[0]
    assert (post.url, post.slug, post.extra) == (None, None, {"url_invalid": bad})


def test_display_time_in_english_ui_on_a_finnish_blog_is_checked_in_english(tmp_path: Path) -> None:
    """A Finnish blog may run with Blogger's English UI: every comment was "cannot be parsed"."""
    _, diagnostics = _read(
        tmp_path, _setting("BLOG_LOCALE", "fi"), _setting("BLOG_TIME_ZONE", "Europe/Helsinki"),
        _entry("post-1", "post"),
        _comment("10", "1", display="June 10, 2010 4:00 PM"),
        _comment("11", "1", display="June 10, 2010 1:00 PM"))
    assert [(d.code, d.entry) for d in diagnostics] == [("display-time-mismatch", "11")]
    assert "13:00" in next(iter(diagnostics)).message


def test_display_time_of_a_locale_babel_does_not_know_is_not_a_mismatch(tmp_path: Path) -> None:
    _, diagnostics = _read(
        tmp_path, _setting("BLOG_LOCALE", "xx_NOPE"), _setting("BLOG_TIME_ZONE", "Europe/Helsinki"),
        _entry("post-1", "post"), _comment("10", "1", display="zzz 10 qqq 2010"))
    assert diagnostics.codes() == []
