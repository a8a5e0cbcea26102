"""``wp:post_name`` for every item: Blogger's slugs, unique per post type (OUTPUTS.md WXR 10).

Quirks handled:
- WordPress appends ``-2`` to a slug its type already has; Blogger reuses ``blog-post`` for every
  untitled post (one per month), so duplicates are renamed here, deterministically (the oldest
  keeps the slug, see ``importer.slugs.unique_slugs``), and the writer adds ``_wp_old_slug`` so
  WordPress still redirects the old ``/YYYY/MM/blog-post.html``.
- Slugs that are not already ``[a-z0-9_-]`` (from other sources) are transliterated for the
  blog's language.
- An attachment's slug must not equal any post's or page's: WordPress checks attachment slugs
  against every type, and a page inserted after an attachment of its name would become ``-2``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from importer.diagnostics import Diagnostics
from importer.model import Post
from importer.slugs import SlugRequest, slug_from_url, slugify, unique_slugs
from importer.writers.wxr.items import WxrItem

_CLEAN = re.compile(r"^[a-z0-9_-]+$")


def wanted_name(post: Post, locale: str | None) -> str:
    """The slug ``post`` asks for (``""`` when it has none: WordPress then makes one)."""
    slug = post.slug or slug_from_url(post.url) or ""
    return slug if _CLEAN.match(slug) else slugify(slug, locale)


def assign_post_names(posts: Iterable[Post], locale: str | None,
                      diagnostics: Diagnostics) -> dict[str, str]:
    """``{post id: post_name}``, unique within each post type; renamings are reported."""
    by_kind: dict[str, list[SlugRequest]] = defaultdict(list)
    for post in posts:
        name = wanted_name(post, locale)
        if name:
            by_kind[post.kind].append(SlugRequest(post.id, name, post.published))
    names: dict[str, str] = {}
    for kind, requests in by_kind.items():
        # a menu item's name is no address anyone visits; its repeats are WordPress.com's own
        # (said once per item as menu-id-renamed), so they are renamed without a warning
        names.update(unique_slugs(requests, diagnostics if kind != "nav_menu_item" else Diagnostics()))
    return names


def assign_image_names(images: Sequence[WxrItem], taken: set[str], locale: str | None) -> None:
    """Give generated attachment items slugs from their file names, clashing with nothing (in place)."""
    used = set(taken)
    for image in images:
        stem = image.title.rsplit(".", 1)[0]
        base = slugify(stem, locale) or "image"
        name, number = base, 2
        while name in used:
            name, number = f"{base}-{number}", number + 1
        used.add(name)
        image.post_name = name
