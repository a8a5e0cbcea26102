"""Byte sizes as people write them in flags: ``10MB``, ``2M``, ``500kB``, ``1GiB``, ``4096``.

Decimal units (``kB``/``MB``/``GB`` and php.ini's ``K``/``M``/``G``) are powers of ten, binary
ones (``KiB``/``MiB``/``GiB``) powers of two.
"""

from __future__ import annotations

import re

from importer.errors import UsageError

_SIZE = re.compile(r"^\s*(\d{1,15}(?:\.\d{1,6})?)\s*([kmgt]i?b?|b)?\s*$", re.IGNORECASE)
_FACTORS = {"": 1, "b": 1, "k": 10**3, "m": 10**6, "g": 10**9, "t": 10**12,
            "ki": 2**10, "mi": 2**20, "gi": 2**30, "ti": 2**40}


def parse_size(text: str, flag: str) -> int:
    """``parse_size("1GiB", "--max-inflated") == 1073741824``; ``UsageError`` naming ``flag``
    for anything that is not a size."""
    match = _SIZE.match(text)
    if match is None:
        raise UsageError(f"{flag} {text!r} is not a size such as 10MB, 2M or 1GiB")
    number, unit = match.groups()
    return int(float(number) * _FACTORS[(unit or "").lower().rstrip("b")])


def format_size(size: int) -> str:
    """``1073741824`` -> ``"1 GiB"``, ``10_000_000`` -> ``"10 MB"``, ``1500`` -> ``"1500 bytes"``."""
    for factor, unit in ((2**40, "TiB"), (10**12, "TB"), (2**30, "GiB"), (10**9, "GB"),
                         (2**20, "MiB"), (10**6, "MB"), (2**10, "KiB"), (10**3, "kB")):
        if size >= factor and size % factor == 0:
            return f"{size // factor} {unit}"
    return f"{size} bytes"
