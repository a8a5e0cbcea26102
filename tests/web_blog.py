"""The fixture blog for the web tests (fixtures/blog-fi/legacy.xml) and the ids of its entries."""

from __future__ import annotations

from typing import Any

from conftest import BLOG_FI

from importer.diagnostics import Diagnostics
from importer.model import Archive
from importer.outputs import WriterSpec
from importer.readers import read
from importer.site import SiteUrls
from importer.web import WebOptions, WebResult, apply_web

P1, P2, P3, P4, P5, G1 = (f"700000000000000000{n}" for n in (1, 2, 3, 4, 5, 6))


def fixture_archive() -> Archive:
    """The fixture blog as the legacy export reader reads it."""
    return read(BLOG_FI / "legacy.xml")


def web_with_plan(archive: Archive, spec: WriterSpec[Any], options: Any, web: WebOptions,
                  diagnostics: Diagnostics, **where: Any) -> WebResult:
    """``apply_web`` as ``convert`` calls it: with the writer's own URL plan for ``options``."""
    return apply_web(archive, spec, spec.site_urls(archive, options, Diagnostics()), web, diagnostics,
                     **where)


def plan_of(archive: Archive, spec: WriterSpec[Any], options: Any = None) -> SiteUrls:
    """The writer's URL plan for ``archive`` (its default options unless given)."""
    return spec.site_urls(archive, options if options is not None else spec.make_options(), Diagnostics())
