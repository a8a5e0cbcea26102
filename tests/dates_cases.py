"""Real-shaped date texts with their exact expected parse, for ``tests/test_dates.py``.

Each case is ``(text, locale, tz, expected)``: ``expected`` is ``"<ISO 8601> (<precision>)"``
for a good text, or ``Fails("<reason>")`` with the exact ``DateParseError.reason``.
"""

from __future__ import annotations

from typing import NamedTuple

H = "Europe/Helsinki"


class Fails(NamedTuple):
    """The text must be refused with exactly this reason."""

    reason: str


def weekday_mismatch(word: str, iso: str, actual: str) -> Fails:
    return Fails(f"the weekday {word!r} does not match {iso}, which is a {actual}")


MISSING_YEAR = Fails("the year is missing (a four-digit year is needed)")
NO_ZONE = Fails("a time without a time zone (give one, such as Europe/Helsinki)")

Case = tuple[str, str, "str | None", "str | Fails"]

FINNISH_GOOD: list[Case] = [
    ("torstai 10. kesäkuuta 2010", "fi", None, "2010-06-10 (day)"),  # seed orkut-post-fi
    ("keskiviikko 3. heinäkuuta 2013", "fi", None, "2013-07-03 (day)"),
    ("Torstai 10. Kesäkuuta 2010", "fi", None, "2010-06-10 (day)"),
    ("TORSTAI 10. KESÄKUUTA 2010", "fi", None, "2010-06-10 (day)"),
    ("torstaina 10. kesäkuuta 2010", "fi", None, "2010-06-10 (day)"),
    ("Torstaina 10. kesäkuuta 2010", "fi", None, "2010-06-10 (day)"),
    ("10. kesäkuuta 2010", "fi", None, "2010-06-10 (day)"),
    ("10. kesäkuu 2010", "fi", None, "2010-06-10 (day)"),
    ("10. kesä 2010", "fi", None, "2010-06-10 (day)"),
    ("10. kesäk. 2010", "fi", None, "2010-06-10 (day)"),
    ("3. helmik. 2011", "fi", None, "2011-02-03 (day)"),
    ("10.6.2010", "fi", None, "2010-06-10 (day)"),
    ("10.06.2010", "fi", None, "2010-06-10 (day)"),
    ("20.10.2016", "fi", None, "2016-10-20 (day)"),
    ("1.1.2000", "fi", None, "2000-01-01 (day)"),
    ("sunnuntai, maaliskuuta 29, 2009", "fi", None, "2009-03-29 (day)"),
    ("maaliskuuta 29, 2009", "fi", None, "2009-03-29 (day)"),
    ("kesäkuu 2010", "fi", None, "2010-06 (month)"),
    ("Joulukuu 2009", "fi", None, "2009-12 (month)"),
    ("tammikuu 1999", "fi", None, "1999-01 (month)"),
    ("ma 7.6.2010", "fi", None, "2010-06-07 (day)"),
    ("su 13. kesäkuuta 2010", "fi", None, "2010-06-13 (day)"),
    ("perjantai 29. helmikuuta 2008", "fi", None, "2008-02-29 (day)"),
    ("lauantaina 1. toukokuuta 2010", "fi", None, "2010-05-01 (day)"),
    ("maanantai 4. tammikuuta 2010", "fi", None, "2010-01-04 (day)"),
    ("  torstai 10. kesäkuuta 2010  ", "fi", None, "2010-06-10 (day)"),
    ("torstai, 10. kesäkuuta, 2010", "fi", None, "2010-06-10 (day)"),
    ("torstai\u00a010.\u00a0kesäkuuta 2010", "fi", None, "2010-06-10 (day)"),
    ("torstai 10. kesa\u0308kuuta 2010", "fi", None, "2010-06-10 (day)"),  # decomposed ä
    ("2010-06-10", "fi", None, "2010-06-10 (day)"),
    ("10.6.2010 klo 14.35", "fi", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("10.6.2010 klo 14:35", "fi", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("10.6.2010 kello 9.00", "fi", H, "2010-06-10T09:00:00+03:00 (minute)"),
    ("10.6.2010 14.35", "fi", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("klo 14.35 10.6.2010", "fi", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("14.35 torstai 10. kesäkuuta 2010", "fi", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("torstai 10. kesäkuuta 2010 klo 14.35", "fi", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("10. kesäkuuta 2010 klo 16.02", "fi", H, "2010-06-10T16:02:00+03:00 (minute)"),
    ("1.1.2010 klo 0.00", "fi", H, "2010-01-01T00:00:00+02:00 (minute)"),
    ("31.12.2010 klo 23.59", "fi", H, "2010-12-31T23:59:00+02:00 (minute)"),
    ("10.6.2010 klo 14.35.20", "fi", H, "2010-06-10T14:35:20+03:00 (minute)"),
    ("10.6.2010 klo 14.35 +03:00", "fi", None, "2010-06-10T14:35:00+03:00 (minute)"),
    ("10.6.2010 klo 14.35 -05:00", "fi", H, "2010-06-10T22:35:00+03:00 (minute)"),
    ("10.6.2010 klo 11.35 UTC", "fi", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("28.3.2010 klo 4.00", "fi", H, "2010-03-28T04:00:00+03:00 (minute)"),
    ("31.10.2010 klo 4.00", "fi", H, "2010-10-31T04:00:00+02:00 (minute)"),
]

FINNISH_BAD: list[Case] = [
    ("torstai 11. kesäkuuta 2010", "fi", None,
     weekday_mismatch("torstai", "2010-06-11", "Friday")),
    ("Torstaina 11. kesäkuuta 2010", "fi", None,
     weekday_mismatch("Torstaina", "2010-06-11", "Friday")),
    ("ma 8.6.2010", "fi", None, weekday_mismatch("ma", "2010-06-08", "Tuesday")),
    ("sunnuntai, maaliskuuta 28, 2009", "fi", None,
     weekday_mismatch("sunnuntai", "2009-03-28", "Saturday")),
    ("31. helmikuuta 2010", "fi", None, Fails("day 31 does not exist in 2010-02")),
    ("29.2.2010", "fi", None, Fails("day 29 does not exist in 2010-02")),
    ("32.1.2010", "fi", None, Fails("day 32 does not exist in 2010-01")),
    ("0.1.2010", "fi", None, Fails("day 0 does not exist in 2010-01")),
    ("10.13.2010", "fi", None, Fails("there is no month 13")),
    ("10. kesäkuuta", "fi", None, MISSING_YEAR),
    ("torstai 10. kesäkuuta", "fi", None, MISSING_YEAR),
    ("10.6.", "fi", None, MISSING_YEAR),
    ("10.6.10", "fi", None, MISSING_YEAR),
    ("10. kesäkuuta 10", "fi", None, MISSING_YEAR),
    ("kesäkuu", "fi", None, MISSING_YEAR),
    ("torstai 10. kesäkuuta 2010 lisätty", "fi", None,
     Fails("unexpected 'lisätty' after the date")),
    ("torstai 10. kesäkuuta 2010 2011", "fi", None,
     Fails("unexpected trailing text '2011' after the date")),
    ("10.6.2010 10", "fi", None, Fails("unexpected trailing text '10' after the date")),
    ("torstai 10. junio 2010", "fi", None, Fails("unexpected 'junio'")),
    ("eilen", "fi", None, Fails("unexpected 'eilen'")),
    ("", "fi", None, Fails("the text is empty")),
    ("   ", "fi", None, Fails("the text is empty")),
    ("klo 14.35", "fi", H, Fails("no date, only a time")),
    ("10.6.2010 klo", "fi", None, Fails("'klo' with no time")),
    ("2010", "fi", None,
     Fails("the text does not follow a date pattern of locale fi (such as 'cccc d. MMMM y')")),
    ("10.6.2010 klo 14.35", "fi", None, NO_ZONE),
    ("10.6.2010 klo 25.00", "fi", H, Fails("25:00:00 is not a time of day")),
    ("10.6.2010 klo 14.61", "fi", H, Fails("14:61:00 is not a time of day")),
    ("10.6.2010 klo 14.35 klo 15.00", "fi", H, Fails("more than one time")),
    ("10.6.2010 klo 14.35 PM", "fi", H, Fails("hour 14 is not a 12-hour clock hour ('PM')")),
    ("10.6. klo 14.35 2010", "fi", H, Fails("a time in the middle of the date")),
    ("kesäkuu 2010 klo 14.35", "fi", H, Fails("a time with a month but no day")),
    ("10.6.2010 klo 14.35 +99:99", "fi", None, Fails("the UTC offset +99:99 is out of range")),
    ("10.6.2010 klo 14.35 GMT+25", "fi", None, Fails("the UTC offset +25:00 is out of range")),
    ("10.6.2010 klo 14.35 +03:00 UTC", "fi", None, Fails("more than one UTC offset")),
    ("+03:00 10.6.2010", "fi", None, Fails("'+03:00' with no time")),
    ("10.6.2010 klo 14.35", "fi", "Mars/Olympus", Fails("unknown time zone 'Mars/Olympus'")),
    ("10.6.2010", "xx", None, Fails("unknown locale 'xx'")),
    ("28.3.2010 klo 3.30", "fi", H, Fails(
        "03:30 on 2010-03-28 does not exist in Europe/Helsinki (the clocks jump forward over it)")),
    ("31.10.2010 klo 3.30", "fi", H, Fails(
        "03:30 on 2010-10-31 happens twice in Europe/Helsinki (the clocks go back over it)")),
]

OTHER_GOOD: list[Case] = [
    ("Thursday, June 10, 2010", "en_US", None, "2010-06-10 (day)"),
    ("June 10, 2010", "en_US", None, "2010-06-10 (day)"),
    ("Jun 10, 2010", "en_US", None, "2010-06-10 (day)"),
    ("thursday, june 10, 2010", "en", None, "2010-06-10 (day)"),
    ("6/10/2010", "en_US", None, "2010-06-10 (day)"),
    ("6/10/10", "en_US", None, "2010-06-10 (day)"),
    ("June 2010", "en_US", None, "2010-06 (month)"),
    ("July 13, 2011 10:22 PM", "en_US", H, "2011-07-13T22:22:00+03:00 (minute)"),
    ("July 13, 2011 at 10:22 PM", "en_US", H, "2011-07-13T22:22:00+03:00 (minute)"),
    ("July 13, 2011 10:22 p.m.", "en_US", H, "2011-07-13T22:22:00+03:00 (minute)"),
    ("Thursday, June 10, 2010 at 2:35 PM", "en_US", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("June 10, 2010 12:05 AM", "en_US", H, "2010-06-10T00:05:00+03:00 (minute)"),
    ("June 10, 2010 12:05 PM", "en_US", H, "2010-06-10T12:05:00+03:00 (minute)"),
    ("2:35 PM, June 10, 2010", "en_US", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("June 10, 2010 10:22 PM GMT+3", "en_US", None, "2010-06-10T22:22:00+03:00 (minute)"),
    ("January 5, 2011 9:15 AM", "en_US", "America/New_York",
     "2011-01-05T09:15:00-05:00 (minute)"),
    ("Thursday, 10 June 2010", "en_GB", None, "2010-06-10 (day)"),
    ("10 June 2010", "en_GB", None, "2010-06-10 (day)"),
    ("10 Sept 2010", "en_GB", None, "2010-09-10 (day)"),
    ("10/06/2010", "en_GB", None, "2010-06-10 (day)"),
    ("Thursday, 10 June 2010 at 14:35", "en_GB", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("Thursday, 10 June 2010", "en-GB", None, "2010-06-10 (day)"),
    ("torsdag 10 juni 2010", "sv", None, "2010-06-10 (day)"),
    ("10 juni 2010 kl. 14:35", "sv", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("2010-06-10", "sv", None, "2010-06-10 (day)"),
    ("Donnerstag, 10. Juni 2010", "de", None, "2010-06-10 (day)"),
    ("10. Juni 2010 um 14:35", "de", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("10.06.2010", "de", None, "2010-06-10 (day)"),
    ("10. März 2010", "de", None, "2010-03-10 (day)"),
    ("Juni 2010", "de", None, "2010-06 (month)"),
    ("donderdag 10 juni 2010", "nl", None, "2010-06-10 (day)"),
    ("29 november 2010 om 12:35", "nl", H, "2010-11-29T12:35:00+02:00 (minute)"),
    ("10-06-2010", "nl", None, "2010-06-10 (day)"),
    ("10 mrt 2010", "nl", None, "2010-03-10 (day)"),
    ("torsdag 10. juni 2010", "nb", None, "2010-06-10 (day)"),
    ("torsdag 10. juni 2010", "no", None, "2010-06-10 (day)"),
    ("10. juni 2010 kl. 14:35", "nb", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("torsdag den 10. juni 2010", "da", None, "2010-06-10 (day)"),
    ("10. juni 2010 kl. 14.35", "da", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("neljapäev, 10. juuni 2010", "et", None, "2010-06-10 (day)"),
    ("10. juuni 2010 kell 14:35", "et", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("jueves, 10 de junio de 2010", "es", None, "2010-06-10 (day)"),
    ("10 de junio de 2010", "es", None, "2010-06-10 (day)"),
    ("10 de junio de 2010, 14:35", "es", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("10/6/10", "es", None, "2010-06-10 (day)"),
    ("jeudi 10 juin 2010", "fr", None, "2010-06-10 (day)"),
    ("10 juin 2010 à 14:35", "fr", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("10 févr. 2010", "fr", None, "2010-02-10 (day)"),
    ("quinta-feira, 10 de junho de 2010", "pt", None, "2010-06-10 (day)"),
    ("10 de junho de 2010 às 14:35", "pt", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("giovedì 10 giugno 2010", "it", None, "2010-06-10 (day)"),
    ("10 giugno 2010 alle 14:35", "it", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("10 giugno 2010 14:35", "it", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("2010年6月10日木曜日", "ja", None, "2010-06-10 (day)"),
    ("2010年6月10日", "ja", None, "2010-06-10 (day)"),
    ("10 ביוני 2010", "iw", None, "2010-06-10 (day)"),
    ("Kamis, 10 Juni 2010", "in", None, "2010-06-10 (day)"),
]

OTHER_BAD: list[Case] = [
    ("Thursday, June 11, 2010", "en_US", None,
     weekday_mismatch("Thursday", "2010-06-11", "Friday")),
    ("Freitag, 10. Juni 2010", "de", None,
     weekday_mismatch("Freitag", "2010-06-10", "Thursday")),
    ("miércoles, 10 de junio de 2010", "es", None,
     weekday_mismatch("miércoles", "2010-06-10", "Thursday")),
    ("June 31, 2010", "en_US", None, Fails("day 31 does not exist in 2010-06")),
    ("June 10", "en_US", None, MISSING_YEAR),
    ("10 juin", "fr", None, MISSING_YEAR),
    ("June 10, 2010 13:05 PM", "en_US", H,
     Fails("hour 13 is not a 12-hour clock hour ('PM')")),
    ("June 10, 2010 10:22 PM EST", "en_US", H, Fails("unexpected 'EST' after the date")),
    ("July 13, 2011 10:22 PM", "en_US", None, NO_ZONE),
    ("10 juni 2010 kl.", "sv", None, Fails("'kl.' with no time")),
    ("torstai 10. kesäkuuta 2010", "en_US", None, Fails("unexpected 'torstai'")),
    ("29 november 2010 om", "nl", None, Fails("'om' with no time")),
    ("31/06/2010", "en_GB", None, Fails("day 31 does not exist in 2010-06")),
]

MACHINE: list[Case] = [
    ("2010-06-10T14:35:00+03:00", "fi", None, "2010-06-10T14:35:00+03:00 (minute)"),
    ("2010-06-10T11:35:00Z", "fi", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("2010-06-10T14:35:00.000+03:00", "fi", None, "2010-06-10T14:35:00+03:00 (minute)"),
    ("2010-06-10T14:35:00.123456+03:00", "en_US", None,
     "2010-06-10T14:35:00.123456+03:00 (minute)"),
    ("2010-06-10 14:35:00+0300", "fi", None, "2010-06-10T14:35:00+03:00 (minute)"),
    ("2010-06-10T14:35", "fi", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("2010-06", "fi", None, "2010-06 (month)"),
    ("Thu, 10 Jun 2010 14:35:00 +0300", "fi", None, "2010-06-10T14:35:00+03:00 (minute)"),
    ("Thu, 10 Jun 2010 14:35:00 +0300", "en_US", H, "2010-06-10T14:35:00+03:00 (minute)"),
    ("10 Jun 2010 14:35:00 GMT", "fi", None, "2010-06-10T14:35:00+00:00 (minute)"),
    ("Thu, 10 Jun 2010 14:35:00 EDT", "fi", None, "2010-06-10T14:35:00-04:00 (minute)"),
    ("Thu, 10 Jun 10 14:35 +0000", "fi", None, "2010-06-10T14:35:00+00:00 (minute)"),
    ("2010-02-30", "fi", None, Fails("day 30 does not exist in 2010-02")),
    ("2010-13-01", "fi", None, Fails("there is no month 13")),
    ("2010-06-10T14:35", "fi", None, NO_ZONE),
    ("2010-06-10T24:00:00Z", "fi", None, Fails("24:00:00 is not a time of day")),
    ("2010-06-10T14:35:00+99:99", "fi", None, Fails("the UTC offset +99:99 is out of range")),
    ("0000-01-01", "fi", None, Fails("the year 0 is out of range")),
    ("Fri, 10 Jun 2010 14:35:00 +0300", "fi", None,
     weekday_mismatch("Fri", "2010-06-10", "Thursday")),
    ("Thu, 31 Jun 2010 14:35:00 +0300", "fi", None, Fails("day 31 does not exist in 2010-06")),
]

CASES: list[Case] = FINNISH_GOOD + FINNISH_BAD + OTHER_GOOD + OTHER_BAD + MACHINE
