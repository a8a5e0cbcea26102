"""Locale-aware, strict parsing and formatting of Blogger's date and time text (Finnish first).

Public API: ``parse_date``, ``parse_time``, ``ParsedDate``, ``combine``, ``local_time_status``,
``format_date``, ``check_display_time``, ``normalize_locale``, ``resolve_tz`` / ``zone_or_none``
(the one zone resolver), and the errors
``NonexistentTimeError`` / ``AmbiguousTimeError`` (both ``DateParseError``).
"""

from __future__ import annotations

from importer.dates.check import check_display_time
from importer.dates.format import format_date
from importer.dates.locale_data import normalize_locale
from importer.dates.parse import ParsedDate, Precision, parse_date, parse_time
from importer.dates.tz import (
    AmbiguousTimeError,
    NonexistentTimeError,
    UnknownZoneError,
    combine,
    local_time_status,
    resolve_tz,
    zone_or_none,
)

__all__ = [
    "AmbiguousTimeError",
    "NonexistentTimeError",
    "ParsedDate",
    "Precision",
    "UnknownZoneError",
    "check_display_time",
    "combine",
    "format_date",
    "local_time_status",
    "normalize_locale",
    "parse_date",
    "parse_time",
    "resolve_tz",
    "zone_or_none",
]
