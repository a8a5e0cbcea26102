"""Content checks: label variants, links between posts, images left on Blogger, non-public counts.

Links count as "to this blog" when their host is the blog's (``name.blogspot.com``, any country
domain such as ``name.blogspot.fi``, ``www.``, http or https) and their path is a post or page
permalink (``/YYYY/MM/slug.html``, ``/p/slug.html``); ``?m=1`` and ``#fragment`` are ignored.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import NamedTuple
from urllib.parse import SplitResult, unquote, urlsplit

from importer.checks.base import CheckContext, Finding, all_comments, link_attributes, plural
from importer.model import (
    COMMENT_PUBLISHED,
    COMMENT_STATUSES,
    POST_DRAFT,
    POST_PUBLISHED,
    POST_STATUSES,
    Archive,
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


#: A URL whose host and path ``urlsplit`` takes as they are, when ``_CONTROL_OR_SPACE`` finds
#: nothing in it (``urlsplit`` strips or drops those) and its host part is plain ASCII.
_ABSOLUTE = re.compile(r"(?:https?:)?//([^/?#]*)([^?#]*)", re.IGNORECASE)
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20]")


def _host_path(url: str) -> tuple[str, str]:
    """``(hostname lower-cased or "", path)`` exactly as ``_split`` gives them, several times faster
    for the plain absolute URLs bodies are full of (the link survey reads tens of thousands)."""
    match = _ABSOLUTE.match(url)
    if match is not None and _CONTROL_OR_SPACE.search(url) is None:
        netloc = match.group(1)
        if netloc.isascii() and "[" not in netloc and "]" not in netloc:
            return netloc.rpartition("@")[2].partition(":")[0].lower(), match.group(2)
    parts = _split(url)
    return (parts.hostname or "").lower(), parts.path


def _host(url: str) -> str:
    return _site(_host_path(url)[0])


def _site(host: str) -> str:
    """``name.blogspot.fi``, ``www.name.blogspot.com`` -> ``name.blogspot.com``; others less ``www.``."""
    match = _BLOGSPOT.match(host)
    if match:
        return f"{match.group(1)}.blogspot.com"
    return host.removeprefix("www.")


def _path(url: str) -> str:
    return unquote(_host_path(url)[1]).lower()


def _blog_hosts(archive: Archive) -> set[str]:
    urls = [archive.blog.url or ""] + [post.url or "" for post in archive.posts]
    return {_host(url) for url in urls if url.strip()} - {""}


class _LinkSurvey(NamedTuple):
    """What one pass over every body's links found, for the two checks that read it."""

    unresolved: list[Finding]
    remote_hosts: Counter[str]
    posts_with_remote: int


_last_survey: tuple[weakref.ref[Archive], _LinkSurvey] | None = None


def _survey(archive: Archive) -> _LinkSurvey:
    """Links to missing posts and images on Blogger's hosts, from ONE scan of each body.

    Both checks run on every conversion; scanning the bodies once halves their cost. The last
    archive's survey is kept (weakly) for the second check.
    """
    global _last_survey
    if _last_survey is not None and _last_survey[0]() is archive:
        return _last_survey[1]
    hosts = _blog_hosts(archive)
    known = {_path(post.url) for post in archive.posts if post.url}
    survey = _LinkSurvey([], Counter(), 0)
    for post in archive.posts:
        reported: set[str] = set()
        remote = 0
        for tag, attribute, value in link_attributes(post.content_html):
            if tag == "a" and attribute == "href":
                if not value.lower().startswith(("http://", "https://", "//")):
                    continue
                host, path = _host_path(value)
                path = unquote(path).lower()
                if (_PERMALINK.match(path) and path not in known and path not in reported
                        and _site(host) in hosts):
                    reported.add(path)
                    survey.unresolved.append(Finding(
                        f"'{post.title}' links to {value}, which is not in the archive.", post.id))
            elif tag == "img" and attribute == "src":
                host = _host_path(value)[0]
                if _BLOGGER_IMAGE_HOSTS.search(host):
                    survey.remote_hosts[host] += 1
                    remote += 1
        survey = survey._replace(posts_with_remote=survey.posts_with_remote + bool(remote))
    _last_survey = (weakref.ref(archive), survey)
    return survey


def check_unresolved_links(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Links to a post or page of this blog that is not in the archive."""
    yield from _survey(archive).unresolved


def check_remote_images(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Images still served from Blogger's hosts: one finding with the count."""
    survey = _survey(archive)
    per_host, posts = survey.remote_hosts, survey.posts_with_remote
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
