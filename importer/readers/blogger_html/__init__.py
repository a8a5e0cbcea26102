"""Reader ``blogger-html``: saved Blogger pages (wget mirrors, "Save page as", web-archive copies).

Takes one page or a folder tree of pages (recursively) and rebuilds the archive the pages show:
published posts and pages with their titles, bodies, labels, authors, times and published
comments. Pages are parsed one at a time and only small snapshots are kept (``posts``,
``comments``); copies of a post from several pages are merged afterwards (``merge``), and times
are resolved once the blog's zone is known (``timing``). What pages cannot carry — drafts, spam
and unmoderated comments, exact times on Classic templates — is said once (``pages-limits``).
"""

from __future__ import annotations

import warnings
from collections import Counter
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

from importer.dates import normalize_locale, resolve_tz
from importer.diagnostics import Diagnostics, plural
from importer.errors import InputError, UsageError
from importer.model import Archive, Blog, Post
from importer.options import ReadOptions
from importer.readers.blogger_html.layouts import PageFacts, detect_layout, page_facts
from importer.readers.blogger_html.merge import group_snapshots, merge_post
from importer.readers.blogger_html.posts import PostSnapshot, read_posts
from importer.readers.blogger_html.source import MAX_PAGE_BYTES, collect_files, decode_page
from importer.readers.blogger_html.timing import Clock
from importer.readers.sniff import is_blogger_page

__all__ = ["read_blogger_html"]

_NOT_BLOGGER = "an HTML page, not a Blogger export or saved Blogger page"


@dataclass
class _Collected:
    """What the pages read so far have shown."""

    snapshots: list[PostSnapshot] = field(default_factory=list)
    facts: list[PageFacts] = field(default_factory=list)
    offsets: Counter[str] = field(default_factory=Counter)
    tz_of: dict[str, tzinfo] = field(default_factory=dict)
    classic_pages: int = 0


def read_blogger_html(path: Path, options: ReadOptions, diagnostics: Diagnostics) -> Archive:
    """Read saved Blogger pages at ``path`` (a page or a folder tree) into an ``Archive``.

    Raises ``InputError`` when ``path`` is missing or holds no saved Blogger page.
    """
    if not path.exists():
        raise InputError("no such file or folder", file=str(path))
    root = path if path.is_dir() else path.parent
    collected = _Collected()
    for file in collect_files(path):
        _read_page(file, root, options, diagnostics, collected, single=path.is_file())
    if not collected.facts:
        raise InputError("holds no saved Blogger pages", file=str(path))
    clock = Clock(diagnostics, _zone(options), _seen_offset(collected))
    posts = _merge(collected, clock)
    _check_dates(diagnostics, collected, clock, options)
    _report_limits(diagnostics, collected, clock)
    return Archive(blog=_blog(collected.facts, options), posts=posts, source_format="blogger-html")


def _read_page(file: Path, root: Path, options: ReadOptions, diagnostics: Diagnostics,
               collected: _Collected, *, single: bool) -> None:
    name = file.relative_to(root).as_posix() if file != root else file.name
    data = _read_bytes(file, name, diagnostics, single)
    if data is None:
        return
    marked = is_blogger_page(data[:256 * 1024])
    if not marked and not options.forced:  # --from hands the page to the reader all the same
        if single:
            raise InputError(_NOT_BLOGGER, file=str(file))
        diagnostics.report("page-skipped", f"'{name}' is not a saved Blogger page; it was skipped.",
                           file=name)
        return
    page = decode_page(data, Path(name), diagnostics)
    with warnings.catch_warnings():  # bs4's advice to programmers (a page forced with --from)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(page.text, "lxml")
    try:
        layout = detect_layout(soup)
        if single and not marked and layout == "unknown":  # forced, and no Blogger markup either
            raise InputError(_NOT_BLOGGER + " (no Blogger post markup in it)", file=str(file))
        facts = page_facts(soup, layout)
        collected.facts.append(facts)
        if _layout_unusable(layout, name, diagnostics):
            return
        collected.classic_pages += layout == "classic"
        locale = _locale(options.locale or facts.locale)
        snaps = read_posts(soup, facts, locale, name)
    finally:
        soup.decompose()
    for snap in snaps:
        if snap.machine_time is not None and snap.machine_time.utcoffset() is not None:
            key = str(snap.machine_time.tzinfo)
            collected.offsets[key] += 1
            collected.tz_of[key] = snap.machine_time.tzinfo  # type: ignore[assignment]
    collected.snapshots.extend(snaps)


def _read_bytes(file: Path, name: str, diagnostics: Diagnostics, single: bool) -> bytes | None:
    try:
        size = file.stat().st_size
        if size > MAX_PAGE_BYTES:
            if single:
                raise InputError(f"{size} bytes is far too big for a saved page", file=str(file))
            diagnostics.report("page-skipped", f"'{name}' is {size} bytes, far too big for a saved "
                               "page; it was skipped.", file=name)
            return None
        return file.read_bytes()
    except OSError as exc:
        if single:
            raise InputError(f"cannot read: {exc.strerror or exc}", file=str(file)) from exc
        diagnostics.report("page-skipped", f"'{name}' cannot be read ({exc.strerror or exc}); it was "
                           "skipped.", file=name)
        return None


def _layout_unusable(layout: str, name: str, diagnostics: Diagnostics) -> bool:
    if layout == "dynamic-views":
        diagnostics.report("page-dynamic-views", f"'{name}' is a Dynamic Views page: its posts are loaded "
                           "by JavaScript, so the saved page holds almost nothing.", file=name)
        return True
    if layout == "unknown":
        diagnostics.report("page-layout-unknown", f"'{name}' is a Blogger page of a layout this reader "
                           "does not know; no posts were taken from it.", file=name)
        return True
    return False


def _locale(code: str | None) -> str:
    try:
        return normalize_locale(code or "en")
    except (UsageError, ValueError):
        return "en"


def _zone(options: ReadOptions) -> tzinfo | None:
    return resolve_tz(options.timezone) if options.timezone else None  # checked in ReadOptions


def _seen_offset(collected: _Collected) -> tzinfo | None:
    if not collected.offsets:
        return None
    return collected.tz_of[collected.offsets.most_common(1)[0][0]]


def _merge(collected: _Collected, clock: Clock) -> tuple[Post, ...]:
    posts = [p for key, copies in group_snapshots(collected.snapshots).items()
             if (p := merge_post(key, copies, clock)) is not None]
    collected.snapshots.clear()
    return tuple(sorted(posts, key=_newest_first))


def _newest_first(post: Post) -> tuple[float, str]:
    return (-post.published.timestamp(), post.id)


def _check_dates(diagnostics: Diagnostics, collected: _Collected, clock: Clock,
                 options: ReadOptions) -> None:
    """An error when most date texts could not be read: the wrong ``--locale`` halves a blog."""
    tried = clock.text_times + clock.unreadable
    if not clock.unreadable or clock.unreadable * 2 < tried:
        return
    said = Counter(_locale(f.locale) for f in collected.facts if f.locale).most_common(1)
    used = _locale(options.locale) if options.locale else (said[0][0] if said else "en")
    text = f"{tried - clock.unreadable} of {tried} dates are readable in locale {used}"
    if said and options.locale and said[0][0] != used:
        text += f"; the pages say {said[0][0]}: drop --locale or use --locale {said[0][0]}"
    else:
        text += "; give the pages' language with --locale (e.g. --locale fi)"
    diagnostics.report("dates-unreadable", text + ".")


def _report_limits(diagnostics: Diagnostics, collected: _Collected, clock: Clock) -> None:
    text = ("Saved pages show only published posts, pages and comments: drafts, spam and comments "
            "awaiting moderation cannot be recovered from them")
    if clock.text_times:
        verb = "was" if clock.text_times == 1 else "were"
        text += (f"; {plural(clock.text_times, 'time')} {verb} read from text only (to the minute at best, "
                 "Classic templates have no machine-readable timestamps)")
    diagnostics.report("pages-limits", text + ".")


def _blog(facts: list[PageFacts], options: ReadOptions) -> Blog:
    def first(values: list[str | None]) -> str | None:
        return next((v for v in values if v), None)

    url = options.base_url or first([f.blog_url for f in facts])
    return Blog(
        id=first([f.blog_id for f in facts]),
        title=first([f.blog_title for f in facts]) or "",
        url=url if not url or url.endswith("/") else url + "/",
        locale=options.locale or first([f.locale for f in facts]),
        timezone=options.timezone,
        description=first([f.blog_description for f in facts]) or "",
    )

