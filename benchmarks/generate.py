"""Generate synthetic Blogger exports of any size, in the legacy and the Takeout format.

The entries are shaped like real exports (FORMATS.md §2–3): a template entry and settings
first, posts newest first with Blogger-style HTML bodies (``<br />`` paragraphs, styled spans,
separator images, links, a jump break), then comments, some of them replies. Output is
deterministic for a given seed, and streamed to disk so any size fits in memory.

Usage::

    python benchmarks/generate.py legacy out.xml --posts 5000 --comments-per-post 4
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


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _body(rng: random.Random, post_no: int, size: int) -> str:
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
            target = max(post_no - rng.randrange(1, 50), 0)
            parts.append(f'Katso <a href="{HOST}/2010/01/kirjoitus-{target}.html">aiempi kirjoitus</a>.')
        elif roll < 0.3:
            parts.append(f'<span style="font-weight: bold;">{_sentence(rng, 4)}</span>')
        else:
            parts.append(_sentence(rng, rng.randrange(8, 30)))
    return "<br /><br />".join(parts)


def _published(post_no: int, posts: int) -> datetime:
    """Newest first: post 0 is the newest; one post every ~18 hours back from mid-2015.

    The wall-clock time is built in Helsinki time and normalised, so no local time falls in
    a daylight-saving gap. ``posts`` is accepted for symmetry with the generators.
    """
    del posts
    start = datetime(2015, 6, 10, 14, 35, tzinfo=ZONE)
    moment = start.astimezone(timezone.utc) - timedelta(hours=18 * post_no, minutes=post_no % 60)
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


def _legacy_post(rng: random.Random, no: int, posts: int, body_size: int) -> str:
    kind = "http://schemas.google.com/g/2005#kind"
    when = _stamp(_published(no, posts))
    labels = "".join(f"<category scheme='http://www.blogger.com/atom/ns#' term='{rng.choice(WORDS)}'/>"
                     for _ in range(rng.randrange(0, 4)))
    url = f"{HOST}/{_published(no, posts):%Y/%m}/kirjoitus-{no}.html"
    return (f"<entry><id>tag:blogger.com,1999:blog-{BLOG_ID}.post-{7 * 10**17 + no}</id>"
            f"<published>{when}</published><updated>{when}</updated>"
            f"<category scheme='{kind}' term='http://schemas.google.com/blogger/2008/kind#post'/>{labels}"
            f"<title type='text'>Kirjoitus {no}: {escape(_sentence(rng, 3))}</title>"
            f"<content type='html'>{escape(_body(rng, no, body_size))}</content>"
            f"<link rel='alternate' type='text/html' href='{url}' title='Kirjoitus {no}'/>"
            "<author><name>Bench Kirjoittaja</name><uri>https://www.blogger.com/profile/1</uri>"
            "<email>noreply@blogger.com</email></author></entry>\n")


def _legacy_comment(rng: random.Random, post_no: int, index: int, posts: int) -> str:
    kind = "http://schemas.google.com/g/2005#kind"
    post_id = 7 * 10**17 + post_no
    comment_id = 8 * 10**17 + post_no * 1000 + index
    when = _published(post_no, posts) + timedelta(hours=index + 1)
    url = f"{HOST}/{_published(post_no, posts):%Y/%m}/kirjoitus-{post_no}.html"
    related = ""
    if index and rng.random() < 0.3:
        parent = 8 * 10**17 + post_no * 1000 + rng.randrange(0, index)
        related = (f"<link rel='related' type='application/atom+xml' href='https://www.blogger.com/"
                   f"feeds/{BLOG_ID}/{post_id}/comments/default/{parent}'/>")
    return (f"<entry><id>tag:blogger.com,1999:blog-{BLOG_ID}.post-{comment_id}</id>"
            f"<published>{_stamp(when)}</published><updated>{_stamp(when)}</updated>"
            f"<category scheme='{kind}' term='http://schemas.google.com/blogger/2008/kind#comment'/>"
            f"<title type='text'>{escape(_sentence(rng, 3))}</title>"
            f"<content type='html'>{escape(_sentence(rng, rng.randrange(10, 60)))}</content>"
            f"<link rel='alternate' type='text/html' href={quoteattr(f'{url}?showComment=1#c{comment_id}')}/>"
            f"{related}<author><name>Kommentoija {index}</name></author>"
            f"<thr:in-reply-to xmlns:thr='http://purl.org/syndication/thread/1.0' href='{url}' "
            f"ref='tag:blogger.com,1999:blog-{BLOG_ID}.post-{post_id}' type='text/html'/></entry>\n")


def generate_legacy(path: Path, posts: int, comments_per_post: int = 4, body_size: int = 7_500,
                    seed: int = 1) -> Path:
    """Write a legacy export with ``posts`` posts and ``posts * comments_per_post`` comments."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        out.writelines(_legacy_header())
        for no in range(posts):
            out.write(_legacy_post(rng, no, posts, body_size))
        for no in range(posts):
            for index in range(comments_per_post):
                out.write(_legacy_comment(rng, no, index, posts))
        out.write("</feed>\n")
    return path


def _takeout_entry(rng: random.Random, no: int, posts: int, body_size: int) -> str:
    when = _published(no, posts).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    labels = "".join(f"<category scheme='tag:blogger.com,1999:blog-{BLOG_ID}' term='{rng.choice(WORDS)}'/>"
                     for _ in range(rng.randrange(0, 4))) or "<category/>"
    return (f"<entry><id>tag:blogger.com,1999:blog-{BLOG_ID}.post-{7 * 10**17 + no}</id>"
            f"<blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>"
            f"<author><name>Bench Kirjoittaja</name><uri></uri><blogger:type>BLOGGER</blogger:type></author>"
            f"<title>Kirjoitus {no}: {escape(_sentence(rng, 3))}</title>"
            f"<content type='html'>{escape(_body(rng, no, body_size))}</content>"
            f"<blogger:created>{when}</blogger:created><published>{when}</published>"
            f"<updated>{when}</updated>{labels}"
            f"<blogger:filename>/{_published(no, posts):%Y/%m}/kirjoitus-{no}.html</blogger:filename>"
            "</entry>\n")


def _takeout_comment(rng: random.Random, post_no: int, index: int, posts: int) -> str:
    post_id = 7 * 10**17 + post_no
    comment_id = 8 * 10**17 + post_no * 1000 + index
    when = (_published(post_no, posts) + timedelta(hours=index + 1)).astimezone(timezone.utc)
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
                     seed: int = 1) -> Path:
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
            out.write(_takeout_entry(rng, no, posts, body_size))
        for no in range(posts):
            for index in range(comments_per_post):
                out.write(_takeout_comment(rng, no, index, posts))
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
    args = parser.parse_args()
    if args.format == "legacy":
        generate_legacy(args.output, args.posts, args.comments_per_post, args.body_size)
    else:
        generate_takeout(args.output, args.posts, args.comments_per_post, args.body_size)


if __name__ == "__main__":
    main()
