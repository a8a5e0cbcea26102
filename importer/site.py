"""Where things live on the new site: the ``SiteUrls`` a writer plans, and permalink patterns.

Every writer declares its URL plan (``WriterSpec.site_urls``); link rewriting, redirect maps, image
placement, validate's predictions and reports all read that one plan, never a writer's internals.
A permalink pattern uses ``:year``, ``:month``, ``:day`` and ``:slug`` (``:title`` is a synonym
of ``:slug``), filled in with the post's date in the blog's zone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import quote, urlsplit

from importer.model import Archive
from importer.slugs import slugify

PERMALINK_TOKENS = (":year", ":month", ":day", ":slug", ":title")
_TOKEN = re.compile(r":[A-Za-z_]+")


@dataclass(frozen=True)
class SiteUrls:
    """A writer's plan: new addresses of posts and tag pages, output files, where static files go."""

    posts: Mapping[str, str]
    """Post id -> site-relative URL path of the post on the new site (``/posts/slug/``)."""
    tags: Mapping[str, str] = field(default_factory=dict)
    """Blogger label -> site-relative URL path of its tag page."""
    base_url: str | None = None
    """The new site's address (``https://example.fi/blog/``); None keeps URLs site-relative."""
    files: Mapping[str, str] = field(default_factory=dict)
    """Post id -> output file path (tree outputs only)."""
    slugs: Mapping[str, str] = field(default_factory=dict)
    """Post id -> the unique slug (or WordPress post name) the writer gives it."""
    images: tuple[str, str] | None = None
    """Tree outputs: (folder in the output, URL prefix) where downloaded images are placed."""
    static: str | None = None
    """Tree outputs: the folder the generator copies to the site root as it is (``static``)."""

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


def with_slash(path: str) -> str:
    """``path`` with a leading ``/``."""
    return path if path.startswith("/") else "/" + path


def tag_urls(archive: Archive, pattern: str, locale: str | None) -> dict[str, str]:
    """Every label of ``archive`` -> its tag page path under ``pattern`` (``{slug}``, ``{label}``)."""
    labels = dict.fromkeys(label for post in archive.posts for label in post.labels)
    return {
        label: pattern.format(slug=slugify(label, locale) or "tag", label=quote(label, safe=""))
        for label in labels
    }


def permalink_problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot be a permalink pattern, or None when it can."""
    unknown = sorted(set(_TOKEN.findall(pattern)) - set(PERMALINK_TOKENS))
    if unknown:
        return (f"unknown token(s) {', '.join(unknown)}; a pattern uses "
                f"{', '.join(PERMALINK_TOKENS[:4])} (e.g. /:year/:month/:slug/)")
    if ":slug" not in pattern and ":title" not in pattern:
        return "has no :slug, so every post of a day or month would share one URL"
    if any(c in pattern for c in "?#\\ \t\n") or "://" in pattern:
        return "must be a site path such as /:year/:month/:slug/ (no host, query or spaces)"
    return None


def fill_permalink(pattern: str, slug: str, when: datetime) -> str:
    """``/:year/:month/:slug/`` filled in for one post (always with a leading slash)."""
    url = (pattern.replace(":year", f"{when:%Y}").replace(":month", f"{when:%m}")
           .replace(":day", f"{when:%d}").replace(":slug", slug).replace(":title", slug))
    return with_slash(url)
