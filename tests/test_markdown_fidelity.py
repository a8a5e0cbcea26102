"""Fidelity: every converted fixture body, rendered back with markdown-it-py, says what the source said.

The visible text must be identical (laid out as a browser does: words broken only by spaces, blocks
and ``<br>``), every visible character bold and italic exactly where the source has it, and the
counts of links, images, headings, list items, tables, code blocks and embeds equal. Caption
tables are layout, not data: the source count leaves them out (cleanup turns them into image +
caption paragraphs). Elements that show nothing (a link with no text or image, an empty heading,
``<pre>`` or list item) are left out by the converter and reported in ``ConvertedBody.dropped``;
the test finds them in the source by itself and expects exactly those to be missing.
"""

from __future__ import annotations

import difflib
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURES
from markdown_it import MarkdownIt
from visible import counts, empty_elements, soup, styled_chars, visible_text

from importer.html.markdown import ConvertedBody, html_to_markdown

BODIES = sorted((FIXTURES / "html-bodies").glob("*.html"))
_RENDERER = MarkdownIt("commonmark", {"html": True}).enable("table")
_DROPPED_KIND = {"a": "links", "pre": "code blocks", "li": "list items",
                 **{f"h{n}": "headings" for n in range(1, 7)}}


def _rendered(path: Path) -> tuple[BeautifulSoup, BeautifulSoup, ConvertedBody]:
    source = path.read_text(encoding="utf-8")
    converted = html_to_markdown(source)
    return soup(source), soup(_RENDERER.render(converted.markdown)), converted


def _embeds(root: BeautifulSoup) -> int:
    return len(root.find_all("iframe")) + len(root.find_all("object"))


def test_fixture_set_is_big_enough() -> None:
    assert len(BODIES) >= 20


@pytest.mark.parametrize("path", BODIES, ids=[p.stem for p in BODIES])
def test_visible_text_identical(path: Path) -> None:
    source, rendered, _ = _rendered(path)
    expected, got = visible_text(source), visible_text(rendered)
    ratio = difflib.SequenceMatcher(a=expected, b=got, autojunk=False).ratio()
    assert got == expected, f"text ratio {ratio:.3f}"


@pytest.mark.parametrize("path", BODIES, ids=[p.stem for p in BODIES])
def test_emphasis_on_the_same_characters(path: Path) -> None:
    source, rendered, converted = _rendered(path)
    assert styled_chars(rendered) == styled_chars(source), converted.markdown


@pytest.mark.parametrize("path", BODIES, ids=[p.stem for p in BODIES])
def test_structure_counts_equal(path: Path) -> None:
    source_html = path.read_text(encoding="utf-8")
    source, rendered, converted = _rendered(path)
    empty = empty_elements(soup(source_html))
    dropped = Counter(_DROPPED_KIND[name] for name in converted.dropped)
    assert dropped == Counter({k: v for k, v in empty.items() if v}), "dropped != empty in the source"
    expected = {key: value - empty.get(key, 0) for key, value in counts(source).items()}
    expected["embeds"] = _embeds(source)
    if source.find("object") is not None:
        expected["embeds"] = len(source.find_all("object"))  # an <object> becomes one iframe
    assert {**counts(rendered), "embeds": _embeds(rendered)} == expected
