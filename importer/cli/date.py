"""``blogimport date``: parse one date text the way the readers do and print it as ISO 8601."""

from __future__ import annotations

import click

from importer.cli.common import handle_errors
from importer.dates import parse_date
from importer.options import ReadOptions


@click.command()
@click.argument("text")
@click.option("--locale", default="fi", show_default=True,
              help="Blogger locale of the text (fi, en_US, en-GB, nl...).")
@click.option("--timezone", "tz", default=None,
              help="Zone for a time without an offset, e.g. Europe/Helsinki.")
@handle_errors
def date(text: str, locale: str, tz: str | None) -> None:
    """Parse TEXT strictly and print its ISO 8601 value and precision.

    \b
    Examples:
      blogimport date "torstai 10. kesäkuuta 2010"                 # 2010-06-10 (day)
      blogimport date "10.6.2010 klo 14.35" --timezone Europe/Helsinki
      blogimport date "July 13, 2011 10:22 PM" --locale en_US --timezone UTC
    """
    ReadOptions(timezone=tz, locale=locale)  # a bad zone or locale is a usage error, as in convert
    parsed = parse_date(text, locale, tz)
    click.echo(f"{parsed.isoformat()} ({parsed.precision})")
