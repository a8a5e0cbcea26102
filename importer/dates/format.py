"""Rendering dates the way Blogger shows them, from CLDR patterns via Babel.

Finnish quirk: the full date is ``cccc d. MMMM y`` (stand-alone weekday, ``torstai 10. kesäkuuta
2010``); ``EEEE`` would give the essive ``torstaina``. A date with a time is joined with
Blogger's word for "at" (fi ``klo``, nl ``om``, de ``um``) when we know it, else with CLDR's glue.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_time as babel_format_time

from importer.dates.locale_data import TIME_JOINERS, normalize_locale

Style = Literal["full", "long", "medium", "short"]
_PATTERN_OVERRIDES = {("fi", "full"): "cccc d. MMMM y"}
_SPACES = str.maketrans({"\u202f": " ", "\xa0": " "})


def format_date(
    value: dt.date | dt.datetime,
    locale: str = "fi",
    style: Style = "full",
    with_time: bool = False,
) -> str:
    """Render ``value`` like Blogger: ``torstai 10. kesäkuuta 2010`` (fi, full).

    With ``with_time`` (``value`` must then be a datetime), appends the short time in the
    value's own zone: ``torstai 10. kesäkuuta 2010 klo 14.35``.
    """
    loc = Locale.parse(normalize_locale(locale))
    text = babel_format_date(value, format=date_pattern(loc, style), locale=loc)
    if with_time:
        if not isinstance(value, dt.datetime):
            raise TypeError("with_time=True needs a datetime, not a date")
        clock = babel_format_time(value.time(), format=loc.time_formats["short"].pattern,
                                  locale=loc)
        text = _join(loc, style, text, clock)
    return text.translate(_SPACES)


def date_pattern(loc: Locale, style: Style) -> str:
    """The CLDR date pattern of ``style`` as Blogger uses it."""
    override = _PATTERN_OVERRIDES.get((loc.language, style))
    return override or str(loc.date_formats[style].pattern)


def _join(loc: Locale, style: Style, date_text: str, clock: str) -> str:
    joiners = TIME_JOINERS.get(loc.language)
    if joiners:
        return f"{date_text} {joiners[0]} {clock}"
    glue = str(loc.datetime_formats[style])
    return glue.replace("{1}", date_text).replace("{0}", clock)
