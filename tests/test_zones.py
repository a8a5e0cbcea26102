"""One zone resolver: what one reader or writer accepts, all accept; writers say when they cannot.

Before, four resolvers disagreed: ``--timezone UTC`` was accepted by the WXR and saved-pages
readers and refused by the legacy, Takeout and JSON readers; JSON we wrote after such a WXR read
gave ``timezone-unknown`` in our own JSON reader; writers ignored an unknown zone silently.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import BLOG_FI
from wxr_sample import sample_archive

from importer import Diagnostics, ReadOptions, read, write
from importer.dates import resolve_tz, zone_or_none

INPUTS = {
    "legacy": BLOG_FI / "legacy.xml",
    "takeout": BLOG_FI / "takeout",
    "saved pages": BLOG_FI / "pages-layouts",
    "json": BLOG_FI / "golden" / "legacy.json",
}


@pytest.mark.parametrize("path", INPUTS.values(), ids=INPUTS.keys())
@pytest.mark.parametrize("name", ["UTC", "utc", " Europe/Helsinki "])
def test_every_reader_accepts_what_the_resolver_accepts(path: Path, name: str) -> None:
    archive = read(path, options=ReadOptions(timezone=name))
    zone = resolve_tz(name)
    assert all(p.published.utcoffset() == p.published.astimezone(zone).utcoffset() for p in archive.posts)


def test_wxr_read_with_utc_then_json_reads_back_without_complaint(tmp_path: Path) -> None:
    wxr = tmp_path / "blog.xml"
    wxr.write_bytes(write(sample_archive(), "wxr")[0].data)
    archive = read(wxr, options=ReadOptions(timezone="UTC"))
    assert archive.blog.timezone == "UTC"
    document = tmp_path / "blog.json"
    document.write_bytes(write(archive, "json")[0].data)
    diagnostics = Diagnostics()
    back = read(document, diagnostics=diagnostics)
    assert "timezone-unknown" not in diagnostics.codes()
    assert back.blog.timezone == "UTC"
    assert all(p.published.utcoffset() == timedelta(0) for p in back.posts)


@pytest.mark.parametrize("to", ["hugo", "wxr", "jekyll"])
def test_writers_report_an_unknown_zone(to: str) -> None:
    archive = sample_archive()
    archive = replace(archive, blog=replace(archive.blog, timezone="Mars/Olympus"))
    diagnostics = Diagnostics()
    write(archive, to, diagnostics=diagnostics)
    assert diagnostics.codes().count("timezone-unknown") == 1


def test_zone_or_none() -> None:
    assert zone_or_none(None) is None and zone_or_none("  ") is None
    assert zone_or_none("Europe") is None and zone_or_none("Mars/Olympus") is None
    assert zone_or_none("Europe/Helsinki") is resolve_tz("Europe/Helsinki")
