"""The JSON writer's URL plan: a ``permalink`` pattern, or by default Blogger's own paths.

JSON has no site of its own; rewritten links become host-free site paths (``/2010/06/slug.html``)
or follow the pattern the user names, with tag pages at Blogger's ``/search/label/<label>``.
"""

from __future__ import annotations

from importer.blog_urls import post_path
from importer.diagnostics import Diagnostics
from importer.model import Archive
from importer.site import SiteUrls, fill_permalink, tag_urls
from importer.slugs import unique_post_slugs
from importer.writers.json_writer import JsonOptions
from importer.writers.zone import blog_zone


def json_site_urls(archive: Archive, options: JsonOptions, diagnostics: Diagnostics) -> SiteUrls:
    """New URL of every post under ``options.permalink`` (None keeps Blogger's paths)."""
    tags = tag_urls(archive, "/search/label/{label}", archive.blog.locale)
    if options.permalink is None:
        posts = {post.id: path for post in archive.posts if (path := post_path(post)) is not None}
        return SiteUrls(posts, tags, options.site_url)
    slugs = unique_post_slugs(archive.posts, archive.blog.locale or "fi", diagnostics)
    zone = blog_zone(archive.blog, diagnostics)
    posts = {post.id: fill_permalink(options.permalink, slugs[post.id],
                                     post.published.astimezone(zone) if zone else post.published)
             for post in archive.posts}
    return SiteUrls(posts, tags, options.site_url, slugs=slugs)
