"""Content checks: label variants, links between posts, images left on Blogger, non-public counts.

Links count as "to this blog" when their host is the blog's (``name.blogspot.com``, any country
domain such as ``name.blogspot.fi``, ``www.``, http or https) and their path is a post or page
permalink (``/YYYY/MM/slug.html``, ``/p/slug.html``); ``?m=1`` and ``#fragment`` are ignored.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from urllib.parse import SplitResult, unquote, urlsplit

from importer.checks.base import CheckContext, Finding, all_comments, link_attributes, plural
from importer.model import (
    COMMENT_PUBLISHED,
    COMMENT_STATUSES,
    POST_DRAFT,
    POST_PUBLISHED,
    POST_STATUSES,
    Archive,
    Post,
)

_PERMALINK = re.compile(r"^/(\d{4}/\d{2}|p)/[^/]+\.html$")
_BLOGSPOT = re.compile(r"^(?:www\.)?([a-z0-9-]+)\.blogspot\.[a-z.]+$")
_BLOGGER_IMAGE_HOSTS = re.compile(
    r"(^|\.)(bp\.blogspot\.com|blogger\.googleusercontent\.com|ggpht\.com|photos\d*\.blogger\.com)$"
)


def label_key(label: str) -> str:
    """What labels that differ only by case or accent have in common."""
    decomposed = unicodedata.normalize("NFKD", label.strip())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def check_label_variants(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Labels that differ only by case or accent (tags in most outputs merge them)."""
    uses: Counter[str] = Counter(label for post in archive.posts for label in post.labels)
    groups: dict[str, list[str]] = defaultdict(list)
    for label in uses:
        groups[label_key(label)].append(label)
    for variants in groups.values():
        if len(variants) > 1:
            listed = ", ".join(f"'{v}' ({plural(uses[v], 'post')})" for v in sorted(variants))
            yield Finding(f"Labels {listed} differ only by case or accent; outputs merge them into one.")


def _split(url: str) -> SplitResult:
    """``urlsplit``, but an unparseable URL (``http://[x/``) is one with no host and no path."""
    try:
        return urlsplit(url)
    except ValueError:
        return urlsplit("")


def _host(url: str) -> str:
    host = (_split(url).hostname or "").lower()
    match = _BLOGSPOT.match(host)
    if match:
        return f"{match.group(1)}.blogspot.com"
    return host.removeprefix("www.")


def _path(url: str) -> str:
    return unquote(_split(url).path).lower()


def _blog_hosts(archive: Archive) -> set[str]:
    urls = [archive.blog.url or ""] + [post.url or "" for post in archive.posts]
    return {_host(url) for url in urls if url.strip()} - {""}


def _links(post: Post) -> Iterator[str]:
    for tag, attribute, value in link_attributes(post.content_html):
        if tag == "a" and attribute == "href":
            yield value


def check_unresolved_links(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Links to a post or page of this blog that is not in the archive."""
    hosts = _blog_hosts(archive)
    known = {_path(post.url) for post in archive.posts if post.url}
    for post in archive.posts:
        reported: set[str] = set()
        for href in _links(post):
            if not href.lower().startswith(("http://", "https://", "//")):
                continue
            path = _path(href)
            if (_host(href) in hosts and _PERMALINK.match(path) and path not in known
                    and path not in reported):
                reported.add(path)
                yield Finding(f"'{post.title}' links to {href}, which is not in the archive.", post.id)


def check_remote_images(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Images still served from Blogger's hosts: one finding with the count."""
    per_host: Counter[str] = Counter()
    posts = 0
    for post in archive.posts:
        found = [_split(value).hostname or "" for tag, attribute, value in
                 link_attributes(post.content_html) if tag == "img" and attribute == "src"]
        remote = [host.lower() for host in found if _BLOGGER_IMAGE_HOSTS.search(host.lower())]
        per_host.update(remote)
        posts += bool(remote)
    total = sum(per_host.values())
    if total:
        hosts = ", ".join(sorted(per_host))
        verb = "is" if total == 1 else "are"
        yield Finding(f"{plural(total, 'image')} in {plural(posts, 'post')} {verb} still on Blogger's "
                      f"hosts ({hosts}).")


def _noun(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


def check_not_public_counts(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """How many drafts, scheduled or trashed posts and pending, spam or deleted comments there are."""
    # Unknown statuses are not counted here: check_unknown_statuses names each of them.
    posts = Counter(p.status for p in archive.posts
                    if p.status != POST_PUBLISHED and p.status in POST_STATUSES)
    comments = Counter(c.status for _p, c in all_comments(archive)
                       if c.status != COMMENT_PUBLISHED and c.status in COMMENT_STATUSES)
    parts = [plural(n, "draft") if status == POST_DRAFT else f"{n} {status} {_noun(n, 'post')}"
             for status, n in sorted(posts.items())]
    parts += [f"{n} {status} {_noun(n, 'comment')}" for status, n in sorted(comments.items())]
    if parts:
        yield Finding(f"Not public: {', '.join(parts)}.")
