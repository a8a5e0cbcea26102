"""Inline formatting in a Blogger body reshaped so that Markdown can say it: runs inside blocks.

Markdown emphasis lives inside one paragraph, heading or cell; HTML's does not. Quirks of real
Blogger and Word soup handled here, in this order:
- Styles: ``font-weight: bold``/``700`` and ``font-style: italic`` make ``<strong>``/``<em>``;
  Word's ``mso-bidi-font-weight: bold`` does not (it only applies to right-to-left text).
- Breaks at the edges of a run move out of it: ``<span style="font-weight: bold;">3:<br /></span>``.
- A run that holds blocks or a ``<br><br>`` paragraph break is split and pushed into each block:
  ``<b><i><div>…</div><h2>…</h2></i></b>`` becomes ``<div><b><i>…</i></b></div><h2><b><i>…``.
- Bold inside bold (``<b>…<div><b>x</b>:</div></b>``) is unwrapped, as it adds nothing.
- Adjacent runs of one kind merge: ``<b>x@y.org</b><b>.</b>`` is ``<b>x@y.org.</b>``.
- A run without text (only an image, a linked image or spaces) is unwrapped: emphasis there shows
  nothing, and goldmark prints ``**[![](a)](b)**`` literally.
"""

from __future__ import annotations

from collections.abc import Sequence

from importer.html.tree import Element, Node, Text

#: Elements that format a run of text: emphasis and the ones kept as inline HTML tags.
EMPHASIS_KIND = {"b": "strong", "strong": "strong", "i": "em", "em": "em"}
RUN_TAGS = ("b", "strong", "i", "em", "u", "sub", "sup", "del", "s", "strike", "ins", "mark", "small",
            "big")
#: Runs that add nothing when nested in their own kind (``<sub><sub>`` does: it is lower still).
_SAME_KIND = {**EMPHASIS_KIND, "u": "u", "del": "del", "s": "del", "strike": "del"}
#: Names of the runs ``tidy_runs`` unwraps and merges.
RUN_KINDS = frozenset(_SAME_KIND)
_NAMES_OF_KIND = {kind: [n for n, k in _SAME_KIND.items() if k == kind] for kind in set(_SAME_KIND.values())}
#: Blocks whose content is not a run of text (kept whole, or has no text of its own).
_NO_RUNS_IN = frozenset({"pre", "iframe", "object", "embed", "hr", "script", "video", "audio", "svg",
                         "math", "canvas", "map", "noscript", "form"})
#: Blocks made of other blocks: the run is pushed further down, into their cells and items.
_BLOCKS_OF_BLOCKS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "ul", "ol", "dl"})


def css_flags(style: str) -> tuple[bool, bool]:
    """``(bold, italic)`` from an inline ``style``, reading only the ``font-weight`` and
    ``font-style`` properties themselves (not ``mso-bidi-font-weight`` and the like)."""
    weight = style_ = ""
    for declaration in style.split(";"):
        name, colon, value = declaration.partition(":")
        if not colon:
            continue
        name = name.strip().lower()
        if name == "font-weight":
            weight = value.strip().lower()
        elif name == "font-style":
            style_ = value.strip().lower()
    weight = weight.replace("!important", "").strip()
    bold = weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600)
    italic = style_.replace("!important", "").strip() in ("italic", "oblique")
    return bold, italic


def _blank(node: object) -> bool:
    return isinstance(node, Text) and not node.value.strip()


def _is_br(node: object) -> bool:
    return isinstance(node, Element) and node.name == "br"


def _unwrap_textless(runs: list[Element]) -> None:
    """Runs holding only spaces, breaks and other such runs are no runs: unwrapped before the
    breaks are read, so ``<br><b> </b><br>`` is seen as the paragraph break it is."""
    for run in reversed(runs):
        if run.parent is not None and not run.has_text() and all(
                tag.name in RUN_TAGS or tag.name == "br" for tag in run.find_all(True)):
            run.unwrap()


def reshape_runs(root: Element, block_tags: frozenset[str]) -> None:
    """Move edge breaks out of runs and split runs that hold blocks (see the module docstring)."""
    runs = root.find_all(RUN_TAGS)
    _unwrap_textless(runs)
    for run in reversed(runs):  # inner runs first
        if run.parent is None:
            continue
        _move_edge_breaks(run)
        if run.first_child is None:  # it held only breaks: nothing left to format
            run.extract()
            continue
        _split_at_blocks(run, block_tags)


def _move_edge_breaks(run: Element) -> None:
    """``<b>3:<br /></b>`` to ``<b>3:</b><br />``: a break at an edge is no part of the run.

    Spaces next to such a break go with it; plain edge spaces stay (the converter moves those).
    """
    lead: list[Node] = []
    node = run.first_child
    while node is not None and (_is_br(node) or _blank(node)):
        lead.append(node)
        node = node.next_sibling
    if any(_is_br(node) for node in lead):
        for node in lead:
            run.insert_before(node)
    trail: list[Node] = []
    node = run.last_child
    while node is not None and (_is_br(node) or _blank(node)):
        trail.append(node)
        node = node.previous_sibling
    if any(_is_br(node) for node in trail):
        for node in trail:
            run.insert_after(node)


def _boundary_at(children: Sequence[Node], index: int, block_tags: frozenset[str]) -> int:
    """End (exclusive) of a block boundary starting at ``index``: a block element, or a run of two
    or more ``<br>`` with only spaces between; ``index`` itself when there is none."""
    child = children[index]
    if isinstance(child, Element) and child.name in block_tags:
        return index + 1
    if not _is_br(child):
        return index
    end, breaks = index, 0
    while end < len(children) and (_is_br(children[end]) or _blank(children[end])):
        breaks += _is_br(children[end])
        end += 1
    return end if breaks >= 2 else index


def _split_at_blocks(run: Element, block_tags: frozenset[str]) -> None:
    """Replace ``run`` by copies around each stretch of inline content, pushed into its blocks."""
    children: list[Node] = run.contents
    if not any(_boundary_at(children, i, block_tags) > i for i in range(len(children))):
        return
    pieces: list[Node] = []
    stretch: list[Node] = []
    index = 0
    while index < len(children):
        end = _boundary_at(children, index, block_tags)
        if end == index:
            stretch.append(children[index])
            index += 1
            continue
        pieces += _wrapped(run, stretch)
        stretch = []
        for child in children[index:end]:
            if isinstance(child, Element) and child.name in block_tags:
                _push_into(child, run, block_tags)
            pieces.append(child)
        index = end
    pieces += _wrapped(run, stretch)
    for piece in pieces:
        run.insert_before(piece)
    run.extract()


def _copy(run: Element) -> Element:
    """An empty element like ``run`` (same name and attributes)."""
    return Element(run.name, dict(run.attrs))


def _wrapped(run: Element, stretch: list[Node]) -> list[Node]:
    """``stretch`` inside a copy of ``run``; as it is when it is only spaces."""
    if all(_blank(node) for node in stretch):
        return stretch
    copy = _copy(run)
    for node in stretch:
        copy.append(node)
    return [copy]


def _push_into(block: Element, run: Element, block_tags: frozenset[str]) -> None:
    """Give the inline content of ``block`` (or of its cells and items) the formatting of ``run``."""
    if block.name in _NO_RUNS_IN or block.name.startswith("blogimport-"):
        return
    if block.name in _BLOCKS_OF_BLOCKS:
        for child in [c for c in block.children if isinstance(c, Element)]:
            _push_into(child, run, block_tags)
        return
    if block.first_child is None:
        return
    copy = _copy(run)
    for node in block.children:
        copy.append(node)
    block.append(copy)
    _move_edge_breaks(copy)
    _split_at_blocks(copy, block_tags)


def tidy_runs(runs: list[Element]) -> None:
    """Unwrap runs nested in their own kind and runs with no text; merge adjacent runs of a kind.

    ``runs`` are the elements named in ``RUN_KINDS``, in document order.
    """
    for run in runs:
        kind = _SAME_KIND[run.name]
        if run.parent is None:
            continue
        textless = kind in ("strong", "em") and not run.has_text()
        if textless or run.find_parent(_NAMES_OF_KIND[kind]) is not None:
            run.unwrap()
    for run in runs:
        if run.parent is not None:
            _merge_following(run)


def _merge_following(run: Element) -> None:
    """Move the content of the next runs of the same kind (spaces between allowed) into ``run``."""
    kind = _SAME_KIND[run.name]
    while True:
        between: list[Node] = []
        sibling = run.next_sibling
        while sibling is not None and _blank(sibling):
            between.append(sibling)
            sibling = sibling.next_sibling
        if not (isinstance(sibling, Element) and _SAME_KIND.get(sibling.name) == kind):
            return
        for node in [*between, *sibling.children]:
            run.append(node)
        sibling.extract()
