"""The legacy reader's faster paths give the archive the plain ones gave.

Entries are read with one pass over their children (``importer.readers.children``), and times
are put in the blog's zone as they are read once the zone is known (``--timezone``, or a
``BLOG_TIME_ZONE`` setting before the entries), instead of copying every entry afterwards.
These hold the result to what it is when the zone is only known at the end.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import BLOG_FI

import importer
from importer.diagnostics import Diagnostics
from importer.options import ReadOptions

_TIME_ZONE = re.compile(r"  <entry>\s*<id>[^<]*settings\.BLOG_TIME_ZONE</id>.*?</entry>\n", re.S)


def _zone_setting_last(tmp_path: Path) -> Path:
    text = (BLOG_FI / "legacy.xml").read_text(encoding="utf-8")
    setting = _TIME_ZONE.search(text)
    assert setting is not None
    moved = text.replace(setting.group(0), "").replace("</feed>", setting.group(0) + "</feed>")
    path = tmp_path / "zone-last.xml"
    path.write_text(moved, encoding="utf-8")
    return path


def _read(path: Path, **options: str) -> tuple[importer.Archive, list[str]]:
    diagnostics = Diagnostics()
    archive = importer.read(path, options=ReadOptions(**options), diagnostics=diagnostics)
    return archive, [f"{d.code} {d.entry} {d.message}" for d in diagnostics]


def test_the_zone_setting_before_or_after_the_entries_gives_the_same_archive(tmp_path: Path) -> None:
    first, first_said = _read(BLOG_FI / "legacy.xml")
    last, last_said = _read(_zone_setting_last(tmp_path))
    assert first == last and first_said == last_said
    zone = first.blog.timezone
    assert zone == "Europe/Helsinki"
    for post in first.posts:
        assert getattr(post.published.tzinfo, "key", None) == zone
        assert all(getattr(c.published.tzinfo, "key", None) == zone for c in post.comments)


def test_timezone_wins_over_the_setting_wherever_the_setting_is(tmp_path: Path) -> None:
    for path in (BLOG_FI / "legacy.xml", _zone_setting_last(tmp_path)):
        archive, _said = _read(path, timezone="America/New_York")
        assert archive.blog.timezone == "America/New_York"
        moments = [p.published for p in archive.posts] + [c.published for p in archive.posts
                                                           for c in p.comments]
        assert {getattr(m.tzinfo, "key", None) for m in moments} == {"America/New_York"}
        plain, _ = _read(path)
        assert [m.timestamp() for m in moments] == [p.published.timestamp() for p in plain.posts] + [
            c.published.timestamp() for p in plain.posts for c in p.comments]


def test_takeout_times_are_read_into_the_blog_zone_or_the_override(tmp_path: Path) -> None:
    """The Takeout reader puts times in the zone of settings.csv (or ``--timezone``) as it reads."""
    plain, _said = _read(BLOG_FI / "takeout")
    assert plain.blog.timezone == "Europe/Helsinki"
    moved, _said = _read(BLOG_FI / "takeout", timezone="America/New_York")
    for archive, zone in ((plain, "Europe/Helsinki"), (moved, "America/New_York")):
        moments = [p.published for p in archive.posts] + [c.published for p in archive.posts
                                                           for c in p.comments]
        assert {getattr(m.tzinfo, "key", None) for m in moments} == {zone}
    assert [p.published.timestamp() for p in plain.posts] == [p.published.timestamp() for p in moved.posts]
