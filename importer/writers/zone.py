"""The blog's zone as writers see it: from the one resolver, an unknown name reported, never ignored."""

from __future__ import annotations

from datetime import tzinfo

from importer.dates.tz import zone_or_none
from importer.diagnostics import Diagnostics
from importer.model import Blog


def blog_zone(blog: Blog, diagnostics: Diagnostics) -> tzinfo | None:
    """The zone of ``blog`` (None when it has none); an unknown zone name is reported once per call
    as ``timezone-unknown`` and dates keep their own offsets."""
    zone = zone_or_none(blog.timezone)
    if zone is None and blog.timezone:
        diagnostics.report("timezone-unknown", f"The blog's time zone {blog.timezone!r} is not a known "
                           "zone; dates are written with the offsets they carry.")
    return zone
