"""One post seen on several pages becomes ONE post.

The same post appears on its permalink page, the index, month archives and label pages. Copies
are grouped by post id (or by permalink when a page shows no id, as mobile index pages do); the
whole body of the permalink page wins over listing copies cut at the jump break ("Lue lisää »").
A post known only from a cut copy is kept, flagged ``extra["truncated"] = "true"`` and reported
(``post-truncated``). Comments are the union of what the copies show, by comment id.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from urllib.parse import urlsplit

from importer.model import POST_PUBLISHED, Author, Comment, Post
from importer.readers.blogger_html.comments import CommentSnapshot
from importer.readers.blogger_html.posts import PostSnapshot
from importer.readers.blogger_html.timing import Clock


def group_snapshots(snapshots: Iterable[PostSnapshot]) -> dict[str, list[PostSnapshot]]:
    """Copies of one post together, keyed by post id (or by permalink when no copy has an id)."""
    items = list(snapshots)
    id_of_url = {s.url: s.id for s in items if s.id and s.url}
    groups: dict[str, list[PostSnapshot]] = {}
    for number, snap in enumerate(items):
        key = snap.id or (id_of_url.get(snap.url) if snap.url else None) or snap.url
        groups.setdefault(key or f"{snap.file}#{number}", []).append(snap)
    return groups


def best_copy(copies: list[PostSnapshot]) -> PostSnapshot:
    """The copy to take body, title and labels from: the permalink page, else a whole body."""
    return max(copies, key=lambda s: (s.permalink_page, not s.truncated, s.machine_time is not None,
                                      len(s.content_html)))


def merge_post(key: str, copies: list[PostSnapshot], clock: Clock) -> Post | None:
    """The one post the copies show, or None when no copy says when it was published (reported)."""
    best = best_copy(copies)
    entry = best.id or key
    published = _published(best, copies, clock, entry)
    if published is None:
        return None
    extra: dict[str, str] = {"source_page": best.file}
    if all(c.machine_time is None and not c.time_text for c in copies):
        extra["published_precision"] = "day"  # a mobile index shows the day only
    if best.truncated:
        extra["truncated"] = "true"
        clock.diagnostics.report(
            "post-truncated",
            f"'{best.title or best.url or entry}' is known only from a listing page cut at the jump "
            "break; its body is incomplete.", entry=entry, file=best.file)
    return Post(
        id=entry, kind=_kind(best.url), status=POST_PUBLISHED, title=best.title, slug=_slug(best.url),
        url=best.url, published=published, author=best.author or _first_author(copies),
        labels=best.labels or next((c.labels for c in copies if c.labels), ()),
        content_html=best.content_html, comments=_comments(entry, copies, clock), extra=extra,
    )


def _published(best: PostSnapshot, copies: list[PostSnapshot], clock: Clock, entry: str) -> datetime | None:
    for snap in (best, *copies):
        if snap.machine_time is not None:
            return clock.place(snap.machine_time)
    dated = [best, *(c for c in copies if c is not best)]
    for snap in dated:
        if snap.date_text:
            published = clock.post_time(snap.date_text, snap.time_text, snap.url, snap.locale, entry,
                                        snap.file)
            if published is None:  # the date-unparsed said why; this says the post is not kept
                clock.diagnostics.report("entry-invalid", f"'{best.title or best.url or entry}' was "
                                         "left out: its date could not be read.", entry=entry,
                                         file=snap.file)
            return published
    clock.diagnostics.report("entry-invalid", f"'{best.title or best.url or entry}' shows no date on "
                             "any page; it was left out.", entry=entry, file=best.file)
    return None


def _comments(post_id: str, copies: list[PostSnapshot], clock: Clock) -> tuple[Comment, ...]:
    found: dict[str, CommentSnapshot] = {}
    for snap in sorted(copies, key=lambda s: not s.permalink_page):
        for shown in snap.comments or ():
            known = found.get(shown.id)
            if known is None or (known.machine_time is None and shown.machine_time is not None):
                found[shown.id] = shown
    comments = [c for c in (_comment(post_id, s, clock) for s in found.values()) if c is not None]
    ids = {c.id for c in comments}
    fixed: list[Comment] = []
    for comment in comments:
        if comment.parent_id is not None and comment.parent_id not in ids:
            clock.diagnostics.report("comment-parent-missing", f"The comment replies to "
                                     f"{comment.parent_id}, which no page shows.", entry=comment.id)
            comment = replace(comment, parent_id=None)
        fixed.append(comment)
    return tuple(sorted(fixed, key=lambda c: c.published))


def _comment(post_id: str, snap: CommentSnapshot, clock: Clock) -> Comment | None:
    if snap.machine_time is not None:
        published: datetime | None = clock.place(snap.machine_time)
    else:
        published = clock.text_time(snap.time_text, snap.locale, snap.id, "")
    if published is None:
        clock.diagnostics.report("entry-invalid", "The comment shows no readable time; it was left out.",
                                 entry=snap.id)
        return None
    extra = {"display_time": snap.time_text} if snap.time_text else {}
    return Comment(id=snap.id, post_id=post_id, parent_id=snap.parent_id, author=snap.author,
                   published=published, status="published", content_html=snap.content_html, extra=extra)


def _first_author(copies: list[PostSnapshot]) -> Author | None:
    return next((c.author for c in copies if c.author is not None), None)


def _kind(url: str | None) -> str:
    return "page" if url and urlsplit(url).path.startswith("/p/") else "post"


def _slug(url: str | None) -> str | None:
    if not url:
        return None
    last = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    return last.removesuffix(".html") or None
