"""Cleaning Blogger's post HTML into a tidy tree before it is converted to Markdown.

Quirks of Blogger bodies handled here:
- With "convert line breaks" on, paragraphs are text separated by ``<br /><br />`` runs, not
  ``<p>``: runs of two or more ``<br>`` split a container's inline content into paragraphs.
- ``<div dir="ltr" trbidi="on">`` wrappers and ``<div>`` soup from the compose editor; empty
  ``<div><br /></div>`` spacers.
- ``<span style="font-weight: bold;">`` / ``font-style: italic`` instead of ``<b>``/``<i>``; every
  other styled ``<span>`` and ``<font>`` is only presentation and is unwrapped. Runs of inline
  formatting are then reshaped to stay inside blocks (``importer.html.inline``).
- MS Word pastes: ``<o:p>``, ``<w:…>``, conditional comments, ``class="MsoNormal"``, ``<xml>``
  and ``<style>`` blocks.
- ``&nbsp;`` runs used for spacing (a single one between two words is kept).
- Caption tables (``<table class="tr-caption-container">``): the image (still linked to the
  ``s1600`` original) and its caption become two paragraphs.
- The jump break ``<a name="more"></a>`` or ``<!--more-->`` becomes one ``<blogimport-more>``
  element at block level; later duplicates are dropped.
- Hostile nesting: below ``MAX_DEPTH`` levels a subtree is frozen as raw balanced HTML
  (``<blogimport-raw>``) so the recursive converter cannot exhaust the stack.
"""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag
from bs4.element import Comment, NavigableString

from importer.html.fasttag import FastTag
from importer.html.inline import css_flags, reshape_runs, tidy_runs

#: Name of the element that marks the jump break in a cleaned tree.
MORE_TAG = "blogimport-more"
#: Name of the element whose ``data-html`` attribute is raw HTML to emit unchanged.
RAW_TAG = "blogimport-raw"
#: Nesting depth below which a subtree is kept as raw HTML instead of being converted.
MAX_DEPTH = 48

#: Elements that start a new block; they split ``<br><br>`` paragraph groups.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre",
    "section", "table", "ul", "iframe", "object", "embed", MORE_TAG, RAW_TAG,
})
_CONTAINERS = ("body", "div", "blockquote", "li", "td", "th", "center", "section", "article", "dd")
_DROP_TAGS = ("style", "xml", "meta", "link", "title", "head")
_NBSP_RUN = re.compile(r"[ \t\r\n]*\xa0[\xa0 \t\r\n]*")


@dataclass
class CleanResult:
    """A cleaned body: the tree to convert and what cleaning had to give up on."""

    root: Tag
    """The ``<body>`` (or fragment root) holding the cleaned content."""
    has_more: bool
    """True when a jump break was found (a ``<blogimport-more>`` element is in the tree)."""
    frozen: int
    """Number of subtrees kept as raw HTML because they were nested too deeply."""


def parse(html: str) -> Tag:
    """The body of ``html`` parsed with lxml (a fragment gets a ``<body>`` wrapper)."""
    with warnings.catch_warnings():  # a body that is only a link is content, not a file name
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(html, "lxml", element_classes={Tag: FastTag})
    body = soup.body
    if body is None:
        body = soup.new_tag("body")
        soup.append(body)
    return body


def clean(html: str) -> CleanResult:
    """Parse and clean one Blogger body (see the module docstring for what is done)."""
    root = parse(html)
    frozen = _freeze_deep(root)
    _drop_cruft(root)
    has_more = _mark_jump_break(root)
    _convert_spans(root)
    _caption_tables(root)
    _normalize_nbsp(root)
    _unwrap_wrappers(root)
    reshape_runs(root, BLOCK_TAGS)
    for container in [root, *root.find_all(_CONTAINERS)]:
        _paragraphs_from_breaks(container)
    tidy_runs(root)
    _drop_empty_blocks(root)
    return CleanResult(root, has_more, frozen)


def _freeze_deep(root: Tag) -> int:
    """Replace every subtree starting at ``MAX_DEPTH`` by a raw-HTML element; return how many."""
    frozen = 0
    stack: list[tuple[Tag, int]] = [(root, 0)]
    while stack:
        element, depth = stack.pop()
        for child in list(element.children):
            if not isinstance(child, Tag):
                continue
            if depth + 1 >= MAX_DEPTH and child.find(True) is not None:
                raw = _new(root, RAW_TAG)
                raw["data-html"] = str(child)
                child.replace_with(raw)
                frozen += 1
            else:
                stack.append((child, depth + 1))
    return frozen


def _drop_cruft(root: Tag) -> None:
    """Remove Word cruft, style blocks and comments (except ``<!--more-->``), Word classes."""
    for comment in root.find_all(string=lambda s: isinstance(s, Comment)):
        if comment.strip().lower() == "more":
            comment.replace_with(_new(root, MORE_TAG))
        else:
            comment.extract()
    for tag in root.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in root.find_all(True):
        if ":" in tag.name:  # <o:p>, <w:WordDocument>: Word's namespaced elements
            # extract, not decompose: a later element of the list may sit inside this one
            tag.unwrap() if tag.get_text(strip=True) else tag.extract()
            continue
        classes = tag.get("class")
        if isinstance(classes, list) and any(c.startswith("Mso") for c in classes):
            del tag["class"]


def _new(root: Tag, name: str) -> Tag:
    """A new element of ``name`` in the soup ``root`` belongs to."""
    soup = root
    while soup.parent is not None:
        soup = soup.parent
    assert isinstance(soup, BeautifulSoup)
    return soup.new_tag(name)


def _mark_jump_break(root: Tag) -> bool:
    """Turn ``<a name="more">`` into the marker; keep only the first marker; hoist it to block level."""
    for anchor in root.find_all("a", attrs={"name": "more"}):
        if anchor.get_text(strip=True):
            del anchor["name"]
        else:
            anchor.replace_with(_new(root, MORE_TAG))
    markers = root.find_all(MORE_TAG)
    for extra in markers[1:]:
        extra.decompose()
    if not markers:
        return False
    marker = markers[0]
    # Blogger wraps it in <span>/<b> now and then; move it up to the nearest block container.
    while marker.parent is not None and marker.parent.name not in BLOCK_TAGS and marker.parent is not root:
        parent = marker.parent
        if marker.previous_sibling is None:
            parent.insert_before(marker.extract())
        elif marker.next_sibling is None:
            parent.insert_after(marker.extract())
        else:
            break
    return True


def _convert_spans(root: Tag) -> None:
    """Styled spans to ``<strong>``/``<em>``; other spans and ``<font>`` unwrapped."""
    for tag in root.find_all(["span", "font"]):
        bold, italic = css_flags(str(tag.get("style") or ""))
        if not (bold or italic) or not tag.get_text(strip=True):
            tag.unwrap()
            continue
        tag.name = "strong" if bold else "em"
        tag.attrs = {}
        if bold and italic:
            inner = _new(root, "em")
            for child in list(tag.children):
                inner.append(child.extract())
            tag.append(inner)


def _caption_tables(root: Tag) -> None:
    """Blogger's image-with-caption tables become an image paragraph and a caption paragraph."""
    for table in root.find_all("table", class_="tr-caption-container"):
        link = table.find("a", href=True)
        image = link if isinstance(link, Tag) and link.find("img") is not None else table.find("img")
        caption_cell = table.find("td", class_="tr-caption")
        if image is None:
            continue
        figure = _new(root, "div")
        image_paragraph = _new(root, "p")
        image_paragraph.append(image.extract())
        figure.append(image_paragraph)
        if caption_cell is not None and caption_cell.get_text(strip=True):
            caption = _new(root, "p")
            for child in list(caption_cell.children):
                caption.append(child.extract())
            figure.append(caption)
        table.replace_with(figure)


def _normalize_nbsp(root: Tag) -> None:
    """Spacing runs of ``&nbsp;`` become one space; a lone one between two words stays."""
    for text in root.find_all(string=True):
        if "\xa0" not in text or text.find_parent("pre") is not None:
            continue

        value = str(text)
        spaced = _NBSP_RUN.sub(functools.partial(_nbsp_run, length=len(value)), value)
        text.replace_with(NavigableString(spaced))


def _nbsp_run(match: re.Match[str], length: int) -> str:
    """A lone ``&nbsp;`` inside text stays (``10&nbsp;km``); runs and edges become a space."""
    inside = match.start() > 0 and match.end() < length
    return "\xa0" if match.group(0) == "\xa0" and inside else " "


def _unwrap_wrappers(root: Tag) -> None:
    """Unwrap ``<div dir="ltr" trbidi="on">`` and attribute-free ``<div>`` holding just one block."""
    for div in root.find_all("div"):
        if div.get("trbidi") is not None:
            div.unwrap()
            continue
        children = [c for c in div.children if not (isinstance(c, NavigableString) and not c.strip())]
        if len(children) == 1 and isinstance(children[0], Tag) and children[0].name in BLOCK_TAGS:
            div.unwrap()


def _is_br(node: object) -> bool:
    return isinstance(node, Tag) and node.name == "br"


def _is_blank(node: object) -> bool:
    return isinstance(node, NavigableString) and not isinstance(node, Comment) and not node.strip()


def _paragraphs_from_breaks(container: Tag) -> None:
    """Split a container's inline runs at ``<br><br>`` runs and block children into ``<p>``s."""
    children = list(container.children)
    if not any(_is_br(c) for c in children) or container.name in ("p", "pre"):
        return
    has_double = _has_break_run(children)
    has_block = any(isinstance(c, Tag) and c.name in BLOCK_TAGS for c in children)
    if not (has_double or (has_block and container.name in ("body", "div", "blockquote"))):
        return
    groups: list[list[object]] = [[]]
    index = 0
    while index < len(children):
        child = children[index]
        if _is_br(child):
            end = index
            while end + 1 < len(children) and (_is_br(children[end + 1]) or _is_blank(children[end + 1])):
                end += 1
            if sum(_is_br(c) for c in children[index:end + 1]) >= 2:
                groups.append([])
                index = end + 1
                continue
        if isinstance(child, Tag) and child.name in BLOCK_TAGS:
            groups.append([child])
            groups.append([])
        else:
            groups[-1].append(child)
        index += 1
    for child in children:
        child.extract()
    for group in groups:
        _append_group(container, group)


def _has_break_run(children: Sequence[object]) -> bool:
    previous_br = False
    for child in children:
        if _is_br(child):
            if previous_br:
                return True
            previous_br = True
        elif not _is_blank(child):
            previous_br = False
    return False


def _append_group(container: Tag, group: list[object]) -> None:
    """Append one paragraph group: a lone block as is, inline content wrapped in ``<p>``."""
    while group and (_is_br(group[-1]) or _is_blank(group[-1])):
        group.pop()
    while group and (_is_br(group[0]) or _is_blank(group[0])):
        group.pop(0)
    if not group:
        return
    if len(group) == 1 and isinstance(group[0], Tag) and group[0].name in BLOCK_TAGS:
        container.append(group[0])
        return
    paragraph = _new(container, "p")
    for node in group:
        assert isinstance(node, (Tag, NavigableString))
        paragraph.append(node)
    container.append(paragraph)


def _drop_empty_blocks(root: Tag) -> None:
    """Remove paragraphs and divs with no text, image, embed or marker left in them."""
    keep = ["img", "iframe", "object", "embed", "video", "hr", "table", MORE_TAG, RAW_TAG]
    for tag in reversed(root.find_all(["p", "div"])):
        if not tag.get_text(strip=True) and tag.find(keep) is None:
            tag.decompose()
