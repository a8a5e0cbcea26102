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
