"""Format detection of the Blogger inputs, by content only (file names are never trusted)."""

from __future__ import annotations

import contextlib
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import BLOG_FI, FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importer.errors import FormatDetectionError, ImporterError, InputError
from importer.readers.detect import detect_format

TAKEOUT_BLOG = BLOG_FI / "takeout/Takeout/Blogger/Blogs/Sosmedia ja muuta"


@pytest.mark.parametrize("relative,expected", [
    ("blog-fi/legacy.xml", "blogger-legacy"),
    ("blog-fi/takeout/Takeout/Blogger/Blogs/Sosmedia ja muuta/feed.atom", "blogger-takeout"),
    ("blog-fi/takeout", "blogger-takeout"),
    ("blog-fi/takeout/Takeout/Blogger/Blogs/Sosmedia ja muuta", "blogger-takeout"),
    ("bad/malformed-entries.xml", "blogger-legacy"),
], ids=["legacy", "feed.atom", "takeout-folder", "blog-folder", "malformed"])
def test_fixtures_detected(relative: str, expected: str) -> None:
    assert detect_format(FIXTURES / relative) == expected


def test_renamed_takeout_feed_is_still_takeout(tmp_path: Path) -> None:
    renamed = tmp_path / "blog-06-13-2010.xml"
    shutil.copy(TAKEOUT_BLOG / "feed.atom", renamed)
    assert detect_format(renamed) == "blogger-takeout"


def test_takeout_zip_detected(tmp_path: Path) -> None:
    archive = tmp_path / "takeout-20240101T000000Z-001.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(TAKEOUT_BLOG / "feed.atom", "Takeout/Blogger/Blogs/Sosmedia ja muuta/feed.atom")
    assert detect_format(archive) == "blogger-takeout"


def test_public_feed_detected(tmp_path: Path) -> None:
    feed = tmp_path / "default"
    feed.write_text("<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom' "
                    "xmlns:blogger='http://schemas.google.com/blogger/2008'><id>x</id></feed>")
    assert detect_format(feed) == "blogger-feed"


def test_undeclared_prefix_export_is_still_legacy(tmp_path: Path) -> None:
    data = (BLOG_FI / "legacy.xml").read_bytes().replace(b" xmlns:app='http://purl.org/atom/app#'", b"")
    path = tmp_path / "export.xml"
    path.write_bytes(data)
    assert detect_format(path) == "blogger-legacy"


@pytest.mark.parametrize("name,error", [
    ("empty.xml", InputError), ("not-xml.xml", FormatDetectionError),
    ("html-error-page.xml", InputError), ("billion-laughs.xml", InputError),
], ids=["empty", "not-xml", "html", "bomb"])
def test_bad_files_refused_at_detection(name: str, error: type[Exception]) -> None:
    with pytest.raises(error) as caught:
        detect_format(FIXTURES / "bad" / name)
    assert name in str(caught.value)


def test_foreign_atom_is_atom_not_blogger() -> None:
    assert detect_format(FIXTURES / "bad" / "foreign-atom.xml") == "atom"


LEGACY_HEAD = (BLOG_FI / "legacy.xml").read_bytes()[:6000]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.integers(min_value=0, max_value=len(LEGACY_HEAD) - 1),
       junk=st.binary(min_size=1, max_size=6), cut=st.integers(min_value=1, max_value=len(LEGACY_HEAD)))
def test_detection_raises_only_importer_errors(tmp_path: Path, position: int, junk: bytes,
                                               cut: int) -> None:
    data = (LEGACY_HEAD[:position] + junk + LEGACY_HEAD[position + len(junk):])[:cut]
    path = tmp_path / "mutated.xml"
    path.write_bytes(data)
    with contextlib.suppress(ImporterError):
        assert isinstance(detect_format(path), str)
