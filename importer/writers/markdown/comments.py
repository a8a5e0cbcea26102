"""Per-post comment data files: threaded JSON that a theme template can loop over.

Hugo reads ``data/comments/<slug>.json`` as ``.Site.Data.comments.<slug>``; Jekyll reads
``_data/comments/<slug>.json`` as ``site.data.comments[slug]``; the preset flavors put them where
their generator reads data (``presets.PRESETS``); Pelican, Zola and plain Markdown
get a sidecar next to the post (``<post>.comments.json``). Public output holds published comments
only: each left-out comment is reported once (``comment-not-public``) so in = out + skipped can be
proved. A reply whose parent was left out (or is missing) is kept at top level.
"""

from __future__ import annotations

import json
from typing import Any

from importer.diagnostics import Diagnostics
from importer.model import COMMENT_PUBLISHED, Comment, Post
from importer.writers.markdown.layout import PlannedPost
from importer.writers.markdown.presets import PRESETS


def comments_path(flavor: str, planned: PlannedPost) -> str:
    """Where the comment data file of a post goes in the flavor's tree."""
    if flavor == "hugo":
        return f"data/comments/{planned.slug}.json"
    if flavor == "jekyll":
        return f"_data/comments/{planned.slug}.json"
    if flavor in PRESETS:
        return PRESETS[flavor].comments.format(slug=planned.slug)
    stem = planned.path[: -len("/index.md")] if planned.path.endswith("/index.md") else planned.path[:-3]
    return f"{stem}.comments.json"


def kept_comments(post: Post, all_comments: bool, diagnostics: Diagnostics) -> list[Comment]:
    """The comments that go into public output, reporting each one left out."""
    kept: list[Comment] = []
    for comment in post.comments:
        if all_comments or comment.status == COMMENT_PUBLISHED:
            kept.append(comment)
        else:
            diagnostics.report(
                "comment-not-public",
                f"Comment by '{comment.author.name}' on '{post.title or post.id}' is {comment.status}; "
                "it was left out.", entry=comment.id)
    return kept


def _node(comment: Comment, with_status: bool) -> dict[str, Any]:
    node: dict[str, Any] = {
        "id": comment.id,
        "author": comment.author.name,
        "author_url": comment.author.uri,
        "anonymous": comment.author.anonymous,
        "date": comment.published.isoformat(),
        "content_html": comment.content_html,
    }
    if with_status:
        node["status"] = comment.status
    node["replies"] = []
    return node


def comment_tree(comments: list[Comment], with_status: bool = False) -> list[dict[str, Any]]:
    """Top-level comments with their ``replies`` nested, each level oldest first."""
    ordered = sorted(comments, key=lambda c: (c.published.isoformat(), c.id))
    nodes = {c.id: _node(c, with_status) for c in ordered}
    roots: list[dict[str, Any]] = []
    placed: set[str] = set()
    for comment in ordered:
        # Only an already placed (older) parent is used, so a cycle can never hide a comment.
        parent_id = comment.parent_id
        if parent_id is not None and parent_id in placed:
            nodes[parent_id]["replies"].append(nodes[comment.id])
        else:
            roots.append(nodes[comment.id])
        placed.add(comment.id)
    return roots


def comments_file(post: Post, planned: PlannedPost, comments: list[Comment], all_comments: bool) -> bytes:
    """The JSON bytes of one post's comment data file (stable: same input, same bytes)."""
    document = {
        "post_id": post.id,
        "slug": planned.slug,
        "url": planned.url_path,
        "count": len(comments),
        "comments": comment_tree(comments, with_status=all_comments),
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
