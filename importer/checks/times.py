"""Date checks: naive or impossible times, and displayed date text that disagrees with its timestamp.

Blogger keeps a comment's time twice: the machine timestamp and the text the blog showed
(``blogger.displayTime``, read into ``extra["display_time"]``). When they disagree, usually the blog's
time zone setting is wrong, and every converted time is off by the same hours.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from datetime import datetime, tzinfo

from importer.checks.base import CheckContext, Finding, all_comments
from importer.dates import local_time_status, resolve_tz
from importer.dates.display import DisplayProblem, check_display_text
from importer.model import Archive, Post

#: Key of ``Comment.extra`` / ``Post.extra`` holding the date text the blog displayed.
DISPLAY_TIME = "display_time"


def _dates(archive: Archive) -> Iterator[tuple[str, Post, str, datetime]]:
    """``(entry id, post, field, value)`` for every date of every post and comment; ``field`` is
    ``published``, ``updated`` or ``comment`` (``_what`` says it in words, for a finding)."""
    for post in archive.posts:
        yield post.id, post, "published", post.published
        if post.updated is not None:
            yield post.id, post, "updated", post.updated
    for post, comment in all_comments(archive):
        yield comment.id, post, "comment", comment.published


def _what(post: Post, field: str) -> str:
    """``post 'Title' published``, ``comment on 'Title' published``..."""
    if field == "comment":
        return f"comment on '{post.title}' published"
    return f"{post.kind} '{post.title}' {field}"


def _is_naive(value: datetime) -> bool:
    return value.tzinfo is None or value.utcoffset() is None


def check_naive_dates(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Dates without an offset: their instant is unknown."""
    for entry, post, field, value in _dates(archive):
        if _is_naive(value):
            yield Finding(f"The {_what(post, field)} date {value.isoformat()} has no time zone or "
                          "offset.", entry)


def _blog_zone(archive: Archive) -> tzinfo | None:
    """The blog's zone, or None when it is unset or unknown (readers report that)."""
    if not archive.blog.timezone:
        return None
    try:
        return resolve_tz(archive.blog.timezone)
    except ValueError:
        return None


def check_impossible_times(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Wall-clock times that never happened in the blog's zone (the spring daylight-saving gap)."""
    zone = _blog_zone(archive)
    for entry, post, field, value in _dates(archive):
        if _is_naive(value):
            continue
        here = zone or value.tzinfo
        if here is None:
            continue
        if value.tzinfo is here and value.replace(fold=0).utcoffset() == value.replace(fold=1).utcoffset():
            continue  # what local_time_status calls "ok", asked without rebuilding the time
        wall = value.replace(tzinfo=None)
        if local_time_status(wall.date(), wall.time(), here) == "nonexistent":
            name = getattr(here, "key", None) or str(here)
            yield Finding(f"The {_what(post, field)} time {value.isoformat()} shows {wall:%H:%M} on "
                          f"{wall:%Y-%m-%d}, a time that does not exist in {name}.", entry)


def _display_texts(archive: Archive) -> Iterator[tuple[str, str, datetime]]:
    for post in archive.posts:
        text = post.extra.get(DISPLAY_TIME)
        if text:
            yield post.id, text, post.published
    for _post, comment in all_comments(archive):
        text = comment.extra.get(DISPLAY_TIME)
        if text:
            yield comment.id, text, comment.published


def check_unparsed_date_texts(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Displayed date texts that cannot be parsed in the blog's locale (nor in English)."""
    yield from _display_findings(archive, context, "date-unparsed")


def check_display_times(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Displayed date texts (weekday, day or time) that disagree with the entry's timestamp."""
    yield from _display_findings(archive, context, "display-time-mismatch")


_last_display: tuple[weakref.ref[Archive], str, list[tuple[str, DisplayProblem]]] | None = None


def _display_findings(archive: Archive, context: CheckContext, code: str) -> Iterator[Finding]:
    """The problems of ``code`` that ``check_display_text`` finds, as the readers report them.

    Both display checks read one pass over the texts (kept weakly for the last archive).
    """
    global _last_display
    locale = context.locale_for(archive)
    if _last_display is None or _last_display[0]() is not archive or _last_display[1] != locale:
        problems = []
        for entry, text, timestamp in _display_texts(archive):
            if not _is_naive(timestamp):
                problem = check_display_text(text, timestamp, locale)
                if problem is not None:
                    problems.append((entry, problem))
        _last_display = (weakref.ref(archive), locale, problems)
    for entry, problem in _last_display[2]:
        if problem.code == code:
            yield Finding(problem.message, entry)
