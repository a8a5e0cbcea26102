"""``importer.dates`` beyond the table: time zones and DST, times alone, formatting, the
display-time cross-check and locale codes."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from importer.dates import (
    AmbiguousTimeError,
    NonexistentTimeError,
    ParsedDate,
    check_display_time,
    combine,
    format_date,
    local_time_status,
    normalize_locale,
    parse_date,
    parse_time,
)
from importer.errors import DateParseError, UsageError

HELSINKI = ZoneInfo("Europe/Helsinki")
GAP_DAY, FALL_DAY = dt.date(2010, 3, 28), dt.date(2010, 10, 31)


# --- time zones and daylight saving (Europe/Helsinki) -------------------------------------

@pytest.mark.parametrize(("day", "clock", "status"), [
    (GAP_DAY, dt.time(2, 59), "ok"),
    (GAP_DAY, dt.time(3, 0), "nonexistent"),
    (GAP_DAY, dt.time(3, 30), "nonexistent"),
    (GAP_DAY, dt.time(4, 0), "ok"),
    (FALL_DAY, dt.time(2, 59), "ok"),
    (FALL_DAY, dt.time(3, 0), "ambiguous"),
    (FALL_DAY, dt.time(3, 30), "ambiguous"),
    (FALL_DAY, dt.time(4, 0), "ok"),
], ids=lambda v: str(v))
def test_local_time_status_in_helsinki(day: dt.date, clock: dt.time, status: str) -> None:
    assert local_time_status(day, clock, "Europe/Helsinki") == status


def test_spring_gap_raises_and_is_never_shifted() -> None:
    with pytest.raises(NonexistentTimeError) as raised:
        parse_date("28.3.2010 klo 3.30", "fi", "Europe/Helsinki")
    assert isinstance(raised.value, DateParseError)
    assert raised.value.text == "28.3.2010 klo 3.30"
    with pytest.raises(NonexistentTimeError):
        combine(GAP_DAY, dt.time(3, 30), HELSINKI, on_ambiguous="first")


def test_autumn_ambiguity_raises_unless_the_caller_picks() -> None:
    with pytest.raises(AmbiguousTimeError) as raised:
        combine(FALL_DAY, dt.time(3, 30), "Europe/Helsinki")
    assert raised.value.reason == (
        "03:30 on 2010-10-31 happens twice in Europe/Helsinki (the clocks go back over it)")
    first = combine(FALL_DAY, dt.time(3, 30), HELSINKI, on_ambiguous="first")
    second = combine(FALL_DAY, dt.time(3, 30), HELSINKI, on_ambiguous="second")
    assert first.isoformat() == "2010-10-31T03:30:00+03:00"
    assert second.isoformat() == "2010-10-31T03:30:00+02:00"
    parsed = parse_date("31.10.2010 klo 3.30", "fi", HELSINKI, on_ambiguous="second")
    assert parsed.value == second


def test_combine_plain_times_and_fixed_offsets() -> None:
    assert combine(dt.date(2010, 6, 10), dt.time(14, 35), "Europe/Helsinki").isoformat() == (
        "2010-06-10T14:35:00+03:00")
    assert combine(dt.date(2010, 6, 10), dt.time(14, 35), dt.timezone.utc).isoformat() == (
        "2010-06-10T14:35:00+00:00")
    with pytest.raises(ValueError, match="unknown time zone"):
        combine(dt.date(2010, 6, 10), dt.time(14, 35), "Europe/Nowhere")


def test_parsed_date_fields() -> None:
    parsed = parse_date("10.6.2010 klo 14.35", "fi", "Europe/Helsinki")
    assert parsed == ParsedDate(
        value=dt.datetime(2010, 6, 10, 14, 35, tzinfo=HELSINKI), date=dt.date(2010, 6, 10),
        time=dt.time(14, 35), precision="minute", text="10.6.2010 klo 14.35", locale="fi")
    day = parse_date("torstai 10. kesäkuuta 2010", "fi", "Europe/Helsinki")
    assert (day.value, day.time, day.precision) == (dt.date(2010, 6, 10), None, "day")
    month = parse_date("kesäkuu 2010")
    assert (month.value, month.date, month.isoformat()) == (
        dt.date(2010, 6, 1), dt.date(2010, 6, 1), "2010-06")


def test_offset_in_text_is_converted_to_tz_but_keeps_the_written_clock() -> None:
    parsed = parse_date("2010-06-10T11:35:00Z", "fi", "Europe/Helsinki")
    assert parsed.value.isoformat() == "2010-06-10T14:35:00+03:00"
    assert parsed.time == dt.time(11, 35)


def test_seed_header() -> None:
    header = "torstai 10. kesäkuuta 2010"  # ../shared/seed/orkut-post-fi.txt, first line
    assert parse_date(header).value == dt.date(2010, 6, 10)


# --- parse_time ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "locale", "expected"), [
    ("klo 14.35", "fi", dt.time(14, 35)),
    ("14.35", "fi", dt.time(14, 35)),
    ("kello 9.05", "fi", dt.time(9, 5)),
    ("klo 14:35", "fi", dt.time(14, 35)),
    ("2:35 PM", "en_US", dt.time(14, 35)),
    ("12:00 AM", "en_US", dt.time(0, 0)),
    ("at 12:10 pm", "en", dt.time(12, 10)),
    ("om 12:35", "nl", dt.time(12, 35)),
    ("14:35:59", "de", dt.time(14, 35, 59)),
])
def test_parse_time(text: str, locale: str, expected: dt.time) -> None:
    assert parse_time(text, locale) == expected


def test_parse_time_keeps_a_written_offset() -> None:
    assert parse_time("14:35 +03:00", "fi") == dt.time(
        14, 35, tzinfo=dt.timezone(dt.timedelta(hours=3)))


@pytest.mark.parametrize(("text", "locale", "reason"), [
    ("klo", "fi", "no time found"),
    ("14", "fi", "no time found"),
    ("10.6.2010 klo 14.35", "fi", "unexpected '10'"),
    ("klo 14.35 huomenna", "fi", "unexpected 'huomenna' after the date"),
    ("0:35 PM", "en_US", "hour 0 is not a 12-hour clock hour ('PM')"),
    ("14.35", "de", "no time found"),
])
def test_parse_time_refuses(text: str, locale: str, reason: str) -> None:
    with pytest.raises(DateParseError) as raised:
        parse_time(text, locale)
    assert raised.value.reason == reason


# --- format_date --------------------------------------------------------------------------

MOMENT = dt.datetime(2010, 6, 10, 14, 35, tzinfo=HELSINKI)


@pytest.mark.parametrize(("locale", "style", "with_time", "expected"), [
    ("fi", "full", False, "torstai 10. kesäkuuta 2010"),
    ("fi", "long", False, "10. kesäkuuta 2010"),
    ("fi", "medium", False, "10.6.2010"),
    ("fi", "full", True, "torstai 10. kesäkuuta 2010 klo 14.35"),
    ("fi", "long", True, "10. kesäkuuta 2010 klo 14.35"),
    ("en_US", "full", False, "Thursday, June 10, 2010"),
    ("en_US", "long", True, "June 10, 2010 at 2:35 PM"),
    ("en_GB", "full", False, "Thursday, 10 June 2010"),
    ("sv", "full", False, "torsdag 10 juni 2010"),
    ("de", "full", True, "Donnerstag, 10. Juni 2010 um 14:35"),
    ("nl", "long", True, "10 juni 2010 om 14:35"),
    ("nb", "full", False, "torsdag 10. juni 2010"),
    ("da", "full", False, "torsdag den 10. juni 2010"),
    ("et", "full", False, "neljapäev, 10. juuni 2010"),
    ("es", "full", False, "jueves, 10 de junio de 2010"),
    ("fr", "full", False, "jeudi 10 juin 2010"),
    ("ja", "full", True, "2010年6月10日木曜日 14:35"),
])
def test_format_date_like_blogger(locale: str, style: str, with_time: bool, expected: str) -> None:
    assert format_date(MOMENT, locale, style, with_time) == expected  # type: ignore[arg-type]


def test_format_date_with_time_needs_a_datetime() -> None:
    with pytest.raises(TypeError):
        format_date(dt.date(2010, 6, 10), "fi", "full", with_time=True)


# --- check_display_time -------------------------------------------------------------------

@pytest.mark.parametrize(("display", "timestamp", "locale"), [
    ("10. kesäkuuta 2010 klo 16.02", "2010-06-10T16:02:41+03:00", "fi"),
    ("July 13, 2011 10:22 PM", "2011-07-13T22:22:00-07:00", "en_US"),
    ("29 november 2010 om 12:35", "2010-11-29T12:35:59.999+01:00", "nl"),
    ("10.6.2010", "2010-06-10T23:59:00+03:00", "fi"),
    ("2010-06-10T13:02:00Z", "2010-06-10T16:02:00+03:00", "fi"),
])
def test_display_time_agrees(display: str, timestamp: str, locale: str) -> None:
    assert check_display_time(display, dt.datetime.fromisoformat(timestamp), locale) is None


def test_display_time_agrees_on_an_ambiguous_wall_clock() -> None:
    stamp = dt.datetime(2010, 10, 31, 3, 30, tzinfo=HELSINKI, fold=1)
    assert check_display_time("31.10.2010 klo 3.30", stamp, "fi") is None


def test_display_time_mismatch_reason() -> None:
    stamp = dt.datetime(2010, 6, 10, 16, 3, tzinfo=HELSINKI)
    assert check_display_time("10. kesäkuuta 2010 klo 16.02", stamp, "fi") == (
        "The displayed time '10. kesäkuuta 2010 klo 16.02' says 2010-06-10 16:02 but the "
        "timestamp is 2010-06-10 16:03 (Europe/Helsinki).")
    utc = dt.datetime(2010, 6, 11, 0, 0, tzinfo=dt.timezone.utc)
    assert check_display_time("10.6.2010", utc, "fi") == (
        "The displayed time '10.6.2010' says 2010-06-10 but the timestamp is 2010-06-11 (+0000).")


def test_display_time_unparsable_reason() -> None:
    stamp = dt.datetime(2010, 6, 10, 16, 2, tzinfo=HELSINKI)
    assert check_display_time("eilen klo 16.02", stamp, "fi") == (
        "The displayed time 'eilen klo 16.02' cannot be parsed: unexpected 'eilen'.")
    assert check_display_time("10.6.2010", stamp, "xx") == (
        "The displayed time '10.6.2010' cannot be parsed: unknown locale 'xx'.")


def test_display_time_needs_an_aware_timestamp() -> None:
    with pytest.raises(ValueError, match="aware"):
        check_display_time("10.6.2010", dt.datetime(2010, 6, 10), "fi")


# --- normalize_locale ---------------------------------------------------------------------

@pytest.mark.parametrize(("code", "expected"), [
    ("fi", "fi"), ("FI", "fi"), ("en_US", "en_US"), ("en-GB", "en_GB"), ("en-us", "en_US"),
    ("in", "id"), ("iw", "he"), ("no", "nb"), ("ji", "yi"), ("pt-BR", "pt_BR"),
    ("zh-TW", "zh_Hant_TW"), (" sv ", "sv"),
])
def test_normalize_locale(code: str, expected: str) -> None:
    assert normalize_locale(code) == expected


@pytest.mark.parametrize("code", ["xx", "", "en_QQ", "fi-XX", "12"])
def test_normalize_locale_refuses_unknown(code: str) -> None:
    with pytest.raises(UsageError):
        normalize_locale(code)


@pytest.mark.parametrize("name", ["Europe", "Mars/Olympus", "../etc"])
def test_unknown_zone_names_are_value_errors(name: str) -> None:
    """``Europe`` is a folder of tzdata: ZoneInfo raised IsADirectoryError through resolve_tz."""
    from importer.dates.tz import resolve_tz

    with pytest.raises(ValueError, match="unknown time zone"):
        resolve_tz(name)
