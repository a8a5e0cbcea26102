"""Options for readers and writers: frozen dataclasses whose fields the CLI mirrors as flags.

A field's ``metadata`` carries its CLI help (``help``), for a closed set of values ``choices``,
and a ``check`` that says what is wrong with a value. The CLI builds ``--field-name`` flags from
these, so a library option and its flag can never disagree; and every options class checks its
values when it is made (``Options.__post_init__``), so a bad value is refused before any input is
opened, with the same ``OptionError`` for library and CLI users.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from importer.dates.tz import resolve_tz, similar_zones
from importer.errors import OptionError, UsageError
from importer.site import permalink_problem
from importer.sizes import parse_size

Check = Callable[[Any], "str | None"]
"""Returns why a (non-None) value cannot work, or None when it can."""


def option(default: Any, help: str, choices: tuple[str, ...] | None = None,
           check: Check | None = None) -> Any:
    """A dataclass field with CLI help, a closed set of ``choices`` and a value ``check`` attached."""
    metadata: dict[str, Any] = {"help": help}
    if choices:
        metadata["choices"] = choices
    if check is not None:
        metadata["check"] = check
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class Options:
    """Base of every options dataclass: checks each field's value when the options are made."""

    def __post_init__(self) -> None:
        for fld in dataclasses.fields(self):
            value = getattr(self, fld.name)
            if value is None:
                continue
            choices = fld.metadata.get("choices")
            if choices and value not in choices:
                raise OptionError(fld.name, value, f"must be one of {', '.join(choices)}")
            check = fld.metadata.get("check")
            problem = check(value) if check is not None else None
            if problem:
                raise OptionError(fld.name, value, problem)


def zone_problem(name: str) -> str | None:
    """Why ``name`` is no time zone (with the closest known name), or None."""

    try:
        resolve_tz(name)
    except ValueError:
        close = similar_zones(name)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"unknown time zone; use an IANA name such as Europe/Helsinki{hint}"
    return None


def locale_problem(code: str) -> str | None:
    """Why ``code`` is no locale Blogger dates can be read in, or None."""
    from importer.dates.locale_data import normalize_locale  # Babel: loaded only when a locale is given

    try:
        normalize_locale(code)
    except UsageError:
        return "unknown locale; use a code such as fi, en_US or pt-BR"
    return None


def url_problem(url: str) -> str | None:
    """Why ``url`` is no http(s) address of a site, or None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return "not a URL; give an address such as https://example.org/"
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "not an http(s) address such as https://example.org/"
    return None


def at_least(lowest: float) -> Check:
    """A check that a number is at least ``lowest``."""
    def check(value: Any) -> str | None:
        return None if value >= lowest else f"must be at least {lowest:g}"
    return check


def permalink_check(pattern: str) -> str | None:
    """Why ``pattern`` is no permalink pattern, or None (see ``importer.site``)."""

    return permalink_problem(pattern)


def encoding_problem(name: str) -> str | None:
    """Why ``name`` is no text encoding Python knows, or None."""
    import codecs

    try:
        codecs.lookup(name)
    except LookupError:
        return "not an encoding this tool knows; use a name such as utf-8 or windows-1252"
    return None


def size_problem(text: str) -> str | None:
    """Why ``text`` is no positive size such as 1GiB, 4GB or 500MB, or None."""

    try:
        size = parse_size(text, "size")
    except UsageError:
        return "not a size such as 1GiB, 4GB or 500MB"
    return None if size > 0 else "must be more than 0 bytes"


def non_empty(value: str) -> str | None:
    """A check that a text is not empty."""
    return None if value.strip() else "must not be empty"


@dataclass(frozen=True)
class SiteUrlOption(Options):
    """The new site's address: declared once, shared by every writer that can use it."""

    site_url: str | None = option(None, "Address of the new site (https://example.org/); used for "
                                        "absolute URLs (and written into SITE-NOTES.md).", check=url_problem)


@dataclass(frozen=True)
class PermalinkOption(Options):
    """The new site's post URL pattern: declared once, shared by the writers that can follow one."""

    permalink: str | None = option(
        None, "URL pattern of posts on the new site with :year :month :day :slug, e.g. "
              "/:year/:month/:slug/ (default: the generator's own scheme; JSON: Blogger's paths).",
        check=permalink_check)


@dataclass(frozen=True)
class ReadOptions(Options):
    """What every reader accepts. Readers ignore what does not apply to their format."""

    timezone: str | None = option(
        None, "IANA time zone of the blog (e.g. Europe/Helsinki); overrides the blog's settings.",
        check=zone_problem,
    )
    blog: str | None = option(
        None, "Which blog of a Takeout with several blogs to read (folder name or title); convert "
              "--blog all writes each blog to its own subfolder or suffixed file.",
        check=non_empty,
    )
    locale: str | None = option(
        None, "Language of dates in saved pages (e.g. fi); overrides what the pages say.",
        check=locale_problem,
    )
    base_url: str | None = option(
        None, "The blog's address (https://name.blogspot.com/) when the input does not carry it.",
        check=url_problem,
    )
    encoding: str | None = option(
        None, "Read an XML input in this encoding whatever it declares (e.g. utf-8, when an "
        "export declares ISO-8859-1 over UTF-8 bytes: see encoding-suspect).",
        check=encoding_problem,
    )
    """A codec name; None follows the input's own declaration (or its BOM)."""
    max_inflated: str | None = option(
        None, "Takeout .zip: the most one member may inflate to (default 1GiB; e.g. 4GB for a "
        "bigger real export). A zip bomb is refused, not read.",
        check=size_problem,
    )
    """A size (``1GiB``, ``4GB``); None is ``takeout_source.MAX_INFLATED``. The whole feed is
    held in memory while it is read, so this also bounds the run's memory."""
    progress: Callable[[int, int], None] | None = field(default=None, compare=False, repr=False)
    """Called now and then with (bytes read, total bytes) by readers of big files (no flag)."""
    each_blog: bool = field(default=False, compare=False, repr=False)
    """True when every blog of the Takeout is read in turn (``convert --blog all``): the others
    are not named as left unread (no flag; ``convert_each_blog`` sets it)."""
    forced: bool = field(default=False, compare=False, repr=False)
    """True when the caller chose the reader (``--from``): it reads what it can instead of
    refusing input that detection would not recognise (no flag; ``read(format=...)`` sets it)."""
