"""Reader of Blogger's legacy "Back up content" export (Atom + GData, ``blog-MM-DD-YYYY.xml``).

Quirks handled here (those of one entry's fields are ``blogger_entry``'s): template and
settings entries are not posts; settings titles are localized, so settings are keyed on the id;
one real export forgot to declare the ``app`` prefix (read again with it declared, and a
warning); an id seen twice keeps its first entry; ``blogger.displayTime`` is cross-checked.
A large export is read in pieces on two cores (``pieces``), with the result one pass gives.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from lxml import etree

from importer.dates.display import check_display_text
from importer.dates.tz import zone_or_none
from importer.diagnostics import Diagnostic, DiagnosticCode, Diagnostics, Severity
from importer.errors import InputError
from importer.forked import can_fork
from importer.model import Archive, Blog, Comment, Post
from importer.options import ReadOptions
from importer.readers.blogger_common import (
    ATOM,
    KNOWN_PREFIXES,
    PrefixUndeclared,
    TagId,
    blog_id_in,
    blog_zone,
    child_text,
    iter_entries,
    parse_setting_id,
    parse_tag_id,
)
from importer.readers.blogger_entry import (
    EntryInvalid,
    entry_kind,
    is_draft,
    read_comment,
    read_post,
)
from importer.readers.blogger_threads import assemble
from importer.readers.children import Children
from importer.readers.encoding import encoding_override
from importer.readers.pieces import MODEL_REDUCERS, Piece, cut, line_offsets, read_pieces

_MAX_PREFIX_RETRIES = 3
_ID, _CONTENT = f"{{{ATOM}}}id", f"{{{ATOM}}}content"
Opener = Callable[[], BinaryIO]
CollectEntry = Callable[[etree._Element, "Collected", Diagnostics], None]


@dataclass
class Collected:
    """What a pass over the entries gathered, before the archive is put together."""

    head: dict[str, str] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)
    posts: list[Post] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    zone: tzinfo | None = None
    """The blog's zone once known (``--timezone``, or a setting read before the entries): times
    are put in it as they are read, which saves ``assemble`` a copy of every entry."""


def read_blogger_legacy(path: Path, options: ReadOptions, diagnostics: Diagnostics) -> Archive:
    """Read a legacy Blogger export: posts, pages, drafts, threaded comments, labels, settings."""
    name = str(path)
    try:
        total = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=name) from exc
    collected = (_collect_in_pieces(path, total, options, diagnostics)
                 or collect_with_retries(lambda: path.open("rb"), name, total, options, diagnostics))
    return build_archive(collected, options, diagnostics)


def collect_with_retries(
    opener: Opener, name: str, total: int | None, options: ReadOptions, diagnostics: Diagnostics,
    collect_entry: CollectEntry | None = None, zone: tzinfo | None = None,
) -> Collected:
    """One pass over the entries; again with known prefixes declared if the file forgot them.

    ``collect_entry`` files one entry into the ``Collected`` (default: a legacy export entry);
    it raises ``EntryInvalid`` for an entry to skip. ``zone`` is the blog's zone when known
    before reading (``--timezone`` is used otherwise; see ``Collected.zone``).
    """
    declare: dict[str, str] = {}
    while True:
        attempt = Diagnostics(diagnostics.file)
        try:
            with opener() as raw:
                collected = _collect(raw, name, total, options, attempt, declare,
                                     collect_entry or _collect_entry,
                                     zone or zone_or_none(options.timezone))
        except PrefixUndeclared as missing:
            if missing.prefix in declare or len(declare) >= _MAX_PREFIX_RETRIES:
                raise InputError(f"namespace prefix {missing.prefix!r} is used but never declared",
                                 file=name) from None
            declare[missing.prefix] = KNOWN_PREFIXES[missing.prefix]
            continue
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", file=name) from exc
        for prefix, uri in sorted(declare.items()):
            diagnostics.report("prefix-undeclared", f"The namespace prefix {prefix!r} is used but "
                               f"never declared; it was read as {uri!r}.")
        if "encoding_suspect" in collected.head:
            diagnostics.report("encoding-suspect", collected.head["encoding_suspect"])
        diagnostics.extend(attempt)
        return collected


def _collect(raw: BinaryIO, name: str, total: int | None, options: ReadOptions,
             diagnostics: Diagnostics, declare: dict[str, str], collect_entry: CollectEntry,
             zone: tzinfo | None) -> Collected:
    collected = Collected(zone=zone)
    for entry in iter_entries(raw, name, collected.head, total=total, progress=options.progress,
                              declare=declare, encoding=encoding_override(options.encoding)):
        try:
            collect_entry(entry, collected, diagnostics)
        except EntryInvalid as exc:
            raw_id = (child_text(entry, f"{{{ATOM}}}id") or "").strip() or None
            diagnostics.report("entry-invalid", f"Entry skipped: {exc}.",
                               entry=_short_id(raw_id), line=entry.sourceline if raw_id is None else None)
    return collected


def _short_id(raw_id: str | None) -> str | None:
    tag = parse_tag_id(raw_id)
    return tag.id if tag is not None else raw_id


class _Setting(NamedTuple):
    name: str
    value: str


def _entry_to_read(children: Children, diagnostics: Diagnostics) -> tuple[TagId, str] | _Setting | None:
    """What an entry is: a setting, nothing to keep (template, unknown kind: reported), or the
    ``(tag id, kind)`` of a post, page or comment to read; ``EntryInvalid`` when its id is unusable."""
    raw_id = (children.text(_ID) or "").strip()
    if not raw_id:
        raise EntryInvalid("it has no <id>")
    kind = entry_kind(children)
    if kind == "settings":
        setting = parse_setting_id(raw_id)
        return _Setting(setting, (children.text(_CONTENT) or "").strip()) if setting is not None else None
    if kind == "template":
        return None
    tag = parse_tag_id(raw_id)
    if kind not in ("post", "page", "comment"):
        diagnostics.report("entry-unknown-kind", f"Entry {raw_id!r} is of unknown kind {kind!r}; "
                           "skipped.", entry=tag.id if tag else raw_id)
        return None
    if tag is None:
        raise EntryInvalid(f"its id {raw_id!r} is not a Blogger post id")
    return tag, kind


def _read_entry(children: Children, tag: TagId, kind: str, zone: tzinfo | None) -> Post | Comment:
    if kind == "comment":
        return read_comment(children, tag, zone)
    return read_post(children, tag, kind, "draft" if is_draft(children) else "published", zone)


def _set(collected: Collected, setting: _Setting) -> None:
    collected.settings[setting.name] = setting.value
    if setting.name == "BLOG_TIME_ZONE" and collected.zone is None:
        collected.zone = zone_or_none(setting.value)


def _is_duplicate(collected: Collected, entry_id: str, diagnostics: Diagnostics) -> bool:
    if entry_id in collected.seen:
        diagnostics.report("entry-duplicate-id", f"A second entry with id {entry_id!r} was skipped.",
                           entry=entry_id)
        return True
    return False


def _file(collected: Collected, item: Post | Comment) -> None:
    if isinstance(item, Comment):
        collected.comments.append(item)
    else:
        collected.posts.append(item)
    collected.seen.add(item.id)


#: What one piece's pass found, in file order: ``("setting", _Setting)``, ``("diag", Diagnostic)``,
#: ``("item", Post | Comment)`` or ``("invalid", entry id, why)``; replayed by ``_replay``.
Event = tuple[Any, ...]


class _Logged(Diagnostics):
    """Diagnostics that also go into a piece's event log."""

    def __init__(self, file: str | None, log: list[Event]) -> None:
        super().__init__(file)
        self.log = log

    def report(self, code: DiagnosticCode, message: str, *, entry: str | None = None,
               line: int | None = None, file: str | None = None,
               severity: Severity | None = None) -> Diagnostic:
        found = super().report(code, message, entry=entry, line=line, file=file, severity=severity)
        self.log.append(("diag", found))
        return found


def _read_piece(path: Path, piece: Piece, options: ReadOptions, file: str | None,
                zone: tzinfo | None) -> tuple[dict[str, str], list[Event]]:
    """The feed head and the events of one piece (duplicates are told apart when replayed)."""
    log: list[Event] = []

    def record(entry: etree._Element, collected: Collected, diagnostics: Diagnostics) -> None:
        children = Children(entry)
        found = _entry_to_read(children, diagnostics)
        if isinstance(found, _Setting):
            log.append(("setting", found))
        elif found is not None:
            try:
                log.append(("item", _read_entry(children, *found, zone)))
            except EntryInvalid as exc:
                log.append(("invalid", found[0].id, str(exc)))

    with piece.open(path) as raw:
        return _collect(raw, str(path), None, options, _Logged(file, log), {}, record, zone).head, log


_ZONE_SETTING = re.compile(
    rb"\.settings\.BLOG_TIME_ZONE</id>(?:(?!</entry>).)*?<content[^>]*>([^<]+)</content>", re.DOTALL)


def _zone_setting(path: Path) -> tzinfo | None:
    """The zone the ``BLOG_TIME_ZONE`` setting near the start names, if any: the pieces read
    their times into it (only to save copies later: ``assemble`` puts what is not in the blog's
    zone into it, whatever this finds)."""
    with path.open("rb") as handle:
        found = _ZONE_SETTING.search(handle.read(1024 * 1024))
    return zone_or_none(found.group(1).decode("utf-8", "replace")) if found else None


def _replay(collected: Collected, events: list[Event], diagnostics: Diagnostics, line_offset: int) -> None:
    """One piece's events filed as ``_collect_entry`` files them, in order."""
    for event in events:
        if event[0] == "setting":
            _set(collected, event[1])
        elif event[0] == "diag":
            found: Diagnostic = event[1]
            diagnostics.report(found.code, found.message, entry=found.entry, file=found.file,
                               line=found.line + line_offset if found.line else found.line,
                               severity=found.severity)
        elif not _is_duplicate(collected, event[1] if event[0] == "invalid" else event[1].id, diagnostics):
            if event[0] == "invalid":
                diagnostics.report("entry-invalid", f"Entry skipped: {event[2]}.", entry=event[1])
            else:
                _file(collected, event[1])


def _collect_in_pieces(path: Path, total: int, options: ReadOptions,
                       diagnostics: Diagnostics) -> Collected | None:
    """The entries of a large export read on two cores; None when it is read in one pass."""
    pieces = cut(path, total) if options.encoding is None and can_fork() else None
    if pieces is None:
        return None
    zone = zone_or_none(options.timezone) or _zone_setting(path)
    quiet = dataclasses.replace(options, progress=None)
    try:
        results = read_pieces(pieces, lambda piece: _read_piece(path, piece, quiet, diagnostics.file, zone),
                              MODEL_REDUCERS, options.progress)
    except (InputError, PrefixUndeclared, OSError):
        return None  # one pass says exactly what is wrong (or reads it with a prefix declared)
    collected, found = Collected(head=results[0][0], zone=zone), Diagnostics(diagnostics.file)
    lines = [0] * len(pieces)
    if any(event[0] == "diag" and event[1].line for _head, events in results[1:] for event in events):
        lines = line_offsets(path, pieces)
    for (_head, events), offset in zip(results, lines, strict=True):
        _replay(collected, events, found, offset)
    diagnostics.extend(found)
    return collected


def _collect_entry(entry: etree._Element, collected: Collected, diagnostics: Diagnostics) -> None:
    children = Children(entry)
    found = _entry_to_read(children, diagnostics)
    if isinstance(found, _Setting):
        _set(collected, found)
    elif found is not None and not _is_duplicate(collected, found[0].id, diagnostics):
        _file(collected, _read_entry(children, *found, collected.zone))


def blog_from_settings(collected: Collected, options: ReadOptions, zone_name: str | None) -> Blog:
    """The ``Blog`` from the settings entries and the feed's own id, title and link."""
    settings, head = collected.settings, collected.head
    extra = {key: settings[name] for key, name in (
        ("convert_line_breaks", "BLOG_CONVERT_LINE_BREAKS"), ("date_format", "BLOG_DATE_FORMAT"))
        if settings.get(name)}
    url = options.base_url or head.get("url")
    return Blog(
        id=blog_id_in(head.get("id")), title=settings.get("BLOG_NAME") or head.get("title", ""),
        url=url, locale=settings.get("BLOG_LOCALE") or None, timezone=zone_name,
        description=settings.get("BLOG_DESCRIPTION", ""), extra=extra,
    )


def build_archive(collected: Collected, options: ReadOptions, diagnostics: Diagnostics) -> Archive:
    """Settings -> Blog; comments onto posts; times into the blog zone; display times checked."""
    zone, zone_name = blog_zone(collected.settings.get("BLOG_TIME_ZONE"), options.timezone,
                                diagnostics)
    blog = blog_from_settings(collected, options, zone_name)
    posts = assemble(collected.posts, collected.comments, zone, diagnostics)
    _check_display_times(posts, blog.locale, diagnostics)
    return Archive(blog=blog, posts=posts, source_format="blogger-legacy")


def _check_display_times(posts: tuple[Post, ...], locale: str | None, diagnostics: Diagnostics) -> None:
    """Each comment's ``blogger.displayTime`` against its timestamp (``importer.dates.display``)."""
    for post in posts:
        for comment in post.comments:
            text = comment.extra.get("display_time")
            if text:
                problem = check_display_text(text, comment.published, locale)
                if problem is not None:
                    diagnostics.report(problem.code, problem.message, entry=comment.id)
