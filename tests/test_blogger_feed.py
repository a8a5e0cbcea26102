"""Public Blogger feed reader: published posts only, with a feed-incomplete warning."""

from __future__ import annotations

from pathlib import Path

from importer.diagnostics import Diagnostics
from importer.readers import read

FEED = """<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/'
      xmlns:blogger='http://schemas.google.com/blogger/2008' xmlns:georss='http://www.georss.org/georss'
      xmlns:gd='http://schemas.google.com/g/2005' xmlns:thr='http://purl.org/syndication/thread/1.0'>
  <id>tag:blogger.com,1999:blog-1234567890123456789</id>
  <updated>2010-06-13T09:00:00.000+03:00</updated>
  <title type='text'>Sosmedia ja muuta</title>
  <subtitle type='html'>Ajatuksia markkinoinnista.</subtitle>
  <link rel='alternate' type='text/html' href='http://sosmedia-ja-muuta.blogspot.com/'/>
  <openSearch:totalResults>{total}</openSearch:totalResults>
  <entry>
    <id>tag:blogger.com,1999:blog-1234567890123456789.post-7000000000000000001</id>
    <published>2010-06-10T14:35:00.000+03:00</published>
    <updated>2010-06-11T08:00:00.000+03:00</updated>
    <category scheme='http://www.blogger.com/atom/ns#' term='Orkut'/>
    <title type='text'>Orkut – projekti</title>
    <content type='html'>Koko teksti.</content>
    <link rel='alternate' type='text/html' href='http://sosmedia-ja-muuta.blogspot.com/2010/06/orkut.html'/>
    <author><name>Pirjo Esimerkki</name></author>
    <thr:total>2</thr:total>
  </entry>
  <entry>
    <id>tag:blogger.com,1999:blog-1234567890123456789.post-7000000000000000002</id>
    <published>2010-06-10T09:05:00.000+03:00</published>
    <title type='text'>Lyhennetty</title>
    <summary type='text'>Vain alku...</summary>
    <link rel='alternate' type='text/html' href='http://sosmedia-ja-muuta.blogspot.com/2010/06/lyhyt.html'/>
  </entry>
</feed>
"""


def _read(tmp_path: Path, total: int) -> tuple[object, Diagnostics]:
    path = tmp_path / "default"
    path.write_text(FEED.format(total=total), encoding="utf-8")
    diagnostics = Diagnostics()
    return read(path, diagnostics=diagnostics), diagnostics


def test_public_feed_gives_published_posts_and_one_warning(tmp_path: Path) -> None:
    archive, diagnostics = _read(tmp_path, 2)
    assert archive.source_format == "blogger-feed"
    assert archive.blog.title == "Sosmedia ja muuta" and archive.blog.id == "1234567890123456789"
    assert archive.blog.description == "Ajatuksia markkinoinnista."
    full, cut = archive.posts
    assert (full.status, full.slug, full.labels, full.content_html) == (
        "published", "orkut", ("Orkut",), "Koko teksti.")
    assert cut.content_html == "Vain alku..." and cut.extra == {"truncated": "true"}
    assert diagnostics.codes() == ["feed-incomplete"]
    assert "of the blog's" not in next(iter(diagnostics)).message


def test_public_feed_says_when_it_holds_only_part_of_the_blog(tmp_path: Path) -> None:
    _, diagnostics = _read(tmp_path, 120)
    (warning,) = list(diagnostics)
    assert "lists 2 of the blog's 120 entries" in warning.message


def test_unparseable_link_in_feed_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "default"
    path.write_text(FEED.format(total=2).replace("http://sosmedia-ja-muuta.blogspot.com/2010/06/lyhyt",
                                                 "http://[sosmedia/2010/06/lyhyt"), encoding="utf-8")
    archive = read(path)
    cut = archive.posts[1]
    assert cut.url is None and cut.extra == {"url_invalid": "http://[sosmedia/2010/06/lyhyt.html",
                                             "truncated": "true"}
