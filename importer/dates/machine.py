"""Machine date formats: ISO 8601 / RFC 3339 and RFC 822 (RSS ``pubDate``).

Both are tried before the locale's own patterns. They are matched with strict regexes instead of
``datetime.fromisoformat`` or ``email.utils`` so that garbage cannot slip through
(``parsedate_to_datetime`` accepts a wrong weekday and guesses missing parts).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from importer.errors import DateParseError

_ISO = re.compile(
    r"(\d{4})-(\d\d)(?:-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d{1,9}))?)?"
    r"(Z|[+-]\d\d(?::?\d\d)?)?)?)?",
    re.IGNORECASE,
)
_RFC822 = re.compile(
    r"(?:([a-z]{3}),?\s+)?(\d{1,2})\s+([a-z]{3})\s+(\d{4}|\d\d)\s+(\d\d):(\d\d)(?::(\d\d))?"
    r"\s+([+-]\d{4}|ut|utc|gmt|z|[ecmp][sd]t)",
    re.IGNORECASE,
)
_EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_US_ZONES = {"e": -5, "c": -6, "m": -7, "p": -8}


@dataclass(frozen=True, slots=True)
class Fields:
    """What a date text says, before a zone is attached."""

    day: dt.date
    """The day (the first of the month for month precision)."""
    clock: dt.time | None
    """The wall-clock time as written, naive; None when the text has no time."""
    offset: dt.tzinfo | None
    """A UTC offset written in the text (``+03:00``, ``GMT``), else None."""
    precision: str
    """``minute``, ``day`` or ``month``."""


def make_day(text: str, locale: str, year: int, month: int, day: int) -> dt.date:
    """``date(year, month, day)``, or a ``DateParseError`` saying what is impossible."""
    if not 1 <= year <= 9999:
        raise DateParseError(text, locale, f"the year {year} is out of range")
    if not 1 <= month <= 12:
        raise DateParseError(text, locale, f"there is no month {month}")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateParseError(
            text, locale, f"day {day} does not exist in {year:04d}-{month:02d}") from None


def make_clock(text: str, locale: str, hour: int, minute: int, second: int = 0,
               micro: int = 0) -> dt.time:
    """``time(hour, minute, second)``, or a ``DateParseError`` naming the bad part."""
    if hour > 23 or minute > 59 or second > 59:
        raise DateParseError(
            text, locale, f"{hour:02d}:{minute:02d}:{second:02d} is not a time of day")
    return dt.time(hour, minute, second, micro)


def fixed_offset(text: str, locale: str, hours: int, minutes: int, negative: bool) -> dt.timezone:
    """A fixed UTC offset (``+03:00``), or a ``DateParseError`` when it is out of range."""
    if hours > 23 or minutes > 59:
        sign = "-" if negative else "+"
        raise DateParseError(text, locale, f"the UTC offset {sign}{hours:02d}:{minutes:02d} "
                             "is out of range")
    delta = dt.timedelta(hours=hours, minutes=minutes)
    return dt.timezone(-delta if negative else delta)


def parse_iso(text: str, locale: str) -> Fields | None:
    """ISO 8601 / RFC 3339 (``2010-06-10``, ``2010-06-10T14:35:00.000+03:00``, ``2010-06``)."""
    match = _ISO.fullmatch(text)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    if day is None:
        return Fields(make_day(text, locale, int(year), int(month), 1), None, None, "month")
    date = make_day(text, locale, int(year), int(month), int(day))
    if hour is None:
        return Fields(date, None, None, "day")
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    clock = make_clock(text, locale, int(hour), int(minute), int(second or 0), micro)
    return Fields(date, clock, _iso_zone(text, locale, zone), "minute")


def _iso_zone(text: str, locale: str, zone: str | None) -> dt.tzinfo | None:
    if zone is None:
        return None
    if zone in "zZ":
        return dt.timezone.utc
    digits = zone[1:].replace(":", "")
    return fixed_offset(text, locale, int(digits[:2]), int(digits[2:] or 0), zone[0] == "-")


def parse_rfc822(text: str, locale: str) -> Fields | None:
    """RFC 822 / 2822 (``Thu, 10 Jun 2010 14:35:00 +0300``); names are English by definition."""
    match = _RFC822.fullmatch(text)
    if match is None:
        return None
    weekday, day, month_name, year, hour, minute, second, zone = match.groups()
    if month_name.lower() not in _EN_MONTHS:
        return None
    full_year = int(year) if len(year) == 4 else 2000 + int(year) if int(year) < 50 \
        else 1900 + int(year)
    date = make_day(text, locale, full_year, _EN_MONTHS.index(month_name.lower()) + 1, int(day))
    if weekday is not None:
        check_weekday(text, locale, date, weekday, _weekday_index(weekday))
    clock = make_clock(text, locale, int(hour), int(minute), int(second or 0))
    return Fields(date, clock, _rfc822_zone(text, locale, zone.lower()), "minute")


def _weekday_index(name: str) -> int:
    lowered = name.lower()
    return _EN_DAYS.index(lowered) if lowered in _EN_DAYS else -1


def _rfc822_zone(text: str, locale: str, zone: str) -> dt.tzinfo:
    if zone[0] in "+-":
        return fixed_offset(text, locale, int(zone[1:3]), int(zone[3:5]), zone[0] == "-")
    if zone in ("ut", "utc", "gmt", "z"):
        return dt.timezone.utc
    hours = _US_ZONES[zone[0]] + (1 if zone[1] == "d" else 0)
    return dt.timezone(dt.timedelta(hours=hours))


def check_weekday(text: str, locale: str, date: dt.date, word: str, weekday: int) -> None:
    """Raise a ``DateParseError`` when the written weekday is not the date's weekday."""
    if weekday != date.weekday():
        raise DateParseError(
            text, locale,
            f"the weekday {word!r} does not match {date.isoformat()}, which is a "
            f"{ENGLISH_WEEKDAYS[date.weekday()]}")
