"""Structure checks: ids, kinds, statuses, titles, bodies and comment threads.

Readers already drop what cannot be placed (and report it); these checks find the same problems
in an archive that came from elsewhere (our JSON, a library caller) and the ones readers keep.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from importer.checks.base import CheckContext, Finding, all_comments
from importer.model import (
    COMMENT_DELETED,
    COMMENT_STATUSES,
    KNOWN_KINDS,
    KNOWN_POST_STATUSES,
    WORDPRESS_KINDS,
    Archive,
    Comment,
)

_TAG = re.compile(r"<[^>]*>")
_MEDIA = re.compile(r"<\s*(img|iframe|embed|object|video|audio|svg)\b", re.IGNORECASE)
_ENTITY_SPACE = re.compile(r"&(nbsp|#160|#xa0);", re.IGNORECASE)


def check_duplicate_ids(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Two posts, or two comments, with one id: outputs keyed by id would lose one of them."""
    posts = Counter(post.id for post in archive.posts)
    comments = Counter(comment.id for _post, comment in all_comments(archive))
    for what, counter in (("posts", posts), ("comments", comments)):
        for entry_id, count in counter.items():
            if count > 1:
                yield Finding(f"{count} {what} share the id '{entry_id}'.", entry_id)


def check_unknown_kinds(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Entries of a kind with no known meaning (WordPress's attachments and menu items are known)."""
    for post in archive.posts:
        if post.kind not in KNOWN_KINDS:
            yield Finding(f"Entry '{post.title}' has kind '{post.kind}', not post or page.", post.id)


def check_unknown_statuses(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Posts and comments whose status has no fixed meaning (treated as not public)."""
    for post in archive.posts:
        if post.status not in KNOWN_POST_STATUSES:
            yield Finding(f"{post.kind.capitalize()} '{post.title}' has the unknown status "
                          f"'{post.status}'; it is treated as not public.", post.id)
    for _post, comment in all_comments(archive):
        if comment.status not in COMMENT_STATUSES:
            yield Finding(f"Comment by '{comment.author.name}' has the unknown status "
                          f"'{comment.status}'; it is treated as not public.", comment.id)


def is_empty_html(html: str) -> bool:
    """True when ``html`` shows nothing: no text (``&nbsp;`` counts as space), image or embed."""
    if _MEDIA.search(html):
        return False
    return not _ENTITY_SPACE.sub(" ", _TAG.sub(" ", html)).strip()


def check_empty_bodies(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Posts, pages and comments with nothing in their body (deleted comments are empty by design,
    and so are WordPress's attachments and menu items)."""
    for post in archive.posts:
        if post.kind not in WORDPRESS_KINDS and is_empty_html(post.content_html):
            yield Finding(f"{post.kind.capitalize()} '{post.title}' of "
                          f"{post.published:%Y-%m-%d} has an empty body.", post.id)
    for post, comment in all_comments(archive):
        if comment.status != COMMENT_DELETED and is_empty_html(comment.content_html):
            yield Finding(f"Comment by '{comment.author.name}' on '{post.title}' has an empty "
                          f"body.", comment.id)


def check_missing_titles(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Untitled posts and pages (info: Blogger allows them; WordPress's menu items need none)."""
    for post in archive.posts:
        if post.kind not in WORDPRESS_KINDS and not post.title.strip():
            where = f" ({post.url})" if post.url else ""
            yield Finding(f"The {post.kind} of {post.published:%Y-%m-%d %H:%M}{where} has no title.",
                          post.id)


def check_orphaned_comments(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Comments that name a post other than the one they are stored under."""
    post_ids = {post.id for post in archive.posts}
    for post, comment in all_comments(archive):
        if comment.post_id == post.id:
            continue
        state = "is not in the archive" if comment.post_id not in post_ids else "is another post"
        yield Finding(f"Comment by '{comment.author.name}' belongs to post '{comment.post_id}', "
                      f"which {state}, but is stored under post '{post.id}'.", comment.id)


def check_missing_parents(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Replies whose parent comment is not among the post's comments."""
    for post in archive.posts:
        ids = {comment.id for comment in post.comments}
        for comment in post.comments:
            if comment.parent_id is not None and comment.parent_id not in ids:
                yield Finding(f"Reply by '{comment.author.name}' answers comment "
                              f"'{comment.parent_id}', which is not on post '{post.id}'.", comment.id)


def _cycles(comments: Iterable[Comment]) -> list[list[str]]:
    """Each cycle of parent links once, as ids starting from the smallest."""
    parent = {c.id: c.parent_id for c in comments}
    seen: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(parent):
        path: list[str] = []
        node: str | None = start
        while node is not None and node in parent and node not in seen and node not in path:
            path.append(node)
            node = parent[node]
        if node is not None and node in path:
            cycle = path[path.index(node):]
            pivot = cycle.index(min(cycle))
            found.append(cycle[pivot:] + cycle[:pivot])
        seen.update(path)
    return found


def check_thread_cycles(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Comments that reply to each other in a circle (a reply to itself included)."""
    for post in archive.posts:
        for cycle in _cycles(post.comments):
            chain = " -> ".join([*cycle, cycle[0]])
            yield Finding(f"Comments on post '{post.id}' reply to each other in a cycle: {chain}.",
                          cycle[0])
