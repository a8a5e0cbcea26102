"""Parsing a body into an ``importer.html.tree``, with an index of the nodes the cleanup changes.

lxml's HTML parser (libxml2) builds its own tree in C, and one loop copies it into ours, applying
the rules BeautifulSoup applies to the parser's events (see ``importer.html.tree``). libxml2 keeps
no more than about 2,000 levels of nesting in a tree it builds; a deeper body (hostile input) is
parsed again from the parser's events, which have no such limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from importer.html.tree import (
    COMMENT,
    DOCTYPE,
    HIDDEN,
    HIDDEN_TEXT_IN,
    PRESERVE_SPACE_IN,
    TEXT,
    Element,
    Node,
    Text,
    normalize_lists,
)

_DOCTYPE = re.compile(r"<!doctype", re.IGNORECASE)
#: Below this depth (under ``<body>``) a tree built by libxml2 may have lost its deepest part.
_TREE_DEPTH_LIMIT = 2000


@dataclass
class BodyIndex:
    """Nodes of the ``<body>`` that the cleanup looks for, noted while parsing (in document order).

    Cleaning may later detach some of them; it checks what it needs.
    """

    comments: list[Text] = field(default_factory=list)
    elements: dict[str, list[Element]] = field(default_factory=dict)
    """Elements of the names in ``INDEXED``, by name."""
    namespaced: list[Element] = field(default_factory=list)
    """Elements with a ``:`` in their name (Word's ``<o:p>``)."""
    classed: list[Element] = field(default_factory=list)
    """Elements with a ``class`` attribute."""
    nbsp: list[Text] = field(default_factory=list)
    """Text nodes holding a no-break space."""
    depth: int = 0
    """The deepest element's depth below ``<body>`` (its children are at 1)."""

    def named(self, name: str) -> list[Element]:
        """The indexed elements called ``name``."""
        return self.elements.get(name, [])


class _TreeBuilder:
    """Builds the tree from lxml's (see the module docstring for the rules) and the body's index."""

    def __init__(self, indexed: frozenset[str]) -> None:
        self.document = Element("[document]")
        self.body: Element | None = None
        self.indexed = indexed
        self.index = BodyIndex()

    def build(self, root: etree._Element) -> None:
        """Add ``root`` and everything below it to the document (iteratively: deep trees are fine).

        One loop with the linking written out: this runs once per node of every body.
        """
        # (lxml element, our element, inside a string container, inside <pre>, depth below <body> or -1)
        stack: list[tuple[etree._Element | _TopLevel, Element, bool, bool, int]] = [
            (_TopLevel(root), self.document, False, False, -1)]
        index, indexed, text_node = self.index, self.indexed, self._text
        while stack:
            source, parent, hidden, preserve, depth = stack.pop()
            if source.text:
                text_node(parent, source.text, TEXT, hidden, preserve, depth)
            for child in source:
                tag = child.tag
                if isinstance(tag, str):
                    attrs = dict(child.items())  # (.attrib refuses names like 'x"')
                    if attrs:
                        normalize_lists(tag, attrs)
                    element = Element(tag, attrs)
                    _link(parent, element)
                    inner = depth + 1 if depth >= 0 else -1
                    if inner > 0:
                        _note(index, element, inner, indexed)
                    elif tag == "body" and self.body is None:
                        self.body, inner = element, 0
                    stack.append((child, element, hidden or tag in HIDDEN_TEXT_IN,
                                  preserve or tag in PRESERVE_SPACE_IN, inner))
                elif tag is etree.Comment:  # libxml2 reads <?php ... ?> as one too
                    text_node(parent, child.text or "", COMMENT, hidden, preserve, depth)
                if child.tail:
                    text_node(parent, child.tail, TEXT, hidden, preserve, depth)

    def _text(self, parent: Element, value: str, kind: str, hidden: bool, preserve: bool, depth: int) -> None:
        _add_text(self.index, parent, value, kind, hidden, preserve, depth >= 0)


def _add_text(index: BodyIndex, parent: Element, value: str, kind: str, hidden: bool, preserve: bool,
              in_body: bool) -> None:
    """Add a text node to ``parent`` (and to ``index`` when it is in the body)."""
    if not preserve and not value.strip("\x20\x0a\x09\x0c\x0d"):
        value = "\n" if "\n" in value else " "
    if kind == TEXT and hidden:
        kind = HIDDEN
    text = Text(value, kind)
    _link(parent, text)
    if in_body:
        if kind == COMMENT:
            index.comments.append(text)
        elif "\xa0" in value:
            index.nbsp.append(text)


def _note(index: BodyIndex, element: Element, depth: int, indexed: frozenset[str]) -> None:
    """Note ``element`` (``depth`` levels below the body) in ``index``."""
    if depth > index.depth:
        index.depth = depth
    if element.name in indexed:
        index.elements.setdefault(element.name, []).append(element)
    if ":" in element.name:
        index.namespaced.append(element)
    if "class" in element.attrs:
        index.classed.append(element)


class _EventBuilder:
    """lxml parser target that builds the tree from the parser's events (for very deep bodies)."""

    def __init__(self, indexed: frozenset[str]) -> None:
        self.document = Element("[document]")
        self.stack: list[Element] = [self.document]
        self.pending: list[str] = []
        self.hidden = 0  # open string containers (script, style, template, rt, rp)
        self.preserve = 0  # open <pre>/<textarea>
        self.body: Element | None = None
        self.body_level = -1  # the body's place in the stack while it is open
        self.indexed = indexed
        self.index = BodyIndex()

    def _flush(self, kind: str = TEXT) -> None:
        if self.pending:
            value, self.pending = "".join(self.pending), []
            _add_text(self.index, self.stack[-1], value, kind, self.hidden > 0, self.preserve > 0,
                      self.body_level >= 0)

    def start(self, tag: str, attrib: dict[str, str], nsmap: object = None) -> None:
        self._flush()
        attrs = dict(attrib)
        normalize_lists(tag, attrs)
        element = Element(tag, attrs)
        _link(self.stack[-1], element)
        self.stack.append(element)
        self.hidden += tag in HIDDEN_TEXT_IN
        self.preserve += tag in PRESERVE_SPACE_IN
        if self.body_level >= 0:
            _note(self.index, element, len(self.stack) - 1 - self.body_level, self.indexed)
        elif tag == "body" and self.body is None:
            self.body, self.body_level = element, len(self.stack) - 1

    def end(self, tag: str) -> None:
        self._flush()
        element = self.stack.pop() if len(self.stack) > 1 else self.document
        self.hidden -= element.name in HIDDEN_TEXT_IN
        self.preserve -= element.name in PRESERVE_SPACE_IN
        if element is self.body:
            self.body_level = -1

    def data(self, text: str) -> None:
        self.pending.append(text)

    def comment(self, text: str) -> None:
        self._flush()
        self.pending.append(text)
        self._flush(COMMENT)

    def doctype(self, name: str, public: str | None, system: str | None) -> None:
        self._flush()
        self.pending.append(_doctype_text(name, public, system))
        self._flush(DOCTYPE)

    def close(self) -> None:
        self._flush()


class _TopLevel:
    """Stands for the document node in ``_Builder.build``: no text; the root and the comments
    around it."""

    text = None

    def __init__(self, root: etree._Element) -> None:
        self.nodes = [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]

    def __iter__(self) -> Iterator[etree._Element]:
        return iter(self.nodes)


def _link(parent: Element, node: Node) -> None:
    """``parent.append(node)`` for a node that is in no tree yet."""
    last = parent.last_child
    node.parent, node.previous_sibling = parent, last
    if last is None:
        parent.first_child = node
    else:
        last.next_sibling = node
    parent.last_child = node


def index_body(body: Element, indexed: frozenset[str]) -> BodyIndex:
    """The index ``parse_body`` makes, made again by a walk of ``body`` as it is now."""
    index = BodyIndex()
    depth, node = 0, body.first_child
    while node is not None:
        if isinstance(node, Text):
            if node.kind == COMMENT:
                index.comments.append(node)
            elif "\xa0" in node.value:
                index.nbsp.append(node)
        else:
            assert isinstance(node, Element)
            depth += 1
            index.depth = max(index.depth, depth)
            if node.name in indexed:
                index.elements.setdefault(node.name, []).append(node)
            if ":" in node.name:
                index.namespaced.append(node)
            if "class" in node.attrs:
                index.classed.append(node)
            if node.first_child is not None:
                node = node.first_child
                continue
            depth -= 1
        while node is not None and node.next_sibling is None:
            node = node.parent
            depth -= 1
            if node is body:
                return index
        if node is None:
            break
        node = node.next_sibling
    return index


def parse_body(html: str, indexed: frozenset[str] = frozenset()) -> tuple[Element, BodyIndex]:
    """The ``<body>`` of ``html`` parsed by lxml's HTML parser (a new empty one when there is
    none), in its whole document (root named ``[document]``), and the index of its nodes with the
    elements named in ``indexed``."""
    if html.startswith("\ufeff"):
        html = html[1:]
    builder = _TreeBuilder(indexed)
    parser = etree.HTMLParser(recover=True, huge_tree=True)
    try:
        parser.feed(html)  # fed as BeautifulSoup's lxml builder feeds it
        root = parser.close()
    except etree.ParserError:  # nothing to parse
        root = None
    if root is not None:
        info = root.getroottree().docinfo
        if info.doctype and _DOCTYPE.search(html):  # libxml2 adds one where the source has none
            builder.document.append(Text(_doctype_text(info.root_name, info.public_id, info.system_url),
                                         DOCTYPE))
        builder.build(root)
    body, index = builder.body, builder.index
    if index.depth >= _TREE_DEPTH_LIMIT:
        body, index = _parse_events(html, indexed)
    if body is None:
        body = Element("body")
        builder.document.append(body)
    return body, index


def _parse_events(html: str, indexed: frozenset[str]) -> tuple[Element | None, BodyIndex]:
    target = _EventBuilder(indexed)
    parser = etree.HTMLParser(target=target, recover=True)
    try:
        parser.feed(html)
        parser.close()
    except etree.ParserError:  # nothing to parse
        pass
    return target.body, target.index


def _doctype_text(name: str | None, public: str | None, system: str | None) -> str:
    """The text BeautifulSoup keeps for a doctype."""
    value = name or ""
    if public is not None:
        value += f' PUBLIC "{public}"'
        if system is not None:
            value += f' "{system}"'
    elif system is not None:
        value += f' SYSTEM "{system}"'
    return value
