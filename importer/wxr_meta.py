"""What the WXR writer keeps in postmeta/commentmeta, and how the WXR reader gets it back.

WordPress has no field for Blogger's ids, permalinks, author profile links or the exact status
of an entry it cannot express, so they travel as hidden (underscore) meta that WordPress keeps
and our reader restores; a Blogger → WXR → archive round trip then loses nothing.
``blogger_permalink`` is the key WordPress's own Blogger importer used (visible on purpose).
Locations use WordPress's geodata keys (``geo_latitude``...).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

PERMALINK = "blogger_permalink"
OLD_SLUG = "_wp_old_slug"
PREFIX = "_blogimport_"
SOURCE_ID = PREFIX + "id"
SLUG = PREFIX + "slug"
AUTHOR_URI = PREFIX + "author_uri"
ANONYMOUS = PREFIX + "anonymous"
UPDATED = PREFIX + "updated"
STATUS = PREFIX + "status"
URL_RECONSTRUCTED = PREFIX + "url_reconstructed"
EXTRA = PREFIX + "extra_"
GEO_ADDRESS, GEO_LATITUDE, GEO_LONGITUDE = "geo_address", "geo_latitude", "geo_longitude"

#: ``Post.extra`` key under which the WXR reader lists the labels that were categories (JSON).
EXTRA_CATEGORIES = "wxr_categories"
#: ``Post.extra`` keys the WXR reader fills for attachments.
EXTRA_ATTACHMENT_URL = "attachment_url"
EXTRA_PARENT = "post_parent"
#: ``Post.extra`` keys for WordPress's own item fields (``excerpt:encoded``, ``wp:post_password``,
#: ``wp:menu_order``, ``wp:is_sticky``): the WXR writer puts them back in those elements.
EXTRA_EXCERPT, EXTRA_PASSWORD = "excerpt", "post_password"
EXTRA_MENU_ORDER, EXTRA_STICKY = "menu_order", "sticky"
#: ``Post.extra`` keys for a featured image: its URL, and the archive id of its attachment entry.
EXTRA_FEATURED_IMAGE, EXTRA_FEATURED_ID = "featured_image", "featured_image_id"
#: ``Post.extra`` key for an attachment's alternative text.
EXTRA_ALT = "alt_text"
#: ``Post.extra`` key the static-site and JSON writers set on a password-protected post.
EXTRA_PROTECTED = "password_protected"
#: ``Blog.extra`` key: ``{category name: parent category name}`` (JSON) from WXR term declarations.
BLOG_CATEGORY_PARENTS = "wxr_category_parents"
#: WordPress's own postmeta for a post's featured image (an attachment's ``post_id``) and alt text.
THUMBNAIL_ID, IMAGE_ALT = "_thumbnail_id", "_wp_attachment_image_alt"
#: Item fields the WXR writer writes as elements or WordPress meta, not as ``_blogimport_extra_``.
ITEM_FIELDS = (EXTRA_EXCERPT, EXTRA_PASSWORD, EXTRA_MENU_ORDER, EXTRA_STICKY, EXTRA_ALT)

#: ``Comment.extra`` key for WordPress comment types (``pingback``, ``trackback``).
EXTRA_COMMENT_TYPE = "comment_type"


def extra_meta(extra: Mapping[str, str], skip: Sequence[str] = ()) -> list[tuple[str, str]]:
    """``extra`` as meta pairs (``_blogimport_extra_<key>``), sorted by key."""
    return [(EXTRA + key, value) for key, value in sorted(extra.items()) if key not in skip]


def categories_of(extra: Mapping[str, str]) -> set[str]:
    """The labels a WXR input had as categories (empty for other sources or bad data)."""
    try:
        value = json.loads(extra.get(EXTRA_CATEGORIES, "[]"))
    except ValueError:
        return set()
    return {v for v in value if isinstance(v, str)} if isinstance(value, list) else set()


def location_from(pairs: Mapping[str, str]) -> tuple[str, float | None, float | None] | None:
    """``(name, latitude, longitude)`` from WordPress geodata meta, or None when there is none."""
    if GEO_ADDRESS not in pairs and GEO_LATITUDE not in pairs:
        return None
    try:
        latitude: float | None = float(pairs[GEO_LATITUDE])
        longitude: float | None = float(pairs[GEO_LONGITUDE])
    except (KeyError, ValueError):
        latitude = longitude = None
    return pairs.get(GEO_ADDRESS, ""), latitude, longitude


def extra_from(pairs: Sequence[tuple[str, str]]) -> dict[str, str]:
    """``Post.extra``/``Comment.extra`` entries from meta: ours, and public (non-underscore) keys.

    WordPress's own underscore keys (``_edit_last``, ``_wp_attachment_metadata``...) are internal
    bookkeeping and left out, except an image's alt text (``alt_text``; ``_thumbnail_id`` is
    resolved by the reader); a public custom field ``key`` is kept as ``meta:key``.
    """
    extra: dict[str, str] = {}
    for key, value in pairs:
        if key == IMAGE_ALT and value.strip():
            extra[EXTRA_ALT] = value
        elif key.startswith(EXTRA):
            extra[key[len(EXTRA):]] = value
        elif not key.startswith("_") and key not in PUBLIC_OURS:
            extra["meta:" + key] = value
    return extra


#: Public keys the writer itself sets (restored into model fields, not into ``extra``).
PUBLIC_OURS = (PERMALINK, GEO_ADDRESS, GEO_LATITUDE, GEO_LONGITUDE)


def category_parents(extra: Mapping[str, str]) -> dict[str, str]:
    """``{category: parent}`` names a WXR input declared (empty for other sources or bad data)."""
    try:
        value = json.loads(extra.get(BLOG_CATEGORY_PARENTS, "{}"))
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str) and k != v}
