"""Where each post, page and label page will live on the new site, for every output format.

- Markdown flavors: the Markdown writer's own ``plan()`` (one source of truth for file paths and
  URLs); tag pages follow each generator's default taxonomy URL.
- WXR: WordPress with the permalink structure ``/%year%/%monthnum%/%postname%.html``, which keeps
  Blogger's post URLs; pages become ``/<slug>/`` and labels ``/tag/<slug>/`` (or ``/category/``).
- JSON: a ``permalink`` pattern (``:year``, ``:month``, ``:day``, ``:slug``); by default Blogger's
  own paths, so links become host-free site paths.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from importer.diagnostics import Diagnostics
from importer.errors import UsageError
from importer.model import Archive, Post
from importer.slugs import post_slug, slugify, unique_post_slugs
from importer.web.urls import post_path

#: Default URL of a tag page per generator (``{slug}`` is the label's ASCII slug).
TAG_URLS: dict[str, str] = {
    "hugo": "/tags/{slug}/",
    "jekyll": "/tags/{slug}/",
    "pelican": "/tag/{slug}.html",
    "zola": "/tags/{slug}/",
    "wxr": "/tag/{slug}/",
    "wxr-categories": "/category/{slug}/",
    "markdown": "/tags/{slug}/",
    "eleventy": "/tags/{slug}/",  # the tag pages of Eleventy's docs (pagination over collections)
    "astro": "/tags/{slug}/",
    "hexo": "/tags/{slug}/",  # hexo-generator-tag with filename_case: 1 (SITE-NOTES.md)
    "mkdocs": "/blog/category/{slug}/",  # labels are the blog plugin's categories
    "json": "/search/label/{label}",
}


@dataclass(frozen=True)
class SiteUrls:
    """New addresses: posts by id, tag pages by label, and the new site's base URL."""

    posts: Mapping[str, str]
    """Post id -> site-relative URL path of the post on the new site (``/posts/slug/``)."""
    tags: Mapping[str, str] = field(default_factory=dict)
    """Blogger label -> site-relative URL path of its tag page."""
    base_url: str | None = None
    """The new site's address (``https://example.fi/blog/``); None keeps URLs site-relative."""
    files: Mapping[str, str] = field(default_factory=dict)
    """Post id -> output file path (Markdown only), used to place images beside bundles."""

    def absolute(self, path: str) -> str:
        """``path`` under ``base_url`` (keeping the base's own path prefix), or ``path`` as it is."""
        if not self.base_url:
            return path
        parts = urlsplit(self.base_url)
        prefix = parts.path.rstrip("/")
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            prefix = ""
        return f"{parts.scheme}://{parts.netloc}{prefix}{path}" if parts.netloc else prefix + path

    def post_url(self, post_id: str) -> str | None:
        """The post's new URL (absolute when ``base_url`` is set), or None when it is not written."""
        path = self.posts.get(post_id)
        return self.absolute(path) if path is not None else None


def _with_slash(path: str) -> str:
    return path if path.startswith("/") else "/" + path


def tag_urls(archive: Archive, pattern: str, locale: str | None) -> dict[str, str]:
    """Every label of ``archive`` -> its tag page path under ``pattern``."""
    from urllib.parse import quote

    labels = dict.fromkeys(label for post in archive.posts for label in post.labels)
    return {
        label: pattern.format(slug=slugify(label, locale) or "tag", label=quote(label, safe=""))
        for label in labels
    }


def markdown_site_urls(archive: Archive, options: Any, diagnostics: Diagnostics) -> SiteUrls:
    """New URLs from the Markdown writer's ``plan()`` for its ``options`` (any flavor)."""
    try:
        from importer.writers.markdown import plan
    except ImportError:  # pragma: no cover - the Markdown writer is part of the package
        raise UsageError("the Markdown writer is not available") from None
    planned = plan(archive, options, Diagnostics())
    del diagnostics  # plan's own diagnostics are reported by the writer itself
    flavor = str(getattr(options, "flavor", "hugo"))
    posts = {pid: _with_slash(p.url_path) for pid, p in planned.items() if p.url_path}
    files = {pid: p.path for pid, p in planned.items()}
    tags = tag_urls(archive, TAG_URLS.get(flavor, TAG_URLS["hugo"]), archive.blog.locale)
    return SiteUrls(posts, tags, getattr(options, "site_url", None), files)


def _wxr_post_path(post: Post, slug: str) -> str:
    if post.kind == "page":
        return f"/{slug}/"
    return f"/{post.published:%Y}/{post.published:%m}/{slug}.html"


def wxr_site_urls(archive: Archive, options: Any, base_url: str | None = None) -> SiteUrls:
    """New URLs under WordPress's ``/%year%/%monthnum%/%postname%.html`` permalink structure.

    A post keeps the year and month of its Blogger URL (its first publication), which is what
    makes old and new paths equal for posts.
    """
    from importer.writers.wxr.names import assign_post_names

    slugs = assign_post_names(archive.posts, archive.blog.locale, Diagnostics())
    posts: dict[str, str] = {}
    for post in archive.posts:
        if post.id not in slugs:
            continue
        path = post_path(post)
        old_month = path.split("/")[1:3] if path and post.kind != "page" else None
        if old_month and all(part.isdigit() for part in old_month):
            posts[post.id] = f"/{old_month[0]}/{old_month[1]}/{slugs[post.id]}.html"
        else:
            posts[post.id] = _wxr_post_path(post, slugs[post.id])
    key = "wxr-categories" if getattr(options, "labels_as", "tags") == "categories" else "wxr"
    return SiteUrls(posts, tag_urls(archive, TAG_URLS[key], archive.blog.locale), base_url)


def pattern_site_urls(archive: Archive, permalink: str | None, base_url: str | None = None) -> SiteUrls:
    """New URLs from a ``permalink`` pattern (``/:year/:month/:slug/``); None keeps Blogger's paths."""
    slugs = unique_post_slugs(archive.posts, archive.blog.locale)
    posts: dict[str, str] = {}
    for post in archive.posts:
        old = post_path(post)
        if permalink is None:
            if old is not None:
                posts[post.id] = old
            continue
        posts[post.id] = _with_slash(
            permalink.replace(":year", f"{post.published:%Y}")
            .replace(":month", f"{post.published:%m}")
            .replace(":day", f"{post.published:%d}")
            .replace(":slug", slugs.get(post.id) or post_slug(post))
        )
    return SiteUrls(posts, tag_urls(archive, TAG_URLS["json"], archive.blog.locale), base_url)
