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
from dataclasses import dataclass

from importer.html.inline import RUN_KINDS, css_flags, reshape_runs, tidy_runs
from importer.html.tree import COMMENT, TEXT, Element, Node, Text
from importer.html.treebuild import BodyIndex, index_body, parse_body

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
_CONTAINER_NAMES = frozenset(_CONTAINERS)
_DROP_TAGS = ("style", "xml", "meta", "link", "title", "head")
#: What the parser notes in its index for the cleanup.
_INDEXED = frozenset({"a", "span", "font", "table", "div", MORE_TAG, *_DROP_TAGS})
_NBSP_RUN = re.compile(r"[ \t\r\n]*\xa0[\xa0 \t\r\n]*")


@dataclass
class CleanResult:
    """A cleaned body: the tree to convert and what cleaning had to give up on."""

    root: Element
    """The ``<body>`` (or fragment root) holding the cleaned content."""
    has_more: bool
    """True when a jump break was found (a ``<blogimport-more>`` element is in the tree)."""
    frozen: int
    """Number of subtrees kept as raw HTML because they were nested too deeply."""


def parse(html: str) -> Element:
    """The body of ``html`` parsed with lxml (a fragment gets a ``<body>`` wrapper)."""
    return parse_body(html)[0]


def clean(html: str) -> CleanResult:
    """Parse and clean one Blogger body (see the module docstring for what is done).

    The passes find what they change in the index the parser made, not by walks of the tree:
    a node that an earlier pass has taken out of the tree may still be in it, and changing it
    there changes nothing.
    """
    root, index = parse_body(html, _INDEXED)
    frozen = 0
    if index.depth > MAX_DEPTH:
        frozen = _freeze_deep(root)
        index = index_body(root, _INDEXED)
    _drop_cruft(index)
    has_more = _mark_jump_break(root, index)
    _convert_spans(index)
    figures = _caption_tables(index)
    _normalize_nbsp(index)
    _unwrap_wrappers(root.find_all("div") if figures else index.named("div"))
    reshape_runs(root, BLOCK_TAGS)
    containers, runs, blocks = _gather(root)
    for container in [root, *containers]:
        _paragraphs_from_breaks(container, blocks)
    tidy_runs(runs)
    _drop_empty_blocks(blocks)
    return CleanResult(root, has_more, frozen)


def _gather(root: Element) -> tuple[list[Element], list[Element], list[Element]]:
    """The containers, the runs of ``tidy_runs`` and the paragraphs and divs below ``root``."""
    containers: list[Element] = []
    runs: list[Element] = []
    blocks: list[Element] = []
    for node in root.descendants:
        if isinstance(node, Element):
            name = node.name
            if name in _CONTAINER_NAMES:
                containers.append(node)
            if name in RUN_KINDS:
                runs.append(node)
            if name == "p" or name == "div":
                blocks.append(node)
    return containers, runs, blocks


def _freeze_deep(root: Element) -> int:
    """Replace every subtree starting at ``MAX_DEPTH`` by a raw-HTML element; return how many."""
    frozen = 0
    stack: list[tuple[Element, int]] = [(root, 0)]
    while stack:
        element, depth = stack.pop()
        for child in element.children:
            if not isinstance(child, Element):
                continue
            if depth + 1 >= MAX_DEPTH and child.find(True) is not None:
                raw = Element(RAW_TAG)
                raw.attrs["data-html"] = str(child)
                child.replace_with(raw)
                frozen += 1
            else:
                stack.append((child, depth + 1))
    return frozen


def _drop_cruft(index: BodyIndex) -> None:
    """Remove Word cruft, style blocks and comments (except ``<!--more-->``), Word classes."""
    for comment in index.comments:
        if comment.value.strip().lower() == "more":
            marker = Element(MORE_TAG)
            comment.replace_with(marker)
            index.elements.setdefault(MORE_TAG, []).append(marker)
        else:
            comment.extract()
    for name in _DROP_TAGS:
        for tag in index.named(name):
            tag.decompose()
    for tag in index.namespaced:  # <o:p>, <w:WordDocument>: Word's namespaced elements
        # extract, not decompose: a later element of the list may sit inside this one
        tag.unwrap() if tag.has_text() else tag.extract()
    for tag in index.classed:
        if ":" not in tag.name and any(c.startswith("Mso") for c in tag.classes()):
            del tag.attrs["class"]


def _under(node: Node, root: Element) -> bool:
    """True when ``node`` is in the tree of ``root``."""
    parent = node.parent
    while parent is not None and parent is not root:
        parent = parent.parent
    return parent is root


def _mark_jump_break(root: Element, index: BodyIndex) -> bool:
    """Turn ``<a name="more">`` into the marker; keep only the first marker; hoist it to block level."""
    found = index.elements.setdefault(MORE_TAG, [])
    for anchor in index.named("a"):
        if anchor.attrs.get("name") != "more" or anchor.parent is None:
            continue
        if anchor.has_text():
            del anchor.attrs["name"]
        else:
            marker = Element(MORE_TAG)
            anchor.replace_with(marker)
            found.append(marker)
    markers = [m for m in found if _under(m, root)]
    if len(markers) > 1:  # the first in document order
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


def _convert_spans(index: BodyIndex) -> None:
    """Styled spans to ``<strong>``/``<em>``; other spans and ``<font>`` unwrapped."""
    for tag in [*index.named("span"), *index.named("font")]:
        if tag.parent is None:
            continue
        bold, italic = css_flags(tag.attrs.get("style") or "")
        if not (bold or italic) or not tag.has_text():
            tag.unwrap()
            continue
        tag.name = "strong" if bold else "em"
        tag.attrs = {}
        if bold and italic:
            inner = Element("em")
            for child in tag.children:
                inner.append(child)
            tag.append(inner)


def _caption_tables(index: BodyIndex) -> bool:
    """Blogger's image-with-caption tables become an image paragraph and a caption paragraph.

    Returns True when one did (a new ``<div>`` is in the tree).
    """
    changed = False
    for table in index.named("table"):
        if "tr-caption-container" not in table.classes() or table.parent is None:
            continue
        link = next((a for a in table.find_all("a") if "href" in a.attrs), None)
        image = link if link is not None and link.find("img") is not None else table.find("img")
        caption_cell = next((td for td in table.find_all("td") if "tr-caption" in td.classes()), None)
        if image is None:
            continue
        figure = Element("div")
        image_paragraph = Element("p")
        image_paragraph.append(image)
        figure.append(image_paragraph)
        if caption_cell is not None and caption_cell.has_text():
            caption = Element("p")
            for child in caption_cell.children:
                caption.append(child)
            figure.append(caption)
        table.replace_with(figure)
        changed = True
    return changed


def _normalize_nbsp(index: BodyIndex) -> None:
    """Spacing runs of ``&nbsp;`` become one space; a lone one between two words stays."""
    for text in index.nbsp:
        if text.find_parent("pre") is not None:
            continue
        value = text.value
        text.value = _NBSP_RUN.sub(functools.partial(_nbsp_run, length=len(value)), value)
        text.kind = TEXT


def _nbsp_run(match: re.Match[str], length: int) -> str:
    """A lone ``&nbsp;`` inside text stays (``10&nbsp;km``); runs and edges become a space."""
    inside = match.start() > 0 and match.end() < length
    return "\xa0" if match.group(0) == "\xa0" and inside else " "


def _unwrap_wrappers(divs: list[Element]) -> None:
    """Unwrap ``<div dir="ltr" trbidi="on">`` and attribute-free ``<div>`` holding just one block."""
    for div in divs:
        if div.parent is None:
            continue
        if div.attrs.get("trbidi") is not None:
            div.unwrap()
            continue
        children = [c for c in div.children if not (isinstance(c, Text) and not c.value.strip())]
        if len(children) == 1 and isinstance(children[0], Element) and children[0].name in BLOCK_TAGS:
            div.unwrap()


def _is_br(node: object) -> bool:
    return isinstance(node, Element) and node.name == "br"


def _is_blank(node: object) -> bool:
    return isinstance(node, Text) and node.kind != COMMENT and not node.value.strip()


def _paragraphs_from_breaks(container: Element, made: list[Element]) -> None:
    """Split a container's inline runs at ``<br><br>`` runs and block children into ``<p>``s."""
    if container.name in ("p", "pre"):
        return
    children = container.children
    has_br = has_double = has_block = previous_br = False
    for child in children:  # one look at the children decides whether there is work
        if isinstance(child, Element) and child.name == "br":
            has_br = True
            has_double = has_double or previous_br
            previous_br = True
        elif not _is_blank(child):  # spaces between two breaks still make a run
            previous_br = False
            has_block = has_block or (isinstance(child, Element) and child.name in BLOCK_TAGS)
    if not has_br or not (has_double or (has_block and container.name in ("body", "div", "blockquote"))):
        return
    container.first_child = container.last_child = None  # the children are put back in groups
    for group in _groups(children):
        _append_group(container, group, made)


def _groups(children: list[Node]) -> list[list[Node]]:
    """The children in paragraph groups: split at runs of two or more ``<br>`` (spaces between
    allowed; the run is dropped) and around each block element (a group of its own)."""
    groups: list[list[Node]] = [[]]
    index, count = 0, len(children)
    while index < count:
        child = children[index]
        if isinstance(child, Element) and child.name == "br":
            end, breaks = index, 1
            while end + 1 < count and (_is_br(children[end + 1]) or _is_blank(children[end + 1])):
                end += 1
                breaks += _is_br(children[end])
            if breaks >= 2:
                for dropped in children[index:end + 1]:
                    dropped.parent = dropped.previous_sibling = dropped.next_sibling = None
                groups.append([])
                index = end + 1
                continue
        if isinstance(child, Element) and child.name in BLOCK_TAGS:
            groups.append([child])
            groups.append([])
        else:
            groups[-1].append(child)
        index += 1
    return groups


def _append_group(container: Element, group: list[Node], made: list[Element]) -> None:
    """Append one paragraph group: a lone block as is, inline content wrapped in ``<p>`` (added
    to ``made``). Its nodes are not in the container's list of children any more."""
    start, end = 0, len(group)
    while end > start and (_is_br(group[end - 1]) or _is_blank(group[end - 1])):
        end -= 1
    while start < end and (_is_br(group[start]) or _is_blank(group[start])):
        start += 1
    for dropped in (*group[:start], *group[end:]):
        dropped.parent = dropped.previous_sibling = dropped.next_sibling = None
    if start == end:
        return
    first = group[start]
    if end - start == 1 and isinstance(first, Element) and first.name in BLOCK_TAGS:
        _relink(container, first)
        return
    paragraph = Element("p")
    for node in group[start:end]:
        _relink(paragraph, node)
    _relink(container, paragraph)
    made.append(paragraph)


def _relink(parent: Element, node: Node) -> None:
    """Make ``node`` the last child of ``parent``, whatever links it still has."""
    node.parent, node.previous_sibling, node.next_sibling = parent, parent.last_child, None
    if parent.last_child is None:
        parent.first_child = node
    else:
        parent.last_child.next_sibling = node
    parent.last_child = node


def _drop_empty_blocks(blocks: list[Element]) -> None:
    """Remove paragraphs and divs with no text, image, embed or marker left in them (in any
    order: a block that is removed holds nothing that keeps another)."""
    keep = ("img", "iframe", "object", "embed", "video", "hr", "table", MORE_TAG, RAW_TAG)
    for tag in blocks:
        if not tag.has_text() and tag.find(keep) is None:
            tag.decompose()
