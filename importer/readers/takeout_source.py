"""Finding the blog in a Google Takeout: a ``feed.atom``, a blog folder, a Takeout folder or .zip.

Layout: ``Takeout/Blogger/Blogs/<blog title>/feed.atom`` + ``settings.csv`` beside it. Quirks:
``Takeout/Blogger/Comments/<blog>/feed.atom`` holds comments the owner wrote elsewhere and is
NOT a blog; folder names are sanitized, maybe non-ASCII titles; one Takeout may hold several
blogs (``options.blog`` picks one by folder name or blog title). Zip members are read in place,
as streams, never extracted, with limits against zip bombs: a member may inflate to at most
``MAX_INFLATED`` bytes (``--max-inflated`` raises it; the count is kept while streaming too) and,
past 10 MiB, at most ``MAX_RATIO`` times its compressed size. A big Takeout comes split over
several zips (``takeout-20240101T000000Z-001.zip``, ``-002.zip``...), a blog's feed in one part
and its ``settings.csv`` maybe in another: given any part, or the folder holding them, all parts
are read as one.
"""

from __future__ import annotations

import csv
import io
import lzma
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, BinaryIO, cast

from importer.diagnostics import Diagnostics
from importer.errors import InputError, UsageError
from importer.readers.sniff import is_takeout_feed
from importer.sizes import format_size, parse_size

MAX_INFLATED = 1024**3
"""Default limit on what one zip member (the feed) may inflate to. Readers hold the whole feed's
posts in memory (peak RSS about 1.5-2.5 times the feed), so 1 GiB keeps a run within 2-3 GB;
a real export that is bigger needs ``--max-inflated``."""
MAX_SETTINGS_BYTES = 1024**2
MAX_RATIO = 200
"""A member inflating more than this many times (and past 10 MiB) is treated as a zip bomb."""
_RATIO_FLOOR = 10 * 1024**2
#: What reading a damaged or unusual zip raises: a bad header or CRC, a broken deflate, bzip2 or
#: lzma stream, an encrypted member (RuntimeError), an unsupported method (NotImplementedError),
#: a member name flagged UTF-8 that is not (UnicodeDecodeError, a ValueError).
_ZIP_DAMAGE = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, OSError, EOFError, RuntimeError,
               NotImplementedError, ValueError)
_BLOG_FEED = re.compile(r"(?:^|/)Blogger/Blogs/([^/]+)/feed\.atom$")
_PART = re.compile(r"^(?P<stem>.+)-(?P<number>\d{3})\.zip$", re.IGNORECASE)


@dataclass(frozen=True)
class FeedSource:
    """One blog's feed inside whatever the user gave, with its settings."""

    label: str
    """How to name the feed in messages (a path, or ``archive.zip!Takeout/...``)."""
    folder: str
    """The blog folder's name (the sanitized blog title)."""
    open: Callable[[], BinaryIO]
    """Opens the feed's bytes (can be called again for a second pass)."""
    size: int | None
    """The feed's size in bytes, when known."""
    settings: dict[str, str] = field(default_factory=dict)
    """``settings.csv`` as column -> value (empty when there is none)."""


def parse_settings(data: bytes, label: str) -> dict[str, str]:
    """The header and first value row of ``settings.csv`` as a mapping."""
    try:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"settings.csv cannot be read: {exc}", file=label) from exc
    if len(rows) < 2:
        return {}
    return {key.strip(): value for key, value in zip(rows[0], rows[1], strict=False)}


def inflated_limit(text: str | None) -> int:
    """``--max-inflated`` in bytes (``MAX_INFLATED`` when not given); ``UsageError`` when unreadable."""
    if text is None:
        return MAX_INFLATED
    limit = parse_size(text, "--max-inflated")
    if limit < 1:
        raise UsageError(f"--max-inflated {text!r} must be more than 0 bytes")
    return limit


def resolve(path: Path, options_blog: str | None, diagnostics: Diagnostics,
            max_inflated: int = MAX_INFLATED, *, name_others: bool = True) -> FeedSource:
    """The ``FeedSource`` for ``path``; ``UsageError`` listing blogs when the choice is unclear.

    A zip member that would inflate past ``max_inflated`` bytes is an ``InputError``. The blogs
    not read are named (``blogs-several``) unless ``name_others`` is False (every blog is read in
    turn).
    """
    return _choose(_candidates(path, max_inflated), options_blog, str(path),
                   diagnostics if name_others else Diagnostics())


def blog_titles(path: Path, max_inflated: int = MAX_INFLATED) -> list[str]:
    """The titles of the blogs a Takeout (feed, folder, zip or split zips) holds, sorted."""
    return sorted(_title(source) for source in _candidates(path, max_inflated))


def _candidates(path: Path, limit: int) -> list[FeedSource]:
    if path.is_dir():
        candidates = _folder_feeds(path) or _parts_feeds(takeout_zips(path), limit)
    elif zipfile.is_zipfile(path):
        candidates = _parts_feeds(zip_parts(path), limit)
    elif path.is_file():
        candidates = [_file_source(path, path.parent.name)]
    else:
        raise InputError("no such file or folder", file=str(path))
    if not candidates:
        raise InputError("no Takeout blog feed (Blogger/Blogs/<blog>/feed.atom) found",
                         file=str(path))
    return candidates


def zip_parts(path: Path) -> list[Path]:
    """``path`` and the other parts of a split Takeout (``…-001.zip``, ``…-002.zip``), in order."""
    match = _PART.match(path.name)
    if match is None:
        return [path]
    siblings = [p for p in path.parent.iterdir()
                if (m := _PART.match(p.name)) and m.group("stem") == match.group("stem") and p.is_file()]
    return sorted(siblings, key=lambda p: p.name) or [path]


def takeout_zips(folder: Path) -> list[Path]:
    """The zip files directly in ``folder`` that hold a Takeout blog feed, with their other parts."""
    zips = sorted(p for p in folder.glob("*.zip") if p.is_file() and zipfile.is_zipfile(p))
    return zips if any(_has_blog_feed(p) for p in zips) else []


def _has_blog_feed(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return any(_BLOG_FEED.search(name) for name in archive.namelist())
    except _ZIP_DAMAGE:
        return False


def _choose(candidates: list[FeedSource], wanted: str | None, label: str,
            diagnostics: Diagnostics) -> FeedSource:
    names = sorted(_title(c) for c in candidates)
    if wanted is None:
        if len(candidates) == 1:
            return candidates[0]
        raise UsageError(f"{label} holds {len(candidates)} blogs; choose one with --blog: "
                         + ", ".join(repr(n) for n in names))
    for candidate in candidates:
        if wanted.casefold() in (candidate.folder.casefold(), _title(candidate).casefold()):
            if len(candidates) > 1:
                others = ", ".join(repr(n) for n in names if n != _title(candidate))
                diagnostics.report("blogs-several", f"Read {_title(candidate)!r}; the input also "
                                   f"holds {others}.")
            return candidate
    if len(candidates) == 1 and wanted is not None:
        raise UsageError(f"no blog called {wanted!r} in {label}; it holds {names[0]!r}")
    raise UsageError(f"no blog called {wanted!r} in {label}; it holds: "
                     + ", ".join(repr(n) for n in names))


def _title(source: FeedSource) -> str:
    return source.settings.get("blog_name") or source.folder


def _file_source(feed: Path, folder: str) -> FeedSource:
    settings_path = feed.parent / "settings.csv"
    settings: dict[str, str] = {}
    if settings_path.is_file():
        if settings_path.stat().st_size > MAX_SETTINGS_BYTES:
            raise InputError("settings.csv is too large to be Blogger's", file=str(settings_path))
        settings = parse_settings(settings_path.read_bytes(), str(settings_path))
    try:
        size = feed.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=str(feed)) from exc
    return FeedSource(label=str(feed), folder=folder, open=lambda: feed.open("rb"), size=size,
                      settings=settings)


#: Where a blog's feed sits under the folder a user gives, by what that folder is: the blog folder
#: itself, the ``Blogs`` folder, ``Blogger``, ``Takeout``, or the folder a Takeout zip was extracted
#: into. Only Takeout's own names are walked: a folder that merely CONTAINS a Takeout somewhere
#: deeper (a fixtures or downloads folder) is not one.
_FEED_PATTERNS = ("feed.atom", "*/feed.atom", "Blogs/*/feed.atom", "Blogger/Blogs/*/feed.atom",
                  "Takeout/Blogger/Blogs/*/feed.atom")


def takeout_feeds(folder: Path) -> list[Path]:
    """The blog feeds of a Takeout-shaped ``folder``, in the order found; [] when it is not one.

    The ONE place that decides the Takeout folder shape: detection, the Takeout reader and
    ``validate`` all ask it. A ``feed.atom`` counts by its content (a saved public feed of the
    same name does not); ``Blogger/Comments/<blog>/feed.atom`` holds comments the owner wrote on
    other blogs and is never a blog feed.
    """
    if (folder / "feed.atom").is_file():
        return [folder / "feed.atom"] if is_takeout_feed(folder / "feed.atom") else []
    found: dict[Path, Path] = {}
    for pattern in _FEED_PATTERNS[1:]:
        for feed in sorted(folder.glob(pattern)):
            if feed.parent.parent.name == "Comments" or not feed.is_file() or not is_takeout_feed(feed):
                continue
            found.setdefault(feed.resolve(), feed)
    return list(found.values())


def _folder_feeds(folder: Path) -> list[FeedSource]:
    return [_file_source(feed, feed.parent.name) for feed in takeout_feeds(folder)]


def _members(path: Path) -> dict[str, zipfile.ZipInfo]:
    try:
        with zipfile.ZipFile(path) as archive:
            return {info.filename: info for info in archive.infolist()}
    except _ZIP_DAMAGE as exc:
        raise InputError(f"not a readable zip file: {exc}", file=str(path)) from exc


def _parts_feeds(parts: list[Path], limit: int) -> list[FeedSource]:
    """The blog feeds of one Takeout spread over ``parts`` (one zip, or a split one)."""
    where: dict[str, tuple[Path, zipfile.ZipInfo]] = {}
    for part in parts:
        for name, info in _members(part).items():
            where.setdefault(name, (part, info))
    sources = []
    for name, (part, info) in sorted(where.items()):
        match = _BLOG_FEED.search(name)
        if match is None or info.is_dir():
            continue
        _check_member(info, part, limit, flag="--max-inflated")
        settings: dict[str, str] = {}
        settings_name = str(PurePosixPath(name).parent / "settings.csv")
        if settings_name in where:  # maybe in another part than the feed
            settings_part, settings_info = where[settings_name]
            _check_member(settings_info, settings_part, MAX_SETTINGS_BYTES)
            settings = parse_settings(_read_member(settings_part, settings_name),
                                      f"{settings_part}!{settings_name}")
        sources.append(FeedSource(
            label=f"{part}!{name}", folder=match.group(1), size=info.file_size,
            open=_member_opener(part, name, limit), settings=settings))
    return sources


def over_limit(name: str, size: int | str, limit: int, path: Path | str) -> InputError:
    """The error for a zip member that inflates past ``--max-inflated``."""
    return InputError(f"zip member {name!r} inflates to {size} bytes, over the limit of "
                      f"{format_size(limit)}; refused as a possible zip bomb (if the export is real, "
                      "raise the limit with --max-inflated, e.g. --max-inflated 4GB)", file=str(path))


def _check_member(info: zipfile.ZipInfo, path: Path, limit: int, flag: str | None = None) -> None:
    too_big = info.file_size > limit
    if too_big and flag is not None:
        raise over_limit(info.filename, info.file_size, limit, path)
    ratio = info.file_size / max(info.compress_size, 1)
    if too_big or (info.file_size > _RATIO_FLOOR and ratio > MAX_RATIO):
        raise InputError(f"zip member {info.filename!r} would inflate to {info.file_size} bytes "
                         f"(ratio {ratio:.0f}); refused as a possible zip bomb", file=str(path))


def _read_member(path: Path, name: str) -> bytes:
    try:
        with zipfile.ZipFile(path) as archive, archive.open(name) as member:
            data = member.read(MAX_SETTINGS_BYTES + 1)
    except _ZIP_DAMAGE as exc:
        raise InputError(f"cannot read zip member {name!r}: {exc}", file=str(path)) from exc
    if len(data) > MAX_SETTINGS_BYTES:
        raise InputError(f"zip member {name!r} is larger than it claims", file=str(path))
    return data


def _member_opener(path: Path, name: str, limit: int) -> Callable[[], BinaryIO]:
    def open_member() -> BinaryIO:
        try:
            archive = zipfile.ZipFile(path)
        except _ZIP_DAMAGE as exc:
            raise InputError(f"cannot read zip member {name!r}: {exc}", file=str(path)) from exc
        try:
            return cast(BinaryIO, _MemberStream(archive, archive.open(name), name, limit))
        except (*_ZIP_DAMAGE, KeyError) as exc:
            archive.close()
            raise InputError(f"cannot read zip member {name!r}: {exc}", file=str(path)) from exc

    return open_member


class _MemberStream(io.RawIOBase):
    """A zip member that also closes its archive, turns zip damage into ``InputError``, and
    stops at ``limit`` inflated bytes whatever the member's header claimed."""

    def __init__(self, archive: zipfile.ZipFile, member: IO[bytes], name: str, limit: int) -> None:
        super().__init__()
        self._archive = archive
        self._member = member
        self._name = name
        self._limit = limit
        self.inflated = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        wanted = self._limit + 1 - self.inflated if size is None or size < 0 else size
        try:
            data = self._member.read(min(wanted, self._limit + 1 - self.inflated))
        except _ZIP_DAMAGE as exc:
            raise InputError(f"the zip file is damaged: {exc}", file=self._archive.filename) from exc
        self.inflated += len(data)
        if self.inflated > self._limit:
            raise over_limit(self._name, f"more than {self.inflated - 1}", self._limit,
                             self._archive.filename or "")
        return data

    def close(self) -> None:
        self._member.close()
        self._archive.close()
        super().close()
