"""Options of the WordPress WXR writer, and the ``--split-size`` parser.

Sizes are read conservatively: ``kB``/``MB``/``GB`` and php.ini's ``K``/``M``/``G`` are decimal
(10**3...), ``KiB``/``MiB``/``GiB`` binary, so a file "under 10M" is under the limit however the
host counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from importer.errors import UsageError
from importer.options import option

LABELS_AS = ("tags", "categories")

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)
_FACTORS = {"": 1, "b": 1, "k": 10**3, "m": 10**6, "g": 10**9,
            "ki": 2**10, "mi": 2**20, "gi": 2**30}

#: The smallest split size accepted: a channel header alone takes a few hundred bytes.
MIN_SPLIT_SIZE = 4096


@dataclass(frozen=True)
class WxrOptions:
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
        None, "WXR: split the output into files each under this size (e.g. 10MB, 2M, 500kB)."
    )
    """Largest size of one output file; None writes a single file."""

    def split_bytes(self) -> int | None:
        """``split_size`` in bytes, or None; raises ``UsageError`` for an unreadable value."""
        return None if self.split_size is None else parse_size(self.split_size)


def parse_size(text: str) -> int:
    """``"10MB"`` -> 10_000_000, ``"2MiB"`` -> 2_097_152, ``"4096"`` -> 4096.

    Raises ``UsageError`` for anything else, or a size too small to hold one WXR header.
    """
    match = _SIZE.match(text)
    if match is None:
        raise UsageError(f"--split-size {text!r} is not a size such as 10MB, 2M or 500kB")
    number, unit = match.groups()
    key = (unit or "").lower().rstrip("b")
    size = int(float(number) * _FACTORS[key])
    if size < MIN_SPLIT_SIZE:
        raise UsageError(f"--split-size {text!r} is too small (at least {MIN_SPLIT_SIZE} bytes)")
    return size
