"""Cross-checking a comment's displayed time text against its machine timestamp.

Blogger exports carry both ``published`` and ``blogger.displayTime`` (``10. kesäkuuta 2010 klo
16.02``, ``July 13, 2011 10:22 PM``). They should agree to the minute in the timestamp's zone; when
they do not, readers report ``display-time-mismatch``.
"""

from __future__ import annotations

import datetime as dt

from importer.dates.locale_data import normalize_locale, tables_for
from importer.dates.machine import Fields
from importer.dates.parse import parse_fields
from importer.errors import DateParseError, UsageError


def check_display_time(display_text: str, timestamp: dt.datetime, locale: str) -> str | None:
    """None when ``display_text`` agrees with ``timestamp``, else a one-sentence reason.

    Agreement is to the minute, on the wall clock of the timestamp's own zone (or on the
    instant when the text carries a UTC offset). A text with only a day agrees when the day
    does. Ambiguous wall-clock times are compared as written, so they are never an error.
    A text that cannot be parsed gives a reason too. ``timestamp`` must be aware.
    """
    if timestamp.tzinfo is None or timestamp.utcoffset() is None:
        raise ValueError("check_display_time needs an aware timestamp")
    try:
        fields = parse_fields(display_text, tables_for(normalize_locale(locale)))
    except (DateParseError, UsageError) as error:
        reason = error.reason if isinstance(error, DateParseError) else error.message
        return f"The displayed time {display_text!r} cannot be parsed: {reason}."
    return compare_fields(display_text, fields, timestamp)


def compare_fields(display_text: str, fields: Fields, timestamp: dt.datetime) -> str | None:
    """None when the parsed ``fields`` of ``display_text`` agree with aware ``timestamp``, else why."""
    if fields.clock is None:
        shown = fields.day.isoformat()
        same = fields.day == timestamp.date() if fields.precision == "day" else (
            (fields.day.year, fields.day.month) == (timestamp.year, timestamp.month))
        actual = timestamp.date().isoformat()
    else:
        wall = dt.datetime.combine(fields.day, fields.clock)
        if fields.offset is not None:
            wall = wall.replace(tzinfo=fields.offset).astimezone(timestamp.tzinfo)
            wall = wall.replace(tzinfo=None)
        local = timestamp.replace(tzinfo=None)
        same = wall.replace(second=0, microsecond=0) == local.replace(second=0, microsecond=0)
        shown, actual = f"{wall:%Y-%m-%d %H:%M}", f"{local:%Y-%m-%d %H:%M}"
    if same:
        return None
    zone = getattr(timestamp.tzinfo, "key", None) or timestamp.strftime("%z")
    return f"The displayed time {display_text!r} says {shown} but the timestamp is {actual} ({zone})."
