"""Options for readers and writers: frozen dataclasses whose fields the CLI mirrors as flags.

A field's ``metadata`` carries its CLI help (``help``) and, for a closed set of values,
``choices``. The CLI builds ``--field-name`` flags from these, so a library option and its
flag can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


def option(default: Any, help: str, choices: tuple[str, ...] | None = None) -> Any:
    """A dataclass field with CLI help (and a closed set of ``choices``) attached."""
    metadata: dict[str, Any] = {"help": help}
    if choices:
        metadata["choices"] = choices
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class ReadOptions:
    """What every reader accepts. Readers ignore what does not apply to their format."""

    timezone: str | None = option(
        None, "IANA time zone of the blog (e.g. Europe/Helsinki); overrides the blog's settings."
    )
    blog: str | None = option(
        None, "Which blog of a Takeout with several blogs to read (folder name or title)."
    )
    locale: str | None = option(
        None, "Language of dates in saved pages (e.g. fi); overrides what the pages say."
    )
    base_url: str | None = option(
        None, "The blog's address (https://name.blogspot.com/) when the input does not carry it."
    )
    encoding: str | None = option(
        None, "Read an XML input in this encoding whatever it declares (e.g. utf-8, when an "
        "export declares ISO-8859-1 over UTF-8 bytes: see encoding-suspect)."
    )
    """A codec name; None follows the input's own declaration (or its BOM)."""
    max_inflated: str | None = option(
        None, "Takeout .zip: the most one member may inflate to (default 1GiB; e.g. 4GB for a "
        "bigger real export). A zip bomb is refused, not read."
    )
    """A size (``1GiB``, ``4GB``); None is ``takeout_source.MAX_INFLATED``. The whole feed is
    held in memory while it is read, so this also bounds the run's memory."""
    progress: Callable[[int, int], None] | None = field(default=None, compare=False, repr=False)
    """Called now and then with (bytes read, total bytes) by readers of big files (no flag)."""
