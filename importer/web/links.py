"""Rewrite links between posts: bodies and comments pointing at the old blog get the new URLs.

Only attribute values are touched (``href``/``src`` of the tag), found with the shared tokenizer
``importer.html.urls``, so the rest of each body stays byte for byte as Blogger stored it.
Links to a post of the blog that is not in the archive stay as they are and are reported
(``link-unresolved``); label pages (``/search/label/X``) go to the new tag page; a ``#fragment`` is
kept; ``?m=1`` and ``?showComment=`` queries are dropped (the fragment ``#c<id>`` names the comment).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from importer.blog_urls import BlogUrls
from importer.diagnostics import Diagnostics
from importer.html.urls import iter_urls, rewrite_urls
from importer.model import Archive, Post
from importer.site import SiteUrls
from importer.web.images import is_image_use


@dataclass
class LinkReport:
    """What ``rewrite_links`` did: links rewritten and links left to the old blog."""

    rewritten: int = 0
    """Number of links rewritten to a new URL."""
    unresolved: list[tuple[str, str]] = field(default_factory=list)
    """(post id, url) of links to posts of the blog that are not in the archive."""


#: Lower-case text in the URL of every image on Blogger's hosts (``web.images._GOOGLE_HOST``).
IMAGE_HOST_MARKS = ("bp.blogspot.com", "googleusercontent.com", "ggpht.com")


def host_marks(blog: BlogUrls) -> tuple[str, ...]:
    """Lower-case text every URL that ``blog.parse`` accepts contains (``name.blogspot.``, hosts).

    A URL without any of them cannot be the blog's, so most links (images on Blogger's image
    hosts, other sites) skip ``urlsplit`` altogether: a third of the rewriting time before.
    """
    return (*(f"{name}.blogspot." for name in blog.blogspot_names), *blog.hosts)


def may_be_own(url: str, marks: tuple[str, ...]) -> bool:
    """False only when ``url`` can be none of the blog's URLs (see ``host_marks``)."""
    lowered = url.lower()
    return any(mark in lowered for mark in marks)


class _LinkRewriter:
    """The ``Rewrite`` callback for one post: resolves against the blog, records what it did."""

    def __init__(self, blog: BlogUrls, site: SiteUrls, report: LinkReport) -> None:
        self.blog, self.site, self.report = blog, site, report
        self.marks = host_marks(blog)
        self.post_id = ""

    def __call__(self, tag: str, attribute: str, url: str) -> str | None:
        if tag == "img" or not may_be_own(url, self.marks):
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
    """The post with its links rewritten; the very same objects where nothing changed.

    (``rewrite_urls`` gives back the same string when no link changed; copying every post and
    comment anyway cost time and kept a second archive alive.)
    """
    rewriter.post_id = post.id
    comments = []
    for comment in post.comments:
        body = rewrite_urls(comment.content_html, rewriter)
        comments.append(comment if body is comment.content_html else replace(comment, content_html=body))
    body = rewrite_urls(post.content_html, rewriter)
    unchanged = all(new is old for new, old in zip(comments, post.comments, strict=True))
    if body is post.content_html and unchanged:
        return post
    return replace(post, content_html=body, comments=tuple(comments))


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


def old_references(archive: Archive, blog: BlogUrls) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """``(post id, url)`` of links to the blog's old hosts, and of images still on Blogger's hosts.

    One pass over every body and comment (the archive can be large).
    """
    links: list[tuple[str, str]] = []
    images: list[tuple[str, str]] = []
    marks = host_marks(blog)
    for post in archive.posts:
        for body in (post.content_html, *(c.content_html for c in post.comments)):
            for tag, _, url in iter_urls(body):
                if may_be_own(url, marks) and blog.parse(url) is not None:
                    links.append((post.id, url))
                if may_be_own(url, IMAGE_HOST_MARKS) and is_image_use(tag, url):
                    images.append((post.id, url))
    return links, images
