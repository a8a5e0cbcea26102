"""Generate synthetic Blogger exports of any size, in the legacy and the Takeout format.

The entries are shaped like real exports (FORMATS.md §2–3): a template entry and settings
first, posts newest first with Blogger-style HTML bodies (``<br />`` paragraphs, styled spans,
separator images, links, a jump break), then comments, some of them replies. Output is
deterministic for a given seed, and streamed to disk so any size fits in memory.

By default the export is clean, so that a run on it is about speed and not about warnings:
links between posts point at posts that exist (the month in their URL is the month of the
target post), and each comment's ``blogger.displayTime`` is exactly what a Finnish Blogger blog
writes for it (``10. kesäkuuta 2010 klo 16.02``, Helsinki wall clock). ``--messy`` gives the
variants other tests want floods from: display times with a weekday
(``keskiviikko 13. maaliskuuta 2024 klo 20.10``) and links to posts that do not exist.

Usage::

    python benchmarks/generate.py legacy out.xml --posts 5000 --comments-per-post 4 [--messy]
    python benchmarks/generate.py takeout out-dir --posts 5000 --comments-per-post 4
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr
from zoneinfo import ZoneInfo

BLOG_ID = "9876543210987654321"
HOST = "http://bench-blogi.blogspot.com"
ZONE = ZoneInfo("Europe/Helsinki")
WORDS = (
    "sosiaalinen media markkinointi strategia kohderyhmä sisältö keskustelu yhteisö kokemus "
    "projekti opiskelu kesä talvi kevät syksy ystävä kuva matka ruoka kirja elokuva musiikki "
    "Helsinki Tampere Turku Oulu yritys asiakas tulos aika ihminen väline oppi hömppä hyöty"
).split()
#: Finnish month names as Blogger writes them in a date (partitive) and weekdays (nominative).
MONTHS_FI = ("tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta "
             "syyskuuta lokakuuta marraskuuta joulukuuta").split()
WEEKDAYS_FI = "maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai".split()


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def post_url(no: int) -> str:
    """The permalink of post ``no`` (``/YYYY/MM/`` is the month it was published in)."""
    return f"{HOST}/{_published(no):%Y/%m}/kirjoitus-{no}.html"


def display_time(moment: datetime, weekday: bool = False) -> str:
    """``moment`` as a Finnish blog shows a comment's time: ``10. kesäkuuta 2010 klo 16.02``.

    With ``weekday``: ``torstai 10. kesäkuuta 2010 klo 16.02`` (one of Blogger's fi formats).
    """
    local = moment.astimezone(ZONE)
    text = f"{local.day}. {MONTHS_FI[local.month - 1]} {local.year} klo {local.hour}.{local.minute:02d}"
    return f"{WEEKDAYS_FI[local.weekday()]} {text}" if weekday else text


def _link_target(rng: random.Random, post_no: int, posts: int, messy: bool) -> str:
    """An older post's permalink; with ``messy`` a URL that names no post of the blog."""
    if messy:
        return f"{HOST}/2010/01/kirjoitus-{max(post_no - rng.randrange(1, 50), 0)}.html"
    return post_url(min(post_no + rng.randrange(1, 50), posts - 1))


def _body(rng: random.Random, post_no: int, size: int, posts: int, messy: bool = False) -> str:
    """Blogger-style HTML of roughly ``size`` characters."""
    parts = [f"{_sentence(rng, 12)} <a name='more'></a>"]
    while sum(len(p) for p in parts) < size:
        roll = rng.random()
        if roll < 0.1:
            img = f"https://1.bp.blogspot.com/-b{post_no}/X{rng.randrange(10**6)}/AAAA/z"
            parts.append(
                f'<div class="separator" style="clear: both; text-align: center;"><a href="{img}/s1600/'
                f'kuva{post_no}.jpg" imageanchor="1"><img border="0" src="{img}/s320/kuva{post_no}.jpg" '
                'width="320" /></a></div>')
        elif roll < 0.2:
            target = _link_target(rng, post_no, posts, messy)
            parts.append(f'Katso <a href="{target}">aiempi kirjoitus</a>.')
        elif roll < 0.3:
            parts.append(f'<span style="font-weight: bold;">{_sentence(rng, 4)}</span>')
        else:
            parts.append(_sentence(rng, rng.randrange(8, 30)))
    return "<br /><br />".join(parts)


def _published(post_no: int) -> datetime:
    """Newest first: post 0 is the newest; one post every ~18 hours back from mid-2015.

    The wall-clock time is built in Helsinki time and normalised, so no local time falls in
    a daylight-saving gap.
    """
    start = datetime(2015, 6, 10, 14, 35, tzinfo=ZONE)
    moment = start.astimezone(timezone.utc) - timedelta(hours=18 * post_no, minutes=post_no % 60)
    return moment.astimezone(ZONE)


def _comment_time(post_no: int, index: int) -> datetime:
    """Comment ``index`` on a post: ``index + 1`` hours after it (added in UTC: never in a DST gap)."""
    moment = _published(post_no).astimezone(timezone.utc) + timedelta(hours=index + 1)
    return moment.astimezone(ZONE)


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def _legacy_header() -> Iterator[str]:
    yield ("<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom' "
           "xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' "
           "xmlns:gd='http://schemas.google.com/g/2005' "
           "xmlns:thr='http://purl.org/syndication/thread/1.0'>\n")
    yield (f"<id>tag:blogger.com,1999:blog-{BLOG_ID}.archive</id><updated>2015-06-11T10:00:00.000+03:00"
           "</updated><title type='text'>Bench-blogi</title>"
           f"<link rel='alternate' type='text/html' href='{HOST}/'/>\n")
    kind = "http://schemas.google.com/g/2005#kind"
    yield (f"<entry><id>tag:blogger.com,1999:blog-{BLOG_ID}.layout</id><category scheme='{kind}' "
           "term='http://schemas.google.com/blogger/2008/kind#template'/><title type='text'>Template"
           "</title><content type='html'>&lt;html&gt;&lt;/html&gt;</content></entry>\n")
    for name, value in (("BLOG_NAME", "Bench-blogi"), ("BLOG_LOCALE", "fi"),
                        ("BLOG_TIME_ZONE", "Europe/Helsinki"), ("BLOG_CONVERT_LINE_BREAKS", "true")):
        yield (f"<entry><id>tag:blogger.com,1999:blog-{BLOG_ID}.settings.{name}</id>"
               f"<category scheme='{kind}' term='http://schemas.google.com/blogger/2008/kind#settings'/>"
               f"<title type='text'>{name}</title><content type='text'>{value}</content></entry>\n")


def _legacy_post(rng: random.Random, no: int, posts: int, body_size: int, messy: bool) -> str:
    kind = "http://schemas.google.com/g/2005#kind"
    when = _stamp(_published(no))
    labels = "".join(f"<category scheme='http://www.blogger.com/atom/ns#' term='{rng.choice(WORDS)}'/>"
                     for _ in range(rng.randrange(0, 4)))
    return (f"<entry><id>tag:blogger.com,1999:blog-{BLOG_ID}.post-{7 * 10**17 + no}</id>"
            f"<published>{when}</published><updated>{when}</updated>"
            f"<category scheme='{kind}' term='http://schemas.google.com/blogger/2008/kind#post'/>{labels}"
            f"<title type='text'>Kirjoitus {no}: {escape(_sentence(rng, 3))}</title>"
            f"<content type='html'>{escape(_body(rng, no, body_size, posts, messy))}</content>"
            f"<link rel='alternate' type='text/html' href='{post_url(no)}' title='Kirjoitus {no}'/>"
            "<author><name>Bench Kirjoittaja</name><uri>https://www.blogger.com/profile/1</uri>"
            "<email>noreply@blogger.com</email></author></entry>\n")


def _legacy_comment(rng: random.Random, post_no: int, index: int, messy: bool) -> str:
    kind = "http://schemas.google.com/g/2005#kind"
    post_id = 7 * 10**17 + post_no
    comment_id = 8 * 10**17 + post_no * 1000 + index
    when = _comment_time(post_no, index)
    url = post_url(post_no)
    related = ""
    if index and rng.random() < 0.3:
        parent = 8 * 10**17 + post_no * 1000 + rng.randrange(0, index)
        related = (f"<link rel='related' type='application/atom+xml' href='https://www.blogger.com/"
                   f"feeds/{BLOG_ID}/{post_id}/comments/default/{parent}'/>")
    shown = display_time(when, weekday=messy)
    return (f"<entry><id>tag:blogger.com,1999:blog-{BLOG_ID}.post-{comment_id}</id>"
            f"<published>{_stamp(when)}</published><updated>{_stamp(when)}</updated>"
            f"<category scheme='{kind}' term='http://schemas.google.com/blogger/2008/kind#comment'/>"
            f"<title type='text'>{escape(_sentence(rng, 3))}</title>"
            f"<content type='html'>{escape(_sentence(rng, rng.randrange(10, 60)))}</content>"
            f"<link rel='alternate' type='text/html' href={quoteattr(f'{url}?showComment=1#c{comment_id}')}/>"
            f"{related}<author><name>Kommentoija {index}</name></author>"
            f"<thr:in-reply-to xmlns:thr='http://purl.org/syndication/thread/1.0' href='{url}' "
            f"ref='tag:blogger.com,1999:blog-{BLOG_ID}.post-{post_id}' type='text/html'/>"
            f"<gd:extendedProperty name='blogger.itemClass' value='pid-{index}'/>"
            f"<gd:extendedProperty name='blogger.displayTime' value={quoteattr(shown)}/></entry>\n")


def generate_legacy(path: Path, posts: int, comments_per_post: int = 4, body_size: int = 7_500,
                    seed: int = 1, messy: bool = False) -> Path:
    """Write a legacy export with ``posts`` posts and ``posts * comments_per_post`` comments.

    ``messy``: weekday display times and links to posts that do not exist (see the module doc).
    """
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        out.writelines(_legacy_header())
        for no in range(posts):
            out.write(_legacy_post(rng, no, posts, body_size, messy))
        for no in range(posts):
            for index in range(comments_per_post):
                out.write(_legacy_comment(rng, no, index, messy))
        out.write("</feed>\n")
    return path


def _takeout_entry(rng: random.Random, no: int, posts: int, body_size: int, messy: bool) -> str:
    when = _published(no).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    labels = "".join(f"<category scheme='tag:blogger.com,1999:blog-{BLOG_ID}' term='{rng.choice(WORDS)}'/>"
                     for _ in range(rng.randrange(0, 4))) or "<category/>"
    return (f"<entry><id>tag:blogger.com,1999:blog-{BLOG_ID}.post-{7 * 10**17 + no}</id>"
            f"<blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>"
            f"<author><name>Bench Kirjoittaja</name><uri></uri><blogger:type>BLOGGER</blogger:type></author>"
            f"<title>Kirjoitus {no}: {escape(_sentence(rng, 3))}</title>"
            f"<content type='html'>{escape(_body(rng, no, body_size, posts, messy))}</content>"
            f"<blogger:created>{when}</blogger:created><published>{when}</published>"
            f"<updated>{when}</updated>{labels}"
            f"<blogger:filename>/{_published(no):%Y/%m}/kirjoitus-{no}.html</blogger:filename>"
            "</entry>\n")


def _takeout_comment(rng: random.Random, post_no: int, index: int) -> str:
    post_id = 7 * 10**17 + post_no
    comment_id = 8 * 10**17 + post_no * 1000 + index
    when = _comment_time(post_no, index).astimezone(timezone.utc)
    reply = ""
    if index and rng.random() < 0.3:
        parent = 8 * 10**17 + post_no * 1000 + rng.randrange(index)
        reply = f"tag:blogger.com,1999:blog-{BLOG_ID}.post-{parent}"
    return (f"<entry><id>tag:blogger.com,1999:blog-{BLOG_ID}.post-{comment_id}</id>"
            f"<blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status>"
            f"<author><name>Kommentoija {index}</name><uri></uri>"
            "<blogger:type>BLOGGER</blogger:type></author>"
            f"<content type='html'>{escape(_sentence(rng, rng.randrange(10, 60)))}</content>"
            f"<published>{when:%Y-%m-%dT%H:%M:%SZ}</published><updated>{when:%Y-%m-%dT%H:%M:%SZ}</updated>"
            f"<blogger:parent>tag:blogger.com,1999:blog-{BLOG_ID}.post-{post_id}</blogger:parent>"
            f"<blogger:inReplyTo>{reply}</blogger:inReplyTo></entry>\n")


def generate_takeout(folder: Path, posts: int, comments_per_post: int = 4, body_size: int = 7_500,
                     seed: int = 1, messy: bool = False) -> Path:
    """Write ``folder/Takeout/Blogger/Blogs/Bench-blogi/{feed.atom,settings.csv}``; returns the feed."""
    rng = random.Random(seed)
    blog = folder / "Takeout" / "Blogger" / "Blogs" / "Bench-blogi"
    blog.mkdir(parents=True, exist_ok=True)
    (blog / "settings.csv").write_text(
        "blog_name,blog_description,blog_locale,blog_time_zone,blog_subdomain\n"
        "Bench-blogi,Synteettinen,fi,Europe/Helsinki,bench-blogi.blogspot.com\n", encoding="utf-8")
    feed = blog / "feed.atom"
    with feed.open("w", encoding="utf-8") as out:
        out.write("<?xml version='1.0' encoding='utf-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom' "
                  "xmlns:blogger='http://schemas.google.com/blogger/2018'>\n"
                  "<id>tag:blogger.com,1999:blog-" + BLOG_ID + "</id><title>Bench-blogi</title>\n")
        for no in range(posts):
            out.write(_takeout_entry(rng, no, posts, body_size, messy))
        for no in range(posts):
            for index in range(comments_per_post):
                out.write(_takeout_comment(rng, no, index))
        out.write("</feed>\n")
    return feed


def main() -> None:
    """Command line: generate one export."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("format", choices=["legacy", "takeout"])
    parser.add_argument("output", type=Path)
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--comments-per-post", type=int, default=4)
    parser.add_argument("--body-size", type=int, default=7_500)
    parser.add_argument("--messy", action="store_true",
                        help="weekday display times and links to posts that do not exist")
    args = parser.parse_args()
    make = generate_legacy if args.format == "legacy" else generate_takeout
    make(args.output, args.posts, args.comments_per_post, args.body_size, messy=args.messy)


if __name__ == "__main__":
    main()
