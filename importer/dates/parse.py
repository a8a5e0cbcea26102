"""Strict parsing of Blogger's localized date and time text.

The text is casefolded and cut into tokens (``scan``, with the tables of ``locale_data``): numbers,
times (``14.35``, ``2:35``), names (months, weekdays, AM/PM, joiners such as ``klo``), UTC offsets
and anything else. The time and its joiner/AM-PM are taken off either end, and the remaining
fields must fill one of the locale's CLDR date shapes exactly, in order. Nothing is guessed: a
missing year, an impossible day, a weekday that disagrees with the date, or text left over is a
``DateParseError`` that says so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from importer.dates.locale_data import LocaleTables, Shape, normalize_locale, tables_for
from importer.dates.machine import (
    Fields,
    check_weekday,
    fixed_offset,
    make_clock,
    make_day,
    parse_iso,
    parse_rfc822,
)
from importer.dates.scan import Token, original, quote, scan
from importer.dates.tz import AmbiguousChoice, combine, resolve_tz
from importer.errors import DateParseError, UsageError

Precision = Literal["minute", "day", "month"]
_CLOCK_SPLIT = re.compile(r"[^\d]")


@dataclass(frozen=True)
class ParsedDate:
    """The result of ``parse_date``: what the text says and how precisely."""

    value: dt.datetime | dt.date
    """An aware ``datetime`` when the text has a time, else a ``date``."""
    date: dt.date
    """The day as written (the first of the month for month precision)."""
    time: dt.time | None
    """The wall-clock time as written (naive), or None."""
    precision: Precision
    """``minute`` (a time is known), ``day`` or ``month`` (``kesäkuu 2010``)."""
    text: str
    """The text that was parsed."""
    locale: str
    """The Babel locale it was parsed in."""

    def isoformat(self) -> str:
        """ISO 8601: ``2010-06-10``, ``2010-06-10T14:35:00+03:00`` or ``2010-06``."""
        if self.precision == "month":
            return self.date.isoformat()[:7]
        return self.value.isoformat()


def parse_date(
    text: str,
    locale: str = "fi",
    tz: str | dt.tzinfo | None = None,
    *,
    on_ambiguous: AmbiguousChoice = "raise",
) -> ParsedDate:
    """Parse a date (optionally with a time) written the way Blogger writes it in ``locale``.

    Accepts the locale's CLDR full/long/medium/short date patterns (with or without the
    weekday), month headings (``kesäkuu 2010``), a time before or after the date, the old US-order
    header (``sunnuntai, maaliskuuta 29, 2009``), ISO 8601 / RFC 3339 and RFC 822.

    With a time, ``value`` is an aware datetime in zone ``tz``: a UTC offset in the text is
    converted to ``tz``, otherwise the wall clock is placed in ``tz`` (a time in a DST gap raises
    ``NonexistentTimeError``, one that happens twice ``AmbiguousTimeError`` unless
    ``on_ambiguous`` picks one). A time with neither an offset nor ``tz`` raises, since naive
    datetimes are never returned. Without a time, ``value`` is the ``date``.

    Raises ``DateParseError`` (with ``text``, ``locale`` and ``reason``) for anything else.
    """
    tables = _tables(text, locale)
    fields = parse_fields(text, tables)
    return _build(text, tables.locale, fields, tz, on_ambiguous)


def parse_time(text: str, locale: str = "fi") -> dt.time:
    """Parse a footer time alone: ``klo 14.35``, ``14:35``, ``2:35 PM``.

    The result is naive unless the text carries a UTC offset. Raises ``DateParseError``.
    """
    tables = _tables(text, locale)
    tokens = scan(text, tables)
    _reject_unknown(text, tables, tokens)
    clock, offset, rest = _split_time(text, tables, tokens)
    if clock is None:
        raise DateParseError(text, tables.locale, "no time found")
    if rest:
        raise DateParseError(text, tables.locale, f"unexpected {quote(text, rest[0])}")
    return clock.replace(tzinfo=offset)


def parse_fields(text: str, tables: LocaleTables) -> Fields:
    """The day, time and offset a text states (no zone attached yet)."""
    stripped = text.strip()
    if not stripped:
        raise DateParseError(text, tables.locale, "the text is empty")
    if stripped[0].isdigit():
        iso = parse_iso(stripped, tables.locale)
        if iso is not None:
            return iso
    if stripped[-1].isalpha() or stripped[-1].isdigit():
        rfc = parse_rfc822(stripped, tables.locale)
        if rfc is not None:
            return rfc
    return _parse_localized(text, tables)


def _tables(text: str, locale: str) -> LocaleTables:
    try:
        return tables_for(normalize_locale(locale))
    except UsageError as error:
        raise DateParseError(text, locale, error.message) from None


def _parse_localized(text: str, tables: LocaleTables) -> Fields:
    tokens = scan(text, tables)
    _reject_unknown(text, tables, tokens)
    clock, offset, date_tokens = _split_time(text, tables, tokens)
    _reject_strays(text, tables, date_tokens, clock is not None)
    day, precision = _match_date(text, tables, date_tokens)
    if clock is None:
        return Fields(day, None, None, precision)
    if precision == "month":
        raise DateParseError(text, tables.locale, "a time with a month but no day")
    return Fields(day, clock, offset, "minute")


def _is_time_word(token: Token, reading: str) -> bool:
    return token.kind == "V" and reading in token.readings


def _split_time(
    text: str, tables: LocaleTables, tokens: list[Token]
) -> tuple[dt.time | None, dt.tzinfo | None, list[Token]]:
    """Take the time group (joiner, AM/PM, time, offset) off the start or the end."""
    positions = [i for i, token in enumerate(tokens) if token.kind == "T"]
    if not positions:
        return None, None, tokens
    if len(positions) > 1:
        raise DateParseError(text, tables.locale, "more than one time")
    start = end = positions[0]
    while start > 0 and (_is_time_word(tokens[start - 1], "J")
                         or _is_time_word(tokens[start - 1], "P")):
        start -= 1
    end += 1
    while end < len(tokens) and (tokens[end].kind == "Z" or _is_time_word(tokens[end], "P")):
        end += 1
    if start > 0 and end < len(tokens):
        raise DateParseError(text, tables.locale, "a time in the middle of the date")
    group = tokens[start:end]
    clock = _make_clock(text, tables.locale, group)
    zones = [token.number for token in group if token.kind == "Z"]
    if len(zones) > 1:
        raise DateParseError(text, tables.locale, "more than one UTC offset")
    offset = None
    if zones:
        hours, minutes = divmod(abs(zones[0]), 100)
        offset = fixed_offset(text, tables.locale, hours, minutes, zones[0] < 0)
    return clock, offset, tokens[:start] + tokens[end:]


def _make_clock(text: str, locale: str, group: list[Token]) -> dt.time:
    clock_token = next(token for token in group if token.kind == "T")
    parts = [int(part) for part in _CLOCK_SPLIT.split(clock_token.word)]
    hour = parts[0]
    periods = [token for token in group if _is_time_word(token, "P")]
    if len(periods) > 1:
        raise DateParseError(text, locale, "more than one AM/PM marker")
    if periods:
        period = periods[0].readings["P"]
        if not 1 <= hour <= 12:
            raise DateParseError(
                text, locale, f"hour {hour} is not a 12-hour clock hour ({quote(text, periods[0])})")
        hour = hour % 12 + 12 * period
    return make_clock(text, locale, hour, parts[1], parts[2] if len(parts) > 2 else 0)


def _reject_unknown(text: str, tables: LocaleTables, tokens: list[Token]) -> None:
    """Words that are not in the locale's vocabulary (``lisätty``, ``EST``) are an error."""
    for index, token in enumerate(tokens):
        if token.kind == "X":
            where = " after the date" if 0 < index == len(tokens) - 1 else ""
            raise DateParseError(text, tables.locale, f"unexpected {quote(text, token)}{where}")


def _reject_strays(text: str, tables: LocaleTables, tokens: list[Token], has_time: bool) -> None:
    """Unknown words, and time words with no time, cannot be part of a date."""
    for token in tokens:
        kind, readings = token.kind, token.readings
        if kind == "Z" or (kind == "V" and not {"M", "W", "L"} & readings.keys()):
            what = "a second time" if has_time else "no time"
            raise DateParseError(
                text, tables.locale, f"{quote(text, token)} with {what}")


def _match_date(text: str, tables: LocaleTables, tokens: list[Token]) -> tuple[dt.date, Precision]:
    if not tokens:
        raise DateParseError(text, tables.locale, "no date, only a time")
    for candidate in _candidates(tokens):
        for shape in tables.shapes.get(len(candidate), ()):
            filled = _fill(shape, candidate)
            if filled is not None:
                precision: Precision = "day" if shape.precision == "day" else "month"
                return _make_date(text, tables.locale, filled), precision
    raise DateParseError(text, tables.locale, _diagnose(text, tables, tokens))


def _candidates(tokens: list[Token]) -> list[list[Token]]:
    """Words that are both a pattern literal and a name (Japanese 月, 日): literal first."""
    if not any("L" in token.readings for token in tokens):
        return [tokens]
    without = [token for token in tokens if "L" not in token.readings]
    return [without, tokens]


_Filled = tuple[int, int, int, "Token | None"]


def _fill(shape: Shape, tokens: list[Token]) -> _Filled | None:
    """Year, month, day and weekday token when ``tokens`` fit ``shape`` slot by slot."""
    year = month = 0
    day = 1
    weekday: Token | None = None
    for slot, token in zip(shape.slots, tokens, strict=True):
        kind, word, value = token.kind, token.word, token.number
        if slot == "W":
            if "W" not in token.readings:
                return None
            weekday = token
        elif "M" in token.readings and slot in ("M", "m"):
            # A numeric-month slot also takes a name: Japanese month names are "6月".
            month = token.readings["M"]
        elif kind != "N" or slot == "M":
            return None
        elif slot == "y":
            if len(word) != 4:
                return None
            year = value
        elif slot == "yy":
            if len(word) not in (2, 4):
                return None
            # Fixed pivot, never "today": 00-69 -> 2000s, 70-99 -> 1900s.
            year = value if len(word) == 4 else value + (2000 if value < 70 else 1900)
        elif len(word) > 2:
            return None
        elif slot == "d":
            day = value
        else:
            month = value
    return year, month, day, weekday


def _make_date(text: str, locale: str, filled: _Filled) -> dt.date:
    year, month, day, weekday = filled
    date = make_day(text, locale, year, month, day)
    if weekday is not None:
        check_weekday(text, locale, date, original(text, weekday), weekday.readings["W"])
    return date


def _diagnose(text: str, tables: LocaleTables, tokens: list[Token]) -> str:
    """Why the date fields fit no shape, in words."""
    for cut in range(len(tokens) - 1, 0, -1):
        head = tokens[:cut]
        if any(_fill(shape, head) for shape in tables.shapes.get(cut, ())):
            rest = original(text, tokens[cut], to_end=True)
            return f"unexpected trailing text {rest!r} after the date"
    if not any(token.kind == "N" and len(token.word) == 4 for token in tokens):
        return "the year is missing (a four-digit year is needed)"
    return (f"the text does not follow a date pattern of locale {tables.locale} "
            f"(such as {tables.example!r})")


def _build(
    text: str,
    locale: str,
    fields: Fields,
    tz: str | dt.tzinfo | None,
    on_ambiguous: AmbiguousChoice,
) -> ParsedDate:
    precision: Precision = "day" if fields.precision == "day" else (
        "month" if fields.precision == "month" else "minute")
    if fields.clock is None:
        return ParsedDate(fields.day, fields.day, None, precision, text, locale)
    zone = _zone_or_error(text, locale, tz)
    if fields.offset is not None:
        value = dt.datetime.combine(fields.day, fields.clock, tzinfo=fields.offset)
        if zone is not None:
            try:
                value = value.astimezone(zone)
            except OverflowError:  # '0001-01-01T00:00+14:00' moved to a zone west of it
                raise DateParseError(text, locale, f"the date is out of range in {zone}") from None
    elif zone is None:
        raise DateParseError(
            text, locale, "a time without a time zone (give one, such as Europe/Helsinki)")
    else:
        value = combine(fields.day, fields.clock, zone, on_ambiguous=on_ambiguous,
                        text=text, locale=locale)
    return ParsedDate(value, fields.day, fields.clock, precision, text, locale)


def _zone_or_error(text: str, locale: str, tz: str | dt.tzinfo | None) -> dt.tzinfo | None:
    if tz is None:
        return None
    try:
        return resolve_tz(tz)
    except ValueError as error:
        raise DateParseError(text, locale, str(error)) from None
