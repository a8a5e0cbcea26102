"""The tree walk that turns a cleaned body into Markdown, and the plain conversions of each element.

This follows the rules of markdownify 1.2 with the options the Blogger converter used (ATX
headings, ``-`` bullets, two-space hard breaks, whitespace collapsed to single spaces, nothing
escaped here), written for ``importer.html.tree`` instead of BeautifulSoup so that a body converts
at lxml speed rather than bs4's. The rules that matter for the output:
- whitespace-only text next to or just inside a block element is dropped; text at the edges of a
  block is stripped; other runs of whitespace become one space (kept as is inside ``<pre>``);
- each element's children are converted first and joined, and where one ends with newlines and
  the next starts with newlines the longer run is kept, at most two (not inside ``<pre>``);
- headings and table cells make their content inline (``_inline``); ``<pre>``, ``<code>``,
  ``<kbd>``, ``<samp>`` make it unformatted (``_noformat``).
``BloggerConverter`` (``converter``) overrides the conversions where Blogger needs more.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from importer.html.tree import COMMENT, DOCTYPE, Element, Node, Text

_ALL_WHITESPACE = re.compile(r"[\t \r\n]+")
_LINE_WITH_CONTENT = re.compile(r"^(.*)", flags=re.MULTILINE)
_HEADING = re.compile(r"h(\d+)")
_FUNCTION_NAME = re.compile(r"[\[\]:-]")
_REMOVE_INSIDE = frozenset({"p", "blockquote", "article", "div", "section", "ol", "ul", "li", "dl", "dt",
                            "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th"})
_NO_FORMAT = frozenset({"pre", "code", "kbd", "samp"})
Conversion = Callable[[Element, str, "frozenset[str]"], str]


@functools.lru_cache(maxsize=4096)
def _blockish(name: str) -> bool:
    """A block or a heading: whitespace inside is dropped."""
    return name in _REMOVE_INSIDE or _HEADING.match(name) is not None


def _remove_inside(node: Node | None) -> bool:
    """Whitespace just inside this element is dropped (a block, a heading)."""
    return isinstance(node, Element) and _blockish(node.name)


def _remove_outside(node: Node | None) -> bool:
    """Whitespace just outside this element is dropped (a block, a heading, ``<pre>``)."""
    return isinstance(node, Element) and (node.name == "pre" or _blockish(node.name))


def _is_content(node: Node | None) -> bool:
    """An element or text with something other than whitespace (not a comment)."""
    if isinstance(node, Element):
        return True
    return isinstance(node, Text) and node.kind not in (COMMENT, DOCTYPE) and node.value.strip() != ""


def _ignored(node: Node, remove_inside: bool) -> bool:
    """Children left out of the conversion: comments and whitespace next to blocks."""
    if isinstance(node, Element):
        return False
    assert isinstance(node, Text)
    if node.kind in (COMMENT, DOCTYPE):
        return True
    if node.value.strip() != "":
        return False
    before, after = node.previous_sibling, node.next_sibling
    if remove_inside and (before is None or after is None):
        return True
    return _remove_outside(before) or _remove_outside(after)


def _join(strings: list[str]) -> str:
    """Child results joined; newlines where two meet collapse to the longer run (at most two)."""
    pieces = [""]
    for string in strings:
        if string[0] != "\n" and string[-1] != "\n":
            pieces += ("", string, "")
            continue
        stripped = string.lstrip("\n")
        leading = string[: len(string) - len(stripped)]
        content = stripped.rstrip("\n")
        trailing = stripped[len(content):]
        if pieces[-1] and leading:
            previous = pieces.pop()
            leading = "\n" * min(2, max(len(previous), len(leading)))
        pieces += (leading, content, trailing)
    return "".join(pieces)


class MarkdownWalker:
    """Converts a tree to Markdown: ``convert_<name>(el, text, parent_tags)`` per element name."""

    def __init__(self) -> None:
        self._conversions: dict[str, Conversion | None] = {}
        self._inner: dict[tuple[frozenset[str], str], frozenset[str]] = {}

    def to_markdown(self, root: Element) -> str:
        """The Markdown of ``root`` and everything below it."""
        return self.process_tag(root, frozenset())

    def process_tag(self, node: Element, parent_tags: frozenset[str]) -> str:
        """The Markdown of ``node``: its children converted and joined, then its own conversion."""
        name = node.name
        remove_inside = _blockish(name)
        inner = self._inner.get((parent_tags, name))
        if inner is None:
            inner = self._inner[(parent_tags, name)] = self._tags_inside(name, parent_tags)
        strings: list[str] = []
        child = node.first_child
        while child is not None:
            if isinstance(child, Element):
                string = self.process_tag(child, inner)
            elif _ignored(child, remove_inside):
                string = ""
            else:
                string = self.process_text(child, inner)  # type: ignore[arg-type]
            if string:
                strings.append(string)
            child = child.next_sibling
        text = "".join(strings) if name == "pre" or "pre" in parent_tags else _join(strings)
        conversion = self._conversion(name)
        return conversion(node, text, parent_tags) if conversion is not None else text

    @staticmethod
    def _tags_inside(name: str, parent_tags: frozenset[str]) -> frozenset[str]:
        """The context of an element's children: its ancestors' names, its own, and ``_inline``
        (in headings and cells) and ``_noformat`` (in code)."""
        extra = {name}
        if name in ("td", "th") or _HEADING.match(name) is not None:
            extra.add("_inline")
        if name in _NO_FORMAT:
            extra.add("_noformat")
        return parent_tags | extra

    def _conversion(self, name: str) -> Conversion | None:
        if name not in self._conversions:
            function = getattr(self, "convert_" + _FUNCTION_NAME.sub("_", name), None)
            heading = _HEADING.match(name)
            if not callable(function) and heading is not None:
                level = int(heading.group(1))
                function = lambda el, text, tags: self.convert_hN(level, el, text, tags)  # noqa: E731
            self._conversions[name] = function if callable(function) else None
        return self._conversions[name]

    def escape(self, text: str, parent_tags: frozenset[str]) -> str:
        """Text as Markdown (here: unchanged; ``BloggerConverter`` escapes)."""
        return text

    def process_text(self, el: Text, parent_tags: frozenset[str]) -> str:
        """A text node: whitespace collapsed (outside ``<pre>``), escaped, stripped at block edges."""
        text = el.value
        if "pre" not in parent_tags and ("\n" in text or "\t" in text or "\r" in text or "  " in text):
            text = _ALL_WHITESPACE.sub(" ", text)
        if "_noformat" not in parent_tags:
            text = self.escape(text, parent_tags)
        before, after = el.previous_sibling, el.next_sibling
        if _remove_outside(before) or (before is None and _remove_inside(el.parent)):
            text = text.lstrip(" \t\r\n")
        if _remove_outside(after) or (after is None and _remove_inside(el.parent)):
            text = text.rstrip()
        return text

    # --- the plain conversions ------------------------------------------------------------------
    def convert_blockquote(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """A quote: each line after ``> ``."""
        text = (text or "").strip(" \t\r\n")
        if "_inline" in parent_tags:
            return " " + text + " "
        if not text:
            return "\n"
        text = _LINE_WITH_CONTENT.sub(lambda m: "> " + m.group(1) if m.group(1) else ">", text)
        return "\n" + text + "\n\n"

    def convert_div(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """A block of its own."""
        if "_inline" in parent_tags:
            return " " + text.strip() + " "
        text = text.strip()
        return f"\n\n{text}\n\n" if text else ""

    convert_article = convert_section = convert_dl = convert_div

    def convert_p(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """A paragraph."""
        if "_inline" in parent_tags:
            return " " + text.strip(" \t\r\n") + " "
        text = text.strip(" \t\r\n")
        return f"\n\n{text}\n\n" if text else ""

    def convert_dd(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """A definition, indented four spaces after ``:``."""
        text = (text or "").strip()
        if "_inline" in parent_tags:
            return " " + text + " "
        if not text:
            return "\n"
        text = _LINE_WITH_CONTENT.sub(lambda m: "    " + m.group(1) if m.group(1) else "", text)
        return ":" + text[1:] + "\n"

    def convert_dt(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """A defined term on a line of its own."""
        text = _ALL_WHITESPACE.sub(" ", (text or "").strip())
        if "_inline" in parent_tags:
            return " " + text + " "
        return f"\n\n{text}\n" if text else "\n"

    def convert_hN(self, n: int, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """An ATX heading (levels past 6 are 6)."""
        if "_inline" in parent_tags:
            return text
        text = _ALL_WHITESPACE.sub(" ", text.strip())
        return "\n\n{} {}\n\n".format("#" * max(1, min(6, n)), text)

    def convert_hr(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """A thematic break."""
        return "\n\n---\n\n"

    def convert_list(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """A list; a blank line after it when a paragraph follows."""
        following = el.next_sibling
        while following is not None and not _is_content(following):
            following = following.next_sibling
        before_paragraph = following is not None and not (
            isinstance(following, Element) and following.name in ("ul", "ol"))
        if "li" in parent_tags:
            return "\n" + text.rstrip()
        return "\n\n" + text + ("\n" if before_paragraph else "")

    convert_ul = convert_ol = convert_list

    def convert_script(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """Nothing."""
        return ""

    convert_style = convert_script

    def convert_table(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """A pipe table (its rows are converted by ``convert_tr``)."""
        return "\n\n" + text.strip() + "\n\n"

    def convert_caption(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """A table caption."""
        return text.strip() + "\n\n"

    def convert_figcaption(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """A figure caption, as a paragraph."""
        return "\n\n" + text.strip() + "\n\n"

    def convert_td(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """A cell, its lines joined."""
        span = el.attrs.get("colspan", "")
        colspan = max(1, min(1000, int(span))) if span.isdigit() else 1
        return " " + text.strip().replace("\n", " ") + " |" * colspan

    convert_th = convert_td

    def convert_tr(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """A table row; the table's first row gets the header separator (or an empty header above
        it). Only the first: a ``<tfoot>`` row once got a second separator, shown as a row of
        ``---`` in every page."""
        table = el.find_parent("table")
        rows = [row for row in table.find_all("tr") if row.find_parent("table") is table] if table else []
        if rows and rows[0] is not el:
            return "|" + text + "\n"
        cells = el.find_all(("td", "th"))
        parent = el.parent
        assert parent is not None
        is_headrow = all(cell.name == "th" for cell in cells) or (
            parent.name == "thead" and len(parent.find_all("tr")) == 1)
        full_colspan = sum(max(1, min(1000, int(c.attrs["colspan"])))
                           if c.attrs.get("colspan", "").isdigit() else 1 for c in cells)
        separator = "| " + " | ".join(["---"] * full_colspan) + " |" + "\n"
        if is_headrow:
            return "|" + text + "\n" + separator
        return "| " + " | ".join([""] * full_colspan) + " |" + "\n" + separator + "|" + text + "\n"
