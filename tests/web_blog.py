"""The fixture blog for the web tests (fixtures/blog-fi/legacy.xml) and the ids of its entries."""

from __future__ import annotations

from conftest import BLOG_FI

from importer.model import Archive
from importer.readers import read

P1, P2, P3, P4, P5, G1 = (f"700000000000000000{n}" for n in (1, 2, 3, 4, 5, 6))


def fixture_archive() -> Archive:
    """The fixture blog as the legacy export reader reads it."""
    return read(BLOG_FI / "legacy.xml")
