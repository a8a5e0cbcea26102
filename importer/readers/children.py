"""An Atom entry's child elements gathered in one pass, for the Blogger readers' hot path."""

from __future__ import annotations

from lxml import etree

from importer.readers.blogger_common import ATOM, GD, first_href

_LINK = f"{{{ATOM}}}link"
_CATEGORY = f"{{{ATOM}}}category"
_PROPERTY = f"{{{GD}}}extendedProperty"


class Children:
    """The child elements of an entry, gathered in ONE pass over them.

    lxml makes a new Python object and a new tag string for every child it hands out; asking
    for each field separately (``child_text``, ``find_link``...) walked an entry's children a dozen
    times, which cost more than parsing the XML. Holds the first child of each tag, and every
    Atom ``link``, Atom ``category`` and ``gd:extendedProperty`` in document order.
    """

    __slots__ = ("categories", "elements", "first", "links", "properties", "tags")

    def __init__(self, element: etree._Element) -> None:
        self.elements: list[etree._Element] = list(element)
        self.tags: list[object] = [child.tag for child in self.elements]
        self.first: dict[object, etree._Element] = {}
        self.links: list[etree._Element] = []
        self.categories: list[etree._Element] = []
        self.properties: list[etree._Element] = []
        for tag, child in zip(self.tags, self.elements, strict=True):
            if tag == _LINK:
                self.links.append(child)
            elif tag == _CATEGORY:
                self.categories.append(child)
            elif tag == _PROPERTY:
                self.properties.append(child)
            if tag not in self.first:
                self.first[tag] = child

    def get(self, tag: str) -> etree._Element | None:
        """The first child ``tag`` (Clark notation), or None (as ``first_child``)."""
        return self.first.get(tag)

    def text(self, tag: str) -> str | None:
        """Text of the first child ``tag``: "" when empty, None when absent (as ``child_text``)."""
        child = self.first.get(tag)
        return None if child is None else (child.text or "")

    def link(self, rel: str, type_: str | None = None) -> str | None:
        """``href`` of the first Atom ``link`` with this ``rel`` (and ``type``) (as ``find_link``)."""
        return first_href(self.links, rel, type_)
