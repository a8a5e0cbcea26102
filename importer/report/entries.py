"""One report row per post, page and draft: where it came from, where it went, what was said about it."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from importer.diagnostics import Diagnostic
from importer.html.urls import iter_urls
from importer.model import Archive, Post
from importer.report.views import ViewJob, make_views
from importer.site import SiteUrls
from importer.web.images import is_google_image

BodyOf = Callable[[str], "tuple[str | None, str]"]


@dataclass(frozen=True)
class LeftOut:
    """Entries the writer left out, posts and comments apart.

    WordPress numbers posts and comments from one counter: a spam comment 1016 must not mark
    post 1016 as not written. The accounting keys what was left out by kind and id.
    """

    posts: Mapping[str, str]
    comments: Mapping[str, str]

    @classmethod
    def split(cls, left_out: Mapping[tuple[str, str], str]) -> LeftOut:
        """From ``Accounting.left_out`` ((``post`` or ``comment``, entry id) -> reason)."""
        return cls({i: r for (kind, i), r in left_out.items() if kind != "comment"},
                   {i: r for (kind, i), r in left_out.items() if kind == "comment"})


@dataclass(frozen=True)
class EntryContext:
    """What every row needs from the conversion."""

    archive: Archive
    """The archive as read (original bodies)."""
    output_bodies: Mapping[str, str]
    """Post id -> body as the writer got it (links and images rewritten)."""
    diagnostics: Sequence[Diagnostic]
    left_out: LeftOut
    """Entries the writer left out, with the reasons."""
    site: SiteUrls | None
    output_file: Callable[[str], str | None]
    """Post id -> the file it was written to, when known."""
    body_of: BodyOf
    """Post id -> our output as written, and what it is (see ``views.output_bodies``)."""


def diagnostics_by_post(archive: Archive, diagnostics: Sequence[Diagnostic]) -> dict[str, list[int]]:
    """Post id -> indices of the diagnostics about it or about one of its comments.

    A post's own id wins over a comment sharing it (WordPress numbers both from one counter).
    """
    owner = {comment.id: post.id for post in archive.posts for comment in post.comments}
    owner.update((post.id, post.id) for post in archive.posts)
    found: dict[str, list[int]] = {}
    for index, diagnostic in enumerate(diagnostics):
        post_id = owner.get(diagnostic.entry) if diagnostic.entry is not None else None
        if post_id is not None:
            found.setdefault(post_id, []).append(index)
    return found


def image_counts(body: str) -> tuple[int, int]:
    """``(images, images on Blogger's hosts)`` referenced by ``<img src>`` in ``body``."""
    images = remote = 0
    for tag, _attribute, url in iter_urls(body):
        if tag == "img":
            images += 1
            remote += is_google_image(url)
    return images, remote


def entry_rows(context: EntryContext, views: str | Collection[str]) -> list[dict[str, Any]]:
    """Every post, page and draft of the archive, in archive order."""
    by_post = diagnostics_by_post(context.archive, context.diagnostics)
    rows = [_row(post, by_post.get(post.id, []), context) for post in context.archive.posts]
    chosen = [(row, post) for row, post in zip(rows, context.archive.posts, strict=True)
              if views == "all" or (views == "problems" and row["diagnostics"])
              or (views not in ("all", "problems") and post.id in views)]
    jobs: list[ViewJob] = []
    for row, post in chosen:
        ours, origin = context.body_of(post.id) if row["written"] else (None, "not-written")
        jobs.append((post.content_html, ours, origin))
    for (row, _post), view in zip(chosen, make_views(jobs), strict=True):
        row["view"] = view
    return rows


def _row(post: Post, indices: list[int], context: EntryContext) -> dict[str, Any]:
    skipped = context.left_out.posts.get(post.id)
    written_comments = 0 if skipped else sum(c.id not in context.left_out.comments for c in post.comments)
    images, remote = image_counts(post.content_html)
    written_body = context.output_bodies.get(post.id, "")
    if skipped:
        remote = 0
    elif written_body != post.content_html:
        _, remote = image_counts(written_body)
    worst = max((context.diagnostics[i].severity for i in indices), default=None)
    return {
        "id": post.id,
        "kind": post.kind,
        "status": post.status,
        "title": post.title,
        "published": post.published.isoformat(),
        "old_url": post.url,
        "new_url": context.site.post_url(post.id) if context.site and not skipped else None,
        "file": context.output_file(post.id) if not skipped else None,
        "written": skipped is None,
        "skipped": skipped,
        "comments": len(post.comments),
        "comments_written": written_comments,
        "images": images,
        "images_remote": remote,
        "diagnostics": indices,
        "worst": str(worst) if worst is not None else None,
        "view": None,
    }


def file_locator(output: str | Path, tree: bool, parts: int,
                 post_files: Mapping[str, str]) -> Callable[[str], str | None]:
    """Post id -> its output file: the Markdown file in a tree, the one output file otherwise.

    A split WXR (several files) names no single file per entry: None.
    """
    def locate(post_id: str) -> str | None:
        if tree:
            relative = post_files.get(post_id)
            return str(Path(output) / relative) if relative else None
        return str(output) if parts == 1 else None

    return locate
