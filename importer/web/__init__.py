"""Keep the web intact: redirect maps, links between posts rewritten, images brought home.

``apply_web(archive, writer, write_options, web_options, diagnostics)`` is the library call behind
``blogimport convert --redirects … --download-images DIR``: it returns a new archive (links and
image references rewritten) for the writer, the extra files to write with the output (redirect
maps, the image inventory, images placed in the site tree) and a report for the end of the run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from importer.blog_urls import blog_urls
from importer.diagnostics import Diagnostics
from importer.errors import OptionError
from importer.model import Archive
from importer.options import Options, at_least, non_empty, option
from importer.outputs import OutputFile, WriterSpec
from importer.site import SiteUrls
from importer.web.images import image_inventory
from importer.web.links import old_references, rewrite_links
from importer.web.place import place_images
from importer.web.redirects import (
    FORMATS,
    formats_problem,
    parse_formats,
    redirect_file_name,
    redirect_list,
    render_redirects,
)
from importer.web.report import WebReport, beside, inventory_file, report_leftovers

__all__ = ["WebOptions", "WebReport", "WebResult", "apply_web", "beside"]


@dataclass(frozen=True)
class WebOptions(Options):
    """What ``apply_web`` does; each field with help is also a ``blogimport convert`` flag."""

    redirects: str | None = option(
        None, f"Write redirect maps from the old Blogger URLs, comma-separated: {', '.join(FORMATS)}.",
        check=formats_problem,
    )
    download_images: str | None = option(
        None, "Download the blog's images from Blogger's hosts into this folder (a cache: re-runs "
              "fetch only what is missing) and point the output at them.", check=non_empty,
    )
    rewrite_links: bool | None = option(
        None, "Rewrite links between posts to the new URLs (default: on for Markdown and WXR, off for JSON)."
    )
    image_inventory: bool = option(
        False, "Also write images.json: every image on Blogger's hosts with its full-size original."
    )
    image_url: str | None = option(
        None, "JSON/WXR: URL the downloaded images will be served from (default: the download "
              "folder, relative to the output file)."
    )
    albums: str | None = option(
        None, "A Takeout Blogger/Albums folder whose files are used instead of downloading "
              "(found by itself inside a Takeout folder input)."
    )
    image_workers: int = option(4, "Images downloaded at the same time.", check=at_least(1))
    image_retries: int = option(3, "Retries of an image download after a timeout or a server error.",
                                check=at_least(0))
    image_timeout: float = option(30.0, "Seconds to wait for an image server before retrying.",
                                  check=at_least(0.1))
    progress: Callable[[int, int], None] | None = field(default=None, compare=False, repr=False)
    """Called with (images done, images in all) while downloading (no flag)."""

    @property
    def active(self) -> bool:
        """True when any web feature beyond the per-format defaults was asked for."""
        return bool(self.redirects or self.download_images or self.image_inventory)


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
