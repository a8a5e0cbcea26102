"""The WXR writer's URL plan: WordPress with the ``/%year%/%monthnum%/%postname%.html`` structure.

That structure keeps Blogger's post URLs: a post keeps the year and month of its Blogger URL (its
first publication) and its Blogger slug, so old and new paths are equal. Pages become
``/<slug>/``; labels ``/tag/<slug>/`` (or ``/category/<slug>/`` with ``labels_as=categories``).
"""

from __future__ import annotations

from importer.blog_urls import post_path
from importer.diagnostics import Diagnostics
from importer.model import Archive, Post
from importer.site import SiteUrls, tag_urls
from importer.writers.wxr.names import assign_post_names
from importer.writers.wxr.options import WxrOptions

TAG_URLS = {"tags": "/tag/{slug}/", "categories": "/category/{slug}/"}


def _new_path(post: Post, name: str) -> str:
    if post.kind == "page":
        return f"/{name}/"
    old_month = (post_path(post) or "").split("/")[1:3]
    if len(old_month) == 2 and all(part.isdigit() for part in old_month):
        return f"/{old_month[0]}/{old_month[1]}/{name}.html"
    return f"/{post.published:%Y}/{post.published:%m}/{name}.html"


def wxr_site_urls(archive: Archive, options: WxrOptions, diagnostics: Diagnostics) -> SiteUrls:
    """New URLs and ``wp:post_name`` of every entry (renamings reported to ``diagnostics``)."""
    locale = archive.blog.locale or "fi"
    names = assign_post_names(archive.posts, locale, diagnostics)
    posts = {post.id: _new_path(post, names[post.id]) for post in archive.posts if post.id in names}
    return SiteUrls(posts, tag_urls(archive, TAG_URLS[options.labels_as], archive.blog.locale),
                    options.site_url, slugs=names)
