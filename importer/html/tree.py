"""A small mutable HTML tree for post bodies, built from lxml's parser events.

Cleaning and converting a body walk and reshape its tree many times. BeautifulSoup did that at
about 2 seconds of CPU per megabyte (object creation, filters, and the element chain every
insertion updates); this tree keeps only what the cleanup and the converter use: elements with a
name, an attribute dict and linked children, and text nodes. It is built from the same lxml
HTML parser events BeautifulSoup's ``lxml`` builder receives, with the same rules, so a body
parses to the same tree:
- adjacent text events are one text node; a text of ASCII spaces only becomes one space, or
  one newline when it holds one (kept as is inside ``<pre>`` and ``<textarea>``);
- text inside ``<script>``, ``<style>``, ``<template>``, ``<rt>``, ``<rp>`` is not visible text
  (``get_text`` leaves it out); comments are their own kind (libxml2 also reads ``<?php …?>`` as one);
- multi-valued attributes (``class``, ``rel``...) are normalized to single spaces;
- ``str(element)`` is the HTML BeautifulSoup writes: attributes sorted and double-quoted (single
  quotes when the value has a double quote), ``& < >`` escaped except in ``<script>``/``<style>``,
  void elements as ``<br/>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

#: Kinds of text node.
TEXT, COMMENT, HIDDEN, DOCTYPE = "text", "comment", "hidden", "doctype"
#: Elements whose text is not visible text (BeautifulSoup's string containers).
HIDDEN_TEXT_IN = frozenset({"script", "style", "template", "rt", "rp"})
PRESERVE_SPACE_IN = frozenset({"pre", "textarea"})
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "menuitem", "meta",
    "param", "source", "track", "wbr", "basefont", "bgsound", "command", "frame", "image", "isindex",
    "nextid", "spacer",
})
_LIST_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"class", "accesskey", "dropzone"}), "a": frozenset({"rel", "rev"}),
    "link": frozenset({"rel", "rev"}), "td": frozenset({"headers"}), "th": frozenset({"headers"}),
    "form": frozenset({"accept-charset"}), "object": frozenset({"archive"}), "area": frozenset({"rel"}),
    "icon": frozenset({"sizes"}), "iframe": frozenset({"sandbox"}), "output": frozenset({"for"}),
}
_NO_LIST: frozenset[str] = frozenset()
_NON_SPACE = re.compile(r"\S+")
_ESCAPED = re.compile("[<>&]")
_ENTITY = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def normalize_lists(tag: str, attrs: dict[str, str]) -> None:
    """Multi-valued attributes of ``tag`` (``class``...) in ``attrs`` with single spaces."""
    listed = _LIST_ATTRIBUTES.get(tag, _NO_LIST)
    for key in attrs:
        if key in _LIST_ATTRIBUTES["*"] or key in listed:
            attrs[key] = " ".join(_NON_SPACE.findall(attrs[key]))


def _escape(text: str) -> str:
    if "<" in text or ">" in text or "&" in text:
        return _ESCAPED.sub(lambda m: _ENTITY[m.group()], text)
    return text


class Node:
    """A node of the tree: an ``Element`` or a ``Text``, linked to its parent and siblings."""

    __slots__ = ("next_sibling", "parent", "previous_sibling")

    def __init__(self) -> None:
        self.parent: Element | None = None
        self.previous_sibling: Node | None = None
        self.next_sibling: Node | None = None

    def extract(self) -> Node:
        """Take the node out of the tree (with its subtree); return it."""
        parent = self.parent
        if parent is None:
            return self
        before, after = self.previous_sibling, self.next_sibling
        if before is None:
            parent.first_child = after
        else:
            before.next_sibling = after
        if after is None:
            parent.last_child = before
        else:
            after.previous_sibling = before
        self.parent = self.previous_sibling = self.next_sibling = None
        return self

    decompose = extract

    def insert_before(self, node: Node) -> None:
        """Put ``node`` (taken from where it is) right before this node."""
        parent = self.parent
        assert parent is not None and node is not self
        node.extract()
        node.parent, node.next_sibling, node.previous_sibling = parent, self, self.previous_sibling
        if self.previous_sibling is None:
            parent.first_child = node
        else:
            self.previous_sibling.next_sibling = node
        self.previous_sibling = node

    def insert_after(self, node: Node) -> None:
        """Put ``node`` (taken from where it is) right after this node."""
        parent = self.parent
        assert parent is not None and node is not self
        if self.next_sibling is None:
            parent.append(node)
        else:
            self.next_sibling.insert_before(node)

    def replace_with(self, node: Node) -> None:
        """Put ``node`` where this node is and take this one out."""
        if node is not self:
            self.insert_before(node)
            self.extract()

    def find_parent(self, names: Iterable[str] | str) -> Element | None:
        """The nearest ancestor element named one of ``names``."""
        wanted = frozenset((names,)) if isinstance(names, str) else frozenset(names)
        parent = self.parent
        while parent is not None and parent.name not in wanted:
            parent = parent.parent
        return parent


class Text(Node):
    """A text node; ``kind`` is ``TEXT`` for visible text, else ``COMMENT``, ``HIDDEN`` or ``DOCTYPE``."""

    __slots__ = ("kind", "value")

    def __init__(self, value: str, kind: str = TEXT) -> None:
        self.parent = self.previous_sibling = self.next_sibling = None
        self.value = value
        self.kind = kind

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"Text({self.value!r}, {self.kind})"

    def strip(self) -> str:
        """The text without edge whitespace."""
        return self.value.strip()


class Element(Node):
    """An element: ``name``, ``attrs`` (str values) and its children, linked."""

    __slots__ = ("attrs", "first_child", "last_child", "name", "void")

    def __init__(self, name: str, attrs: dict[str, str] | None = None) -> None:
        self.parent = self.previous_sibling = self.next_sibling = None
        self.name = name
        self.attrs: dict[str, str] = attrs if attrs is not None else {}
        self.first_child: Node | None = None
        self.last_child: Node | None = None
        self.void = name in _VOID  # fixed at creation, as BeautifulSoup does

    def __repr__(self) -> str:
        return f"<Element {self.name}>"

    def __str__(self) -> str:
        parts: list[str] = []
        _write(self, parts)
        return "".join(parts)

    def get(self, key: str, default: str | None = None) -> str | None:
        """The value of attribute ``key``, or ``default``."""
        return self.attrs.get(key, default)

    def has_attr(self, key: str) -> bool:
        """True when the element has attribute ``key``."""
        return key in self.attrs

    def classes(self) -> list[str]:
        """The class names."""
        return self.attrs.get("class", "").split()

    @property
    def children(self) -> list[Node]:
        """The children, as a list (a snapshot: the tree may be changed while it is used)."""
        nodes: list[Node] = []
        node = self.first_child
        while node is not None:
            nodes.append(node)
            node = node.next_sibling
        return nodes

    contents = children

    def append(self, node: Node) -> None:
        """Make ``node`` (taken from where it is) the last child."""
        if node.parent is not None:
            node.extract()
        node.parent, node.previous_sibling = self, self.last_child
        if self.last_child is None:
            self.first_child = node
        else:
            self.last_child.next_sibling = node
        self.last_child = node

    def unwrap(self) -> None:
        """Replace the element by its children."""
        node = self.first_child
        while node is not None:
            following = node.next_sibling
            self.insert_before(node)
            node = following
        self.extract()

    @property
    def descendants(self) -> Iterator[Node]:
        """Every node below, in document order (iterative: deep trees are fine)."""
        node = self.first_child
        while node is not None:
            yield node
            if isinstance(node, Element) and node.first_child is not None:
                node = node.first_child
                continue
            while node is not None and node.next_sibling is None:
                node = node.parent
                if node is self:
                    return
            if node is None:
                return
            node = node.next_sibling

    def find_all(self, names: Iterable[str] | str | bool) -> list[Element]:
        """Descendant elements named one of ``names`` (any element for True), in document order."""
        wanted = None if names is True else (
            frozenset((names,)) if isinstance(names, str) else frozenset(names))  # type: ignore[arg-type]
        found: list[Element] = []
        node: Node | None = self.first_child
        while node is not None:  # the walk of ``descendants``, written out: it runs for every node
            if isinstance(node, Element):
                if wanted is None or node.name in wanted:
                    found.append(node)
                if node.first_child is not None:
                    node = node.first_child
                    continue
            while node.next_sibling is None:
                node = node.parent
                if node is self or node is None:
                    return found
            node = node.next_sibling
        return found

    def find(self, names: Iterable[str] | str | bool) -> Element | None:
        """The first descendant element named one of ``names`` (any element for True)."""
        wanted = None if names is True else (
            frozenset((names,)) if isinstance(names, str) else frozenset(names))  # type: ignore[arg-type]
        for node in self.descendants:
            if isinstance(node, Element) and (wanted is None or node.name in wanted):
                return node
        return None

    def texts(self) -> Iterator[str]:
        """The visible text nodes below, in order."""
        for node in self.descendants:
            if isinstance(node, Text) and node.kind == TEXT:
                yield node.value

    def get_text(self, separator: str = "", strip: bool = False) -> str:
        """The visible text below joined by ``separator`` (each stripped and empty ones left out
        with ``strip``)."""
        if strip:
            return separator.join(t for t in (s.strip() for s in self.texts()) if t)
        return separator.join(self.texts())

    def has_text(self) -> bool:
        """True when some visible text below is not only whitespace (``get_text(strip=True)``)."""
        node: Node | None = self.first_child
        while node is not None:  # the walk of ``descendants``, written out: it runs for every block
            if isinstance(node, Text):
                if node.kind == TEXT and node.value and not node.value.isspace():
                    return True
            elif isinstance(node, Element) and node.first_child is not None:
                node = node.first_child
                continue
            while node.next_sibling is None:
                node = node.parent
                if node is self or node is None:
                    return False
            node = node.next_sibling
        return False


def release(node: Node) -> None:
    """Unlink the whole tree ``node`` is in, so that it is freed at once without the cycle
    collector (the parent and back links are cycles)."""
    while node.parent is not None:
        node = node.parent
    if isinstance(node, Element):
        for each in list(node.descendants):
            each.parent = each.previous_sibling = None


def _write(root: Element, parts: list[str]) -> None:
    """Append the HTML of ``root`` to ``parts`` (iterative)."""
    stack: list[tuple[Node, bool]] = [(root, True)]
    while stack:
        node, opening = stack.pop()
        if isinstance(node, Text):
            if node.kind == COMMENT:
                parts.append(f"<!--{node.value}-->")
            elif node.kind == DOCTYPE:
                parts.append(f"<!DOCTYPE {node.value}>\n")
            elif node.parent is not None and node.parent.name in ("script", "style"):
                parts.append(node.value)
            else:
                parts.append(_escape(node.value))
            continue
        assert isinstance(node, Element)
        if not opening:
            parts.append(f"</{node.name}>")
            continue
        attributes = "".join(" " + _attribute(key, value) for key, value in sorted(node.attrs.items()))
        if node.void and node.first_child is None:
            parts.append(f"<{node.name}{attributes}/>")
            continue
        parts.append(f"<{node.name}{attributes}>")
        stack.append((node, False))
        stack.extend((child, True) for child in reversed(node.children))


def _attribute(key: str, value: str) -> str:
    value = _escape(value)
    if '"' not in value:
        return f'{key}="{value}"'
    if "'" in value:
        return '{}="{}"'.format(key, value.replace('"', "&quot;"))
    return f"{key}='{value}'"


