"""Each check of importer.checks, on archives built in code: it fires on its problem, only there."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from importer.checks import CHECKS, validate
from importer.checks.structure import is_empty_html
from importer.diagnostics import CODES
from importer.model import Archive, Author, Blog, Comment, Post

HKI = ZoneInfo("Europe/Helsinki")
BLOG = Blog(id="1", title="Sosmedia ja muuta", url="http://sosmedia-ja-muuta.blogspot.com/",
            locale="fi", timezone="Europe/Helsinki")


def _comment(cid: str, post_id: str = "1", parent: str | None = None, **changes: object) -> Comment:
    base = Comment(id=cid, post_id=post_id, parent_id=parent, author=Author("Ilkka"),
                   published=datetime(2010, 6, 10, 16, 2, tzinfo=HKI), status="published",
                   content_html="Hyvä yhteenveto!",
                   extra={"display_time": "10. kesäkuuta 2010 klo 16.02"})
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def _post(pid: str, path: str, **changes: object) -> Post:
    base = Post(id=pid, kind="post", status="published", title=f"Teksti {pid}", slug=None,
                url=f"http://sosmedia-ja-muuta.blogspot.com{path}",
                published=datetime(2010, 6, int(pid), 14, 35, tzinfo=HKI),
                labels=("Orkut",), content_html="<p>Tekstiä.</p>")
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def clean_archive() -> Archive:
    """An archive no check objects to (besides nothing at all)."""
    first = _post("1", "/2010/06/eka.html", comments=(_comment("11"), _comment("12", parent="11")),
                  content_html='<p>Katso <a href="https://sosmedia-ja-muuta.blogspot.fi/2010/06/toka.html'
                               '?m=1#c1">toinen</a> ja <a href="http://example.com/2010/06/x.html">muu</a>.'
                               ' <a href="http://sosmedia-ja-muuta.blogspot.com/search/label/Orkut">'
                               'tunniste</a></p><img src="/kuvat/oma.jpg">')
    second = _post("2", "/2010/06/toka.html", labels=("Orkut", "koodi"),
                   content_html='<a href="http://www.sosmedia-ja-muuta.blogspot.com/p/tietoa.html">me</a>')
    page = _post("3", "/p/tietoa.html", kind="page", labels=())
    return Archive(blog=BLOG, posts=(first, second, page))


def _codes(archive: Archive) -> list[str]:
    return validate(archive, targets=()).codes()


def test_the_clean_archive_passes_every_check() -> None:
    assert _codes(clean_archive()) == []


def _with_post(index: int, **changes: object) -> Callable[[Archive], Archive]:
    def change(archive: Archive) -> Archive:
        posts = list(archive.posts)
        posts[index] = dataclasses.replace(posts[index], **changes)  # type: ignore[arg-type]
        return dataclasses.replace(archive, posts=tuple(posts))
    return change


def _with_comments(*comments: Comment) -> Callable[[Archive], Archive]:
    return _with_post(0, comments=comments)


BROKEN: dict[str, tuple[Callable[[Archive], Archive], str, str | None]] = {
    # name: (how to break the clean archive, expected code, expected entry)
    "duplicate post id": (_with_post(1, id="1"), "entry-duplicate-id", "1"),
    "duplicate comment id": (_with_comments(_comment("11"), _comment("11")), "entry-duplicate-id", "11"),
    "unknown kind": (_with_post(2, kind="widget"), "kind-unknown", "3"),
    "unknown post status": (_with_post(0, status="soft_trashed"), "status-unknown", "1"),
    "unknown comment status": (_with_comments(_comment("11", status="ghosted")), "status-unknown", "11"),
    "empty body": (_with_post(1, content_html="<div> &nbsp; <br /></div>"), "body-empty", "2"),
    "empty comment": (_with_comments(_comment("11", content_html=" ")), "body-empty", "11"),
    "untitled": (_with_post(1, title=" "), "title-missing", "2"),
    "orphaned comment": (_with_comments(_comment("11", post_id="99")), "comment-orphaned", "11"),
    "comment under another post": (_with_comments(_comment("11", post_id="2")), "comment-orphaned", "11"),
    "missing parent": (_with_comments(_comment("11", parent="10")), "comment-parent-missing", "11"),
    "thread cycle": (_with_comments(_comment("13", parent="11"), _comment("11", parent="12"),
                                    _comment("12", parent="13")), "comment-thread-cycle", "11"),
    "reply to itself": (_with_comments(_comment("11", parent="11")), "comment-thread-cycle", "11"),
    "naive date": (_with_post(1, published=datetime(2010, 6, 2, 14, 35)), "date-naive", "2"),
    "time in the DST gap": (_with_post(1, published=datetime(2010, 3, 28, 3, 30, tzinfo=HKI)),
                            "date-nonexistent", "2"),
    "fixed offset in the DST gap": (
        _with_post(1, updated=datetime(2010, 3, 28, 3, 30, tzinfo=timezone(timedelta(hours=2)))),
        "date-nonexistent", "2"),
    "display time off by hours": (
        _with_comments(_comment("11", extra={"display_time": "10. kesäkuuta 2010 klo 19.02"})),
        "display-time-mismatch", "11"),
    "display time on another day": (
        _with_comments(_comment("11", extra={"display_time": "11. kesäkuuta 2010 klo 16.02"})),
        "display-time-mismatch", "11"),
    "display time with a wrong weekday": (
        _with_comments(_comment("11", extra={"display_time": "perjantai 10. kesäkuuta 2010 klo 16.02"})),
        "date-unparsed", "11"),
    "display time that is not a date": (
        _with_comments(_comment("11", extra={"display_time": "31. helmikuuta 2010"})),
        "date-unparsed", "11"),
    "labels differing by case": (_with_post(2, labels=("Koodi",)), "label-merged", None),
    "labels differing by accent": (_with_post(2, labels=("orkût",)), "label-merged", None),
    "link to a missing post": (
        _with_post(2, content_html='<a href="https://sosmedia-ja-muuta.blogspot.com/2010/02/poissa.html'
                                   '?m=1">x</a>'), "link-unresolved", "3"),
    "image on Blogger": (
        _with_post(1, content_html='<img src="https://1.bp.blogspot.com/-a/b/s320/orkut.jpg">'),
        "image-remote", None),
    "a draft": (_with_post(1, status="draft"), "entries-not-public", None),
    "a spam comment": (_with_comments(_comment("11", status="spam")), "entries-not-public", None),
    "a comment with an event handler": (
        _with_comments(_comment("11", content_html='Hyvä!<img src="x.jpg" onerror="alert(1)">')),
        "script-removed", "11"),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_each_problem_gives_exactly_its_code(name: str) -> None:
    change, code, entry = BROKEN[name]
    diagnostics = list(validate(change(clean_archive()), file="x.json", targets=()))
    assert [(d.code, d.entry) for d in diagnostics] == [(code, entry)], [str(d) for d in diagnostics]
    assert diagnostics[0].file == "x.json"
    assert diagnostics[0].severity == CODES[code].severity


def test_every_check_is_exercised_here_and_catalogued() -> None:
    tested = {code for _change, code, _entry in BROKEN.values()}
    output_codes = {"slug-collision", "html-raw-kept"}  # tested in test_validate_output.py
    assert {check.code for check in CHECKS} - tested <= output_codes
    assert all(check.code in CODES for check in CHECKS)
    assert len({check.name for check in CHECKS}) == len(CHECKS)


def test_counts_are_in_the_messages() -> None:
    archive = _with_post(1, content_html='<img src="http://2.bp.blogspot.com/a.jpg">'
                                         '<img src="https://blogger.googleusercontent.com/img/b/x">')(
        _with_post(2, status="draft", content_html='<img src="http://2.bp.blogspot.com/b.jpg">')(
            _with_comments(_comment("11", status="spam"), _comment("12", status="pending"),
                           _comment("13", status="pending"))(clean_archive())))
    messages = {d.code: d.message for d in validate(archive, targets=())}
    assert messages["image-remote"] == ("3 images in 2 posts are still on Blogger's hosts "
                                        "(2.bp.blogspot.com, blogger.googleusercontent.com).")
    assert messages["entries-not-public"] == "Not public: 1 draft, 2 pending comments, 1 spam comment."


def test_a_cycle_is_reported_once_with_its_chain() -> None:
    archive = _with_comments(_comment("12", parent="11"), _comment("11", parent="12"),
                             _comment("14", parent="12"))(clean_archive())
    [diagnostic] = validate(archive, targets=())
    assert diagnostic.message.endswith("in a cycle: 11 -> 12 -> 11.")


def test_links_resolve_across_hosts_schemes_and_mobile_urls() -> None:
    # the clean archive links by https, blogspot.fi, www. and ?m=1: all resolve
    assert "link-unresolved" not in _codes(clean_archive())
    lone = _with_post(0, content_html='<a href="/2010/06/nowhere.html">relative</a>')(clean_archive())
    assert _codes(lone) == []  # relative links are not checked: their host is unknown


@pytest.mark.parametrize(("html", "empty"), [
    ("", True), ("<p></p>", True), ("&nbsp;<br/>", True), ("<div><!-- x --></div>", True),
    ("<p>a</p>", False), ('<img src="x.jpg">', False), ("<IFRAME src=y></IFRAME>", False),
])
def test_is_empty_html(html: str, empty: bool) -> None:
    assert is_empty_html(html) is empty
