"""Benchmark: date parses per second on a realistic mix of Blogger date texts.

Run: ``.venv/bin/python benchmarks/bench_dates.py [--seconds 2]``. Prints parses per second on
one core and the ratio to the target of 50,000 (issue 3). Locale tables are warmed first, as
they are in a long import (they are compiled once per locale and cached).
"""

from __future__ import annotations

import argparse
import time

from importer.dates import parse_date

TARGET = 50_000
HELSINKI = "Europe/Helsinki"

# (text, locale, tz): post headers, comment display times, numeric dates, machine formats.
MIX: list[tuple[str, str, str | None]] = [
    ("torstai 10. kesäkuuta 2010", "fi", None),
    ("keskiviikko 3. heinäkuuta 2013", "fi", None),
    ("10. kesäkuuta 2010 klo 16.02", "fi", HELSINKI),
    ("klo 14.35 10.6.2010", "fi", HELSINKI),
    ("20.10.2016", "fi", None),
    ("sunnuntai, maaliskuuta 29, 2009", "fi", None),
    ("kesäkuu 2010", "fi", None),
    ("Thursday, June 10, 2010", "en_US", None),
    ("July 13, 2011 10:22 PM", "en_US", HELSINKI),
    ("29 november 2010 om 12:35", "nl", HELSINKI),
    ("Donnerstag, 10. Juni 2010 um 14:35", "de", HELSINKI),
    ("jueves, 10 de junio de 2010", "es", None),
    ("torsdag den 10. juni 2010", "da", None),
    ("2010-06-10T14:35:00.000+03:00", "fi", HELSINKI),
    ("Thu, 10 Jun 2010 14:35:00 +0300", "en_US", None),
]


def run(seconds: float) -> float:
    """Parse the mix round after round for about ``seconds``; return parses per second."""
    for text, locale, tz in MIX:  # warm the per-locale caches
        parse_date(text, locale, tz)
    count = 0
    started = time.perf_counter()
    deadline = started + seconds
    while time.perf_counter() < deadline:
        for text, locale, tz in MIX:
            parse_date(text, locale, tz)
        count += len(MIX)
    return count / (time.perf_counter() - started)


def main() -> None:
    """Print the figure and its ratio to the target."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=2.0)
    rate = run(parser.parse_args().seconds)
    print(f"parse_date: {rate:,.0f} parses/s on one core "
          f"({rate / TARGET:.2f}x the target of {TARGET:,})")


if __name__ == "__main__":
    main()
