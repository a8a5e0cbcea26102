"""The body tree parses and writes HTML as BeautifulSoup did, so raw HTML kept in Markdown is unchanged.

Tables, embeds and deep subtrees are written back as HTML (``str(element)``); before the converter
had its own tree they were BeautifulSoup's output, and users' pages hold that. Each case is
parsed by both and must give the same ``<body>``.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from importer.html.tree import HIDDEN, TEXT, Text
from importer.html.treebuild import parse_body

CASES = {
    "attributes-sorted-quoted": '<iframe src="a&amp;b" allowfullscreen title=\'x"y\' class=" a  b ">',
    "both-quotes": "<p title=\"a'b&quot;c\">x</p>",
    "void-elements": '<p>a<br>b<img alt="<>" src=x><hr></p>',
    "whitespace-only-text": "<div>\n\n<p>a</p>  <p>b</p>\n</div> <i>  </i>",
    "pre-keeps-spaces": "<pre>  \n  </pre><pre>\nx</pre><textarea>  </textarea>",
    "script-and-style-raw": "<p>a<script>if (a < b && c) x()</script><style>p > a {}</style></p>",
    "comments-and-php": "<p>x</p><!-- c --><?php echo 1 ?><p>y</p>",
    "word-namespaces": "<o:p>x</o:p><w:Word a=1>y</w:Word>",
    "list-attributes": "<table><tr><td headers=' a b '>x</td></tr></table><a rel=' n  f '>l</a>",
    "entities": "a &foo; &amp; &#1234; &lt;b&gt; b",
    "head-content": "<title>t</title><style>a</style>b",
    "whole-document": "<!DOCTYPE html><html> <head><title>t</title></head> <body> <p>x</p> </body></html>",
    "odd-attribute-name": '<p title="t\\"x">y</p>',
    "unclosed": "<ul><li>a<li>b<table><tr><td>c</ul><p>d",
    "empty": "",
}


@pytest.mark.parametrize("html", CASES.values(), ids=CASES.keys())
def test_body_is_written_as_beautifulsoup_writes_it(html: str) -> None:
    body = BeautifulSoup(html, "lxml").body
    expected = str(body) if body is not None else "<body></body>"
    assert str(parse_body(html)[0]) == expected


def test_script_text_is_not_visible_text() -> None:
    body = parse_body("<p>a<script>b</script><template><i>c</i></template>d</p>")[0]
    kinds = [(n.value, n.kind) for n in body.descendants if isinstance(n, Text)]
    assert kinds == [("a", TEXT), ("b", HIDDEN), ("c", HIDDEN), ("d", TEXT)]
    assert body.get_text() == "ad"


def test_nesting_deeper_than_libxml2_keeps_in_a_tree_is_parsed_whole() -> None:
    # libxml2 drops what lies below about 2,000 levels in a tree it builds; the event parse does not
    html = "<div>" * 2500 + "syvä" + "</div>" * 2500 + "<p>pinta</p>"
    body, index = parse_body(html)
    assert index.depth == 2500
    assert body.get_text() == "syväpinta"
