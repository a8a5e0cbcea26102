"""What the writers write sanitized, each removal reported: comments always, post bodies when asked.

The HTML side (policy, nh3, naming what was removed) is ``importer.html.sanitize``; this module
applies it to the model and says per entry what went (``script-removed``) or, with
``--keep-scripts``, what was kept (``script-kept``). One diagnostic per post or comment.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from importer.diagnostics import Diagnostics
from importer.html.sanitize import Removed, sanitize
from importer.model import Archive, Comment, Post


def _where(post: Post, comment: Comment | None) -> str:
    title = post.title or post.id
    if comment is None:
        return f"the {post.kind} '{title}'"
    return f"the comment by '{comment.author.name}' on '{title}'"


def report_removed(diagnostics: Diagnostics, removed: Removed, post: Post, comment: Comment | None = None,
                   *, kept: bool = False) -> None:
    """One ``script-removed`` (or, with ``kept``, ``script-kept``) naming the entry and what it held."""
    if not removed:
        return
    entry = comment.id if comment is not None else post.id
    if kept:
        diagnostics.report("script-kept", f"Kept {removed.describe()} in {_where(post, comment)} "
                           "(--keep-scripts).", entry=entry)
    else:
        diagnostics.report("script-removed", f"Removed {removed.describe()} from {_where(post, comment)}.",
                           entry=entry)


def sanitize_comments(post: Post, comments: Iterable[Comment], diagnostics: Diagnostics) -> list[Comment]:
    """``comments`` of ``post`` with sanitized bodies, each removal reported (``script-removed``)."""
    result = []
    for comment in comments:
        clean, removed = sanitize(comment.content_html)
        report_removed(diagnostics, removed, post, comment)
        result.append(comment if clean == comment.content_html else replace(comment, content_html=clean))
    return result


def sanitize_archive(archive: Archive, diagnostics: Diagnostics, *, bodies: bool) -> Archive:
    """``archive`` with every comment sanitized, and every post body too when ``bodies``."""
    posts = []
    for post in archive.posts:
        comments = tuple(sanitize_comments(post, post.comments, diagnostics))
        content = post.content_html
        if bodies:
            content, removed = sanitize(content)
            report_removed(diagnostics, removed, post)
        posts.append(replace(post, content_html=content, comments=comments))
    return replace(archive, posts=tuple(posts))
