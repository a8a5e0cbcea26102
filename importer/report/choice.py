"""Which entries of a migration report get side-by-side views: checked before any work is done."""

from __future__ import annotations

from collections.abc import Collection

from importer.errors import OptionError


def parse_views(text: str | Collection[str]) -> str | frozenset[str]:
    """``problems`` (entries with diagnostics), ``all``, or entry ids (``"7001,7002"`` or a list)."""
    if not isinstance(text, str):
        return frozenset(text)
    if text in ("problems", "all"):
        return text
    ids = frozenset(part.strip() for part in text.split(",") if part.strip())
    if not ids:
        raise OptionError("report_views", text, "takes problems, all or comma-separated entry ids")
    return ids
