"""A messy Blogger legacy export of any size, made in the test: the problems a real archive has.

Deterministic (no randomness), small bodies so that 5,000 posts convert in seconds. What it plants,
with the diagnostic each gives (``planted(posts, comments_per_post)`` counts them):
- every 3rd post links to a post that is not in the archive (``link-unresolved``);
- every 7th comment shows a display time two hours off its timestamp (``display-time-mismatch``);
- every 50th post is untitled (``title-missing``) and every 100th a draft (``entries-not-public``);
- labels ``Koodi`` and ``koodi`` both in use (``label-merged``);
- every post shows an image on Blogger's hosts (``image-remote``, said once);
- one entry without a date (``entry-invalid``, an error: the run exits 3).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape, quoteattr
from zoneinfo import ZoneInfo

BLOG_ID = "5550000000000000001"
HOST = "http://sotkuinen-blogi.blogspot.com"
ZONE = ZoneInfo("Europe/Helsinki")
_KIND = "http://schemas.google.com/g/2005#kind"
_TERM = "http://schemas.google.com/blogger/2008/kind#"
MONTHS = ("tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta",
          "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta")


def published(no: int) -> datetime:
    """Post ``no`` (0 is the newest): one post every 17 hours back from mid-2015, in Helsinki."""
    start = datetime(2015, 6, 10, 12, 0, tzinfo=timezone.utc)
    return (start - timedelta(hours=17 * no)).astimezone(ZONE)


def display_time(moment: datetime) -> str:
    """Blogger's Finnish comment time without weekday: ``13. maaliskuuta 2024 klo 20.10``."""
    return f"{moment.day}. {MONTHS[moment.month - 1]} {moment.year} klo {moment.hour}.{moment:%M}"


def _url(no: int) -> str:
    return f"{HOST}/{published(no):%Y/%m}/kirjoitus-{no}.html"


def _header() -> str:
    settings = "".join(
        f"<entry><id>tag:blogger.com,1999:blog-{BLOG_ID}.settings.{name}</id>"
        f"<category scheme='{_KIND}' term='{_TERM}settings'/><title type='text'>{name}</title>"
        f"<content type='text'>{value}</content></entry>\n"
        for name, value in (("BLOG_NAME", "Sotkuinen blogi"), ("BLOG_LOCALE", "fi"),
                            ("BLOG_TIME_ZONE", "Europe/Helsinki")))
    return ("<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom' "
            "xmlns:gd='http://schemas.google.com/g/2005' xmlns:app='http://purl.org/atom/app#' "
            "xmlns:thr='http://purl.org/syndication/thread/1.0'>\n"
            f"<id>tag:blogger.com,1999:blog-{BLOG_ID}.archive</id><title type='text'>Sotkuinen blogi"
            f"</title><link rel='alternate' type='text/html' href='{HOST}/'/>\n" + settings)


def _post(no: int) -> str:
    when = published(no).isoformat(timespec="milliseconds")
    body = (f"<p>Kirjoitus numero {no}.</p><img src='https://1.bp.blogspot.com/-x/AAAA/s320/k{no}.jpg'/>"
            + (f"<p>Katso <a href='{HOST}/2009/01/poistettu-{no}.html'>vanha juttu</a>.</p>"
               if no % 3 == 0 else ""))
    label = "Koodi" if no % 2 else "koodi"
    title = "" if no % 50 == 49 else f"Kirjoitus {no}"
    draft = "<app:control><app:draft>yes</app:draft></app:control>" if no % 100 == 98 else ""
    link = "" if draft else f"<link rel='alternate' type='text/html' href='{_url(no)}'/>"
    return (f"<entry><id>tag:blogger.com,1999:blog-{BLOG_ID}.post-{7 * 10**17 + no}</id>"
            f"<published>{when}</published><updated>{when}</updated>{draft}"
            f"<category scheme='{_KIND}' term='{_TERM}post'/>"
            f"<category scheme='http://www.blogger.com/atom/ns#' term='{label}'/>"
            f"<title type='text'>{escape(title)}</title><content type='html'>{escape(body)}</content>"
            f"{link}<author><name>Kirjoittaja</name></author></entry>\n")


def _later(moment: datetime, hours: int) -> datetime:
    return (moment.astimezone(timezone.utc) + timedelta(hours=hours)).astimezone(ZONE)


def _comment(no: int, index: int, serial: int) -> str:
    post_id = 7 * 10**17 + no
    comment_id = 8 * 10**17 + no * 100 + index
    when = _later(published(no), index + 1)  # in UTC: wall-clock sums fall into DST gaps
    shown = _later(when, 2) if serial % 7 == 6 else when
    return (f"<entry><id>tag:blogger.com,1999:blog-{BLOG_ID}.post-{comment_id}</id>"
            f"<published>{when.isoformat(timespec='milliseconds')}</published>"
            f"<category scheme='{_KIND}' term='{_TERM}comment'/><title type='text'>Kommentti</title>"
            f"<content type='html'>Kommentti {index} kirjoitukseen {no}.</content>"
            f"<link rel='alternate' type='text/html' href={quoteattr(_url(no) + f'#c{comment_id}')}/>"
            f"<author><name>Lukija {index}</name></author>"
            f"<thr:in-reply-to href='{_url(no)}' ref='tag:blogger.com,1999:blog-{BLOG_ID}.post-{post_id}' "
            "type='text/html'/>"
            f"<gd:extendedProperty name='blogger.displayTime' value={quoteattr(display_time(shown))}/>"
            "</entry>\n")


def _undated() -> str:
    return (f"<entry><id>tag:blogger.com,1999:blog-{BLOG_ID}.post-6999999999999999999</id>"
            f"<category scheme='{_KIND}' term='{_TERM}post'/><title type='text'>Ilman päivää</title>"
            "<content type='html'>x</content></entry>\n")


def messy_export(posts: int = 5000, comments_per_post: int = 4, undated: bool = True) -> str:
    """The whole export as text (5,000 posts with 4 comments each: about 19 MB)."""
    parts = [_header(), *(_post(no) for no in range(posts)), *([_undated()] if undated else [])]
    serial = 0
    for no in range(posts):
        if no % 100 == 98:
            continue  # drafts have no comments
        for index in range(comments_per_post):
            parts.append(_comment(no, index, serial))
            serial += 1
    parts.append("</feed>\n")
    return "".join(parts)


def planted(posts: int = 5000, comments_per_post: int = 4) -> dict[str, int]:
    """How many diagnostics of each code ``messy_export`` plants (the codes the run must total)."""
    drafts = sum(1 for no in range(posts) if no % 100 == 98)
    comments = (posts - drafts) * comments_per_post
    return {
        "link-unresolved": sum(1 for no in range(posts) if no % 3 == 0),
        "display-time-mismatch": sum(1 for serial in range(comments) if serial % 7 == 6),
        "title-missing": sum(1 for no in range(posts) if no % 50 == 49),
        "label-merged": 1,
        "entries-not-public": 1 if drafts else 0,
        "image-remote": 1,
        "entry-invalid": 1,
    }
