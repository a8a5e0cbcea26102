"""The shared URL scanner: which attributes it finds and that rewriting touches nothing else."""

from __future__ import annotations

import pytest

from importer.html.urls import iter_urls, rewrite_urls


@pytest.mark.parametrize(("body", "expected"), [
    ('<a href="http://x/1.html">x</a>', [("a", "href", "http://x/1.html")]),
    ("<A HREF='http://x/2.html'>x</A>", [("a", "href", "http://x/2.html")]),
    ("<a href=http://x/3.html>x</a>", [("a", "href", "http://x/3.html")]),
    ('<img src="a.jpg?x=1&amp;y=2" />', [("img", "src", "a.jpg?x=1&y=2")]),
    ('<a\n  class="c"\n  href=" http://x/4.html ">x</a>', [("a", "href", "http://x/4.html")]),
    ('<abbr title="http://x">t</abbr><area href="m.html">', [("area", "href", "m.html")]),
    ('<iframe src="https://www.youtube.com/embed/x"></iframe>', []),
    ('<img alt="no source">', []),
    ("plain text, no tags", []),
])
def test_iter_urls(body: str, expected: list[tuple[str, str, str]]) -> None:
    assert list(iter_urls(body)) == expected


def test_rewrite_keeps_the_rest_byte_for_byte() -> None:
    body = "<p style='x'>a <A class=k HREF='http://old/1.html'>b</A> <img src=i.jpg> &nbsp;</p>"
    out = rewrite_urls(body, lambda tag, attr, url: "/new/" if tag == "a" else None)
    assert out == "<p style='x'>a <A class=k HREF=\"/new/\">b</A> <img src=i.jpg> &nbsp;</p>"


def test_rewrite_escapes_the_new_value() -> None:
    out = rewrite_urls('<a href="x">y</a>', lambda tag, attr, url: '/a?b=1&c="2"')
    assert out == '<a href="/a?b=1&amp;c=&quot;2&quot;">y</a>'
