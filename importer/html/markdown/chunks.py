"""Very large bodies cut into pieces at paragraph boundaries, so conversion stays linear in size.

On a body of tens of megabytes whose paragraphs are all children of one element (Blogger's
``<br /><br />`` paragraphs, often inside one ``<div dir="ltr" trbidi="on">``) the whole tree and
its Markdown pieces (gigabytes) would be alive at once; with BeautifulSoup, whose unwrap, extract
and insert scan the parent's children, cleaning was quadratic too.
Here the body is parsed once with lxml, the single ``<div>`` wrappers around everything are looked
through, and the sequence inside is cut after a block element or a ``<br><br>`` run: exactly where
cleaning starts a new paragraph anyway, so each piece converts as it would have inside the whole.
"""

from __future__ import annotations

from html import escape

from lxml import etree
from lxml import html as lxml_html

from importer.html.cleanup import BLOCK_TAGS
from importer.html.inline import css_flags

#: Bodies under twice this size are converted whole.
CHUNK_CHARS = 256_000


def _is_wrapper(element: etree._Element) -> bool:
    """A ``<div>`` around everything that carries no bold or italic of its own."""
    return element.tag == "div" and not any(css_flags(str(element.get("style") or "")))


def _spine(body: etree._Element) -> etree._Element:
    node = body
    while (len(node) == 1 and not (node.text or "").strip() and not (node[0].tail or "").strip()
           and _is_wrapper(node[0])):
        node = node[0]
    return node


def _boundary_after(child: etree._Element, previous: etree._Element | None) -> bool:
    """Cleaning starts a new paragraph after ``child``: a block, or a second ``<br>`` in a row."""
    if (child.tail or "").strip() or not isinstance(child.tag, str):
        return False
    if child.tag in BLOCK_TAGS:
        return True
    return (child.tag == "br" and previous is not None and previous.tag == "br"
            and not (previous.tail or "").strip())


def split_body(source: str, size: int = CHUNK_CHARS) -> list[str] | None:
    """``source`` as pieces of about ``size`` characters, or None when it is small enough whole."""
    if len(source) < 2 * size:
        return None
    document = lxml_html.document_fromstring(source)
    body = document.find("body")
    if body is None:
        return None
    spine = _spine(body)
    pieces: list[str] = []
    current: list[str] = [escape(spine.text or "", quote=False)]
    length = len(current[0])
    previous: etree._Element | None = None
    for child in spine:
        part = etree.tostring(child, encoding="unicode", method="html", with_tail=False)
        tail = escape(child.tail or "", quote=False)
        current += [part, tail]
        length += len(part) + len(tail)
        if length >= size and _boundary_after(child, previous):
            pieces.append("".join(current))
            current, length = [], 0
        previous = child
    if current:
        pieces.append("".join(current))
    return pieces if len(pieces) > 1 else None
