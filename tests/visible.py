"""What a reader sees of an HTML body: text as a browser lays it out, and which of it is emphasized.

Shared by the fidelity tests (markdown-it rendering, and pages built by real generators). Written
from the HTML standard's rendering, not from the converter: inline elements do not break words,
blocks and ``<br>`` do; ``<b>``/``<strong>``/``font-weight`` 600+ is bold, ``<i>``/``<em>``/
``font-style: italic`` is italic (Word's ``mso-bidi-font-weight`` is not: it is not ``font-weight``).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag
from bs4.element import Comment, NavigableString

NOT_CONTENT = ("script", "style", "xml", "noscript", "template", "head", "title")
#: Elements whose inner text a browser does not show (a player or frame shows its own page).
EMBEDS = ("iframe", "object", "embed", "video", "audio")
BREAKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol",
    "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
#: Hugo's, kramdown's and SmartyPants' typographic replacements, folded back to what was typed.
TYPOGRAPHY = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "--",
              "\u2014": "---", "\u2026": "...", "\u00ab": "<<", "\u00bb": ">>"}


def soup(html: str) -> BeautifulSoup:
    """``html`` parsed (lxml) with scripts, styles and comments removed."""
    parsed = BeautifulSoup(html, "lxml")
    for tag in parsed.find_all(NOT_CONTENT):
        tag.decompose()
    for comment in parsed.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    return parsed


def visible_text(root: Tag) -> str:
    """The text a browser shows, whitespace runs folded to one space (``root`` is not changed)."""
    copy = BeautifulSoup(str(root), "lxml")
    for embed in copy.find_all(EMBEDS):
        embed.clear()
    for block in copy.find_all(list(BREAKS)):
        block.insert_before("\n")
        block.insert_after("\n")
    return " ".join(copy.get_text().split())


def fold_typography(text: str) -> str:
    """``text`` with curly quotes, dashes and ellipses written back as typed."""
    return "".join(TYPOGRAPHY.get(c, c) for c in text)


def _flags(node: NavigableString) -> tuple[bool, bool]:
    bold = italic = False
    for parent in node.parents:
        style = str(parent.get("style") or "") if isinstance(parent, Tag) else ""
        declared = dict((k.strip().lower(), v.strip().lower()) for k, _, v in
                        (d.partition(":") for d in style.split(";")) if _)
        weight = declared.get("font-weight", "")
        bold = bold or parent.name in ("b", "strong") or weight in ("bold", "bolder") or (
            weight.isdigit() and int(weight) >= 600)
        italic = italic or parent.name in ("i", "em") or declared.get("font-style") in ("italic", "oblique")
    return bold, italic


def styled_chars(root: Tag) -> list[tuple[str, bool, bool]]:
    """Every visible non-space character with whether it is bold and whether it is italic."""
    chars: list[tuple[str, bool, bool]] = []
    for node in root.find_all(string=True):
        if isinstance(node, Comment) or not node.strip() or node.find_parent(EMBEDS) is not None:
            continue
        bold, italic = _flags(node)
        chars += [(c, bold, italic) for c in str(node) if not c.isspace()]
    return chars


def counts(root: Tag) -> dict[str, int]:
    """Structure a reader can see: links, images, embeds, tables, list items, headings, code blocks."""
    tables = [t for t in root.find_all("table") if "tr-caption-container" not in (t.get("class") or [])]
    return {
        "links": len(root.find_all("a", href=True)),
        "images": len(root.find_all("img")),
        "headings": len(root.find_all(HEADINGS)),
        "list items": len(root.find_all("li")),
        "tables": len(tables),
        "code blocks": len(root.find_all("pre")) + len(_multiline_code(root)),
    }


def _multiline_code(root: Tag) -> list[Tag]:
    """``<code>`` holding line breaks outside ``<pre>``: a block of code as a reader sees it (and
    as a fenced block after conversion), e.g. WordPress's ``<code>.post-title {<br />...}</code>``."""
    return [code for code in root.find_all("code")
            if code.find("br") is not None and code.find_parent("pre") is None]


def empty_elements(root: Tag) -> dict[str, int]:
    """Elements that show nothing (no text, no image): links, headings, code blocks, list items."""
    def empty(tag: Tag) -> bool:
        return not tag.get_text(strip=True) and tag.find(["img", "iframe", "object"]) is None

    return {
        "links": sum(empty(a) for a in root.find_all("a", href=True)),
        "headings": sum(empty(h) for h in root.find_all(HEADINGS)),
        "code blocks": sum(empty(p) for p in root.find_all("pre")),
        "list items": sum(empty(li) for li in root.find_all("li")),
    }


LITERAL_MARKERS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)|#+")


def literal_markers(text: str) -> list[str]:
    """Runs of ``*``, ``_`` (at a word edge) and ``#`` in ``text``: Markdown syntax shown as text."""
    return LITERAL_MARKERS.findall(text)
