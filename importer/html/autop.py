"""Paragraphs for WordPress classic-editor text, as WordPress shows it.

A WXR export holds post and comment bodies as typed: the classic editor stores
``First paragraph.\\n\\nSecond`` and WordPress adds the ``<p>`` and ``<br />`` only when it displays
the post. Read as HTML, such a body would run its paragraphs together, so the WXR reader makes the
paragraphs itself: a blank line ends a paragraph, a single line break becomes ``<br />`` (also
inside a block element such as ``<address>`` or ``<li>``, but never right beside a block tag);
block elements stand on their own, and ``<pre>``, ``<script>``, ``<style>`` and comments are left
as written. Block-editor bodies (``<!-- wp:...``) already carry their markup and are left alone.
"""

from __future__ import annotations

import re

_BLOCKS = ("address|article|aside|blockquote|caption|col|colgroup|dd|details|div|dl|dt|fieldset|"
           "figcaption|figure|footer|form|h[1-6]|header|hr|iframe|legend|li|main|map|math|menu|nav|"
           "object|ol|p|pre|section|summary|svg|table|tbody|td|tfoot|th|thead|tr|ul|video|audio")
_OPEN = re.compile(rf"(<(?:{_BLOCKS})\b[^>]*>)", re.IGNORECASE)
_CLOSE = re.compile(rf"(</(?:{_BLOCKS})\s*>)", re.IGNORECASE)
_STARTS_BLOCK = re.compile(rf"^</?(?:{_BLOCKS})\b", re.IGNORECASE)
_KEEP = re.compile(r"<(pre|script|style|textarea)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_PLACEHOLDER = "\x00{}\x00"
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
#: A break WordPress takes back: right after a block tag, or right before one.
_BESIDE_BLOCK = re.compile(rf"(</?(?:{_BLOCKS})\b[^>]*>)<br />\n|<br />\n(?=</?(?:{_BLOCKS})\b)",
                           re.IGNORECASE)


def needs_paragraphs(text: str) -> bool:
    """True for classic-editor text with line breaks WordPress would turn into markup."""
    return "\n" in text and "<!-- wp:" not in text


def auto_paragraphs(text: str) -> str:
    """``text`` with paragraphs and line breaks made explicit (see the module doc)."""
    if not needs_paragraphs(text):
        return text
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return _PLACEHOLDER.format(len(kept) - 1)

    work = _KEEP.sub(keep, text.replace("\r\n", "\n").replace("\r", "\n"))
    work = _CLOSE.sub(r"\1\n\n", _OPEN.sub(r"\n\n\1", work))
    chunks = [chunk.strip() for chunk in re.split(r"\n[ \t]*\n", work)]
    out = [chunk if _only_kept(chunk)
           else _breaks(chunk) if _STARTS_BLOCK.match(chunk)
           else "<p>" + _LINE_BREAK.sub("<br />\n", chunk) + "</p>"
           for chunk in chunks if chunk]
    return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m.group(1))], "\n".join(out))


def _breaks(chunk: str) -> str:
    """A block element's own line breaks as ``<br />``, but none beside a block tag: the lines of
    ``<address>1 Infinite Loop\nCupertino</address>`` are two lines in WordPress."""
    return _BESIDE_BLOCK.sub(lambda m: (m.group(1) or "") + "\n", _LINE_BREAK.sub("<br />\n", chunk))


def _only_kept(chunk: str) -> bool:
    return re.fullmatch("(\x00\\d+\x00\\s*)+", chunk) is not None
