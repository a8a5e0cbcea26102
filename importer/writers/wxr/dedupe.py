"""Keep WordPress's importer from merging posts it thinks it already has (OUTPUTS.md WXR 6).

The importer skips an item when ``post_exists(title, '', post_date)`` finds a post of the same
type, and moves the skipped item's comments to the first one. Quirks handled:
- The comparison is MySQL's: case- and accent-insensitive (``Kesä`` = ``kesa``), trailing
  spaces ignored, and to the second.
- An EMPTY title is not compared at all, so an untitled item (common on Blogger) collides with
  any item of its type at the same second.
A colliding item keeps its title and gets the next free second (both ``post_date`` and
``post_date_gmt`` move, so they still name one instant); each one is reported as ``title-added``.
Menu items (``nav_menu_item``) skip that check in the importer and are left alone.
Uniqueness is guaranteed within the file, not against posts already on the target site.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

from importer.diagnostics import Diagnostics
from importer.writers.wxr.items import WxrItem
from importer.writers.wxr.xml import local_date

_ONE_SECOND = timedelta(seconds=1)
#: Types the importer inserts without the ``post_exists`` check.
EXEMPT_TYPES = ("nav_menu_item",)


def title_key(title: str) -> str:
    """``title`` as MySQL's default collation compares it: no case, no accents, no trailing spaces."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).rstrip()


def _collides(key: str, taken: set[str]) -> bool:
    """An empty title matches anything; any title matches an earlier empty one's slot too."""
    return bool(taken) and (key == "" or key in taken or "" in taken)


def _next_second(moment: datetime) -> datetime:
    zone = moment.tzinfo
    return (moment.astimezone(timezone.utc) + _ONE_SECOND).astimezone(zone)


def make_distinct(items: Iterable[WxrItem], diagnostics: Diagnostics) -> None:
    """Move every item that would collide with an earlier one to its next free second (in place)."""
    taken: dict[tuple[str, str], set[str]] = defaultdict(set)
    for item in items:
        if item.post_type in EXEMPT_TYPES:
            continue
        key = title_key(item.title)
        original = item.date
        while _collides(key, taken[(item.post_type, local_date(item.date))]):
            item.date = _next_second(item.date)
        taken[(item.post_type, local_date(item.date))].add(key)
        if item.date != original:
            what = f"'{item.title}'" if item.title else "An untitled entry"
            diagnostics.report(
                "title-added",
                f"{what} ({item.post_type}) shares its time {local_date(original)} with another "
                f"entry; written at {local_date(item.date)} so WordPress does not merge them.",
                entry=item.source_id,
            )
