"""Format detection, written once: decide which reader fits an input from its CONTENT.

File names are never trusted (real Takeout files circulate renamed as ``blog-export.xml``).
What the first bytes say is read by ``sniff``; a folder's Takeout shape by
``takeout_source.takeout_feeds``.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from importer.errors import FormatDetectionError, InputError
from importer.readers.sniff import (
    DTD_ENTITIES,
    HTML_SNIFF_BYTES,
    MAX_HTML_FILES,
    MAX_HTML_SNIFFED,
    classify_xml,
    is_blogger_page,
    looks_like_html,
    read_head,
    sniff_xml,
    sniff_xml_file,
)
from importer.readers.takeout_source import takeout_feeds, takeout_zips

__all__ = ["classify_xml", "detect_format", "is_blogger_page", "looks_like_html", "read_head", "sniff_xml"]


def detect_format(path: str | Path) -> str:
    """Name of the reader for ``path`` (file, folder or zip), decided by content.

    Raises ``InputError`` for missing/empty files and ``FormatDetectionError`` for content
    no reader recognises, with a message saying what the file looks like instead.
    """
    path = Path(path)
    if path.is_dir():
        return _detect_folder(path)
    if not path.exists():
        raise InputError("no such file or folder", file=str(path))
    head = read_head(path)
    if not head.strip():
        raise InputError("the file is empty", file=str(path))
    if zipfile.is_zipfile(path):
        return "blogger-takeout"
    return _detect_bytes(head, path)


def _detect_bytes(head: bytes, path: Path) -> str:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text[:1] in (b"{", b"["):
        if b'"blog-archive/' in text[:4096]:
            return "json"
        raise FormatDetectionError("JSON, but not a blog-archive document", file=str(path))
    if looks_like_html(text):
        if is_blogger_page(head):
            return "blogger-html"
        raise InputError("an HTML page, not a Blogger export or saved Blogger page", file=str(path))
    if DTD_ENTITIES.search(head):
        raise InputError("the file declares XML entities (a possible XML bomb); refused",
                         file=str(path))
    sniff = sniff_xml_file(path, head)
    if sniff is None:
        raise FormatDetectionError("not XML, JSON or HTML: no reader recognises it", file=str(path))
    name = classify_xml(sniff)
    if name is None:
        root = sniff.root.rsplit("}", 1)[-1]
        raise FormatDetectionError(
            f"XML with root <{root}> is not a blog export this tool reads", file=str(path)
        )
    return name


def _detect_folder(path: Path) -> str:
    if takeout_feeds(path) or takeout_zips(path):  # a Takeout folder, or its (split) zips
        return "blogger-takeout"
    html_seen = 0
    for count, candidate in enumerate(path.rglob("*")):
        if count > MAX_HTML_FILES or html_seen >= MAX_HTML_SNIFFED:
            break
        name = candidate.name.lower()
        if candidate.is_file() and (".htm" in name or candidate.suffix == ""):
            head = read_head(candidate, HTML_SNIFF_BYTES)
            if looks_like_html(head):
                html_seen += 1
                if is_blogger_page(head):
                    return "blogger-html"
    if html_seen:
        raise InputError("the folder's HTML pages are not saved Blogger pages", file=str(path))
    raise FormatDetectionError(
        "folder holds neither a Takeout feed.atom nor saved HTML pages", file=str(path)
    )
