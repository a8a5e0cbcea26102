"""Properties: format -> parse round trips for every listed locale; parsing never crashes."""

from __future__ import annotations

import contextlib
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from importer.dates import format_date, parse_date
from importer.errors import DateParseError

LOCALES = ["fi", "en_US", "en_GB", "sv", "de", "nl", "nb", "da", "et", "es", "fr", "pt", "it"]
STYLES = ["full", "long", "medium"]
DAYS = st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2035, 12, 31))
MINUTES = st.times().map(lambda t: t.replace(second=0, microsecond=0))


@settings(max_examples=200, deadline=None)
@given(locale=st.sampled_from(LOCALES), style=st.sampled_from(STYLES), day=DAYS)
def test_formatted_day_parses_back(locale: str, style: str, day: dt.date) -> None:
    text = format_date(day, locale, style)  # type: ignore[arg-type]
    parsed = parse_date(text, locale)
    assert (parsed.value, parsed.precision) == (day, "day"), text


@settings(max_examples=200, deadline=None)
@given(locale=st.sampled_from(LOCALES), style=st.sampled_from(STYLES), day=DAYS, clock=MINUTES)
def test_formatted_minute_parses_back(
    locale: str, style: str, day: dt.date, clock: dt.time
) -> None:
    moment = dt.datetime.combine(day, clock, tzinfo=dt.timezone.utc)
    text = format_date(moment, locale, style, with_time=True)  # type: ignore[arg-type]
    parsed = parse_date(text, locale, "UTC")
    assert (parsed.value, parsed.precision) == (moment, "minute"), text


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=40), locale=st.sampled_from(["fi", "en_US", "de", "ja"]))
def test_any_text_parses_or_raises_date_parse_error(text: str, locale: str) -> None:
    try:
        parsed = parse_date(text, locale, "Europe/Helsinki")
    except DateParseError as error:
        assert error.reason
    else:
        assert parsed.precision in ("minute", "day", "month")


ALPHABET = "0123456789 .:-+/,TZklompKLOPMAMutcgmt"


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=30))
def test_date_like_noise_parses_or_raises_date_parse_error(text: str) -> None:
    with contextlib.suppress(DateParseError):
        parse_date(text, "fi", "Europe/Helsinki")
