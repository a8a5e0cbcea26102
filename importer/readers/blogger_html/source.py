"""Getting saved Blogger pages off the disk as clean text: which files, which encoding, no Wayback.

Quirks handled:
- wget mirrors name files after URLs (``blog-post.html?m=1``, ``index.html``, extension-less
  label pages such as ``search/label/Orkut``), so files are picked by name AND by content.
- Pages may be ISO-8859-1 or windows-1252 (``<meta charset>`` or the http-equiv form); as browsers
  do, an ISO-8859-1 label is decoded as windows-1252.
- A wrong declaration shows as mojibake: UTF-8 bytes read as windows-1252 give ``Ã¤`` for ``ä``.
  Such pages are re-decoded (or the double-encoded text is undone) and the repair is reported.
- Web-archive copies carry the Wayback toolbar between ``BEGIN/END WAYBACK TOOLBAR INSERT``
  comments and wrap every URL as ``https://web.archive.org/web/<14 digits>[im_|cs_|js_…]/<url>``
  (or the host-relative ``/web/<14 digits>/<url>``); both are undone on the raw text, so
  scripts (the ``_WidgetManager`` data) are unwrapped as well as attributes.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from importer.diagnostics import Diagnostics
from importer.readers.sniff import looks_like_html

#: Pages bigger than this are not parsed (a saved Blogger page is well under 1 MB).
MAX_PAGE_BYTES = 32 * 1024 * 1024

_HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", "")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)

# Windows-1252 spelling of the bytes 0x80-0xFF (the five bytes cp1252 leaves undefined stay latin-1).
_CP1252 = {b: bytes([b]).decode("cp1252", errors="replace") for b in range(0x80, 0x100)}
_CP1252 = {b: (c if c != "\ufffd" else chr(b)) for b, c in _CP1252.items()}
_LEAD = "".join(re.escape(_CP1252[b]) for b in range(0xC2, 0xF5))
_CONT = "".join(re.escape(_CP1252[b]) for b in range(0x80, 0xC0))
#: One UTF-8 multibyte sequence as it looks when read as windows-1252: ``Ã¤``, ``â€“``, ``Â»``.
MOJIBAKE = re.compile(f"[{_LEAD}][{_CONT}]{{1,3}}")

_WAYBACK_TOOLBAR = re.compile(
    r"<!--\s*BEGIN WAYBACK TOOLBAR INSERT\s*-->.*?<!--\s*END WAYBACK TOOLBAR INSERT\s*-->", re.S
)
_WAYBACK_HEAD = re.compile(
    r"<script[^>]*(?:web-static\.archive\.org|archive\.org/_static|/_static/js/|"
    r"archive\.org/includes/)[^>]*>\s*</script>|"
    r"<link[^>]*(?:web-static\.archive\.org|archive\.org/_static|/_static/css/)[^>]*>",
    re.I,
)
_WAYBACK_TRAILER = re.compile(r"<!--\s*FILE ARCHIVED ON .*?-->", re.S)
_WAYBACK_URL = re.compile(r"(?:https?:)?(?://web\.archive\.org)?/web/\d{14}[a-z_]*/", re.I)
_WAYBACK_ABSOLUTE = re.compile(r"(?:https?:)?//web\.archive\.org/web/\d{14}[a-z_]*/", re.I)


@dataclass(frozen=True)
class PageText:
    """One saved page, decoded and with any web-archive wrapping removed."""

    path: Path
    """The file it came from."""
    text: str
    """The HTML as text."""
    encoding: str
    """The codec finally used (``utf-8``, ``cp1252``...)."""
    wayback: bool
    """True when the page was a web-archive copy (toolbar and URLs unwrapped)."""


def collect_files(path: Path) -> Iterator[Path]:
    """The candidate page files under ``path`` (itself when a file), in a stable order.

    Candidates are picked by name (``.html``, ``.htm``, ``….html?m=1``, no extension) and
    confirmed by content: only files that start like HTML are yielded.
    """
    if path.is_file():
        yield path
        return
    for candidate in sorted(p for p in path.rglob("*") if _html_name(p)):
        if candidate.is_file() and looks_like_html(_head(candidate)):
            yield candidate


def _html_name(path: Path) -> bool:
    name = path.name.lower()
    if any(part.startswith(".") for part in path.parts[-1:]):
        return False
    return ".htm" in name or path.suffix.lower() in _HTML_SUFFIXES


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(4096)
    except OSError:
        return b""


def decode_page(data: bytes, path: Path, diagnostics: Diagnostics) -> PageText:
    """Decode a page's bytes, repair a wrong declared encoding, and unwrap web-archive URLs."""
    text, encoding = _decode(data, path, diagnostics)
    wayback = "web.archive.org" in text or "WAYBACK TOOLBAR" in text
    if wayback:
        text = unwrap_wayback(text)
    return PageText(path=path, text=text, encoding=encoding, wayback=wayback)


def declared_encoding(data: bytes) -> str | None:
    """The codec a page declares (BOM, ``<meta charset>``, http-equiv), or None."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    match = _CHARSET.search(data[:8192])
    if match is None:
        return None
    label = match.group(1).decode("ascii", errors="replace").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # WHATWG: the ISO-8859-1 and ASCII labels mean windows-1252 in HTML.
    return "cp1252" if name in ("latin_1", "iso8859-1", "ascii") else name


def _decode(data: bytes, path: Path, diagnostics: Diagnostics) -> tuple[str, str]:
    declared = declared_encoding(data) or "utf-8"
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        text = data.decode(declared)
    except (UnicodeDecodeError, LookupError):
        diagnostics.report(
            "encoding-repaired",
            f"'{path.name}' declares {declared} but is not valid {declared}; read as windows-1252.",
            file=str(path))
        return data.decode("cp1252", errors="replace"), "cp1252"
    sample = MOJIBAKE.search(text)
    if sample is None:
        return text, declared
    if declared != "utf-8" and _is_utf8(data):
        diagnostics.report(
            "encoding-repaired",
            f"'{path.name}' declares {declared} but holds UTF-8 text (mojibake such as "
            f"{sample.group()!r}); read as UTF-8.", file=str(path))
        return data.decode("utf-8"), "utf-8"
    repaired = undo_double_encoding(text)
    if repaired != text:
        diagnostics.report(
            "encoding-repaired",
            f"'{path.name}' holds text encoded twice (mojibake such as {sample.group()!r}); "
            "it was decoded once more.", file=str(path))
        return repaired, declared
    return text, declared


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def undo_double_encoding(text: str) -> str:
    """Undo UTF-8-read-as-windows-1252 runs (``kesÃ¤kuuta`` -> ``kesäkuuta``), run by run.

    Each run is repaired only when its bytes are valid UTF-8, so real Latin-1 text survives.
    """

    def fix(match: re.Match[str]) -> str:
        raw = bytes(_byte_of(c) for c in match.group())
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return match.group()

    return MOJIBAKE.sub(fix, text)


_BYTE_OF = {c: b for b, c in _CP1252.items()}


def _byte_of(char: str) -> int:
    return _BYTE_OF.get(char, ord(char) if ord(char) < 0x100 else 0x3F)


def unwrap_wayback(text: str) -> str:
    """Remove the Wayback toolbar and scripts and unwrap every ``/web/<timestamp>/`` URL."""
    text = _WAYBACK_TOOLBAR.sub("", text)
    text = _WAYBACK_HEAD.sub("", text)
    text = _WAYBACK_TRAILER.sub("", text)
    return _WAYBACK_URL.sub("", text)


def unwrap_url(url: str) -> str:
    """``https://web.archive.org/web/20100615123456/http://x/`` -> ``http://x/`` (others as is)."""
    return _WAYBACK_ABSOLUTE.sub("", url, count=1)
