"""Cleaned Blogger HTML to Markdown that CommonMark, Goldmark, kramdown and Python-Markdown agree on.

``html_to_markdown`` cleans a body (``importer.html.cleanup``, which also reshapes inline
formatting to stay inside blocks) and converts it with ``BloggerConverter``. Quirks handled:
- Escaping only where a character would change meaning: ``* ` [ ] ~ \\``, ``_`` at word edges,
  ``<`` before a tag-like letter, ``&`` before an entity-like word, and block markers at the start of
  a line (``#``, ``>``, ``- ``, ``+ ``, Finnish ordinals like ``10. kesäkuuta``).
- Emphasis is written as ``**``/``*`` only where a strict CommonMark parser (goldmark in Hugo)
  reads it back as emphasis, else as ``<strong>``/``<em>`` (``delimiters``).
- ``<pre>`` keeps its line breaks (Blogger turns them into ``<br>``) and its language
  (``brush: js``, ``lang-py``, ``language-x``, ``class="python"``, ``lang="ruby"``), fenced with a
  fence longer than any run inside.
- Nested lists indented by four spaces (Python-Markdown, used by Pelican, needs four).
- Pipe tables only for tables with a header row and plain cells; every other table, definition
  lists, non-YouTube embeds, scripts and deeply nested subtrees stay as balanced raw HTML; ``<u>``,
  ``<sub>``, ``<sup>``, ``<del>`` keep their tags around converted content. Each is counted.
- YouTube ``<iframe>`` and old ``<object>``/``<embed>`` players become one clean iframe (keeping
  the player's query, e.g. ``?start=30``), or the generator's shortcode when asked (Hugo
  ``{{< youtube ID >}}``).
- A heading's line breaks (``<br>``, ``<div>`` lines) become an inline ``<br>``; an empty heading,
  an empty ``<pre>``, an empty list item and a link with neither text nor image show nothing and
  are left out, and counted in ``ConvertedBody.dropped``.
- A heading's own ``id`` (a link target: ``page.html#yhteystiedot``) is kept as a ``{#id}``
  attribute when asked (``heading_ids``): Goldmark, kramdown, Python-Markdown's ``attr_list`` (in
  Pelican's default ``extra``) and Zola read it, and Pelican makes no heading ids by itself. Plain
  CommonMark has no such syntax, so the plain ``markdown`` output leaves it out.
- Hugo treats ``{{< … >}}`` in any text as a shortcode: such text is written in Hugo's comment form
  ``{{</* … */>}}``, which Hugo prints literally.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from html import unescape

from importer.html.cleanup import MORE_TAG, clean
from importer.html.markdown.chunks import split_body
from importer.html.markdown.converter import BloggerConverter
from importer.html.markdown.syntax import youtube_id
from importer.html.tree import Element, Text, release

__all__ = ["BloggerConverter", "ConvertedBody", "html_to_markdown", "youtube_id"]


@dataclass(frozen=True)
class ConvertedBody:
    """The Markdown of one body and what the conversion had to keep or can tell."""

    markdown: str
    """The Markdown text, ending with one newline (empty for an empty body)."""
    summary: str | None
    """Plain text before the jump break, when the body has one."""
    raw_kept: int
    """How many pieces of raw HTML remain (tables, embeds, ``<u>``...)."""
    raw_tags: tuple[str, ...]
    """Sorted names of the elements kept as raw HTML."""
    dropped: tuple[str, ...] = ()
    """Sorted names of empty elements left out because they show nothing (``a``, ``h3``, ``pre``,
    ``li``), one per element."""


def _summary_text(marker: Element) -> str:
    """Every text of the document before ``marker`` (comments and hidden text too), spaced."""
    document = marker
    while document.parent is not None:
        document = document.parent
    strings: list[str] = []
    for node in document.descendants:
        if node is marker:
            break
        if isinstance(node, Text):
            strings.append(node.value)
    return " ".join(" ".join(strings).split())


def _piece_text(piece: str) -> str:
    """The visible text of a cleaned piece, spaced (made again only when a later piece has the
    jump break: most bodies have it in their first piece, or none)."""
    root = clean(piece).root
    text = " ".join(root.get_text(" ").split())
    release(root)
    return text


def html_to_markdown(html: str, *, more_marker: str = "<!--more-->",
                     youtube_shortcode: str | None = None, hugo: bool = False,
                     heading_ids: bool = False) -> ConvertedBody:
    """Clean and convert one Blogger body.

    ``more_marker`` replaces the jump break ("" drops it, e.g. for Pelican, which takes the summary
    from ``ConvertedBody.summary``); ``youtube_shortcode`` is a format string with ``{id}`` used for
    YouTube embeds instead of an iframe; ``hugo`` neutralizes shortcode-like text; ``heading_ids``
    keeps a heading's ``id`` as ``{#id}``. A very large body is converted in pieces cut at
    paragraph boundaries (``chunks``), with the same result.

    The cycle collector is paused meanwhile: the trees are full of cycles (parent links) that it
    would traverse again and again, with every other live object of the process, for nothing;
    each tree is unlinked when its piece is done.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _convert(html, more_marker, youtube_shortcode, hugo, heading_ids)
    finally:
        if collecting:
            gc.enable()


def _convert(html: str, more_marker: str, youtube_shortcode: str | None, hugo: bool,
             heading_ids: bool) -> ConvertedBody:
    converter = BloggerConverter(more_marker=more_marker, youtube_shortcode=youtube_shortcode,
                                 heading_ids=heading_ids)
    converter.use_delimiters(unescape(html) if "&" in html else html)  # &#xe000; is one too
    summary: str | None = None
    before: list[str] = []  # the pieces before the jump break: their text is the summary's start
    parts: list[str] = []
    for piece in split_body(html) or [html]:
        cleaned = clean(piece)
        marker = cleaned.root.find(MORE_TAG) if cleaned.has_more else None
        if marker is not None and summary is not None:
            marker.decompose()  # only the first jump break counts
        elif marker is not None:
            summary = " ".join([*map(_piece_text, before), _summary_text(marker)]).strip()
        elif summary is None:
            before.append(piece)
        parts.append(converter.to_markdown(cleaned.root))
        release(cleaned.root)
    markdown = converter.finish("\n\n".join(parts), hugo)
    return ConvertedBody(markdown, summary, len(converter.raw_tags), tuple(sorted(set(converter.raw_tags))),
                         tuple(sorted(converter.dropped)))
