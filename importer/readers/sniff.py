"""Sniffing an input's first bytes: what XML root and namespaces, HTML or not, rendered by Blogger.

Shared by format detection (``detect``) and the Takeout folder-shape rule (``takeout_source``),
so what a file looks like is decided by one set of functions. XML is sniffed with a bounded,
entity-free parse of its start: the root element, its namespaces and the first entry's
categories are enough to tell the Blogger formats apart. A long prolog (a comment of more than
the 256 KiB sniffed, before the root element) is read on, up to ``MAX_PROLOG_BYTES``, until the
root and the first entry have been seen (``sniff_xml_file``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from importer.errors import FormatDetectionError, InputError

ATOM = "http://www.w3.org/2005/Atom"
BLOGGER_2018 = "http://schemas.google.com/blogger/2018"
BLOGGER_2008 = "http://schemas.google.com/blogger/2008"
GDATA_KIND = "http://schemas.google.com/g/2005#kind"
WXR_NS_PREFIX = "http://wordpress.org/export/"

_SNIFF_BYTES = 256 * 1024
#: How far to read for the root element past a long comment or processing instructions.
MAX_PROLOG_BYTES = 64 * 1024**2
# An internal DTD subset declaring entities: no Blogger or WordPress export has one, and
# billion-laughs bombs need one. Refused before any parser sees it.
DTD_ENTITIES = re.compile(rb"<!DOCTYPE[^\[>]*\[[^\]]*<!ENTITY", re.IGNORECASE)
MAX_HTML_FILES = 200_000
MAX_HTML_SNIFFED = 2_000
HTML_SNIFF_BYTES = 64 * 1024

# Signs that an HTML page was rendered by Blogger: the generator meta (Layouts and Classic
# templates), the widget manager script, Blogger feeds, blogblog.com resources, post-body ids.
_BLOGGER_MARKERS = re.compile(
    rb"<meta[^>]*content=[\"']blogger[\"'][^>]*name=[\"']generator|"
    rb"<meta[^>]*name=[\"']generator[\"'][^>]*content=[\"']blogger|"
    rb"_WidgetManager|blogger\.com/feeds/|blogger\.com/static/|blogblog\.com/|"
    rb"id=[\"']post-body-\d|blogger\.com/dyn-css/",
    re.IGNORECASE,
)
# A hand-made Classic template may drop all of the above; what stays is Blogger's Classic markup
# (date-header, post, post-body, post-footer classes) and the blog's blogspot permalinks.
_CLASS_ATTRIBUTE = re.compile(rb"class\s*=\s*[\"']([^\"']{1,200})[\"']", re.IGNORECASE)
_CLASSIC_CLASSES = frozenset({b"date-header", b"post", b"post-body", b"post-footer", b"post-title"})
_BLOGSPOT_PERMALINK = re.compile(rb"https?://[a-z0-9-]+\.blogspot\.[a-z.]{2,12}/(?:\d{4}/\d{2}/|p/)"
                                 rb"[^\"'\s<>]+\.html", re.IGNORECASE)


@dataclass
class XmlSniff:
    """What the start of an XML document says about itself."""

    root: str = ""
    """Root element in Clark notation (``{ns}local``)."""
    namespaces: set[str] = field(default_factory=set)
    """Every namespace URI declared or used in the sniffed part."""
    has_kind_category: bool = False
    """An entry carries a GData kind category (legacy export)."""
    has_wxr_version: bool = False
    """A ``wp:wxr_version`` element was seen (WordPress WXR)."""


def read_head(path: Path, size: int = _SNIFF_BYTES) -> bytes:
    """The first ``size`` bytes of ``path``; ``InputError`` when it cannot be opened."""
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=str(path)) from exc


def looks_like_html(head: bytes) -> bool:
    """True when a file's first bytes look like an HTML document (doctype or ``<html``)."""
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096].lower()
    return lowered.startswith(b"<!doctype html") or b"<html" in lowered


def is_blogger_page(head: bytes) -> bool:
    """True when the start of an HTML page (64 KiB is plenty) shows it was rendered by Blogger.

    Either a Blogger marker (generator meta, widget scripts, Blogger feeds and resources), or
    three of the Classic template's classes together with a blogspot permalink.
    """
    if _BLOGGER_MARKERS.search(head) is not None:
        return True
    classes = {name.lower() for found in _CLASS_ATTRIBUTE.finditer(head) for name in found.group(1).split()}
    return len(classes & _CLASSIC_CLASSES) >= 3 and _BLOGSPOT_PERMALINK.search(head) is not None


class _Sniffer:
    """An incremental, entity-free parse of a document's start, fed chunk by chunk."""

    def __init__(self) -> None:
        self.sniff = XmlSniff()
        self.failed = False
        self._parser = etree.XMLPullParser(
            events=("start",), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
        )

    def feed(self, data: bytes) -> None:
        """Parse ``data`` and note what its elements say (nothing more after a syntax error)."""
        if self.failed:
            return
        # a truncated head, or a damaged one (WXR with a Word \x0b): what came before still counts
        try:
            self._parser.feed(data)
        except etree.XMLSyntaxError:
            self.failed = True
        try:
            for _event, element in self._parser.read_events():
                _note(self.sniff, element)
        except etree.XMLSyntaxError:
            self.failed = True


def sniff_xml(head: bytes) -> XmlSniff | None:
    """Parse the start of an XML document; None when it is not XML at all."""
    sniffer = _Sniffer()
    sniffer.feed(head)
    return sniffer.sniff if sniffer.sniff.root else None


def sniff_xml_file(path: Path, head: bytes) -> XmlSniff | None:
    """``sniff_xml`` of ``head`` (the file's first bytes), read on past a prolog longer than the
    head: a 300 KiB comment before the root is still XML. ``InputError`` for an entity declaration
    met on the way, ``FormatDetectionError`` past ``MAX_PROLOG_BYTES`` without a root element."""
    sniffer = _Sniffer()
    sniffer.feed(head)
    if sniffer.sniff.root or sniffer.failed or len(head) < _SNIFF_BYTES:
        return sniffer.sniff if sniffer.sniff.root else None
    try:
        done = _read_on(path, len(head), head[-8:], sniffer)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=str(path)) from exc
    if not sniffer.sniff.root and not sniffer.failed and done >= MAX_PROLOG_BYTES:
        raise FormatDetectionError(f"XML with no root element in its first {MAX_PROLOG_BYTES // 2**20} "
                                   "MiB (a comment that long is no blog export)", file=str(path))
    return sniffer.sniff if sniffer.sniff.root else None


def _read_on(path: Path, start: int, tail: bytes, sniffer: _Sniffer) -> int:
    """Feed ``sniffer`` from ``start`` until the root and 256 KiB after it were seen; the offset."""
    done, after_root = start, 0
    with path.open("rb") as handle:
        handle.seek(start)
        while not sniffer.failed and after_root < _SNIFF_BYTES and done < MAX_PROLOG_BYTES:
            chunk = handle.read(_SNIFF_BYTES)
            if not chunk:
                break
            if not sniffer.sniff.root and b"<!ENTITY" in (tail + chunk).upper():
                raise InputError("the file declares XML entities (a possible XML bomb); refused",
                                 file=str(path))
            tail = chunk[-8:]
            sniffer.feed(chunk)
            done += len(chunk)
            after_root += len(chunk) if sniffer.sniff.root else 0
    return done


def _note(sniff: XmlSniff, element: etree._Element) -> None:
    tag = element.tag
    if not isinstance(tag, str):
        return
    if not sniff.root:
        sniff.root = tag
    sniff.namespaces.update(v for v in element.nsmap.values() if v)
    if tag.startswith("{"):
        sniff.namespaces.add(tag[1:].split("}", 1)[0])
    local = tag.rsplit("}", 1)[-1]  # not QName: 'app:control' with an undeclared prefix
    if local == "category" and element.get("scheme") == GDATA_KIND:
        sniff.has_kind_category = True
    elif local == "wxr_version":
        sniff.has_wxr_version = True


def classify_xml(sniff: XmlSniff) -> str | None:
    """Reader name for sniffed XML, or None when no reader knows it."""
    if sniff.has_wxr_version or any(ns.startswith(WXR_NS_PREFIX) for ns in sniff.namespaces):
        return "wxr"
    if BLOGGER_2018 in sniff.namespaces:
        return "blogger-takeout"
    if sniff.root == f"{{{ATOM}}}feed":
        if sniff.has_kind_category:
            return "blogger-legacy"
        if BLOGGER_2008 in sniff.namespaces:
            return "blogger-feed"
        return "atom"
    if sniff.root == "rss":
        return "rss"
    return None


def is_takeout_feed(path: Path) -> bool:
    """True when the file at ``path`` is a Takeout feed by its content (Blogger's 2018 namespace)."""
    try:
        head = read_head(path, HTML_SNIFF_BYTES)
    except InputError:
        return False
    sniff = sniff_xml(head)
    return sniff is not None and classify_xml(sniff) == "blogger-takeout"
