"""Cleaned Blogger HTML to Markdown that CommonMark, Goldmark, kramdown and Python-Markdown agree on.

A ``markdownify.MarkdownConverter`` subclass (markdownify >=1.2,<2 hook signature
``convert_<tag>(self, el, text, parent_tags)``). Quirks handled:
- Escaping only where a character would change meaning: ``* ` [ ] ~ \\``, ``_`` at word edges,
  ``<`` before a tag-like letter, ``&`` before an entity-like word, and block markers at the start of
  a line (``#``, ``>``, ``- ``, ``+ ``, Finnish ordinals like ``10. kesäkuuta``).
- ``<pre>`` keeps its line breaks (Blogger turns them into ``<br>``) and its language
  (``brush: js``, ``lang-py``, ``language-x``), fenced with a fence longer than any run inside.
- Nested lists indented by four spaces (Python-Markdown, used by Pelican, needs four).
- Pipe tables only for tables with a header row and plain cells; every other table, definition
  lists, non-YouTube embeds, scripts and deeply nested subtrees stay as balanced raw HTML; ``<u>``,
  ``<sub>``, ``<sup>``, ``<del>`` keep their tags around converted content. Each is counted.
- YouTube ``<iframe>`` and old ``<object>``/``<embed>`` players become one clean iframe, or the
  generator's shortcode when asked (Hugo ``{{< youtube ID >}}``).
- A heading's own ``id`` (a link target: ``page.html#yhteystiedot``) is kept as a ``{#id}``
  attribute when asked (``heading_ids``): Goldmark, kramdown, Python-Markdown's ``attr_list`` (in
  Pelican's default ``extra``) and Zola read it, and Pelican makes no heading ids by itself. Plain
  CommonMark has no such syntax, so the plain ``markdown`` output leaves it out.
- Hugo treats ``{{< … >}}`` in any text as a shortcode: such text is written in Hugo's comment form
  ``{{</* … */>}}``, which Hugo prints literally.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape
from typing import Any

from bs4 import Tag
from bs4.element import NavigableString
from markdownify import ATX, SPACES, MarkdownConverter

from importer.html.cleanup import BLOCK_TAGS, MORE_TAG, RAW_TAG, clean

_YOUTUBE = re.compile(
    r"(?:youtube(?:-nocookie)?\.com/(?:embed/|v/|watch\?v=)|youtu\.be/)([A-Za-z0-9_-]{11})"
)
_LANGUAGE = re.compile(r"(?:brush:\s*|lang(?:uage)?-)([A-Za-z0-9_+#-]+)")
_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_TAG_LIKE = re.compile(r"<(?=[A-Za-z/!?])")
_LINE_START = re.compile(r"^(\s*)(#|>|[-+](?=\s|$)|=+\s*$|-+\s*$|(\d{1,9})([.)])(?=\s|$))")
_HEADING_ID = re.compile(r"[A-Za-z][A-Za-z0-9_:.-]*")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_HUGO_SHORTCODE = re.compile(r"\{\{([<%])(.*?)([>%])\}\}", re.DOTALL)
#: Private-use characters that delimit stashed pieces; a pair the body does not use is chosen.
_PRIVATE_USE = range(0xE000, 0xF900)
#: Start tags CommonMark reads as an HTML block that a blank line ends (type 6).
_BLOCK_HTML_START = frozenset({
    "address", "article", "aside", "blockquote", "center", "dd", "details", "div", "dl", "dt",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "iframe", "li",
    "ol", "p", "section", "table", "ul",
})
_RAW_WRAPPED = ("u", "sub", "sup", "del", "s", "strike", "ins", "mark", "small", "big", "abbr", "q")
#: Where a fenced code block cannot be put (it would break the cell, heading, link or emphasis).
_NO_BLOCK_IN = frozenset({"_inline", "a", "b", "strong", "i", "em", *_RAW_WRAPPED})
_RAW_WHOLE = ("dl", "script", "video", "audio", "form", "noscript", "canvas", "svg", "math", "map")


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


def youtube_id(url: str) -> str | None:
    """The video id of a YouTube embed/watch/short URL, or None."""
    match = _YOUTUBE.search(url)
    return match.group(1) if match else None


def _destination(url: str) -> str:
    """A link destination safe in ``(...)``: angle-bracketed when it has spaces or parentheses."""
    if re.search(r"[\s()<>]", url):
        return "<" + url.replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">"
    return url


def _code_fence(code: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    return "`" * max(3, longest + 1)


def _pre_text(el: Tag) -> str:
    """Text of a ``<pre>`` with ``<br>`` as line breaks (iterative: no recursion on deep input)."""
    parts: list[str] = []
    for node in el.descendants:
        if isinstance(node, NavigableString):
            parts.append(str(node))
        elif isinstance(node, Tag) and node.name == "br":
            parts.append("\n")
    text = "".join(parts).replace("\r\n", "\n")
    return text[1:] if text.startswith("\n") else text


def _code_text(el: Tag) -> str:
    """Text of a ``<code>``: ``<br>`` and the starts of blocks inside it are line breaks, a
    newline of the source is a space (as a browser shows it outside ``<pre>``)."""
    parts: list[str] = []
    for node in el.descendants:
        if isinstance(node, NavigableString):
            parts.append(str(node).replace("\r\n", " ").replace("\n", " "))
        elif isinstance(node, Tag) and (node.name == "br" or (node.name in BLOCK_TAGS and parts)):
            parts.append("\n")
    return "".join(parts)


def _language(el: Tag) -> str:
    for node in [el, *el.find_all("code")]:
        classes = node.get("class")
        joined = " ".join(classes) if isinstance(classes, list) else str(classes or "")
        match = _LANGUAGE.search(joined)
        if match:
            return match.group(1).lower()
    return ""


def _raw_html(el: Tag) -> str:
    """Balanced HTML of ``el`` with no blank line inside (a blank line would end the HTML block)."""
    if el.name == RAW_TAG:
        html = str(el.get("data-html") or "")
        name = re.match(r"<([A-Za-z0-9]+)", html)
        if name is None or name.group(1).lower() not in _BLOCK_HTML_START:
            html = f"<div>{html}</div>"
    else:
        html = str(el)
    return _BLANK_LINES.sub("\n", html).strip()


class BloggerConverter(MarkdownConverter):
    """markdownify converter for cleaned Blogger bodies (see the module docstring)."""

    def __init__(self, more_marker: str = "<!--more-->", youtube_shortcode: str | None = None,
                 heading_ids: bool = False, **options: Any) -> None:
        super().__init__(
            heading_style=ATX, bullets="-", newline_style=SPACES, wrap=True, wrap_width=None,
            escape_asterisks=False, escape_underscores=False, escape_misc=False, **options,
        )
        self.more_marker = more_marker
        self.youtube_shortcode = youtube_shortcode
        self.heading_ids = heading_ids
        self.raw_tags: list[str] = []
        self.placeholders: list[str] = []
        self.use_delimiters("")

    def use_delimiters(self, source: str) -> None:
        """Delimit placeholders with private-use characters that do not occur in ``source``.

        Text may carry private-use characters (icon fonts, old symbol fonts): a fixed pair could
        be taken for a placeholder, putting the wrong piece in the output or failing outright.
        """
        free = (chr(c) for c in _PRIVATE_USE if chr(c) not in source)
        self._open, self._close = next(free), next(free)
        self._placeholder_re = re.compile(re.escape(self._open) + r"(\d+)" + re.escape(self._close))

    # --- raw HTML -------------------------------------------------------------------------------
    def process_tag(self, node: Tag, parent_tags: set[str] | None = None) -> str:
        """Keep inexpressible elements as raw HTML before their children are converted."""
        if node.name in (RAW_TAG, *_RAW_WHOLE) or (node.name == "table" and not _pipe_table_ok(node)):
            self.raw_tags.append("nested" if node.name == RAW_TAG else node.name)
            return "\n\n" + self._protect(_raw_html(node)) + "\n\n"
        if node.name in ("iframe", "object", "embed"):
            return self._embed(node)
        return str(super().process_tag(node, parent_tags))  # type: ignore[misc]

    def _protect(self, text: str) -> str:
        """Stash ``text`` so later escaping and rewriting cannot touch it."""
        self.placeholders.append(text)
        return f"{self._open}{len(self.placeholders) - 1}{self._close}"

    def _embed(self, el: Tag) -> str:
        sources = [str(el.get("src") or el.get("data") or "")]
        sources += [str(p.get("value") or "") for p in el.find_all("param", attrs={"name": "movie"})]
        sources += [str(e.get("src") or "") for e in el.find_all("embed")]
        video = next((v for v in map(youtube_id, sources) if v), None)
        if video is None:
            self.raw_tags.append(el.name)
            return "\n\n" + self._protect(_raw_html(el)) + "\n\n"
        if self.youtube_shortcode:
            return "\n\n" + self._protect(self.youtube_shortcode.format(id=video)) + "\n\n"
        self.raw_tags.append("iframe")
        width, height = el.get("width") or "560", el.get("height") or "315"
        iframe = (f'<iframe width="{width}" height="{height}" src="https://www.youtube.com/embed/{video}" '
                  'frameborder="0" allowfullscreen></iframe>')
        return "\n\n" + self._protect(iframe) + "\n\n"

    def _wrapped(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        self.raw_tags.append(el.name)
        return f"{self._protect(f'<{el.name}>')}{text}{self._protect(f'</{el.name}>')}"

    convert_u = convert_sub = convert_sup = convert_del = convert_s = convert_strike = _wrapped
    convert_ins = convert_mark = convert_small = convert_big = convert_abbr = convert_q = _wrapped

    # --- text -----------------------------------------------------------------------------------
    def escape(self, text: str, parent_tags: set[str]) -> str:
        """Backslash-escape only the characters that would change meaning here."""
        if not text:
            return ""
        text = re.sub(r"([\\`*\[\]~])", r"\\\1", text)
        text = re.sub(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])", r"\\_", text)
        text = _TAG_LIKE.sub(r"\\<", text)
        text = _ENTITY_LIKE.sub(r"\\&", text)
        if "td" in parent_tags or "th" in parent_tags:
            text = text.replace("|", r"\|")
        return text

    def process_text(self, el: NavigableString, parent_tags: set[str] | None = None) -> str:
        """Text with line-start block markers escaped when the text begins a line."""
        text = str(super().process_text(el, parent_tags))  # type: ignore[misc]
        if text and "_noformat" not in (parent_tags or set()) and _starts_line(el):
            text = _LINE_START.sub(_escape_marker, text, count=1)
        return text

    def convert_br(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """A line break: a newline in code, a space in cells and headings, else a hard break."""
        if "pre" in parent_tags:
            return "\n"
        if "_inline" in parent_tags:
            return " "
        return "  \n"

    # --- blocks ---------------------------------------------------------------------------------
    def convert_pre(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """Fenced code keeping line breaks and the language."""
        code = _pre_text(el).rstrip("\n")
        if not code.strip():
            return ""
        fence = _code_fence(code)
        return "\n\n" + self._protect(f"{fence}{_language(el)}\n{code}\n{fence}") + "\n\n"

    def convert_code(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """Inline code delimited by more backticks than any run inside.

        Blogger posts often hold several lines of code in a ``<code>`` broken by ``<br>`` (no
        ``<pre>``): those lines become a fenced block, or, where a block cannot stand (a table
        cell, a heading, inside a link or emphasis), stay apart by a space rather than run together.
        """
        if "pre" in parent_tags:
            return text
        lines = _code_text(el).strip("\n")
        if "\n" in lines and lines.strip() and not parent_tags & _NO_BLOCK_IN:
            lines = "\n".join(line.rstrip() for line in lines.split("\n"))
            fence = _code_fence(lines)
            return "\n\n" + self._protect(f"{fence}{_language(el)}\n{lines}\n{fence}") + "\n\n"
        code = lines.replace("\n", " ")
        if not code.strip():
            return code
        ticks = "`" * (max((len(r) for r in re.findall(r"`+", code)), default=0) + 1)
        pad = " " if code.startswith("`") or code.endswith("`") else ""
        code = _in_cell(code, parent_tags)
        return self._protect(f"{ticks}{pad}{code}{pad}{ticks}")

    convert_kbd = convert_samp = convert_tt = convert_code

    def convert_hN(self, n: int, el: Tag, text: str, parent_tags: set[str]) -> str:
        """ATX heading; a trailing ``#`` of the text is escaped so it is not a closing sequence."""
        if not text.strip() and "_inline" not in parent_tags:
            return "\n\n"  # an empty heading shows nothing; "##" alone would show as text
        result = str(super().convert_hN(n, el, text, parent_tags))  # type: ignore[misc]
        result = re.sub(r"(\s)#+(\s*)$", lambda m: m.group(1) + "\\" + m.group(0).strip() + m.group(2),
                        result)
        ident = str(el.get("id") or "")
        if (self.heading_ids and "_inline" not in parent_tags and text.strip()
                and _HEADING_ID.fullmatch(ident)):
            stripped = result.rstrip("\n")
            result = stripped + " " + self._protect("{#" + ident + "}") + result[len(stripped):]
        return result

    def convert_li(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """A list item; continuation lines and nested lists indented by four spaces."""
        text = (text or "").strip()
        if not text:
            return "\n"
        parent = el.parent
        if parent is not None and parent.name == "ol":
            start = str(parent.get("start") or "1")
            first = int(start) if start.isdigit() else 1
            bullet = f"{first + len(el.find_previous_siblings('li'))}. "
        else:
            bullet = "- "
        lines = text.split("\n")
        # stashed code blocks are one line here: their own lines need the item's indentation too
        head = self._carry(lines[0], " " * len(bullet), "")
        rest = [("    " + self._carry(line, "    ", "")) if line.strip() else "" for line in lines[1:]]
        return bullet + "\n".join([head, *rest]) + "\n"

    def convert_blockquote(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """A quote; stashed code blocks in it get ``>`` on every line, or the quote would end."""
        if "_inline" not in parent_tags:
            text = self._carry(text, "> ", ">")
        return str(super().convert_blockquote(el, text, parent_tags))  # type: ignore[misc]

    def _carry(self, text: str, prefix: str, blank: str) -> str:
        """``text`` with each stashed piece that spans lines re-stashed with ``prefix`` before its
        later lines (``blank`` for its empty ones), as the container does to its own lines."""
        if self._open not in text:
            return text

        def one(match: re.Match[str]) -> str:
            piece = self._resolve(self.placeholders[int(match.group(1))])
            if "\n" not in piece:
                return match.group(0)
            head, *tail = piece.split("\n")
            return self._protect("\n".join([head, *((prefix + line) if line else blank for line in tail)]))

        return self._placeholder_re.sub(one, text)

    def _resolve(self, text: str) -> str:
        """``text`` with the stashed pieces inside it put back."""
        while self._open in text:
            resolved = self._placeholder_re.sub(lambda m: self.placeholders[int(m.group(1))], text)
            if resolved == text:
                break
            text = resolved
        return text

    def convert_img(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """An image, also inside table cells and headings."""
        alt = self.escape(str(el.get("alt") or ""), parent_tags)
        src = _destination(str(el.get("src") or ""))
        title = str(el.get("title") or "")
        title_part = ' "{}"'.format(title.replace('"', r"\"")) if title else ""
        return f"![{alt}]({_in_cell(src + title_part, parent_tags)})"

    def convert_a(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """A link; bare URLs as autolinks, destinations with spaces or parentheses bracketed."""
        href = str(el.get("href") or "")
        if not href or not text.strip():
            return text
        if text == href and re.fullmatch(r"https?://[^\s<>]+", href) and not el.get("title"):
            return f"<{_in_cell(href, parent_tags)}>"
        title = str(el.get("title") or "")
        title_part = ' "{}"'.format(title.replace('"', r"\"")) if title else ""
        return f"[{text}]({_in_cell(_destination(href) + title_part, parent_tags)})"

    def convert_blogimport_more(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """The jump break: the flavor's summary marker on a line of its own."""
        return f"\n\n{self._protect(self.more_marker)}\n\n" if self.more_marker else "\n\n"

    def finish(self, markdown: str, hugo: bool) -> str:
        """Put stashed pieces back; for Hugo, neutralize shortcode-like text first."""
        if hugo:
            markdown = _HUGO_SHORTCODE.sub(r"{{\1/*\2*/\3}}", markdown)
            self.placeholders = [_HUGO_SHORTCODE.sub(r"{{\1/*\2*/\3}}", p)
                                 if not p.startswith("{{< youtube ") else p for p in self.placeholders]
        markdown = re.sub(r"\n{3,}", "\n\n", markdown)
        markdown = re.sub(r"(?<=\S) (?=\n|$)", "", markdown)  # a lone trailing space; two are a break
        markdown = self._resolve(markdown)  # placeholders may nest (code inside a wrapped <u>)
        return markdown.strip("\n") + "\n" if markdown.strip() else ""


def _in_cell(text: str, parent_tags: set[str]) -> str:
    """``text`` with ``|`` escaped inside a table cell, where a bare one ends the cell anywhere
    (in code, link destinations and titles too)."""
    return text.replace("|", r"\|") if "td" in parent_tags or "th" in parent_tags else text


def _escape_marker(match: re.Match[str]) -> str:
    lead, marker = match.group(1), match.group(2)
    if match.group(3) is not None:  # "10. kesäkuuta" would start an ordered list
        return f"{lead}{match.group(3)}\\{match.group(4)}"
    return f"{lead}\\{marker}"


def _starts_line(el: NavigableString) -> bool:
    """True when ``el`` is the first content of its block or follows a ``<br>``."""
    node: Any = el
    while node.previous_sibling is None:
        parent = node.parent
        if parent is None or parent.name in BLOCK_TAGS or parent.name in ("body", "td", "th"):
            return True
        node = parent
    previous = node.previous_sibling
    while isinstance(previous, NavigableString) and not previous.strip():
        previous = previous.previous_sibling
        if previous is None:
            return True
    return isinstance(previous, Tag) and (previous.name == "br" or previous.name in BLOCK_TAGS)


def _cells(row: Tag) -> list[Tag]:
    return [c for c in row.find_all(["td", "th"], recursive=False)]


def _pipe_table_ok(table: Tag) -> bool:
    """A pipe table can express ``table``: a header row, equal widths, inline-only cells."""
    rows = [r for r in table.find_all("tr") if r.find_parent("table") is table]
    if not rows or table.find("table") is not None or table.find("caption") is not None:
        return False
    widths = {len(_cells(r)) for r in rows}
    if len(widths) != 1 or 0 in widths:
        return False
    first = _cells(rows[0])
    header = all(c.name == "th" for c in first) or rows[0].find_parent("thead") is not None
    if not header:
        return False
    block = ["p", "div", "ul", "ol", "pre", "blockquote", "br", "h1", "h2", "h3", "h4", "h5", "h6",
             "iframe", "object", "dl", "hr"]
    return all(not c.get("rowspan") and not c.get("colspan") and c.find(block) is None
               for r in rows for c in _cells(r))


def _summary_text(marker: Tag) -> str:
    strings: Iterable[str] = reversed(marker.find_all_previous(string=True))
    return " ".join(" ".join(strings).split())


def html_to_markdown(html: str, *, more_marker: str = "<!--more-->",
                     youtube_shortcode: str | None = None, hugo: bool = False,
                     heading_ids: bool = False) -> ConvertedBody:
    """Clean and convert one Blogger body.

    ``more_marker`` replaces the jump break ("" drops it, e.g. for Pelican, which takes the summary
    from ``ConvertedBody.summary``); ``youtube_shortcode`` is a format string with ``{id}`` used for
    YouTube embeds instead of an iframe; ``hugo`` neutralizes shortcode-like text; ``heading_ids``
    keeps a heading's ``id`` as ``{#id}``.
    """
    cleaned = clean(html)
    converter = BloggerConverter(more_marker=more_marker, youtube_shortcode=youtube_shortcode,
                                 heading_ids=heading_ids)
    converter.use_delimiters(unescape(html) if "&" in html else html)  # &#xe000; is one too
    summary = None
    if cleaned.has_more:
        marker = cleaned.root.find(MORE_TAG)
        summary = _summary_text(marker) if isinstance(marker, Tag) else None
    markdown = converter.finish(str(converter.convert_soup(cleaned.root)), hugo)
    return ConvertedBody(markdown, summary, len(converter.raw_tags), tuple(sorted(set(converter.raw_tags))))
