"""The blog's own URLs are recognised on every host form and mapped to their posts."""

from __future__ import annotations

import pytest
from web_blog import G1, P1, P4, fixture_archive

from importer.blog_urls import blog_urls, blogspot_name, label_path

BLOG = blog_urls(fixture_archive(), extra_hosts=["www.sosmedia.fi"])


@pytest.mark.parametrize(("url", "post_id", "fragment"), [
    ("http://sosmedia-ja-muuta.blogspot.com/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html", P1, ""),
    ("https://sosmedia-ja-muuta.blogspot.com/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html", P1, ""),
    ("https://sosmedia-ja-muuta.blogspot.fi/2010/03/blog-post.html?m=1", P4, ""),
    ("http://sosmedia-ja-muuta.blogspot.co.uk/2010/03/blog-post.html?m=0", P4, ""),
    ("//sosmedia-ja-muuta.blogspot.com.au/2010/03/blog-post.html", P4, ""),
    ("HTTP://Sosmedia-Ja-Muuta.BLOGSPOT.com:80/p/tietoa-minusta.html#yhteystiedot", G1, "yhteystiedot"),
    ("http://sosmedia.fi/p/tietoa-minusta.html", G1, ""),
    ("https://www.sosmedia.fi/2010/03/blog-post.html?showComment=1#c9", P4, "c9"),
    ("http://sosmedia-ja-muuta.blogspot.com/2010/03/blog%2Dpost.html", P4, ""),
], ids=["http", "https", "fi-mobile", "co-uk", "scheme-relative", "case-port-fragment", "custom",
        "custom-www-comment", "encoded"])
def test_own_urls_resolve(url: str, post_id: str, fragment: str) -> None:
    found = BLOG.resolve(url)
    assert found is not None
    post, own = found
    assert post.id == post_id and own.fragment == fragment


@pytest.mark.parametrize("url", [
    "http://other.blogspot.com/2010/03/blog-post.html",
    "http://sosmedia-ja-muuta.blogspot.com.evil.example/2010/03/blog-post.html",
    "https://1.bp.blogspot.com/-x/y/s320/a.jpg",
    "/2010/03/blog-post.html",
    "mailto:pirjo@example.invalid",
    "http://[broken",
])
def test_foreign_urls_are_not_ours(url: str) -> None:
    assert BLOG.resolve(url) is None


def test_unknown_post_paths_and_labels_are_told_apart() -> None:
    gone = BLOG.parse("http://sosmedia-ja-muuta.blogspot.com/2009/01/poistettu.html")
    assert gone is not None and gone.is_post_path and BLOG.resolve(gone.path) is None
    label = BLOG.parse("https://sosmedia-ja-muuta.blogspot.com/search/label/sosiaalinen%20media?m=1")
    assert label is not None and label.label == "sosiaalinen media" and not label.is_post_path
    assert label_path("sosiaalinen media") == "/search/label/sosiaalinen%20media"


def test_blogspot_names() -> None:
    assert blogspot_name("www.Name-1.blogspot.de") == "name-1"
    assert blogspot_name("example.com") is None
