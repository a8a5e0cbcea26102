"""Rewrite links between posts: bodies and comments pointing at the old blog get the new URLs.

Only attribute values are touched (``href``/``src`` of the tag), found with a small tokenizer
rather than by re-serializing the HTML, so the rest of each body stays byte for byte as Blogger
stored it. Links to a post of the blog that is not in the archive stay as they are and are reported
(``link-unresolved``); label pages (``/search/label/X``) go to the new tag page; a ``#fragment`` is
kept; ``?m=1`` and ``?showComment=`` queries are dropped (the fragment ``#c<id>`` names the comment).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from importer.diagnostics import Diagnostics
from importer.model import Archive, Post
from importer.web.targets import SiteUrls
from importer.web.urls import BlogUrls

#: One start tag; group 1 is the tag name.
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9:-]*)(\s[^<>]*)?/?>")
#: One attribute with a quoted or bare value.
_ATTR = re.compile(
    r"""(?P<name>[^\s"'<>/=]+)(?P<eq>\s*=\s*)(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=<>`]+))"""
)

#: Attributes that hold a URL, per tag.
URL_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "a": ("href",),
    "area": ("href",),
    "img": ("src",),
    "link": ("href",),
}

Rewrite = Callable[[str, str, str], str | None]
"""``rewrite(tag, attribute, url) -> new url or None`` (None keeps the value)."""


def _rewrite_attrs(tag: str, attrs: str, rewrite: Rewrite) -> str:
    names = URL_ATTRIBUTES.get(tag.lower(), ())

    def one(match: re.Match[str]) -> str:
        name = match.group("name")
        if name.lower() not in names:
            return match.group(0)
        raw = next(v for v in (match.group("dq"), match.group("sq"), match.group("bare")) if v is not None)
        new = rewrite(tag.lower(), name.lower(), html.unescape(raw))
        if new is None:
            return match.group(0)
        return f'{name}{match.group("eq")}"{html.escape(new, quote=True)}"'

    return _ATTR.sub(one, attrs)


def rewrite_urls(body: str, rewrite: Rewrite) -> str:
    """``body`` with each URL attribute passed through ``rewrite``; everything else unchanged."""
    if "<" not in body:
        return body

    def tag(match: re.Match[str]) -> str:
        attrs = match.group(2)
        if not attrs or match.group(1).lower() not in URL_ATTRIBUTES:
            return match.group(0)
        new_attrs = _rewrite_attrs(match.group(1), attrs, rewrite)
        start = match.start(2) - match.start(0)
        end = match.end(2) - match.start(0)
        whole = match.group(0)
        return whole[:start] + new_attrs + whole[end:]

    return _TAG.sub(tag, body)


def iter_urls(body: str) -> Iterator[tuple[str, str, str]]:
    """Every ``(tag, attribute, url)`` of ``body`` that ``rewrite_urls`` would visit."""
    found: list[tuple[str, str, str]] = []

    def collect(tag: str, attribute: str, url: str) -> None:
        found.append((tag, attribute, url))

    rewrite_urls(body, collect)
    return iter(found)


@dataclass
class LinkReport:
    """What ``rewrite_links`` did: links rewritten and links left to the old blog."""

    rewritten: int = 0
    """Number of links rewritten to a new URL."""
    unresolved: list[tuple[str, str]] = field(default_factory=list)
    """(post id, url) of links to posts of the blog that are not in the archive."""


class _LinkRewriter:
    """The ``Rewrite`` callback for one post: resolves against the blog, records what it did."""

    def __init__(self, blog: BlogUrls, site: SiteUrls, report: LinkReport) -> None:
        self.blog, self.site, self.report = blog, site, report
        self.post_id = ""

    def __call__(self, tag: str, attribute: str, url: str) -> str | None:
        if tag == "img":
            return None
        own = self.blog.parse(url)
        if own is None:
            return None
        target = self._target(own.path, own.label)
        if target is None:
            if own.is_post_path:
                self.report.unresolved.append((self.post_id, url))
            return None
        self.report.rewritten += 1
        return target + (f"#{own.fragment}" if own.fragment else "")

    def _target(self, path: str, label: str | None) -> str | None:
        post = self.blog.posts_by_path.get(path)
        if post is not None:
            return self.site.post_url(post.id)
        if label is not None and label in self.site.tags:
            return self.site.absolute(self.site.tags[label])
        return None


def _rewrite_post(post: Post, rewriter: _LinkRewriter) -> Post:
    rewriter.post_id = post.id
    comments = tuple(
        replace(c, content_html=rewrite_urls(c.content_html, rewriter)) for c in post.comments
    )
    return replace(post, content_html=rewrite_urls(post.content_html, rewriter), comments=comments)


def rewrite_links(
    archive: Archive, blog: BlogUrls, site: SiteUrls, diagnostics: Diagnostics
) -> tuple[Archive, LinkReport]:
    """A new archive whose links to the blog's own posts, pages and labels use the new URLs.

    Links to posts of the blog that are not in the archive (or not written) are left as they are
    and reported as ``link-unresolved``.
    """
    report = LinkReport()
    rewriter = _LinkRewriter(blog, site, report)
    posts = tuple(_rewrite_post(post, rewriter) for post in archive.posts)
    for post_id, url in report.unresolved:
        diagnostics.report(
            "link-unresolved", f"The link to '{url}' leads to no post of the archive; it was kept.",
            entry=post_id,
        )
    return replace(archive, posts=posts), report


def leftover_links(archive: Archive, blog: BlogUrls) -> list[tuple[str, str]]:
    """``(post id, url)`` of every link or image that still points at the blog's old hosts."""
    left: list[tuple[str, str]] = []
    for post in archive.posts:
        for body in (post.content_html, *(c.content_html for c in post.comments)):
            left.extend((post.id, url) for _, _, url in iter_urls(body) if blog.parse(url) is not None)
    return left
