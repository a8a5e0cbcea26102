"""Keep the web intact: redirect maps, links between posts rewritten, images brought home.

``apply_web(archive, writer, write_options, web_options, diagnostics)`` is the library call behind
``blogimport convert --redirects … --download-images DIR``: it returns a new archive (links and
image references rewritten) for the writer, the extra files to write with the output (redirect
maps, the image inventory, images placed in the site tree) and a report for the end of the run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from importer.blog_urls import blog_urls
from importer.diagnostics import Diagnostics
from importer.errors import OptionError
from importer.model import Archive
from importer.outputs import OutputFile, WriterSpec
from importer.site import SiteUrls
from importer.web.images import image_inventory
from importer.web.links import old_references, rewrite_links
from importer.web.options import WebOptions
from importer.web.place import place_images
from importer.web.redirects import (
    parse_formats,
    redirect_file_name,
    redirect_list,
    render_redirects,
)
from importer.web.report import WebReport, beside, inventory_file, report_leftovers

__all__ = ["WebOptions", "WebReport", "WebResult", "apply_web", "beside"]


@dataclass
class WebResult:
    """What ``apply_web`` produced."""

    archive: Archive
    """The archive to write: links and image references rewritten."""
    files: list[OutputFile] = field(default_factory=list)
    """Extra output files (redirect maps, inventory, images) relative to the output folder."""
    report: WebReport = field(default_factory=WebReport)


def _redirect_files(archive: Archive, site: SiteUrls, formats: list[str],
                    report: WebReport) -> list[OutputFile]:
    redirects = redirect_list(archive, site)
    report.redirects = sum(1 for r in redirects if not r.is_variant)
    return [OutputFile(redirect_file_name(f, site.static), render_redirects(redirects, f)) for f in formats]


def apply_web(
    archive: Archive,
    spec: WriterSpec[Any],
    site: SiteUrls,
    web: WebOptions,
    diagnostics: Diagnostics,
    *,
    output: str | Path | None = None,
    source: str | Path | None = None,
) -> WebResult:
    """Rewrite links, download and place images, and render redirect maps, for one output.

    ``site`` is the writer's URL plan (``spec.site_urls``). ``output`` is where the writer's files
    go (a folder for tree layouts, a file otherwise); it decides relative image references of
    one-file outputs. ``source`` lets a Takeout folder's ``Albums`` be found without ``albums``.
    """
    formats = parse_formats(web.redirects)
    if str(output) == "-" and (formats or web.download_images or web.image_inventory):
        raise OptionError("output", "-", "redirect maps, image downloads and the image inventory "
                          "need an output file or folder, not stdout")
    blog = blog_urls(archive)
    result = WebResult(archive)
    rewrite = web.rewrite_links if web.rewrite_links is not None else spec.rewrites_links
    if rewrite:
        result.archive, links = rewrite_links(archive, blog, site, diagnostics)
        result.report.links_rewritten = links.rewritten
        result.report.links_unresolved = list(links.unresolved)
    if web.download_images or web.image_inventory:
        _images(result, spec, web, site, diagnostics, output, source)
    result.files.extend(_redirect_files(archive, site, formats, result.report))
    if rewrite or web.active:
        report_leftovers(result.report, *old_references(result.archive, blog), diagnostics)
    return result


def _images(result: WebResult, spec: WriterSpec[Any], web: WebOptions, site: SiteUrls,
            diagnostics: Diagnostics, output: str | Path | None, source: str | Path | None) -> None:
    """Inventory the images; download and place them when asked; add the inventory file."""
    inventory = image_inventory(result.archive)
    if web.download_images:
        result.archive, placed = place_images(
            result.archive, inventory, spec.layout, web, site, diagnostics,
            output=Path(output) if output is not None else None, source=source, report=result.report)
        result.files.extend(placed)
    if web.image_inventory or (web.download_images and spec.layout == "file"):
        result.files.append(inventory_file(inventory, result.report))
