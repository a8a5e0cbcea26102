"""Attaching a zone to a local wall-clock time, strictly.

Daylight saving makes some local times impossible (Europe/Helsinki 2010-03-28 03:30: the clocks
jump from 03:00 to 04:00) and others happen twice (2010-10-31 03:30, once at +03:00 and once at
+02:00). Both are reported — as ``NonexistentTimeError`` / ``AmbiguousTimeError`` or through
``local_time_status`` — and never silently shifted, as plain ``zoneinfo`` arithmetic would do.
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone, tzinfo
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from importer.errors import DateParseError

AmbiguousChoice = Literal["raise", "first", "second"]
LocalTimeStatus = Literal["ok", "nonexistent", "ambiguous"]


class NonexistentTimeError(DateParseError):
    """A local time that falls in a daylight-saving gap (diagnostic ``date-nonexistent``)."""


class AmbiguousTimeError(DateParseError):
    """A local time that happens twice when the clocks go back (diagnostic ``date-ambiguous``)."""


class UnknownZoneError(ValueError):
    """A zone name that is not an IANA time zone (``Europe/Helsinky``)."""


def resolve_tz(tz: str | tzinfo) -> tzinfo:
    """A ``tzinfo`` for an IANA zone name (``Europe/Helsinki``, ``UTC``) or a ``tzinfo`` given as is.

    The ONE zone resolver of the package: readers, writers, checks and option validation all ask
    it, so a name one of them accepts is accepted by all. Raises ``UnknownZoneError`` (a
    ``ValueError``) for an unknown name.
    """
    if isinstance(tz, tzinfo):
        return tz
    return _zone(tz.strip())


def zone_or_none(name: str | None) -> tzinfo | None:
    """The zone called ``name``; None when ``name`` is empty or no known zone."""
    if not name or not name.strip():
        return None
    try:
        return resolve_tz(name)
    except UnknownZoneError:
        return None


def similar_zones(name: str, limit: int = 1) -> list[str]:
    """Known zone names closest to a mistyped ``name`` (for "did you mean ...?")."""
    from difflib import get_close_matches
    from zoneinfo import available_timezones

    return get_close_matches(name, sorted(available_timezones()), n=limit, cutoff=0.75)


@lru_cache(maxsize=64)
def _zone(name: str) -> tzinfo:
    if name.upper() in ("UTC", "Z"):
        return timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "Europe" is a tzdata folder
        raise UnknownZoneError(f"unknown time zone {name!r}") from None


def local_time_status(day: date, clock: time, tz: str | tzinfo) -> LocalTimeStatus:
    """Whether ``day`` at ``clock`` exists once (``ok``), never or twice in zone ``tz``."""
    zone = resolve_tz(tz)
    first = datetime.combine(day, clock.replace(tzinfo=None, fold=0), tzinfo=zone)
    second = first.replace(fold=1)
    if first.utcoffset() == second.utcoffset():
        return "ok"
    # In a gap, the wall clock does not survive a round trip through UTC.
    back = first.astimezone(timezone.utc).astimezone(zone)
    if back.replace(tzinfo=None) != first.replace(tzinfo=None):
        return "nonexistent"
    return "ambiguous"


def combine(
    day: date,
    clock: time,
    tz: str | tzinfo,
    *,
    on_ambiguous: AmbiguousChoice = "raise",
    text: str | None = None,
    locale: str = "",
) -> datetime:
    """The aware datetime of ``day`` at wall-clock ``clock`` in zone ``tz``.

    A time in a spring gap raises ``NonexistentTimeError``; a time that happens twice raises
    ``AmbiguousTimeError`` unless ``on_ambiguous`` picks the ``first`` (summer-time) or
    ``second`` occurrence. ``text`` and ``locale`` only go into the error.
    """
    zone = resolve_tz(tz)
    status = local_time_status(day, clock, zone)
    wall = f"{clock:%H:%M} on {day.isoformat()}"
    where = _zone_name(zone)
    if status == "nonexistent":
        raise NonexistentTimeError(
            text or wall, locale,
            f"{wall} does not exist in {where} (the clocks jump forward over it)")
    if status == "ambiguous" and on_ambiguous == "raise":
        raise AmbiguousTimeError(
            text or wall, locale,
            f"{wall} happens twice in {where} (the clocks go back over it)")
    fold = 1 if on_ambiguous == "second" else 0
    return datetime.combine(day, clock.replace(tzinfo=None, fold=fold), tzinfo=zone)


def _zone_name(zone: tzinfo) -> str:
    return getattr(zone, "key", None) or str(zone)
