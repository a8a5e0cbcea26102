"""Putting a Blogger archive together: comments onto their posts, threads checked, zone applied.

Both export formats list comments as separate entries, in any order. Here each comment is
attached to its post (``comment-orphaned`` when the post is missing), replies keep their parent
when it is a comment of the same post (else top level + ``comment-parent-missing``), reply
cycles are broken (``comment-thread-cycle``), and every time is expressed in the blog's zone
(the instant never changes).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from datetime import tzinfo

from importer.diagnostics import Diagnostics
from importer.model import Comment, Post


def assemble(
    posts: Iterable[Post], comments: Iterable[Comment], zone: tzinfo | None, diagnostics: Diagnostics
) -> tuple[Post, ...]:
    """Posts newest first, each with its comments oldest first, all times in ``zone`` (if any)."""
    by_post: dict[str, list[Comment]] = defaultdict(list)
    post_list = list(posts)
    known = {post.id for post in post_list}
    for comment in comments:
        if zone is not None and comment.published.tzinfo is not zone:  # else read in the zone
            comment = dataclasses.replace(comment, published=comment.published.astimezone(zone))
        if comment.post_id not in known:
            diagnostics.report("comment-orphaned", f"Comment {comment.id!r} belongs to post "
                               f"{comment.post_id!r}, which is not in the archive; left out.",
                               entry=comment.id)
            continue
        by_post[comment.post_id].append(comment)
    result = []
    for post in post_list:
        thread = _checked_thread(by_post.get(post.id, []), diagnostics)
        if zone is None:
            result.append(dataclasses.replace(post, comments=thread))
            continue
        updated = post.updated.astimezone(zone) if post.updated is not None else None
        result.append(dataclasses.replace(post, published=post.published.astimezone(zone),
                                          updated=updated, comments=thread))
    result.sort(key=lambda p: (p.published.timestamp(), p.id), reverse=True)
    return tuple(result)


def check_thread(comments: Iterable[Comment], diagnostics: Diagnostics) -> tuple[Comment, ...]:
    """One post's comments oldest first, self-replies and reply cycles repaired and reported
    (for readers that thread comments themselves, such as WXR)."""
    return _checked_thread(list(comments), diagnostics)


def _checked_thread(comments: list[Comment], diagnostics: Diagnostics) -> tuple[Comment, ...]:
    """Comments oldest first, with missing parents and reply cycles repaired and reported."""
    comments.sort(key=lambda c: (c.published.timestamp(), c.id))
    ids = {c.id for c in comments}
    parents: dict[str, str | None] = {}
    for comment in comments:
        parent = comment.parent_id
        if parent is not None and (parent not in ids or parent == comment.id):
            diagnostics.report("comment-parent-missing", f"Comment {comment.id!r} replies to "
                               f"{parent!r}, which is not a comment of this post; kept at top level.",
                               entry=comment.id)
            parent = None
        parents[comment.id] = parent
    _break_cycles(parents, [c.id for c in comments], diagnostics)
    return tuple(
        c if c.parent_id == parents[c.id] else dataclasses.replace(c, parent_id=parents[c.id])
        for c in comments
    )


def _break_cycles(parents: dict[str, str | None], order: list[str], diagnostics: Diagnostics) -> None:
    """Make the oldest comment of each reply cycle top level (``order`` is oldest first)."""
    done: set[str] = set()
    for start in order:
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = start
        while node is not None and node not in done and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = parents[node]
        if node is not None and node in on_path:
            cycle = path[path.index(node):]
            oldest = min(cycle, key=order.index)
            parents[oldest] = None
            diagnostics.report("comment-thread-cycle", f"Comments {', '.join(map(repr, cycle))} "
                               f"reply to each other in a cycle; {oldest!r} was made top level.",
                               entry=oldest)
        done.update(path)
