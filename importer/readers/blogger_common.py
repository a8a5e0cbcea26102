"""Shared pieces of the Blogger Atom readers: safe streaming parse, ids, links, dates, zones.

Quirks handled here:
- entity declarations (billion laughs and friends) are refused before parsing; entities are
  never resolved, DTDs never loaded, nothing fetched from the network;
- one widely used legacy export lacks the inline ``xmlns:app`` declaration ("Namespace prefix
  app on control is not defined"): ``open_entries`` can declare known prefixes on the root,
  without touching the rest of the bytes (line numbers stay true), for a second attempt;
- a truncated file is reported as "file ends inside <entry> (started at line N)";
- tag ids ``tag:blogger.com,1999:blog-<blogId>.post-<id>`` (``.page-<id>``, ``.settings.<NAME>``,
  ``.layout``) are kept as strings; times are RFC 3339 with or without millis or ``Z``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, tzinfo
from typing import BinaryIO, NamedTuple
from urllib.parse import urlsplit

from lxml import etree

from importer.dates.tz import resolve_tz, zone_or_none
from importer.diagnostics import Diagnostics
from importer.errors import InputError
from importer.readers.encoding import Utf8Watch, suspect_declaration

ATOM = "http://www.w3.org/2005/Atom"
GD = "http://schemas.google.com/g/2005"
THR = "http://purl.org/syndication/thread/1.0"
GEORSS = "http://www.georss.org/georss"
BLOGGER_2018 = "http://schemas.google.com/blogger/2018"
OPENSEARCH = "http://a9.com/-/spec/opensearchrss/1.0/"
ENTRY = f"{{{ATOM}}}entry"
_LINK = f"{{{ATOM}}}link"

#: Prefixes Blogger exports use; the ones it declares inline may be missing in defective files.
KNOWN_PREFIXES: dict[str, str] = {
    "app": "http://purl.org/atom/app#",
    "media": "http://search.yahoo.com/mrss/",
    "gd": GD,
    "thr": THR,
    "georss": GEORSS,
    "openSearch": OPENSEARCH,
    "blogger": BLOGGER_2018,
}

_PROGRESS_EVERY = 500
_PROLOG_LIMIT = 1024 * 1024
_TAG_ID = re.compile(r"^tag:blogger\.com,1999:blog-(\d+)\.(post|page)-(\d+)$")
_SETTING_ID = re.compile(r"^tag:blogger\.com,1999:blog-(\d+)\.settings\.(\w+)$")
_BLOG_ID = re.compile(r"tag:blogger\.com,1999:blog-(\d+)")
_RFC3339 = re.compile(
    r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$", re.IGNORECASE
)
_UNBOUND = re.compile(r"Namespace prefix (\S+) (?:on|for) \S+ is not defined")


class PrefixUndeclared(Exception):
    """The XML uses a known namespace prefix it never declares; retry with it declared."""

    def __init__(self, prefix: str) -> None:
        super().__init__(prefix)
        self.prefix = prefix


class TagId(NamedTuple):
    """A parsed Blogger tag id: blog id, kind (``post`` or ``page``) and the entry's own id."""

    blog_id: str
    kind: str
    id: str


def parse_tag_id(text: str | None) -> TagId | None:
    """``tag:blogger.com,1999:blog-1.post-2`` -> ``TagId("1", "post", "2")``; None otherwise."""
    match = _TAG_ID.match((text or "").strip())
    return TagId(*match.groups()) if match else None


def parse_setting_id(text: str | None) -> str | None:
    """The NAME of a ``...settings.NAME`` id, or None."""
    match = _SETTING_ID.match((text or "").strip())
    return match.group(2) if match else None


def blog_id_in(text: str | None) -> str | None:
    """The blog id inside any Blogger tag id (feed, entry or label scheme), or None."""
    match = _BLOG_ID.search(text or "")
    return match.group(1) if match else None


def parse_time(text: str | None) -> datetime:
    """Parse an RFC 3339 timestamp (``2011-04-18T21:47:00.002-04:00``, ``...Z``); ValueError if not."""
    match = _RFC3339.match((text or "").strip())
    if match is None:
        raise ValueError(f"{text!r} is not an RFC 3339 timestamp")
    base, fraction, zone = match.groups()
    micros = (fraction or "0")[:6].ljust(6, "0")
    zone = "+00:00" if zone in ("Z", "z") else zone
    value = datetime.fromisoformat(f"{base}.{micros}{zone}")
    if not 1 < value.year < 9999:  # year 1 or 9999 overflow when moved into another zone
        raise ValueError(f"{text!r} is out of range")
    return value


def coordinate(text: str | None) -> float | None:
    """A finite float from text, or None (``nan`` and ``inf`` would break JSON output)."""
    try:
        value = float((text or "").strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def local(tag: object) -> str:
    """Local name of an element tag (``{ns}draft`` -> ``draft``); "" for comments and PIs."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def first_child(element: etree._Element, tag: str) -> etree._Element | None:
    """The first child ``tag`` (Clark notation), or None: ``find`` without its path parser (4x faster)."""
    return next(element.iterchildren(tag), None)


def child_text(element: etree._Element, tag: str) -> str | None:
    """Text of the first child ``tag`` (Clark notation): "" when empty, None when absent."""
    child = next(element.iterchildren(tag), None)
    if child is None:
        return None
    return child.text or ""


def find_link(element: etree._Element, rel: str, type_: str | None = None) -> str | None:
    """``href`` of the first Atom ``link`` with this ``rel`` (and ``type``), or None."""
    return first_href(element.iterchildren(_LINK), rel, type_)


def first_href(links: Iterable[etree._Element], rel: str, type_: str | None) -> str | None:
    """``href`` of the first of ``links`` with this ``rel`` (and ``type``) and an ``href``, or None."""
    for link in links:
        if link.get("rel") == rel and (type_ is None or link.get("type") == type_):
            href = link.get("href")
            if href:
                return str(href)
    return None


def usable_url(url: str | None) -> str | None:
    """``url`` stripped, or None when absent or unparseable (``http://[x/`` makes ``urlsplit``
    raise ValueError, which would crash every later pass over the archive)."""
    url = (url or "").strip()
    if not url:
        return None
    try:
        urlsplit(url)
    except ValueError:
        return None
    return url


def slug_from_url(url: str | None) -> str | None:
    """Last path segment without ``.html``: ``http://h/2010/06/x.html?m=1`` -> ``x``."""
    url = usable_url(url)
    if not url:
        return None
    path = urlsplit(url).path.rstrip("/")
    segment = path.rsplit("/", 1)[-1]
    if segment.endswith(".html"):
        segment = segment[: -len(".html")]
    return segment or None


def blog_zone(
    setting: str | None, override: str | None, diagnostics: Diagnostics
) -> tuple[tzinfo | None, str | None]:
    """The blog's zone and its name: ``override`` (``--timezone``) wins over the blog setting.

    The override was checked when the options were made (``ReadOptions``); an unknown setting is
    reported (``timezone-unknown``) and ignored.
    """
    if override:
        return resolve_tz(override), override
    if setting:
        zone = zone_or_none(setting)
        if zone is not None:
            return zone, setting.strip()
        diagnostics.report("timezone-unknown", f"The blog's time zone {setting!r} is not a known "
                           "zone; times keep the offsets the export gives.")
    return None, None


class _Prolog:
    """A read-only stream that checks the prolog and may declare missing prefixes on the root.

    Also counts bytes for progress reports, and (``watch_encoding``) watches an input declared
    ISO-8859-1 or Windows-1252 for UTF-8 bytes. Everything after the root start tag passes through.
    """

    def __init__(self, raw: BinaryIO, name: str, declare: dict[str, str],
                 watch_encoding: bool = True) -> None:
        self._raw = raw
        self._name = name
        self._declare = declare
        self._pending = b""
        self._started = False
        self._watch_encoding = watch_encoding
        self.watch: Utf8Watch | None = None
        self.bytes_read = 0

    def read(self, size: int = -1) -> bytes:
        if not self._started:
            self._started = True
            head = self._raw.read(_PROLOG_LIMIT)
            label = suspect_declaration(head) if self._watch_encoding else None
            self.watch = Utf8Watch(label) if label else None
            self._pending = self._fix_prolog(head)
        if self._pending:
            chunk = self._pending if size < 0 else self._pending[:size]
            self._pending = self._pending[len(chunk):]
        else:
            chunk = self._raw.read(size)
        self.bytes_read += len(chunk)
        if self.watch is not None:
            self.watch.feed(chunk)
        return chunk

    def _fix_prolog(self, head: bytes) -> bytes:
        end = root_tag_end(head)
        prolog = head[:end] if end is not None else head
        if b"<!ENTITY" in prolog.upper():
            raise InputError("the file declares XML entities (a possible XML bomb); refused",
                             file=self._name)
        if not self._declare or end is None:
            return head
        insert = end - 1 if head[end - 2:end] != b"/>" else end - 2
        extra = "".join(f" xmlns:{p}='{uri}'" for p, uri in sorted(self._declare.items()))
        return head[:insert] + extra.encode("ascii") + head[insert:]


def root_tag_end(head: bytes) -> int | None:
    """Offset just past the ``>`` of the root start tag, skipping declarations and comments."""
    pos = 0
    while True:
        pos = head.find(b"<", pos)
        if pos < 0:
            return None
        if head.startswith(b"<?", pos):
            pos = head.find(b"?>", pos)
        elif head.startswith(b"<!--", pos):
            pos = head.find(b"-->", pos)
        elif head.startswith(b"<!", pos):
            bracket, close = head.find(b"[", pos), head.find(b">", pos)
            pos = head.find(b"]>", pos) if 0 <= bracket < close else close
        else:
            close = head.find(b">", pos)
            return close + 1 if close >= 0 else None
        if pos < 0:
            return None
        pos += 1


def iter_entries(
    raw: BinaryIO,
    name: str,
    head: dict[str, str],
    *,
    total: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    declare: dict[str, str] | None = None,
    encoding: str | None = None,
) -> Iterator[etree._Element]:
    """Stream the Atom entries of a document, freeing each one once the caller is done with it.

    ``head`` is filled with the feed-level facts (``feed_head``) before the first entry is
    yielded, and after the last with ``encoding_suspect`` (the ``encoding-suspect`` message) when
    the file declares ISO-8859-1 or Windows-1252 over UTF-8 bytes. ``encoding`` overrides the
    declared encoding. Raises ``InputError`` for malformed XML and ``PrefixUndeclared`` for a
    known prefix used without a declaration (call again with ``declare``).
    """
    stream = _Prolog(raw, name, declare or {}, watch_encoding=encoding is None)
    parser = etree.iterparse(
        stream, events=("start", "end"), tag=ENTRY, resolve_entities=False, no_network=True,
        load_dtd=False, huge_tree=True, remove_comments=True, remove_pis=True, encoding=encoding,
    )
    open_line: int | None = None
    count = 0
    try:
        for event, entry in parser:
            if event == "start":
                open_line = entry.sourceline
                continue
            open_line = None
            if count == 0:
                feed = entry.getparent()
                head.update(feed_head(feed) if feed is not None else {})
            yield entry
            count += 1
            _free(entry)
            if progress is not None and count % _PROGRESS_EVERY == 0:
                progress(stream.bytes_read, total or 0)
        if count == 0 and parser.root is not None:
            head.update(feed_head(parser.root))
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, name, open_line) from None
    suspect = stream.watch.message() if stream.watch is not None else None
    if suspect:
        head["encoding_suspect"] = suspect
    if progress is not None:
        progress(stream.bytes_read, total or stream.bytes_read)


def _free(entry: etree._Element) -> None:
    """Clear a finished entry and drop the siblings before it, so memory stays flat."""
    entry.clear(keep_tail=False)
    parent = entry.getparent()
    if parent is not None:
        while entry.getprevious() is not None:
            del parent[0]


def feed_head(feed: etree._Element) -> dict[str, str]:
    """Feed-level facts before the first entry: ``id``, ``title``, ``subtitle``, ``url``,
    ``total_results`` (public feeds)."""
    head: dict[str, str] = {}
    total = (child_text(feed, f"{{{OPENSEARCH}}}totalResults") or "").strip()
    if total:
        head["total_results"] = total
    for key in ("id", "title", "subtitle"):
        text = child_text(feed, f"{{{ATOM}}}{key}")
        if text:
            head[key] = text.strip()
    url = usable_url(find_link(feed, "alternate", "text/html") or find_link(feed, "alternate"))
    if url:
        head["url"] = url
    return head


def _syntax_error(exc: etree.XMLSyntaxError, name: str, open_line: int | None) -> Exception:
    message = str(exc.msg or exc).strip()
    unbound = _UNBOUND.search(message)
    if unbound and unbound.group(1) in KNOWN_PREFIXES:
        return PrefixUndeclared(unbound.group(1))
    line = exc.lineno or None
    if open_line is not None and ("Premature end" in message or "not found" in message
                                  or "EndTag" in message or "end of data" in message):
        return InputError(f"file ends inside <entry> (started at line {open_line}); the export "
                          "is truncated or corrupt", file=name, line=line)
    return InputError(f"not well-formed XML: {xml_error_text(message)}", file=name, line=line)


_DEPTH = re.compile(r"Excessive depth in document: (\d+)")
_HUGE_ADVICE = re.compile(r",?\s*use XML_PARSE_HUGE option", re.IGNORECASE)


def xml_error_text(message: str) -> str:
    """libxml2's message, first line, in words for the user: its advice "use XML_PARSE_HUGE
    option" names a parser flag no user can set (and huge_tree is on already); the limit hit is
    said instead."""
    first = (message.strip().splitlines() or ["malformed XML"])[0]
    depth = _DEPTH.search(first)
    if depth:
        return (f"elements are nested more than {depth.group(1)} deep, the XML parser's limit against "
                "hostile input; no real export nests so deep, so the file is damaged or crafted")
    if _HUGE_ADVICE.search(first):
        return (_HUGE_ADVICE.sub("", first).strip().rstrip(",") + " (a size limit of the XML parser "
                "against hostile input; the file is damaged or crafted)")
    return first
