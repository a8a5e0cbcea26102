"""Streaming a WordPress WXR file: bytes in, each finished child of ``<channel>`` out.

Control characters XML forbids (``\\x0b`` from Word pastes) make real exports malformed; they are
removed from the byte stream before parsing (safe in UTF-8: never inside a sequence), and counted
for one ``control-chars-removed``. UTF-16/32 files pass untouched. A file declaring ISO-8859-1
or Windows-1252 is watched for UTF-8 bytes (``encoding-suspect``). Elements are matched by local
name within any WordPress export namespace (``key``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from importer.errors import InputError
from importer.options import ReadOptions
from importer.readers.blogger_common import xml_error_text
from importer.readers.encoding import Utf8Watch, suspect_declaration

_NAMESPACES = {"http://purl.org/rss/1.0/modules/content/": "content:",
               "http://purl.org/dc/elements/1.1/": "dc:", "http://wellformedweb.org/CommentAPI/": "wfw:"}
_CONTROL = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_CHUNK = 1 << 20
#: How UTF-16 and UTF-32 documents start (byte order marks, or ``<`` as a wide character).
_WIDE_STARTS = (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<", b"\x00\x00")


class CleanStream:
    """A binary stream minus the control bytes XML forbids (safe in UTF-8: never inside a sequence)."""

    def __init__(self, raw: BinaryIO, total: int, options: ReadOptions) -> None:
        self._raw, self._total, self._progress = raw, total, options.progress
        self._watch_encoding = options.encoding is None
        self.watch: Utf8Watch | None = None
        self.removed = 0
        self.done = 0
        self._wide = False

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size if size > 0 else _CHUNK)
        if self.done == 0 and data[:2] in _WIDE_STARTS:
            self._wide = True  # UTF-16/32: NUL bytes are half of every character, not controls
        if self.done == 0 and self._watch_encoding:
            label = suspect_declaration(data)
            self.watch = Utf8Watch(label) if label else None
        if self.watch is not None:
            self.watch.feed(data)
        self.done += len(data)
        if self._wide:
            if self._progress is not None:
                self._progress(self.done, self._total)
            return data
        cleaned = data.translate(None, _CONTROL)
        self.removed += len(data) - len(cleaned)
        if self._progress is not None:
            self._progress(self.done, self._total)
        return cleaned


@lru_cache(maxsize=256)
def key(tag: str) -> str:
    """``{http://wordpress.org/export/1.2/}post_id`` -> ``wp:post_id``; RSS elements stay bare.

    An undeclared prefix leaves libxml2's tag as ``wp:post_id`` (not a valid ``QName``): it is
    kept as written, which is also the key the declared form maps to.
    """
    namespace, brace, localname = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    if not brace:
        return tag
    if "wordpress.org/export" in namespace:
        prefix = "excerpt:" if namespace.rstrip("/").endswith("excerpt") else "wp:"
    else:
        prefix = _NAMESPACES.get(namespace, "" if not namespace else "?:")
    return prefix + localname


def channel_children(stream: CleanStream, path: Path, encoding: str | None) -> Iterator[etree._Element]:
    """Each finished child of ``<channel>``, cleared (with its predecessors) once handled."""
    context = etree.iterparse(stream, events=("end",), resolve_entities=False, no_network=True,
                              load_dtd=False, huge_tree=True, remove_comments=True, remove_pis=True,
                              encoding=encoding)
    try:
        for _event, element in context:
            parent = element.getparent()
            if parent is None:
                if key(element.tag) != "rss":
                    raise InputError(f"root <{key(element.tag)}> is not a WXR "
                                     "<rss> document", file=str(path))
                continue
            if not isinstance(parent.tag, str) or key(parent.tag) != "channel":
                continue
            yield element
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as exc:
        raise InputError(f"not well-formed WXR: {xml_error_text(str(exc.msg or exc))}", file=str(path),
                         line=exc.position[0] if exc.position else None) from None
