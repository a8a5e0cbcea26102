"""Fidelity: every converted fixture body, rendered back with markdown-it-py, says what the source said.

Visible text must be identical token for token (ratio 1.0) and the counts of links, images,
headings, list items, emphasis, tables, code blocks and embeds equal. Caption tables are layout,
not data: the source count leaves them out (cleanup turns them into image + caption paragraphs).
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURES
from markdown_it import MarkdownIt

from importer.html.markdown import html_to_markdown

BODIES = sorted((FIXTURES / "html-bodies").glob("*.html"))
_RENDERER = MarkdownIt("commonmark", {"html": True}).enable("table")


def _soup(html: str) -> BeautifulSoup:
    soup = BeautifulSoup(html, "lxml")
    for tag in soup.find_all(["script", "style", "xml"]):
        tag.decompose()
    return soup


def _tokens(soup: BeautifulSoup) -> list[str]:
    return soup.get_text(" ").split()


def _emphasis(soup: BeautifulSoup) -> int:
    count = 0
    for tag in soup.find_all(["b", "strong", "i", "em", "span"]):
        style = str(tag.get("style") or "").replace(" ", "")
        if tag.name == "span":
            count += ("font-weight:bold" in style or "font-weight:700" in style) + ("italic" in style)
        elif tag.get_text(strip=True):
            count += 1
    return count


def _counts(soup: BeautifulSoup) -> dict[str, int]:
    tables = [t for t in soup.find_all("table") if "tr-caption-container" not in (t.get("class") or [])]
    return {
        "links": len(soup.find_all("a", href=True)),
        "images": len(soup.find_all("img")),
        "headings": len(soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])),
        "list items": len(soup.find_all("li")),
        "emphasis": _emphasis(soup),
        "tables": len(tables),
        "code blocks": len(soup.find_all("pre")),
        "embeds": len(soup.find_all("iframe")) + len(soup.find_all("object")),
    }


def _rendered(path: Path) -> tuple[BeautifulSoup, BeautifulSoup]:
    source = path.read_text(encoding="utf-8")
    markdown = html_to_markdown(source).markdown
    return _soup(source), _soup(_RENDERER.render(markdown))


def test_fixture_set_is_big_enough() -> None:
    assert len(BODIES) >= 20


@pytest.mark.parametrize("path", BODIES, ids=[p.stem for p in BODIES])
def test_visible_text_identical(path: Path) -> None:
    source, rendered = _rendered(path)
    ratio = difflib.SequenceMatcher(a=_tokens(source), b=_tokens(rendered), autojunk=False).ratio()
    assert _tokens(rendered) == _tokens(source), f"token ratio {ratio:.3f}"


@pytest.mark.parametrize("path", BODIES, ids=[p.stem for p in BODIES])
def test_structure_counts_equal(path: Path) -> None:
    source, rendered = _rendered(path)
    expected = _counts(source)
    if expected["embeds"] and source.find("object") is not None:
        expected["embeds"] = len(source.find_all("object"))  # an <object> becomes one iframe
    assert _counts(rendered) == expected
