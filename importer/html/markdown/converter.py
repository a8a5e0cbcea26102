"""``BloggerConverter``: the walker that writes cleaned Blogger bodies as Markdown.

The hooks are ``convert_<tag>(self, el, text, parent_tags)`` over ``MarkdownWalker`` (``base``). Pieces that
later escaping or rewriting must not touch (code, raw HTML, embeds, markers) are stashed behind
private-use characters and put back by ``finish``; emphasis is marked the same way and written by
``delimiters.resolve`` once its neighbours are known.
"""

from __future__ import annotations

import html
import re

from importer.html.cleanup import RAW_TAG
from importer.html.markdown import blocks, delimiters
from importer.html.markdown.base import MarkdownWalker
from importer.html.markdown.syntax import (
    LINE_START,
    destination,
    escape_marker,
    in_cell,
    starts_line,
    youtube_id,
)
from importer.html.tree import Element, Text

_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_TAG_LIKE = re.compile(r"<(?=[A-Za-z/!?])")
_HEADING_ID = re.compile(r"[A-Za-z][A-Za-z0-9_:.-]*")
_HUGO_SHORTCODE = re.compile(r"\{\{([<%])(.*?)([>%])\}\}", re.DOTALL)
#: Private-use characters that delimit stashed pieces; ones the body does not use are chosen.
_PRIVATE_USE = range(0xE000, 0xF900)
_RAW_WRAPPED = ("u", "sub", "sup", "del", "s", "strike", "ins", "mark", "small", "big", "abbr", "q")
#: Where a fenced code block cannot be put (it would break the cell, heading, link or emphasis).
_NO_BLOCK_IN = frozenset({"_inline", "a", "b", "strong", "i", "em", *_RAW_WRAPPED})
_RAW_WHOLE = ("dl", "script", "video", "audio", "form", "noscript", "canvas", "svg", "math", "map")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_RAW = frozenset({RAW_TAG, *_RAW_WHOLE})
_ESCAPED = re.compile(r"([\\`*\[\]~])")
_SPECIAL = re.compile(r"[\\`*\[\]~_<&|]")
_LONE_TRAILING_SPACE = re.compile(r" (?<=\S )(?=\n|$)")
_UNDERSCORE_AT_EDGE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")


class BloggerConverter(MarkdownWalker):
    """Converter for cleaned Blogger bodies (see ``importer.html.markdown``)."""

    def __init__(self, more_marker: str = "<!--more-->", youtube_shortcode: str | None = None,
                 heading_ids: bool = False) -> None:
        super().__init__()
        self.more_marker = more_marker
        self.youtube_shortcode = youtube_shortcode
        self.heading_ids = heading_ids
        self.raw_tags: list[str] = []
        self.dropped: list[str] = []
        self.placeholders: list[str] = []
        self._items_before: dict[Element, int] = {}  # a list item: how many items precede it
        self.use_delimiters("")

    def use_delimiters(self, source: str) -> None:
        """Mark stashed pieces, emphasis and heading breaks with private-use characters that do
        not occur in ``source``.

        Text may carry private-use characters (icon fonts, old symbol fonts): a fixed pair could
        be taken for a placeholder, putting the wrong piece in the output or failing outright.
        """
        free = (chr(c) for c in _PRIVATE_USE if chr(c) not in source)
        self._open, self._close = next(free), next(free)
        self.marks = delimiters.Marks(next(free), next(free), next(free), next(free))
        self._heading_break = next(free)
        self._placeholder_re = re.compile(re.escape(self._open) + r"(\d+)" + re.escape(self._close))

    def to_markdown(self, root: Element) -> str:
        """The Markdown of ``root`` (one piece of a body)."""
        self._items_before = {}
        return super().to_markdown(root)

    # --- raw HTML -------------------------------------------------------------------------------
    def process_tag(self, node: Element, parent_tags: frozenset[str]) -> str:
        """Keep inexpressible elements as raw HTML before their children are converted."""
        name = node.name
        if name in _RAW or (name == "table" and not blocks.pipe_table_ok(node)):
            self.raw_tags.append("nested" if name == RAW_TAG else name)
            return "\n\n" + self._protect(blocks.raw_html(node)) + "\n\n"
        if name in ("iframe", "object", "embed"):
            return self._embed(node)
        return super().process_tag(node, parent_tags)

    def _protect(self, text: str) -> str:
        """Stash ``text`` so later escaping and rewriting cannot touch it."""
        self.placeholders.append(text)
        return f"{self._open}{len(self.placeholders) - 1}{self._close}"

    def _embed(self, el: Element) -> str:
        sources = [str(el.get("src") or el.get("data") or "")]
        sources += [str(p.get("value") or "") for p in el.find_all("param") if p.get("name") == "movie"]
        sources += [str(e.get("src") or "") for e in el.find_all("embed")]
        video = next((v for v in map(youtube_id, sources) if v), None)
        if video is None:
            self.raw_tags.append(el.name)
            return "\n\n" + self._protect(blocks.raw_html(el)) + "\n\n"
        if self.youtube_shortcode:
            return "\n\n" + self._protect(self.youtube_shortcode.format(id=video)) + "\n\n"
        self.raw_tags.append("iframe")
        width, height = el.get("width") or "560", el.get("height") or "315"
        # the player's own parameters (start=, rel=, feature=) are kept; old Flash URLs have none
        query = next((s.partition("?")[2] for s in sources if "/embed/" in s and "?" in s), "")
        src = f"https://www.youtube.com/embed/{video}" + (f"?{html.escape(query)}" if query else "")
        iframe = (f'<iframe width="{width}" height="{height}" src="{src}" '
                  'frameborder="0" allowfullscreen></iframe>')
        return "\n\n" + self._protect(iframe) + "\n\n"

    def _wrapped(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        self.raw_tags.append(el.name)
        return f"{self._protect(f'<{el.name}>')}{text}{self._protect(f'</{el.name}>')}"

    convert_u = convert_sub = convert_sup = convert_del = convert_s = convert_strike = _wrapped
    convert_ins = convert_mark = convert_small = convert_big = convert_abbr = convert_q = _wrapped

    # --- text -----------------------------------------------------------------------------------
    def escape(self, text: str, parent_tags: frozenset[str]) -> str:
        """Backslash-escape only the characters that would change meaning here."""
        if not text or _SPECIAL.search(text) is None:
            return text
        text = _ESCAPED.sub(r"\\\1", text)
        if "_" in text:
            text = _UNDERSCORE_AT_EDGE.sub(r"\\_", text)
        if "<" in text:
            text = _TAG_LIKE.sub(r"\\<", text)
        if "&" in text:
            text = _ENTITY_LIKE.sub(r"\\&", text)
        if "td" in parent_tags or "th" in parent_tags:
            text = text.replace("|", r"\|")
        return text

    def process_text(self, el: Text, parent_tags: frozenset[str]) -> str:
        """Text with line-start block markers escaped when the text begins a line."""
        text = super().process_text(el, parent_tags)
        if text and "_noformat" not in parent_tags and starts_line(el):
            # a line's leading space (the newline after a <br />) shows in no page: not written
            text = LINE_START.sub(escape_marker, text.lstrip(" "), count=1)
        return text

    def convert_br(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """A line break: a newline in code, a break mark in headings, a space in cells, else a
        hard break."""
        if "pre" in parent_tags:
            return "\n"
        if parent_tags & _HEADINGS:
            return self._heading_break
        if "_inline" in parent_tags:
            return " "
        return "  \n"

    def _emphasis(self, text: str, parent_tags: frozenset[str], opening: str, closing: str) -> str:
        """``text`` between emphasis marks, its edge spaces (and breaks) moved outside."""
        if "_noformat" in parent_tags:
            return text
        core = text.strip()
        if not core:
            return text
        start = len(text) - len(text.lstrip())
        return f"{text[:start]}{opening}{core}{closing}{text[start + len(core):]}"

    def convert_b(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """Bold, as marks that ``delimiters.resolve`` writes as ``**`` or ``<strong>``."""
        return self._emphasis(text, parent_tags, self.marks.strong_open, self.marks.strong_close)

    def convert_i(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """Italic, as marks that ``delimiters.resolve`` writes as ``*`` or ``<em>``."""
        return self._emphasis(text, parent_tags, self.marks.em_open, self.marks.em_close)

    convert_strong = convert_b
    convert_em = convert_i

    # --- blocks ---------------------------------------------------------------------------------
    def convert_div(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """A block; inside a heading its edges are line breaks of the heading."""
        if parent_tags & _HEADINGS:
            return f"{self._heading_break}{text}{self._heading_break}"
        return super().convert_div(el, text, parent_tags)

    def convert_p(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """A paragraph; inside a heading its edges are line breaks of the heading."""
        if parent_tags & _HEADINGS:
            return f"{self._heading_break}{text}{self._heading_break}"
        return super().convert_p(el, text, parent_tags)

    def convert_pre(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """Fenced code keeping line breaks and the language."""
        code = blocks.pre_text(el).rstrip("\n")
        if not code.strip():
            self.dropped.append("pre")
            return ""
        fence = blocks.code_fence(code)
        return "\n\n" + self._protect(f"{fence}{blocks.language(el)}\n{code}\n{fence}") + "\n\n"

    def convert_code(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """Inline code delimited by more backticks than any run inside.

        Blogger posts often hold several lines of code in a ``<code>`` broken by ``<br>`` (no
        ``<pre>``): those lines become a fenced block, or, where a block cannot stand (a table
        cell, a heading, inside a link or emphasis), stay apart by a space rather than run together.
        """
        if "pre" in parent_tags:
            return text
        lines = blocks.code_text(el).strip("\n")
        if "\n" in lines and lines.strip() and not parent_tags & _NO_BLOCK_IN:
            lines = "\n".join(line.rstrip() for line in lines.split("\n"))
            fence = blocks.code_fence(lines)
            return "\n\n" + self._protect(f"{fence}{blocks.language(el)}\n{lines}\n{fence}") + "\n\n"
        code = lines.replace("\n", " ")
        if not code.strip():
            return code
        ticks = "`" * (max((len(r) for r in re.findall(r"`+", code)), default=0) + 1)
        pad = " " if code.startswith("`") or code.endswith("`") else ""
        code = in_cell(code, parent_tags)
        return self._protect(f"{ticks}{pad}{code}{pad}{ticks}")

    convert_kbd = convert_samp = convert_tt = convert_code

    def convert_hN(self, n: int, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """ATX heading; a trailing ``#`` of the text is escaped so it is not a closing sequence.

        Line breaks inside (``<br>``, ``<div>`` lines) become an inline ``<br>`` between spaces:
        the heading keeps its lines where raw HTML is on, and its words apart where it is off.
        """
        mark = re.escape(self._heading_break)
        text = re.sub(rf"^[\s{mark}]+|[\s{mark}]+$", "", text)
        if not text.strip() and "_inline" not in parent_tags:
            self.dropped.append(el.name)
            return "\n\n"  # an empty heading shows nothing; "##" alone would show as text
        if self._heading_break in text:
            self.raw_tags.append("br")
            br = " " + self._protect("<br>") + " "
            text = re.sub(rf"\s*{mark}[\s{mark}]*", lambda _: br, text)
        result = super().convert_hN(n, el, text, parent_tags)
        result = re.sub(r"(\s)#+(\s*)$", lambda m: m.group(1) + "\\" + m.group(0).strip() + m.group(2),
                        result)
        ident = str(el.get("id") or "")
        if (self.heading_ids and "_inline" not in parent_tags and text.strip()
                and _HEADING_ID.fullmatch(ident)):
            stripped = result.rstrip("\n")
            result = stripped + " " + self._protect("{#" + ident + "}") + result[len(stripped):]
        return result

    def convert_li(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """A list item; continuation lines and nested lists indented by four spaces."""
        text = (text or "").strip()
        if not text:
            self.dropped.append("li")
            return "\n"
        parent = el.parent
        if parent is not None and parent.name == "ol":
            start = str(parent.get("start") or "1")
            first = int(start) if start.isdigit() else 1
            bullet = f"{first + self._count_items_before(el)}. "
        else:
            bullet = "- "
        lines = text.split("\n")
        # stashed code blocks are one line here: their own lines need the item's indentation too
        head = self._carry(lines[0], " " * len(bullet), "")
        rest = [("    " + self._carry(line, "    ", "")) if line.strip() else "" for line in lines[1:]]
        return bullet + "\n".join([head, *rest]) + "\n"

    def _count_items_before(self, el: Element) -> int:
        """How many ``<li>`` siblings come before ``el`` (counted on from the last item seen)."""
        count, node = 0, el.previous_sibling
        while node is not None:
            if isinstance(node, Element) and node.name == "li":
                if node in self._items_before:
                    count += self._items_before[node] + 1
                    break
                count += 1
            node = node.previous_sibling
        self._items_before[el] = count
        return count

    def convert_blockquote(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """A quote; stashed code blocks in it get ``>`` on every line, or the quote would end."""
        if "_inline" not in parent_tags:
            text = self._carry(text, "> ", ">")
        return super().convert_blockquote(el, text, parent_tags)

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

    def convert_img(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """An image, also inside table cells and headings."""
        alt = self.escape(str(el.get("alt") or ""), parent_tags)
        src = destination(str(el.get("src") or ""))
        title = str(el.get("title") or "")
        title_part = ' "{}"'.format(title.replace('"', r"\"")) if title else ""
        return f"![{alt}]({in_cell(src + title_part, parent_tags)})"

    def convert_a(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """A link; bare URLs as autolinks, destinations with spaces or parentheses bracketed."""
        href = str(el.get("href") or "")
        if not text.strip():
            if el.has_attr("href"):
                self.dropped.append("a")  # nothing to click: a link with no text and no image
            return text
        if not href:
            return text
        if text == href and re.fullmatch(r"https?://[^\s<>]+", href) and not el.get("title"):
            return f"<{in_cell(href, parent_tags)}>"
        title = str(el.get("title") or "")
        title_part = ' "{}"'.format(title.replace('"', r"\"")) if title else ""
        return f"[{text}]({in_cell(destination(href) + title_part, parent_tags)})"

    def convert_blogimport_more(self, el: Element, text: str, parent_tags: frozenset[str]) -> str:
        """The jump break: the flavor's summary marker on a line of its own."""
        return f"\n\n{self._protect(self.more_marker)}\n\n" if self.more_marker else "\n\n"

    def finish(self, markdown: str, hugo: bool) -> str:
        """Put stashed pieces back and write emphasis; for Hugo, neutralize shortcode-like text."""
        if hugo:
            markdown = _HUGO_SHORTCODE.sub(r"{{\1/*\2*/\3}}", markdown)
            self.placeholders = [_HUGO_SHORTCODE.sub(r"{{\1/*\2*/\3}}", p)
                                 if not p.startswith("{{< youtube ") else p for p in self.placeholders]
        markdown = re.sub(r"\n{3,}", "\n\n", markdown)
        markdown = _LONE_TRAILING_SPACE.sub("", markdown)  # a lone trailing space; two are a break
        markdown = self._resolve(markdown)  # placeholders may nest (code inside a wrapped <u>)
        markdown, as_html = delimiters.resolve(markdown, self.marks)
        self.raw_tags += as_html
        return markdown.lstrip("\n").rstrip() + "\n" if markdown.strip() else ""
