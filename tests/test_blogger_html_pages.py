"""blogger-html on single pages, hand-made folders, the real corpus page and the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BLOG_FI, FIXTURES

from importer.cli import main
from importer.diagnostics import Diagnostics
from importer.errors import InputError
from importer.options import ReadOptions
from importer.readers import read
from importer.readers.blogger_html.source import decode_page, undo_double_encoding, unwrap_url
from importer.readers.detect import detect_format

MISC = FIXTURES / "pages-misc"
SITE = BLOG_FI / "pages-layouts" / "sosmedia-ja-muuta.blogspot.com"
ORKUT = "2010/06/orkut-projekti-ja-sosmediamarkkinointi.html"


def test_corpus_page_converts_with_date_labels_and_comments(corpus: Path) -> None:
    archive = read(corpus / "html" / "en_dscpl_2010-06_simple-template_post.html")
    (post,) = archive.posts
    assert post.title == "The mod_python project is now officially dead."
    assert post.published.isoformat() == "2010-06-17T22:53:00+10:00"
    assert post.labels == ("apache", "mod_python", "mod_wsgi", "python")
    assert post.author is not None and post.author.name == "Graham Dumpleton"
    assert [c.author.name for c in post.comments] == ["Graham Dumpleton", "Graham Dumpleton", "Alan Kennedy"]
    assert post.comments[0].published.isoformat() == "2010-06-18T09:09:33.757000+10:00"
    assert archive.blog.url == "http://blog.dscpl.com.au/" and archive.blog.locale == "en"


def _mirror(tmp_path: Path, *names: str) -> Path:
    for name in names:
        target = tmp_path / "mirror" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SITE / name, target)
    return tmp_path / "mirror"


def test_permalink_and_two_listings_give_one_post_with_the_full_body(tmp_path: Path) -> None:
    mirror = _mirror(tmp_path, "index.html", "search/label/Orkut", ORKUT)
    archive = read(mirror, options=ReadOptions(timezone="Europe/Helsinki"))
    orkut = [p for p in archive.posts if p.id == "7000000000000000001"]
    assert len(orkut) == 1
    assert "Hyvää kesää!" in orkut[0].content_html and "Lue lisää" not in orkut[0].content_html
    assert "truncated" not in orkut[0].extra and len(orkut[0].comments) == 2


def test_post_known_only_from_listings_is_kept_and_flagged_truncated(tmp_path: Path) -> None:
    mirror = _mirror(tmp_path, "index.html", "search/label/Orkut")
    diagnostics = Diagnostics()
    archive = read(mirror, options=ReadOptions(timezone="Europe/Helsinki"), diagnostics=diagnostics)
    orkut = next(p for p in archive.posts if p.id == "7000000000000000001")
    assert orkut.extra["truncated"] == "true"
    assert "Hyvää kesää!" not in orkut.content_html and "Lue lisää" not in orkut.content_html
    assert orkut.published.isoformat() == "2010-06-10T14:35:00+03:00"
    assert [d.entry for d in diagnostics if d.code == "post-truncated"] == ["7000000000000000001"]
    # The index shows P2 under P1's date header only: it still gets its own footer time.
    p2 = next(p for p in archive.posts if p.id == "7000000000000000002")
    assert p2.published.isoformat() == "2010-06-10T09:05:00+03:00" and "truncated" not in p2.extra


def test_cli_converts_a_mirror_without_from(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["convert", str(BLOG_FI / "pages-layouts"), "--to", "json",
                                       "-o", str(out), "--timezone", "Europe/Helsinki"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Orkut – projekti ja sosmediamarkkinointi" in text and "Kiitos, Ilkka!" in text
    assert json.loads(text)


def test_detection_of_saved_pages(tmp_path: Path) -> None:
    assert detect_format(BLOG_FI / "pages-classic") == "blogger-html"
    assert detect_format(SITE / ORKUT) == "blogger-html"
    with pytest.raises(InputError, match="an HTML page, not a Blogger export or saved Blogger page"):
        detect_format(MISC / "not-blogger" / "export.xml")
    shutil.copy(MISC / "not-blogger" / "export.xml", tmp_path / "error.html")
    with pytest.raises(InputError, match="not saved Blogger pages"):
        detect_format(tmp_path)


def test_forced_reader_refuses_a_page_that_is_not_blogger() -> None:
    with pytest.raises(InputError, match=r"export\.xml: an HTML page, not a Blogger"):
        read(MISC / "not-blogger" / "export.xml", format="blogger-html")


def test_mojibake_page_is_repaired_and_reported() -> None:
    diagnostics = Diagnostics()
    (post,) = read(MISC / "mojibake.html", options=ReadOptions(timezone="Europe/Helsinki"),
                   diagnostics=diagnostics).posts
    assert "Kevät tulee!" in post.content_html and post.author and post.author.name == "Pirjo Esimerkki"
    assert post.published.isoformat() == "2010-03-28T10:15:00+03:00"
    assert "encoding-repaired" in diagnostics.codes()


@pytest.mark.parametrize(("name", "code"), [("unknown-layout.html", "page-layout-unknown"),
                                            ("dynamic-views.html", "page-dynamic-views")])
def test_pages_without_readable_posts_are_reported_not_guessed(name: str, code: str) -> None:
    diagnostics = Diagnostics()
    assert read(MISC / name, diagnostics=diagnostics).posts == ()
    assert code in diagnostics.codes()


def test_mobile_index_gives_truncated_posts_dated_to_the_day() -> None:
    archive = read(MISC / "mobile-index.html?m=1", options=ReadOptions(timezone="Europe/Helsinki"))
    urls = sorted(p.url or "" for p in archive.posts)
    assert urls == ["http://sosmedia-ja-muuta.blogspot.com/2010/06/kesakuun-kuulumiset-ensimmaiset.html",
                    "http://sosmedia-ja-muuta.blogspot.com/" + ORKUT]
    for post in archive.posts:
        assert post.extra["truncated"] == "true" and post.extra["published_precision"] == "day"
        assert post.published.date().isoformat() == "2010-06-10"


def test_theme_2017_page_reads_time_datetime_and_threaded_comments() -> None:
    (post,) = read(MISC / "theme-2017.html").posts
    assert post.id == "7000000000000000003" and post.title == ""
    assert post.published.isoformat() == "2010-05-20T21:47:00+03:00"
    (comment,) = post.comments
    assert comment.author.name == "Anonyymi" and comment.author.anonymous
    assert comment.published.isoformat() == "2010-05-21T07:30:00+03:00"


def test_declared_latin1_is_read_as_windows_1252() -> None:
    data = "<html><head><meta charset='iso-8859-1'></head><body>Lue lisää \u2013 nyt</body></html>"
    page = decode_page(data.encode("cp1252"), Path("x.html"), Diagnostics())
    assert "Lue lisää \u2013 nyt" in page.text and page.encoding == "cp1252"


def test_double_encoding_is_undone_run_by_run() -> None:
    assert undo_double_encoding("kesÃ¤kuuta â€“ Ã¶") == "kesäkuuta – ö"
    assert undo_double_encoding("Ãx stays") == "Ãx stays"


@pytest.mark.parametrize(("wrapped", "plain"), [
    ("https://web.archive.org/web/20100615083012/http://x.blogspot.com/a.html", "http://x.blogspot.com/a.html"),
    ("//web.archive.org/web/20100615083012im_/https://1.bp.blogspot.com/s320/a.jpg",
     "https://1.bp.blogspot.com/s320/a.jpg"),
    ("http://x.blogspot.com/b.html", "http://x.blogspot.com/b.html"),
])
def test_unwrap_url(wrapped: str, plain: str) -> None:
    assert unwrap_url(wrapped) == plain


def test_deeply_nested_page_does_not_crash(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<html><head><meta content='blogger' name='generator'/></head><body>"
                    + "<div>" * 50_000 + "x" + "</div>" * 50_000 + "</body></html>", encoding="utf-8")
    diagnostics = Diagnostics()
    assert read(page, diagnostics=diagnostics).posts == ()
    assert "page-layout-unknown" in diagnostics.codes()


def test_unparseable_urls_in_a_page_are_ignored_not_a_crash(tmp_path: Path) -> None:
    """``http://[x/`` makes urlsplit raise ValueError: the page still converts, without that URL."""
    page = tmp_path / "orkut.html"
    page.write_text((SITE / ORKUT).read_text(encoding="utf-8").replace(
        "http://sosmedia-ja-muuta.blogspot.com/", "http://[sosmedia/"), encoding="utf-8")
    archive = read(page)
    assert [p.title for p in archive.posts] == ["Orkut – projekti ja sosmediamarkkinointi"]
    assert archive.posts[0].url is None and archive.blog.url is None
