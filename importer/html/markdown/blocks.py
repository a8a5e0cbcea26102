"""Helpers for the blocks the converter writes specially: code, pipe tables and raw HTML.

Quirks handled: Blogger turns the line breaks of ``<pre>`` into ``<br>``; a code block's language
comes from SyntaxHighlighter (``brush: js``), prettify (``lang-py``), highlight.js
(``language-x``, or a bare ``class="python"``) or a ``lang``/``data-lang`` attribute; raw HTML
must not hold a blank line (it would end CommonMark's HTML block).
"""

from __future__ import annotations

import re

from importer.html.cleanup import BLOCK_TAGS, RAW_TAG
from importer.html.tree import Element, Text

_LANGUAGE = re.compile(r"(?:brush:\s*|lang(?:uage)?-)([A-Za-z0-9_+#-]+)")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
#: A bare class (highlight.js ``<pre class="python">``) is a language only when it is one of these
#: names that Hugo's Chroma, Rouge and Pygments all know; any other class is presentation.
KNOWN_LANGUAGES = frozenset("""
    actionscript apache applescript arduino asm bash basic c clojure cmake coffeescript cpp csharp
    css csv dart diff django docker dockerfile elixir elm erlang fortran fsharp go graphql groovy
    haml haskell html http ini java javascript js json julia kotlin latex less lisp lua make
    makefile markdown matlab nginx objectivec ocaml pascal perl php plaintext powershell prolog
    properties protobuf python r ruby rust sass scala scheme scss shell smalltalk sql swift tcl
    tex toml typescript vb vbnet verilog vhdl vim xml xquery yaml zsh
""".split())
#: Start tags CommonMark reads as an HTML block that a blank line ends (type 6).
BLOCK_HTML_START = frozenset({
    "address", "article", "aside", "blockquote", "center", "dd", "details", "div", "dl", "dt",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "iframe", "li",
    "ol", "p", "section", "table", "ul",
})


def code_fence(code: str) -> str:
    """A backtick fence longer than any backtick run in ``code`` (at least three)."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    return "`" * max(3, longest + 1)


def pre_text(el: Element) -> str:
    """Text of a ``<pre>`` with ``<br>`` as line breaks (iterative: no recursion on deep input)."""
    parts: list[str] = []
    for node in el.descendants:
        if isinstance(node, Text):
            parts.append(node.value)
        elif isinstance(node, Element) and node.name == "br":
            parts.append("\n")
    text = "".join(parts).replace("\r\n", "\n")
    return text[1:] if text.startswith("\n") else text


def code_text(el: Element) -> str:
    """Text of a ``<code>``: ``<br>`` and the starts of blocks inside it are line breaks, a
    newline of the source is a space (as a browser shows it outside ``<pre>``)."""
    parts: list[str] = []
    for node in el.descendants:
        if isinstance(node, Text):
            parts.append(node.value.replace("\r\n", " ").replace("\n", " "))
        elif isinstance(node, Element) and (node.name == "br" or (node.name in BLOCK_TAGS and parts)):
            parts.append("\n")
    return "".join(parts)


def language(el: Element) -> str:
    """The language of a code block, from the classes or ``lang`` attributes of it or its ``<code>``."""
    for node in [el, *el.find_all("code")]:
        names = node.classes()
        match = _LANGUAGE.search(" ".join(names))
        if match:
            return match.group(1).lower()
        for value in [node.get("lang"), node.get("data-lang"), node.get("data-language"), *names]:
            name = str(value or "").strip().lower()
            if name in KNOWN_LANGUAGES:
                return name
    return ""


def raw_html(el: Element) -> str:
    """Balanced HTML of ``el`` with no blank line inside (a blank line would end the HTML block)."""
    if el.name == RAW_TAG:
        html = str(el.get("data-html") or "")
        name = re.match(r"<([A-Za-z0-9]+)", html)
        if name is None or name.group(1).lower() not in BLOCK_HTML_START:
            html = f"<div>{html}</div>"
    else:
        html = str(el)
    return _BLANK_LINES.sub("\n", html).strip()


def _cells(row: Element) -> list[Element]:
    return [c for c in row.children if isinstance(c, Element) and c.name in ("td", "th")]


def _footer_first(rows: list[Element], table: Element) -> bool:
    """A ``<tfoot>`` written before the body (HTML 4 put it there; a browser shows it last): a pipe
    table, which has no footer, would show it in the middle."""
    parts = [row.parent.name if row.parent is not None and row.parent is not table else "" for row in rows]
    return "tfoot" in parts and any(part != "tfoot" for part in parts[parts.index("tfoot"):])


def pipe_table_ok(table: Element) -> bool:
    """A pipe table can express ``table``: a header row, equal widths, inline-only cells."""
    rows = [r for r in table.find_all("tr") if r.find_parent("table") is table]
    if not rows or table.find("table") is not None or table.find("caption") is not None:
        return False
    widths = {len(_cells(r)) for r in rows}
    if len(widths) != 1 or 0 in widths:
        return False
    first = _cells(rows[0])
    header = all(c.name == "th" for c in first) or rows[0].find_parent("thead") is not None
    if not header or _footer_first(rows, table):
        return False
    block = ("p", "div", "ul", "ol", "pre", "blockquote", "br", "h1", "h2", "h3", "h4", "h5", "h6",
             "iframe", "object", "dl", "hr")
    return all(not c.get("rowspan") and not c.get("colspan") and c.find(block) is None
               for r in rows for c in _cells(r))
