"""The visible text of an HTML body and a compact word-level difference of two of them.

Visible text is what a reader sees: the text of every element except ``script``, ``style`` and
``template``, words split on whitespace and at block boundaries (``<b>K</b>iln`` is one word). The
difference is ``difflib``'s, on words, with long unchanged runs shortened to a few words of
context on each side, so a view of a 3,000-word post with one changed word stays one line.
"""

from __future__ import annotations

import difflib
import re

from lxml import etree

#: Elements whose text a browser does not show.
INVISIBLE = ("script", "style", "template")
#: Elements that separate words (blocks, line breaks, cells): ``<b>K</b>iln`` is one word,
#: ``<p>a</p><p>b</p>`` two.
BREAKING = frozenset(
    "address article aside blockquote body br caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr iframe img li main nav ol p pre "
    "section summary table tbody td tfoot th thead tr ul video audio object embed".split()
)
#: Words of unchanged text kept on each side of a change.
CONTEXT = 6
#: Words compared per side at most; longer texts are cut (and said so) to bound diff time.
MAX_WORDS = 20_000

#: Characters XML forbids, which lxml refuses to take (pasted control characters, NUL).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: ``</body>`` or ``</html>`` inside a post: libxml2 drops everything after it, a browser does not.
_DOCUMENT_END = re.compile(r"</(?:body|html)\b[^>]*>", re.IGNORECASE)
#: libxml2's HTML parser without lxml.html's element classes (5x faster on big archives).
_PARSER = etree.HTMLParser(recover=True, no_network=True)

Op = tuple[str, str]
"""``("=", words)`` unchanged, ``("-", words)`` only in the original, ``("+", words)`` only in ours,
``("…", "")`` unchanged words left out."""


def parse_fragment(body: str) -> etree._Element:
    """``body`` parsed as a browser would, as the content of a ``<body>`` (never raises).

    Content libxml2 files under ``<head>`` (a leading ``<style>``, ``<meta>``, ``<title>``) is
    not in the returned element: a browser shows none of it either.
    """
    text = _DOCUMENT_END.sub("", _ILLEGAL.sub("\ufffd", body))
    try:
        root = etree.HTML(text, _PARSER) if text.strip() else None
    except (etree.ParserError, ValueError):
        root = None
    found = root.find("body") if root is not None else None
    if found is not None:
        return found
    holder = etree.Element("body")
    holder.text = text if root is None and text.strip() and "<" not in text else None
    return holder


def visible_words(body: str) -> list[str]:
    """The words a browser shows for the HTML ``body``."""
    if "<" not in body and "&" not in body:
        return body.split()
    root = parse_fragment(body)
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *INVISIBLE, with_tail=False)
    parts: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        breaks = element.tag in BREAKING
        if event == "start":
            parts.append(" " if breaks else "")
            parts.append(element.text or "")
        else:
            parts.append(" " if breaks else "")
            if element is not root:
                parts.append(element.tail or "")
    return "".join(parts).split()


def word_diff(original: list[str], ours: list[str]) -> tuple[list[Op], bool]:
    """Compact difference of two word lists, and whether either was cut at ``MAX_WORDS``."""
    cut = len(original) > MAX_WORDS or len(ours) > MAX_WORDS
    a, b = original[:MAX_WORDS], ours[:MAX_WORDS]
    if a == b:
        return [], cut
    ops: list[Op] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.extend(_context(a[i1:i2], first=not ops, last=i2 == len(a) and j2 == len(b)))
            continue
        if tag in ("delete", "replace"):
            ops.append(("-", " ".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            ops.append(("+", " ".join(b[j1:j2])))
    return ops, cut


def _context(words: list[str], *, first: bool, last: bool) -> list[Op]:
    """Unchanged words around changes: ``CONTEXT`` words kept on each side that touches one."""
    keep_head = 0 if first else CONTEXT
    keep_tail = 0 if last else CONTEXT
    if len(words) <= keep_head + keep_tail + 1:
        return [("=", " ".join(words))]
    ops: list[Op] = []
    if keep_head:
        ops.append(("=", " ".join(words[:keep_head])))
    ops.append(("…", ""))
    if keep_tail:
        ops.append(("=", " ".join(words[-keep_tail:])))
    return ops
