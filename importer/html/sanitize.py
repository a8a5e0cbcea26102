"""Sanitising post and comment HTML so that no script reaches a page, keeping what Blogger authors embed.

The sanitizer is nh3 (bindings to the Rust ``ammonia`` crate: an html5ever parse, allow-lists of
elements, attributes and URL schemes, then a fresh serialization). The policy here keeps Blogger's
legitimate markup: tables, presentational attributes, a set of inline style properties, the classes
cleanup reads (``separator``, ``tr-caption-container``), ``<a name>`` anchors, heading ids, and
YouTube/Vimeo/Google Maps/Blogger video embeds by host. It removes scripts, event handlers and
``javascript:``/``vbscript:``/non-image ``data:`` URLs in any case or encoding.

Quirks handled:
- A URL is judged after the decodings a *Markdown* renderer applies on top of HTML's: the converter
  writes ``href`` values into ``[x](...)`` and CommonMark decodes entities and backslash escapes
  there, so ``javascript&amp;#58;x`` and ``javascript\\:x`` (relative URLs to the HTML parser) are
  removed too.
- ``<!--more-->`` (Blogger's jump break) survives although comments are stripped.
- nh3 says nothing about what it removed, so ``find_removed`` names it from a parse of the input
  (lxml), after a quick pre-check that lets clean bodies skip that parse.
"""

from __future__ import annotations

import functools
import html as html_lib
import re
import secrets
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import nh3
from lxml import etree

#: Elements kept (content of the others is kept, the tag dropped) beyond ammonia's default set.
TAGS = frozenset(nh3.ALLOWED_TAGS) | {
    "font", "big", "tfoot", "section", "address", "iframe", "object", "embed", "param", "video",
    "audio", "source", "track", "picture",
}
#: Elements removed together with their content.
CLEAN_CONTENT_TAGS = frozenset({"script", "style", "xml", "noscript", "template", "title", "head"})
#: Removed elements not worth a word: Word cruft and page furniture that cleanup drops anyway.
QUIET_TAGS = frozenset({"html", "head", "body", "title", "style", "xml", "meta", "link"})

_SIZE = {"width", "height"}
_CELL = {"colspan", "rowspan", "width", "height", "valign", "bgcolor", "nowrap", "headers", "scope", "abbr"}
#: Attributes kept, per element (``*``: on every element).
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "style", "title", "lang", "dir", "align"},
    "a": {"href", "name", "target", "rel", "hreflang"},
    "img": {"src", "alt", "border", "hspace", "vspace", *_SIZE},
    "iframe": {"src", "frameborder", "allowfullscreen", "allow", "scrolling", "marginwidth",
               "marginheight", "loading", *_SIZE},
    "object": {"data", "type", *_SIZE},
    "embed": {"src", "type", "allowfullscreen", "wmode", "quality", "bgcolor", *_SIZE},
    "param": {"name", "value"},
    "video": {"src", "poster", "controls", "preload", "loop", "muted", "playsinline", *_SIZE},
    "audio": {"src", "controls", "preload", "loop", "muted"},
    "source": {"src", "type", "media"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "table": {"border", "cellpadding", "cellspacing", "bgcolor", "summary", "frame", "rules", *_SIZE},
    "td": _CELL, "th": _CELL,
    "tr": {"valign", "bgcolor", "height"},
    "thead": {"valign"}, "tbody": {"valign"}, "tfoot": {"valign"},
    "col": {"span", "width", "valign"}, "colgroup": {"span", "width", "valign"},
    "font": {"color", "face", "size"},
    "ol": {"start", "type", "reversed"}, "ul": {"type"}, "li": {"value", "type"},
    "blockquote": {"cite"}, "q": {"cite"}, "del": {"cite", "datetime"}, "ins": {"cite", "datetime"},
    "time": {"datetime"}, "data": {"value"}, "hr": {"width", "size", "noshade"},
    "div": {"trbidi"}, "pre": {"name"}, "details": {"open"}, "map": {"name"},
    "area": {"href", "alt", "shape", "coords", "target"},
}
#: Inline style properties kept (layout and typography; nothing that positions over the page or loads).
STYLE_PROPERTIES = frozenset({
    "color", "background-color", "font", "font-family", "font-size", "font-style", "font-weight",
    "font-variant", "text-align", "text-decoration", "text-indent", "text-transform", "line-height",
    "letter-spacing", "word-spacing", "white-space", "vertical-align", "direction", "display",
    "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
    "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
    "border", "border-top", "border-right", "border-bottom", "border-left", "border-color",
    "border-style", "border-width", "border-collapse", "border-spacing", "border-radius",
    "width", "height", "max-width", "max-height", "min-width", "min-height", "float", "clear",
    "list-style-type", "list-style-position", "table-layout", "caption-side",
})
#: URL schemes kept: ammonia's list of harmless ones; ``data:`` only for raster images (``_url_problem``).
URL_SCHEMES = frozenset(nh3.ALLOWED_URL_SCHEMES) | {"data"}
#: Attributes holding a URL (ammonia checks only some of them; ``_filter`` checks all).
URL_ATTRIBUTES = frozenset({"href", "src", "data", "poster", "cite", "action", "formaction",
                            "background", "longdesc", "lowsrc", "dynsrc", "usemap"})
_EMBEDS = frozenset({"iframe", "embed", "object", "param"})
_DATA_IMAGE = re.compile(r"data:image/(?:png|gif|jpe?g|webp|bmp|avif)[;,]")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_URL_NOISE = re.compile(r"[\x00-\x20\\]+")
_STYLE_DANGER = re.compile(r"expression|url\(|script:|behavior|binding|@import|\\", re.IGNORECASE)
#: Hosts whose players may be embedded (``iframe``, ``embed``, ``object``), with a path they must
#: start with ("" for any).
EMBED_HOSTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:www\.|m\.)?youtube(?:-nocookie)?\.com|youtu\.be"), ""),
    (re.compile(r"player\.vimeo\.com"), ""),
    (re.compile(r"(?:www\.)?google\.[a-z]{2,3}(?:\.[a-z]{2})?"), "/maps"),
    (re.compile(r"maps\.google\.[a-z]{2,3}(?:\.[a-z]{2})?"), ""),
    (re.compile(r"www\.blogger\.com"), "/video"),
)
_MORE = re.compile(r"<!--\s*more\s*-->", re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")
#: An embed nh3 left without its source (a host not allowed, a script URL): an empty box on the page.
#: nh3 writes every attribute value in double quotes, so ``"[^"]*"`` cannot be fooled.
_ATTRIBUTES = r'((?:\s[a-z-]+="[^"]*")*)'
_EMPTY_EMBED = re.compile(
    rf"<iframe{_ATTRIBUTES}></iframe>|<object{_ATTRIBUTES}></object>|<embed{_ATTRIBUTES}>")
#: Nesting kept; deeper start and end tags are dropped (their text stays). The HTML5 tree builder
#: walks the open elements at each block start tag: 20,000 nested ``<b><div>`` took 7 s, and
#: doubling the depth quadruples it. No real post nests a tenth as deep (cleanup freezes at 48).
MAX_NESTING = 512
#: A tag for the nesting count: ``[^<>]`` keeps the scan linear on unclosed ``<a<a<a…``.
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*>")
#: Elements that never hold others, or whose end the parser implies (``<p>``, ``<li>``, cells), and
#: those removed with their content (kept, so that what is inside them goes with them).
_NOT_NESTING = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "rt", "rp", *CLEAN_CONTENT_TAGS,
})
#: Text that may hold something ``find_removed`` would name: an element not kept (or an embed), an
#: event handler, a URL attribute that is not plainly http(s), mailto, a path or a fragment, an
#: entity or backslash that could hide a scheme, CSS that loads or runs. Without it, no parse.
#: Matched on the lower-cased text: plain substring tests first, three regular expressions after.
_SUSPECT_WORDS = ("script", "&#", "&colon", "&tab", "&newline", "\\", "srcdoc", "formaction", "data:",
                  "expression", "url(", "behavior", "binding", "@import")
_SUSPECT_TAG = re.compile(
    r"<(?!(?:" + "|".join(sorted(TAGS - _EMBEDS, key=len, reverse=True)) + r")[\s/>])[a-z]")
_SUSPECT_HANDLER = re.compile(r"[\s\"'/]on[a-z]+\s*=")
_SUSPECT_URL = re.compile(r"(?:" + "|".join(sorted(URL_ATTRIBUTES)) + r"|value)\s*=\s*"
                          r"""(?!["']?\s*(?:https?:|mailto:|/|#))""")


def _suspect(html: str) -> bool:
    """True when ``html`` may hold something ``find_removed`` names (see ``_SUSPECT_WORDS``)."""
    low = html.lower()
    return (any(word in low for word in _SUSPECT_WORDS) or _SUSPECT_TAG.search(low) is not None
            or _SUSPECT_HANDLER.search(low) is not None or _SUSPECT_URL.search(low) is not None)


#: A URL that needs no sanitizing: http(s) or mailto written out (whatever follows cannot change
#: the scheme), or a relative one with no colon, entity or backslash that could become a scheme.
_PLAIN_URL = r"""(?:(?:https?://|mailto:)[^"'<>\\\s]*|[^"'<>\\\s:&]*)"""
_PLAIN_VALUE = r"""(?:"[^"<>&\\]*"|'[^'<>&\\]*')"""
#: The markup of most comments and of simple bodies: attribute-free formatting tags, links with an
#: ``href`` as above and plain ``rel``/``title``/``target``/``name``, the jump break. Text made only of
#: these has no element, attribute or URL that can run anything, so it is kept byte for byte.
_PLAIN_NAMES = ("blockquote", "strong", "strike", "small", "span", "cite", "code", "pre", "big", "del",
                "ins", "sub", "sup", "div", "em", "br", "hr", "ul", "ol", "li", "tt", "dl", "dt", "dd",
                "h1", "h2", "h3", "h4", "h5", "h6", "b", "i", "u", "s", "q", "p")
_PLAIN_LINK = (rf"""a(?:\s+(?:href\s*=\s*(?:"{_PLAIN_URL}"|'{_PLAIN_URL}')"""
               rf"""|(?:rel|title|target|name)\s*=\s*{_PLAIN_VALUE}))*\s*""")
_PLAIN_TAG = re.compile(
    rf"<(?:/?(?:{'|'.join(_PLAIN_NAMES)})\s*(?:/\s*)?|{_PLAIN_LINK}|/a\s*|!--\s*more\s*--)>", re.IGNORECASE)


def is_plain(html: str) -> bool:
    """True when ``html`` has no markup but ``_PLAIN_TAG``'s: sanitizing would only re-serialize it."""
    start = html.find("<")
    while start >= 0:
        match = _PLAIN_TAG.match(html, start)
        if match is None:
            return False
        start = html.find("<", match.end())
    return True


def _normalized_url(value: str) -> str:
    """The URL as the most lenient reader sees it: entities and backslash escapes decoded (Markdown),
    whitespace and control characters dropped (browsers skip them in schemes), lower case."""
    decoded = html_lib.unescape(value) if "&" in value else value
    return _URL_NOISE.sub("", decoded).lower()


def _embed_allowed(url: str) -> bool:
    if url.startswith("//"):
        url = "https:" + url
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return False
    if parts.scheme not in ("http", "https"):
        return False
    return any(pattern.fullmatch(host) and parts.path.startswith(path) for pattern, path in EMBED_HOSTS)


def _url_problem(tag: str, attribute: str, value: str) -> str | None:
    """Why the URL ``value`` of ``tag``'s ``attribute`` must go (``javascript: URL``...), or None."""
    url = _normalized_url(value)
    scheme = _SCHEME.match(url)
    if scheme is not None and scheme.group(1) not in URL_SCHEMES:
        return f"{scheme.group(1)}: URL"
    if scheme is not None and scheme.group(1) == "data" and not (
            tag in ("img", "source") and _DATA_IMAGE.match(url)):
        return "data: URL"
    if tag in _EMBEDS and (scheme is not None or url.startswith("//")) and not _embed_allowed(url):
        host = urlsplit(url).netloc if "//" in url else url.split(":", 1)[0]
        return f"{tag} from {host or 'an unknown host'}"
    return None


def _filter(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute callback: drops URLs ``_url_problem`` rejects and styles that could load or run."""
    if attribute in URL_ATTRIBUTES or (tag == "param" and attribute == "value"):
        return None if _url_problem(tag, attribute, value) else value
    if attribute == "style" and _STYLE_DANGER.search(value):
        kept = [d for d in value.split(";") if not _STYLE_DANGER.search(d)]
        return ";".join(kept) or None
    return value


@functools.cache
def _cleaner() -> nh3.Cleaner:
    """One cleaner per process (building it parses the policy)."""
    return nh3.Cleaner(
        tags=set(TAGS), clean_content_tags=set(CLEAN_CONTENT_TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_filter, strip_comments=True, link_rel=None, url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
    )


def flatten_nesting(html: str, limit: int = MAX_NESTING) -> tuple[str, int]:
    """``html`` without the start and end tags nested deeper than ``limit``, and how many went.

    The depth is counted on the text (void elements and those with implied ends not counted), so
    it is an estimate: it only decides which tags go, and the result is sanitized all the same.
    """
    if html.count("<") <= limit:
        return html, 0
    depth = dropped = 0
    kept: list[str] = []
    start = 0
    for match in _TAG.finditer(html):
        if match.group(2).lower() in _NOT_NESTING:
            continue
        too_deep = depth > limit if match.group(1) else depth >= limit
        depth = max(depth - 1, 0) if match.group(1) else depth + 1
        if too_deep:
            kept.append(html[start:match.start()])
            start = match.end()
            dropped += 1
    if not dropped:
        return html, 0
    kept.append(html[start:])
    return "".join(kept), dropped


def _clean(html: str) -> str:
    """nh3 on ``html`` (nesting already bounded), keeping ``<!--more-->``."""
    marker = None
    if "<!--" in html and _MORE.search(html):
        marker = f"\ue000more{secrets.token_hex(8)}\ue001"
        while marker in html:
            marker = f"\ue000more{secrets.token_hex(8)}\ue001"
        html = _MORE.sub(marker, html)
    try:
        clean: str = _cleaner().clean(html)
    except UnicodeEncodeError:  # a lone surrogate (JSON allows "\ud800"); Rust strings cannot hold it
        clean = _cleaner().clean(_SURROGATE.sub("\ufffd", html))
    if "<iframe" in clean or "<object" in clean or "<embed" in clean:
        clean = _EMPTY_EMBED.sub(_without_source, clean)
    return clean.replace(marker, "<!--more-->") if marker else clean


def _without_source(match: re.Match[str]) -> str:
    """The embed itself when it still has a source, else nothing."""
    attributes = match.group(1) or match.group(2) or match.group(3) or ""
    return match.group(0) if re.search(r'\s(?:src|data)="', attributes) else ""


def sanitize_html(html: str) -> str:
    """``html`` with scripts, event handlers, unsafe URLs and embeds from unknown hosts removed.

    Plain text and plain markup (``is_plain``) are returned as they are; ``<!--more-->`` is kept.
    """
    return sanitize(html)[0]


@dataclass(frozen=True)
class Removed:
    """What sanitising takes out of one body: ``(what, count)`` in the order first met."""

    items: tuple[tuple[str, int], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.items)

    def describe(self) -> str:
        """``1 <script>, 2 onerror attributes, 1 javascript: URL``."""
        return ", ".join(_counted(what, count) for what, count in self.items)


def _counted(what: str, count: int) -> str:
    """``2 onerror attributes``, ``2 iframes from x.example``, ``2 <script>``."""
    if count == 1 or what.startswith("<"):
        return f"{count} {what}"
    if what.endswith((" attribute", " URL", " style")):
        return f"{count} {what}s"
    noun, _, rest = what.partition(" ")
    return f"{count} {noun}s {rest}"


_PARSER = etree.HTMLParser(recover=True, huge_tree=True, no_network=True, remove_comments=True,
                           remove_pis=True, encoding="utf-8")


def find_removed(html: str) -> Removed:
    """What ``sanitize`` removes from ``html`` that a reader should hear about (nothing is changed).

    Named: elements that are not kept (but not Word cruft or ``<style>`` blocks, which conversion
    drops anyway), event handler and ``srcdoc``/``formaction`` attributes, rejected URLs and embeds,
    styles that could load or run something, tags nested deeper than ``MAX_NESTING``. Cosmetic
    attributes that are dropped are not named.
    """
    if is_plain(html):
        return Removed()
    return _named(*flatten_nesting(html))


def _named(html: str, dropped: int) -> Removed:
    """``find_removed`` of ``html`` whose nesting is bounded (``dropped`` tags were too deep)."""
    found: Counter[str] = Counter()
    if dropped:
        found[f"tag nested deeper than {MAX_NESTING}"] = dropped
    if not _suspect(html):
        return Removed(tuple(found.items()))
    for element in _elements(html):
        tag = element.tag
        if not isinstance(tag, str):
            continue
        tag = tag.lower()
        if tag not in TAGS and tag not in QUIET_TAGS and ":" not in tag:
            found[f"<{tag}>"] += 1
        if tag in QUIET_TAGS or ":" in tag:
            continue
        for name, value in element.attrib.items():
            problem = _attribute_problem(tag, str(name).lower(), str(value))
            if problem:
                found[problem] += 1
    return Removed(tuple(found.items()))


def _elements(html: str) -> Iterator[Any]:
    """The elements of ``html`` as lxml parses it (bytes with a fixed encoding, so that an XML
    declaration in the text cannot change how it is read)."""
    try:
        root = etree.fromstring(html.encode("utf-8", "replace"), _PARSER)
    except etree.LxmlError:
        return iter(())
    return root.iter() if root is not None else iter(())


def _attribute_problem(tag: str, name: str, value: str) -> str | None:
    if name.startswith("on") or name in ("srcdoc", "formaction"):
        return f"{name} attribute"
    if name in URL_ATTRIBUTES or (tag == "param" and name == "value"):
        return _url_problem(tag, name, value)
    if name == "style" and _STYLE_DANGER.search(value):
        return "unsafe style"
    return None


def sanitize(html: str) -> tuple[str, Removed]:
    """The sanitized ``html`` and what was removed from it (as ``find_removed`` names it)."""
    if is_plain(html):
        return html, Removed()
    flat, dropped = flatten_nesting(html)
    return _clean(flat), _named(flat, dropped)

