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
    bookkeeping and left out; a public custom field ``key`` is kept as ``meta:key``.
    """
    extra: dict[str, str] = {}
    for key, value in pairs:
        if key.startswith(EXTRA):
            extra[key[len(EXTRA):]] = value
        elif not key.startswith("_") and key not in PUBLIC_OURS:
            extra["meta:" + key] = value
    return extra


#: Public keys the writer itself sets (restored into model fields, not into ``extra``).
PUBLIC_OURS = (PERMALINK, GEO_ADDRESS, GEO_LATITUDE, GEO_LONGITUDE)
