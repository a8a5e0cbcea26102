"""Password-protected WordPress posts in outputs that cannot protect a page (Markdown).

WordPress shows a post with a ``post_password`` only to readers who type it. A static site has no
such gate, so such a post that was published is written as a draft instead (each flavor marks
drafts its own way; ``Post.is_public`` is already False for it), the password itself is never
written (``extra["password_protected"] = "1"`` says there was one), and each one is reported
(``post-password-withheld``) with how to publish it deliberately. WXR output keeps the password;
JSON, the archive for one's own scripts, keeps the post as WordPress had it (its status and
``extra["post_password"]``), so JSON -> WXR restores it and JSON -> Markdown withholds it here.
"""

from __future__ import annotations

from dataclasses import replace

from importer import wxr_meta as meta
from importer.diagnostics import Diagnostics
from importer.model import POST_DRAFT, POST_PUBLISHED, Archive, Post


def _withheld(post: Post) -> Post:
    extra = {k: v for k, v in post.extra.items() if k != meta.EXTRA_PASSWORD}
    extra[meta.EXTRA_PROTECTED] = "1"
    status = POST_DRAFT if post.status == POST_PUBLISHED else post.status
    return replace(post, status=status, extra=extra)


def withhold_passwords(archive: Archive, diagnostics: Diagnostics, *, how: str, report: bool = True
                       ) -> Archive:
    """``archive`` with each password-protected post unpublished and without its password.

    ``how`` tells the reader how to publish such a post deliberately in this output; ``report``
    False leaves the diagnostics to the caller (a post left out with ``--no-drafts``).
    """
    if not any(post.extra.get(meta.EXTRA_PASSWORD) for post in archive.posts):
        return archive
    posts = []
    for post in archive.posts:
        if not post.extra.get(meta.EXTRA_PASSWORD):
            posts.append(post)
            continue
        posts.append(_withheld(post))
        if report:
            diagnostics.report("post-password-withheld", f"'{post.title or post.id}' is "
                               "password-protected in WordPress; written as a draft without its "
                               f"password (a static page cannot ask for one). To publish it openly, "
                               f"{how}.", entry=post.id)
    return replace(archive, posts=tuple(posts))
