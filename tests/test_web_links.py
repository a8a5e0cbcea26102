"""Links between the fixture blog's posts are rewritten in every output; none stays on the old host."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_blog import P2, P3, P5, fixture_archive, plan_of, web_with_plan

from importer.blog_urls import blog_urls
from importer.diagnostics import Diagnostics
from importer.html.urls import rewrite_urls
from importer.model import Archive
from importer.pipeline import convert
from importer.web import WebOptions
from importer.web.links import rewrite_links
from importer.writers import get_writer

FLAVORS = ["hugo", "jekyll", "pelican", "zola", "markdown", "wxr"]
OLD = "sosmedia-ja-muuta.blogspot.com"


@pytest.mark.parametrize("flavor", FLAVORS)
def test_links_between_posts_point_at_the_new_urls(flavor: str) -> None:
    archive = fixture_archive()
    spec = get_writer(flavor)
    options = spec.make_options()
    site = plan_of(archive, spec, options)
    result = web_with_plan(archive, spec, options, WebOptions(), Diagnostics(), output="out")
    posts = {p.id: p for p in result.archive.posts}
    by_path = {p.url.split(".com", 1)[1]: p.id for p in archive.posts if p.url}
    assert f'href="{site.posts[by_path["/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html"]]}"' \
        in posts[P2].content_html
    assert f'href="{site.posts[by_path["/2010/03/blog-post.html"]]}"' in posts[P3].content_html
    assert f'href="{site.posts[by_path["/p/tietoa-minusta.html"]]}#yhteystiedot"' in posts[P5].content_html
    assert result.report.links_rewritten == 3 and result.report.leftover_links == []


@pytest.mark.parametrize("flavor", FLAVORS)
def test_written_output_has_no_link_to_the_old_host(flavor: str, tmp_path: Path) -> None:
    from conftest import BLOG_FI

    out = tmp_path / ("out.xml" if flavor == "wxr" else "site")
    convert(BLOG_FI / "legacy.xml", out, to=flavor)
    files = [out] if out.is_file() else [p for p in out.rglob("*") if p.is_file()]
    for path in files:
        text = path.read_text(encoding="utf-8")
        for marker in (f"{OLD}/2010/", f"{OLD}/p/"):
            leftovers = [line for line in text.splitlines() if marker in line and "href" in line]
            assert not leftovers, (path, leftovers)


def test_unresolved_links_are_kept_and_reported() -> None:
    archive = fixture_archive()
    gone = 'Katso <a href="http://www.sosmedia-ja-muuta.blogspot.fi/2009/01/poistettu.html">vanha</a>'
    posts = tuple(p if p.id != P2 else _with_body(p, gone) for p in archive.posts)
    spec = get_writer("hugo")
    diagnostics = Diagnostics()
    result = web_with_plan(Archive(archive.blog, posts), spec, spec.make_options(), WebOptions(), diagnostics)
    body = next(p for p in result.archive.posts if p.id == P2).content_html
    assert body == gone
    assert diagnostics.codes().count("link-unresolved") == 1


def test_only_url_attributes_change() -> None:
    blog = blog_urls(fixture_archive())
    site = plan_of(fixture_archive(), get_writer("hugo"), get_writer("hugo").make_options())
    body = ("<p class='x'>Teksti http://sosmedia-ja-muuta.blogspot.com/p/tietoa-minusta.html</p>"
            "<a title=\"t\" href='https://SOSMEDIA-JA-MUUTA.blogspot.co.uk/2010/01/koodia-merkkeja.html"
            "?showComment=1#c5'>x</a><br />")
    posts = (_with_body(fixture_archive().posts[0], body),)
    new, report = rewrite_links(Archive(fixture_archive().blog, posts), blog, site, Diagnostics())
    assert new.posts[0].content_html == (
        "<p class='x'>Teksti http://sosmedia-ja-muuta.blogspot.com/p/tietoa-minusta.html</p>"
        '<a title="t" href="/posts/koodia-merkkeja/#c5">x</a><br />')
    assert report.rewritten == 1


def test_rewrite_urls_escapes_and_leaves_other_tags() -> None:
    body = '<img src="a.jpg"><a href="x?a=1&amp;b=2">x</a><iframe src="y"></iframe>'
    assert rewrite_urls(body, lambda tag, attr, url: url + "&c") == (
        '<img src="a.jpg&amp;c"><a href="x?a=1&amp;b=2&amp;c">x</a><iframe src="y"></iframe>')


def _with_body(post, body: str):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(post, content_html=body)


def test_cli_convert_writes_redirect_maps_in_the_tree(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from conftest import BLOG_FI

    from importer.cli import main

    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["convert", str(BLOG_FI / "legacy.xml"), "--to", "hugo", "-o", str(out),
                                       "--redirects", "nginx,csv", "--site-url", "https://sosmedia.fi/"])
    assert result.exit_code == 0, result.output
    csv_text = (out / "redirects" / "redirects.csv").read_text(encoding="utf-8")
    assert "/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html?m=1,https://sosmedia.fi/posts/" in csv_text
    assert (out / "redirects" / "nginx-redirects.conf").is_file()
    assert "redirects:" in result.output
