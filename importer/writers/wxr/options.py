"""Options of the WordPress WXR writer, and the ``--split-size`` parser.

Sizes are read conservatively: ``kB``/``MB``/``GB`` and php.ini's ``K``/``M``/``G`` are decimal
(10**3...), ``KiB``/``MiB``/``GiB`` binary, so a file "under 10M" is under the limit however the
host counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from importer.errors import OptionError
from importer.options import SiteUrlOption, option

#: The channel's ``<generator>`` (``xml.render_generator``).
GENERATOR = "https://github.com/blog-archive-importer (blogimport)"
#: What every WXR file we write carries near its start (see ``OutputFile.signature``): the
#: ``<generator>`` line, after the authors and terms, before any item. Here, not in ``xml``, so
#: that the registry can name it without loading the writer.
WXR_SIGNATURE = f"<generator>{GENERATOR}</generator>".encode()


LABELS_AS = ("tags", "categories")

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)
_FACTORS = {"": 1, "b": 1, "k": 10**3, "m": 10**6, "g": 10**9,
            "ki": 2**10, "mi": 2**20, "gi": 2**30}

#: The smallest split size accepted: a channel header alone takes a few hundred bytes.
MIN_SPLIT_SIZE = 4096


@dataclass(frozen=True)
class WxrOptions(SiteUrlOption):
    """Options of the ``wxr`` writer; each field is also a ``blogimport convert`` flag."""

    labels_as: str = option(
        "tags", "WXR: write Blogger labels as WordPress tags or categories.", choices=LABELS_AS
    )
    """``tags`` (default) or ``categories``. Labels a WXR input marked as categories stay so."""
    attachments: bool = option(
        False, "WXR: add an attachment item per image on Blogger's hosts so WordPress downloads it."
    )
    """Emit attachment items and point each ``<img src>`` at the full-size (``s1600``) original."""
    split_size: str | None = option(
        None, "WXR: split the output into files each under this size (e.g. 10MB, 2M, 500kB).",
        check=lambda text: size_problem(text),
    )
    """Largest size of one output file; None writes a single file."""

    def split_bytes(self) -> int | None:
        """``split_size`` in bytes, or None (the value was checked when the options were made)."""
        return None if self.split_size is None else parse_size(self.split_size)


def _size(text: str) -> int | None:
    match = _SIZE.match(text)
    if match is None:
        return None
    number, unit = match.groups()
    return int(float(number) * _FACTORS[(unit or "").lower().rstrip("b")])


def size_problem(text: str) -> str | None:
    """Why ``text`` is no split size (unreadable, or too small for one WXR header), or None."""
    size = _size(text)
    if size is None:
        return "not a size such as 10MB, 2M or 500kB"
    if size < MIN_SPLIT_SIZE:
        return f"too small (at least {MIN_SPLIT_SIZE} bytes)"
    return None


def parse_size(text: str) -> int:
    """``"10MB"`` -> 10_000_000, ``"2MiB"`` -> 2_097_152, ``"4096"`` -> 4096.

    Raises ``OptionError`` (for ``split_size``) for anything else, or a size too small to hold one
    WXR header.
    """
    problem = size_problem(text)
    size = _size(text)
    if problem or size is None:
        raise OptionError("split_size", text, problem or "not a size")
    return size
