"""The Markdown writer's URL plan (``WriterSpec.site_urls``) and where each flavor keeps static files.

``plan()`` (in ``layout``) is the one source of file paths, slugs and served URLs; this module
turns it into the ``SiteUrls`` that link rewriting, redirect maps, image placement and ``validate``
read, with each generator's tag-page URL and static folders.
"""

from __future__ import annotations

from importer.diagnostics import Diagnostics
from importer.model import Archive
from importer.site import SiteUrls, tag_urls, with_slash
from importer.writers.markdown.layout import PlannedPost, plan
from importer.writers.markdown.options import MarkdownOptions

#: Default URL of a tag page per generator (``{slug}`` is the label's ASCII slug).
TAG_URLS: dict[str, str] = {
    "hugo": "/tags/{slug}/",
    "jekyll": "/tags/{slug}/",
    "pelican": "/tag/{slug}.html",
    "zola": "/tags/{slug}/",
    "markdown": "/tags/{slug}/",
    "eleventy": "/tags/{slug}/",  # the tag pages of Eleventy's docs (pagination over collections)
    "astro": "/tags/{slug}/",
    "hexo": "/tags/{slug}/",  # hexo-generator-tag with filename_case: 1 (SITE-NOTES.md)
    "mkdocs": "/blog/category/{slug}/",  # labels are the blog plugin's categories
}

#: (folder in the output tree, URL prefix) where downloaded images go, per generator.
IMAGES: dict[str, tuple[str, str]] = {
    "hugo": ("static/images", "/images"),
    "zola": ("static/images", "/images"),
    "jekyll": ("assets/images", "/assets/images"),
    "pelican": ("content/images", "/images"),
    "markdown": ("images", "/images"),
    "eleventy": ("images", "/images"),  # copied by the passthrough copy SITE-NOTES.md adds
    "astro": ("public/images", "/images"),
    "hexo": ("source/images", "/images"),
    "mkdocs": ("docs/images", "/images"),
}

#: The folder a generator copies to the site root as it is (Netlify's ``_redirects`` goes there).
STATIC: dict[str, str] = {"hugo": "static", "zola": "static", "astro": "public"}


def markdown_site_urls(archive: Archive, options: MarkdownOptions, diagnostics: Diagnostics) -> SiteUrls:
    """The plan of ``options.flavor``: every included entry's file, slug and URL, tag pages, folders."""
    planned = plan(archive, options, diagnostics)
    flavor = options.flavor
    return SiteUrls(
        posts={pid: with_slash(p.url_path) for pid, p in planned.items()},
        tags=tag_urls(archive, TAG_URLS.get(flavor, TAG_URLS["markdown"]), archive.blog.locale),
        base_url=options.site_url,
        files={pid: p.path for pid, p in planned.items()},
        slugs={pid: p.slug for pid, p in planned.items()},
        images=IMAGES.get(flavor, IMAGES["markdown"]),
        static=STATIC.get(flavor),
    )


def planned_posts(site: SiteUrls) -> dict[str, PlannedPost]:
    """The writer's ``plan()`` back from the ``SiteUrls`` made of it (so it is made only once)."""
    return {pid: PlannedPost(path, site.slugs[pid], site.posts[pid]) for pid, path in site.files.items()}
