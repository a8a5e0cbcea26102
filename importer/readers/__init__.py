"""Readers: one module per input format, an ordered registry, and ``read()``.

Every reader has the signature ``read_<format>(source, options, diagnostics) -> Archive``.
Which reader runs is decided by content (``detect.detect_format``), never by file name.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from importer.diagnostics import Diagnostic, Diagnostics, Severity
from importer.errors import FormatDetectionError, UsageError, clip
from importer.model import Archive
from importer.options import ReadOptions
from importer.readers import blogger_legacy
from importer.readers.detect import detect_format
from importer.readers.folders import pick_input
from importer.readers.takeout_source import blog_titles as takeout_titles
from importer.readers.takeout_source import inflated_limit

ReadFunction = Callable[[Path, ReadOptions, Diagnostics], Archive]


@dataclass(frozen=True)
class ReaderSpec:
    """A registered reader: its name (``--from``), what it reads, and the function."""

    name: str
    description: str
    read: ReadFunction


def _imported_when_used(module: str, function: str) -> ReadFunction:
    """``module.function``, imported on its first call: a run loads only the reader it uses
    (BeautifulSoup alone costs 0.1 s to load; the others together about a twentieth of a small
    conversion)."""

    def read_with(path: Path, options: ReadOptions, diagnostics: Diagnostics) -> Archive:
        reader: ReadFunction = getattr(import_module(module), function)
        return reader(path, options, diagnostics)

    return read_with


READERS: list[ReaderSpec] = [
    ReaderSpec("json", "blog-archive JSON written by this tool",
               _imported_when_used("importer.readers.json_reader", "read_json")),
    ReaderSpec("blogger-legacy", "Blogger's legacy 'Back up content' export (blog-MM-DD-YYYY.xml)",
               blogger_legacy.read_blogger_legacy),
    ReaderSpec("blogger-takeout", "Google Takeout Blogger export: feed.atom, blog/Takeout folder, .zip",
               _imported_when_used("importer.readers.blogger_takeout", "read_blogger_takeout")),
    ReaderSpec("blogger-feed", "Blogger's public Atom feed (/feeds/posts/default): published posts only",
               _imported_when_used("importer.readers.blogger_feed", "read_blogger_feed")),
    ReaderSpec("blogger-html", "saved Blogger pages: one page or a folder (wget mirror, web archive)",
               _imported_when_used("importer.readers.blogger_html", "read_blogger_html")),
    ReaderSpec("wxr", "WordPress WXR 1.0-1.2 export (posts, pages, comments, terms, attachments)",
               _imported_when_used("importer.readers.wxr", "read_wxr")),
]

#: What to tell the user when detection recognises a format that no reader handles.
_UNREAD_FORMATS = {
    "atom": "an Atom feed, but not a Blogger export (no Blogger namespace or entry kinds); "
            "export the blog from Blogger or Google Takeout",
    "rss": "an RSS feed, not a Blogger export; export the blog from Blogger or Google Takeout",
}


def reader_names() -> list[str]:
    """Names accepted by ``--from``, in registry order."""
    return [spec.name for spec in READERS]


def get_reader(name: str) -> ReaderSpec:
    """The reader called ``name``; raises ``UsageError`` listing the known names."""
    for spec in READERS:
        if spec.name == name:
            return spec
    raise UsageError(f"unknown input format {name!r}; known: {', '.join(reader_names())}")


def read(
    source: str | Path,
    format: str | None = None,
    options: ReadOptions | None = None,
    diagnostics: Diagnostics | None = None,
) -> Archive:
    """Read ``source`` (a file or folder) into an ``Archive``.

    ``format`` forces a reader; by default it is detected from the content. A folder holding
    several inputs is not read silently: see ``folders.pick_input``. Non-fatal problems go to
    ``diagnostics``; fatal ones raise ``ImporterError``.

    >>> archive = read("fixtures/blog-fi/legacy.xml")  # doctest: +SKIP
    """

    path = Path(source)
    diags = diagnostics if diagnostics is not None else Diagnostics()
    if path.is_dir():  # a folder of several inputs: one is read, and the others are named
        path = pick_input(path, format, diags)
    if format is not None:
        spec = get_reader(format)
    else:
        detected = detect_format(path)
        if detected not in reader_names():
            raise FormatDetectionError(_UNREAD_FORMATS.get(
                detected, f"looks like {detected!r}, which no reader handles"), file=str(path))
        spec = get_reader(detected)
    if diags.file is None:
        diags.file = path.name
    start = len(diags)
    chosen = options or ReadOptions()
    if format is not None and not chosen.forced:  # --from always wins over detection
        chosen = dataclasses.replace(chosen, forced=True)
    archive = spec.read(path, chosen, diags)
    _report_invalid_urls(archive, diags)
    if not archive.posts:
        _report_empty(spec.name, list(diags)[start:], diags)
    return archive


def _report_invalid_urls(archive: Archive, diagnostics: Diagnostics) -> None:
    """One ``url-invalid`` per entry whose permalink a reader had to set aside (every reader
    keeps the unparseable text in ``extra["url_invalid"]``)."""
    for post in archive.posts:
        text = post.extra.get("url_invalid")
        if text is not None:
            diagnostics.report("url-invalid", f"The permalink {clip(text)!r} of '{clip(post.title)}' "
                               "cannot be parsed; the entry has no old address to redirect from.",
                               entry=post.id)


def blog_titles(source: str | Path, format: str | None = None,
                options: ReadOptions | None = None) -> list[str]:
    """The titles of the blogs ``source`` holds when it is a Takeout (sorted); [] for the formats
    that hold one blog (``convert --blog all`` and ``info`` go through each title)."""

    path = Path(source)
    if (format or detect_format(path)) != "blogger-takeout":
        return []
    return takeout_titles(path, inflated_limit((options or ReadOptions()).max_inflated))


def _report_empty(reader: str, said: list[Diagnostic], diagnostics: Diagnostics) -> None:
    """Never silently empty: ``entries-none`` naming the likely cause, unless an error already did."""
    if any(d.severity >= Severity.ERROR for d in said):
        # the reader said what went wrong (dates-unreadable, entry-invalid...) and the run fails
        return
    codes = Counter(d.code for d in said if d.severity >= Severity.WARNING)
    if codes:
        found = ", ".join(f"{n} {code}" for code, n in codes.most_common(3))
        cause = f"the {reader} reader reported {found}: see those diagnostics"
    else:
        cause = (f"it holds no entry the {reader} reader knows; if it is another kind of export, "
                 "give --from")
    diagnostics.report("entries-none", f"No posts or pages were read: {cause}.")
