"""``blogimport date``: exact output and exit codes, through click's CliRunner."""

from __future__ import annotations

from click.testing import CliRunner

from importer.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["date", *args])
    return result.exit_code, result.stdout, result.stderr


def test_finnish_header_prints_the_day() -> None:
    assert run("torstai 10. kesäkuuta 2010") == (0, "2010-06-10 (day)\n", "")


def test_time_with_timezone_prints_an_aware_value() -> None:
    assert run("10.6.2010 klo 14.35", "--timezone", "Europe/Helsinki") == (
        0, "2010-06-10T14:35:00+03:00 (minute)\n", "")


def test_other_locale_and_month_precision() -> None:
    assert run("July 13, 2011 10:22 PM", "--locale", "en_US", "--timezone", "UTC") == (
        0, "2011-07-13T22:22:00+00:00 (minute)\n", "")
    assert run("kesäkuu 2010") == (0, "2010-06 (month)\n", "")


def test_weekday_mismatch_exits_1_with_the_reason() -> None:
    assert run("torstai 11. kesäkuuta 2010") == (
        1, "",
        "Error: cannot parse 'torstai 11. kesäkuuta 2010' as a date (locale fi): the weekday "
        "'torstai' does not match 2010-06-11, which is a Friday\n")


def test_time_without_zone_exits_1() -> None:
    code, out, err = run("10.6.2010 klo 14.35")
    assert (code, out) == (1, "")
    assert err.endswith("a time without a time zone (give one, such as Europe/Helsinki)\n")


def test_dst_gap_exits_1() -> None:
    code, _out, err = run("28.3.2010 klo 3.30", "--timezone", "Europe/Helsinki")
    assert code == 1
    assert "does not exist in Europe/Helsinki" in err


def test_missing_text_is_a_usage_error() -> None:
    code, _out, err = run()
    assert code == 2
    assert "Missing argument 'TEXT'" in err


def test_instant_out_of_range_in_the_zone_exits_1_without_traceback() -> None:
    # Year 1 at +14:00 is in year 0 in Helsinki: datetime overflowed and the CLI showed a traceback.
    assert run("0001-01-01T00:00:00+14:00", "--timezone", "Europe/Helsinki") == (
        1, "",
        "Error: cannot parse '0001-01-01T00:00:00+14:00' as a date (locale fi): the date is out of "
        "range in Europe/Helsinki\n")
    code, _out, err = run("9999-12-31T23:59:59-12:00", "--timezone", "Europe/Helsinki")
    assert code == 1 and err.startswith("Error: ") and "Traceback" not in err
