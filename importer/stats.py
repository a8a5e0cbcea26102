"""Counts and facts about an archive, for ``blogimport info`` and end-of-run reports."""

from __future__ import annotations

from collections import Counter
from typing import Any

from importer.model import Archive


def summarize(archive: Archive) -> dict[str, Any]:
    """A JSON-ready summary: blog facts, counts by kind and status, labels, date range."""
    kinds = Counter(post.kind for post in archive.posts)
    post_status = Counter(f"{post.kind}:{post.status}" for post in archive.posts)
    comment_status = Counter(c.status for post in archive.posts for c in post.comments)
    labels = Counter(label for post in archive.posts for label in post.labels)
    dates = sorted(post.published for post in archive.posts)
    blog = archive.blog
    return {
        "format": archive.source_format,
        "blog": {
            "id": blog.id,
            "title": blog.title,
            "url": blog.url,
            "locale": blog.locale,
            "timezone": blog.timezone,
        },
        "counts": {
            "posts": kinds.get("post", 0),
            "pages": kinds.get("page", 0),
            "other": sum(n for kind, n in kinds.items() if kind not in ("post", "page")),
            "drafts": sum(1 for post in archive.posts if post.status == "draft"),
            "comments": archive.comment_count,
        },
        "entries_by_status": dict(sorted(post_status.items())),
        "comments_by_status": dict(sorted(comment_status.items())),
        "labels": dict(sorted(labels.items(), key=lambda item: (-item[1], item[0]))),
        "first_date": dates[0].isoformat() if dates else None,
        "last_date": dates[-1].isoformat() if dates else None,
    }
