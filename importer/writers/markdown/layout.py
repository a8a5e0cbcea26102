"""Where each post goes in a generator's tree, and the URL the generator will serve it at.

Flavor rules (OUTPUTS.md):
- Hugo: ``content/posts/<slug>.md`` (or bundles ``content/posts/<slug>/index.md``); pages in
  ``content/<slug>.md``; served at ``/posts/<slug>/`` and ``/<slug>/``.
- Jekyll: ``_posts/YYYY-MM-DD-<slug>.md`` (a file without the date prefix is skipped silently),
  the date taken in the BLOG's zone; pages at the root; served at ``/YYYY/MM/DD/<slug>.html`` and
  ``/<slug>.html``.
- Pelican: ``content/<slug>.md``, pages in ``content/pages/``; served at ``/<slug>.html`` and
  ``/pages/<slug>.html``.
- Zola: ``content/posts/<slug>.md`` (the section needs ``content/posts/_index.md``), pages in
  ``content/<slug>.md``; served at ``/posts/<slug>/`` and ``/<slug>/``.
- Plain ``markdown``: ``posts/<slug>.md`` and ``pages/<slug>.md``.
- Eleventy, Astro, Hexo, Material for MkDocs: the ``presets`` table.
A ``permalink`` pattern (``/:year/:month/:slug/``) replaces the flavor's URL for posts. Slugs are
unique over the whole archive (comment data files are keyed by slug), collisions reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from importer.dates.tz import zone_or_none
from importer.diagnostics import Diagnostics
from importer.errors import UsageError
from importer.model import Archive, Blog, Post
from importer.site import fill_permalink
from importer.slugs import unique_post_slugs
from importer.writers.markdown.options import MarkdownOptions
from importer.writers.markdown.presets import PRESETS, preset_paths


@dataclass(frozen=True)
class PlannedPost:
    """Where one post is written and served."""

    path: str
    """Relative POSIX path of the Markdown file in the output."""
    slug: str
    """The post's unique ASCII slug."""
    url_path: str
    """Site-relative URL the generator serves it at (``/posts/slug/``), with a leading slash."""


def local_time(moment: datetime, blog: Blog) -> datetime:
    """``moment`` in the blog's zone (unchanged when the zone is unknown: the writer reports that)."""
    zone = zone_or_none(blog.timezone)
    return moment.astimezone(zone) if zone is not None else moment


def included_posts(archive: Archive, options: MarkdownOptions) -> list[Post]:
    """The entries the output holds: every post and page, minus non-public ones with ``--no-drafts``."""
    return [p for p in archive.posts if p.kind in ("post", "page") and (options.drafts or p.is_public)]


def _paths(post: Post, slug: str, when: datetime, options: MarkdownOptions) -> tuple[str, str]:
    """(file path, default URL) for one entry in the flavor's tree."""
    page = post.kind == "page"
    flavor = options.flavor
    if flavor in PRESETS:
        return preset_paths(flavor, post, slug, when)
    if flavor == "hugo":
        folder = "content" if page else "content/posts"
        path = f"{folder}/{slug}/index.md" if options.bundles else f"{folder}/{slug}.md"
        return path, f"/{slug}/" if page else f"/posts/{slug}/"
    if flavor == "jekyll":
        if page:
            return f"{slug}.md", f"/{slug}.html"
        return f"_posts/{when:%Y-%m-%d}-{slug}.md", f"/{when:%Y/%m/%d}/{slug}.html"
    if flavor == "pelican":
        if page:
            return f"content/pages/{slug}.md", f"/pages/{slug}.html"
        return f"content/{slug}.md", f"/{slug}.html"
    if flavor == "zola":
        if page:
            return f"content/{slug}.md", f"/{slug}/"
        return f"content/posts/{slug}.md", f"/posts/{slug}/"
    folder = "pages" if page else "posts"
    return f"{folder}/{slug}.md", f"/{folder}/{slug}/"


def plan(archive: Archive, options: MarkdownOptions,
         diagnostics: Diagnostics | None = None) -> dict[str, PlannedPost]:
    """Decide file path, unique slug and served URL of every included entry: ``{post.id: PlannedPost}``.

    Deterministic for a given archive and options. Slug collisions are resolved by
    ``importer.slugs.unique_slugs`` and reported to ``diagnostics`` as ``slug-collision``.
    """
    preset = PRESETS.get(options.flavor)
    if options.permalink and preset is not None and not preset.permalink_ok:
        raise UsageError(f"--permalink does not apply to --to {options.flavor}: the site's own route "
                         "decides post URLs there (see SITE-NOTES.md)")
    posts = included_posts(archive, options)
    slugs = unique_post_slugs(posts, archive.blog.locale or "fi", diagnostics)
    planned: dict[str, PlannedPost] = {}
    for post in posts:
        slug = slugs[post.id]
        when = local_time(post.published, archive.blog)
        path, url = _paths(post, slug, when, options)
        if options.permalink and post.kind == "post":
            url = fill_permalink(options.permalink, slug, when)
        planned[post.id] = PlannedPost(path, slug, url)
    return planned
