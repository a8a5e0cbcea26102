"""A generated legacy export of any size, for tests that need a run long enough to interrupt.

Short bodies and no comments keep generation and conversion fast; ids, dates and URLs follow the
legacy export's shapes (see fixtures/blog-fi/legacy.xml).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

BLOG_ID = "5550000000000000001"
HOST = "http://iso-blogi.blogspot.com"
KIND = "http://schemas.google.com/g/2005#kind"


def _setting(name: str, value: str) -> str:
    return (f"<entry><id>tag:blogger.com,1999:blog-{BLOG_ID}.settings.{name}</id>"
            f"<category scheme='{KIND}' term='http://schemas.google.com/blogger/2008/kind#settings'/>"
            f"<title type='text'>{name}</title><content type='text'>{value}</content></entry>\n")


def _post(number: int, when: datetime) -> str:
    stamp = when.isoformat(timespec="milliseconds")
    url = f"{HOST}/{when:%Y/%m}/kirjoitus-{number}.html"
    body = f"&lt;p&gt;Kirjoitus numero {number}: päivän ajatuksia.&lt;/p&gt;" * 3
    return (f"<entry><id>tag:blogger.com,1999:blog-{BLOG_ID}.post-{7 * 10**17 + number}</id>"
            f"<published>{stamp}</published><updated>{stamp}</updated>"
            f"<category scheme='{KIND}' term='http://schemas.google.com/blogger/2008/kind#post'/>"
            f"<title type='text'>Kirjoitus {number}</title><content type='html'>{body}</content>"
            f"<link rel='alternate' type='text/html' href='{url}' title='Kirjoitus {number}'/>"
            "<author><name>Kirjoittaja</name></author></entry>\n")


def write_big_blog(path: Path, posts: int) -> Path:
    """A legacy export with ``posts`` published posts, one every day from 2010-01-01 (Helsinki)."""
    start = datetime(2010, 1, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    with path.open("w", encoding="utf-8") as out:
        out.write("<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom'>\n"
                  f"<id>tag:blogger.com,1999:blog-{BLOG_ID}.archive</id>"
                  f"<title type='text'>Iso blogi</title><link rel='alternate' href='{HOST}/'/>\n")
        for name, value in (("BLOG_NAME", "Iso blogi"), ("BLOG_LOCALE", "fi"),
                            ("BLOG_TIME_ZONE", "Europe/Helsinki")):
            out.write(_setting(name, value))
        for number in range(posts):
            out.write(_post(number, start + timedelta(days=number)))
        out.write("</feed>\n")
    return path
