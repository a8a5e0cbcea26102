"""Turning what pages show about time into aware datetimes, reporting what could not be exact.

Machine data wins: ``abbr.published@title`` / ``time@datetime`` (with the blog's offset) and
``?showComment=<epoch ms>``. Otherwise the localized date header plus the footer time are parsed
with ``importer.dates`` in the page's locale; a header without a year (some Classic formats) takes
the year of the permalink's ``/YYYY/MM/``. Local times are placed in ``--timezone`` when given,
else in the UTC offset the blog's own timestamps show, else in UTC (and ``timezone-missing`` says so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone, tzinfo

from importer.dates import AmbiguousTimeError, NonexistentTimeError, combine, parse_date, parse_time
from importer.diagnostics import Diagnostics
from importer.errors import DateParseError

_URL_YEAR = re.compile(r"/((?:19|20)\d\d)/(\d\d)/")


@dataclass
class Clock:
    """Where local times are placed, and the diagnostics to report to."""

    diagnostics: Diagnostics
    zone: tzinfo | None
    """``--timezone``, when given."""
    seen_offset: tzinfo | None = None
    """The offset the pages' own machine timestamps show (fallback when no zone is given)."""
    text_times: int = 0
    """How many times were read from text alone."""
    unreadable: int = 0
    """How many date or time texts could not be read."""
    _warned: set[str] = field(default_factory=set)

    def place(self, value: datetime) -> datetime:
        """An exact instant expressed in the blog's zone (or left in its own offset)."""
        if self.zone is not None:
            return value.astimezone(self.zone)
        if self.seen_offset is not None and value.utcoffset() == timezone.utc.utcoffset(None):
            return value.astimezone(self.seen_offset)  # showComment instants are UTC
        return value

    def local_zone(self, entry: str, file: str) -> tzinfo:
        """The zone for text-only local times; reports ``timezone-missing`` once when guessing."""
        if self.zone is not None:
            return self.zone
        if "tz" not in self._warned:
            self._warned.add("tz")
            where = f"the offset {self.seen_offset}" if self.seen_offset else "UTC"
            self.diagnostics.report(
                "timezone-missing",
                f"Times shown only as text (first in '{file}') were placed in {where}; pass "
                "--timezone (e.g. Europe/Helsinki) for exact instants.", entry=entry, file=file)
        return self.seen_offset or timezone.utc

    def post_time(self, date_text: str, time_text: str, url: str | None, locale: str,
                  entry: str, file: str) -> datetime | None:
        """The instant of a post from its date header and footer time, or None (reported)."""
        day = self._day(date_text, url, locale, entry, file)
        if day is None:
            return None
        clock = self._clock(time_text, locale, entry, file)
        self.text_times += 1
        return self._combine(day, clock, f"{date_text} {time_text}", locale, entry, file)

    def text_time(self, text: str, locale: str, entry: str, file: str) -> datetime | None:
        """The instant of a comment from its localized time text, or None (reported)."""
        try:
            # Read in UTC (no DST) to get the fields as written; the blog's zone comes after.
            parsed = parse_date(text, locale, timezone.utc)
        except DateParseError as exc:
            return self._unparsed(text, locale, entry, file, exc.reason)
        self.text_times += 1
        clock = parsed.time or time(0, 0)
        if isinstance(parsed.value, datetime):
            as_written = datetime.combine(parsed.date, clock.replace(tzinfo=None), tzinfo=timezone.utc)
            if parsed.value != as_written:  # the text carried its own UTC offset: exact already
                return self.place(parsed.value)
        return self._combine(parsed.date, clock.replace(tzinfo=None), text, locale, entry, file)

    def _day(self, text: str, url: str | None, locale: str, entry: str, file: str) -> date | None:
        if not text:
            self.diagnostics.report("date-unparsed", "The post has neither a timestamp nor a date "
                                    "header on this page.", entry=entry, file=file)
            return None
        try:
            return parse_date(text, locale).date
        except DateParseError as exc:
            year = _URL_YEAR.search(url or "")
            if year:
                try:
                    return parse_date(f"{text} {year.group(1)}", locale).date
                except DateParseError:
                    pass
            self._unparsed(text, locale, entry, file, exc.reason)
            return None

    def _clock(self, text: str, locale: str, entry: str, file: str) -> time:
        if text:
            try:
                return parse_time(text, locale).replace(tzinfo=None)
            except DateParseError as exc:
                self._unparsed(text, locale, entry, file, exc.reason)
        return time(0, 0)

    def _combine(self, day: date, clock: time, text: str, locale: str, entry: str, file: str) -> datetime:
        zone = self.local_zone(entry, file)
        try:
            return combine(day, clock, zone, text=text, locale=locale)
        except NonexistentTimeError as exc:
            self.diagnostics.report("date-nonexistent", f"'{text}': {exc.reason}; kept as written, "
                                    "which is an hour later on the clock.", entry=entry, file=file)
            return datetime.combine(day, clock, tzinfo=zone)
        except AmbiguousTimeError as exc:
            self.diagnostics.report("date-ambiguous", f"'{text}': {exc.reason}; the first one was used.",
                                    entry=entry, file=file)
            return combine(day, clock, zone, on_ambiguous="first")

    def _unparsed(self, text: str, locale: str, entry: str, file: str, reason: str) -> datetime | None:
        self.unreadable += 1
        self.diagnostics.report("date-unparsed", f"Could not parse {text!r} (locale {locale}): {reason}.",
                                entry=entry, file=file)
        return None
