"""Small pieces of Markdown syntax: link destinations, cell pipes, line-start markers."""

from __future__ import annotations

import re

from importer.html.cleanup import BLOCK_TAGS
from importer.html.tree import Element, Node, Text

_YOUTUBE = re.compile(
    r"(?:youtube(?:-nocookie)?\.com/(?:embed/|v/|watch\?v=)|youtu\.be/)([A-Za-z0-9_-]{11})"
)
#: ``#``, ``>``, ``-``/``+`` list markers, setext underlines, thematic breaks (``---``, ``-- -``)
#: and ordinals like ``10. kesäkuuta``.
LINE_START = re.compile(r"^(\s*)(#|>|[-+](?=\s|$)|=+\s*$|-[-\s]*$|(\d{1,9})([.)])(?=\s|$))")


def youtube_id(url: str) -> str | None:
    """The video id of a YouTube embed/watch/short URL, or None."""
    match = _YOUTUBE.search(url)
    return match.group(1) if match else None


def destination(url: str) -> str:
    """A link destination safe in ``(...)``: angle-bracketed when it has spaces or parentheses."""
    if re.search(r"[\s()<>]", url):
        return "<" + url.replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">"
    return url


def in_cell(text: str, parent_tags: frozenset[str]) -> str:
    """``text`` with ``|`` escaped inside a table cell, where a bare one ends the cell anywhere
    (in code, link destinations and titles too)."""
    return text.replace("|", r"\|") if "td" in parent_tags or "th" in parent_tags else text


def escape_marker(match: re.Match[str]) -> str:
    """Replacement for ``LINE_START``: the marker backslash-escaped."""
    lead, marker = match.group(1), match.group(2)
    if match.group(3) is not None:  # "10. kesäkuuta" would start an ordered list
        return f"{lead}{match.group(3)}\\{match.group(4)}"
    return f"{lead}\\{marker}"


def starts_line(el: Text) -> bool:
    """True when ``el`` is the first content of its block or follows a ``<br>``."""
    node: Node = el
    while node.previous_sibling is None:
        parent = node.parent
        if parent is None or parent.name in BLOCK_TAGS or parent.name in ("body", "td", "th"):
            return True
        node = parent
    previous: Node | None = node.previous_sibling
    while isinstance(previous, Text) and not previous.value.strip():
        previous = previous.previous_sibling
        if previous is None:
            return True
    return isinstance(previous, Element) and (previous.name == "br" or previous.name in BLOCK_TAGS)
