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

from importer.diagnostics import Diagnostics
from importer.errors import UsageError
from importer.model import Archive
from importer.options import option
from importer.web.images import image_inventory
from importer.web.links import old_references, rewrite_links
from importer.web.place import place_images
from importer.web.redirects import (
    FORMATS,
    parse_formats,
    redirect_file_name,
    redirect_list,
    render_redirects,
)
from importer.web.report import WebReport, beside, inventory_file, report_leftovers
from importer.web.targets import SiteUrls, markdown_site_urls, pattern_site_urls, wxr_site_urls
from importer.web.urls import blog_urls
from importer.writers import OutputFile, WriterSpec

__all__ = ["WebOptions", "WebReport", "WebResult", "apply_web", "beside", "site_urls"]


@dataclass(frozen=True)
class WebOptions:
    """What ``apply_web`` does; each field with help is also a ``blogimport convert`` flag."""

    redirects: str | None = option(
        None, f"Write redirect maps from the old Blogger URLs, comma-separated: {', '.join(FORMATS)}."
    )
    download_images: str | None = option(
        None, "Download the blog's images from Blogger's hosts into this folder (a cache: re-runs "
              "fetch only what is missing) and point the output at them."
    )
    rewrite_links: bool | None = option(
        None, "Rewrite links between posts to the new URLs (default: on for Markdown and WXR, off for JSON)."
    )
    image_inventory: bool = option(
        False, "Also write images.json: every image on Blogger's hosts with its full-size original."
    )
    site_url: str | None = option(None, "Address of the new site (https://example.org/); written "
                                        "into SITE-NOTES.md and used for absolute URLs.")
    permalink: str | None = option(
        None, "URL pattern of posts on the new site with :year :month :day :slug, e.g. "
              "/:year/:month/:slug/ (default: the generator's own scheme)."
    )
    image_url: str | None = option(
        None, "JSON/WXR: URL the downloaded images will be served from (default: the download "
              "folder, relative to the output file)."
    )
    albums: str | None = option(
        None, "A Takeout Blogger/Albums folder whose files are used instead of downloading "
              "(found by itself inside a Takeout folder input)."
    )
    image_workers: int = option(4, "Images downloaded at the same time.")
    image_retries: int = option(3, "Retries of an image download after a timeout or a server error.")
    image_timeout: float = option(30.0, "Seconds to wait for an image server before retrying.")
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
    site: SiteUrls | None = None
    """The new URL (and Markdown file) of every post, as ``site_urls`` planned them."""


def site_urls(archive: Archive, spec: WriterSpec, write_options: Any, web: WebOptions) -> SiteUrls:
    """The new URL of every post, page and label page for the writer ``spec``."""
    if spec.options_class.__name__ == "MarkdownOptions":
        return markdown_site_urls(archive, write_options, Diagnostics())
    if spec.name.startswith("wxr"):
        return wxr_site_urls(archive, write_options, web.site_url)
    return pattern_site_urls(archive, web.permalink, web.site_url)


def _flavor(spec: WriterSpec, write_options: Any) -> str:
    return str(getattr(write_options, "flavor", spec.name))


def _redirect_files(archive: Archive, site: SiteUrls, formats: list[str], flavor: str,
                    report: WebReport) -> list[OutputFile]:
    redirects = redirect_list(archive, site)
    report.redirects = sum(1 for r in redirects if not r.is_variant)
    return [OutputFile(redirect_file_name(f, flavor), render_redirects(redirects, f)) for f in formats]


def apply_web(
    archive: Archive,
    spec: WriterSpec,
    write_options: Any,
    web: WebOptions,
    diagnostics: Diagnostics,
    *,
    output: str | Path | None = None,
    source: str | Path | None = None,
) -> WebResult:
    """Rewrite links, download and place images, and render redirect maps, for one output.

    ``output`` is where the writer's files go (a folder for tree layouts, a file otherwise); it
    decides relative image references of one-file outputs. ``source`` lets a Takeout folder's
    ``Albums`` be found without ``albums``.
    """
    formats = parse_formats(web.redirects)
    if str(output) == "-" and (formats or web.download_images or web.image_inventory):
        raise UsageError("--redirects, --download-images and --image-inventory need an output file, not -")
    blog = blog_urls(archive)
    site = site_urls(archive, spec, write_options, web)
    result = WebResult(archive, site=site)
    rewrite = web.rewrite_links if web.rewrite_links is not None else not spec.name.startswith("json")
    if rewrite:
        result.archive, links = rewrite_links(archive, blog, site, diagnostics)
        result.report.links_rewritten = links.rewritten
        result.report.links_unresolved = list(links.unresolved)
    if web.download_images or web.image_inventory:
        _images(result, spec, write_options, web, site, diagnostics, output, source)
    result.files.extend(_redirect_files(archive, site, formats, _flavor(spec, write_options), result.report))
    if rewrite or web.active:
        report_leftovers(result.report, *old_references(result.archive, blog), diagnostics)
    return result


def _images(result: WebResult, spec: WriterSpec, write_options: Any, web: WebOptions, site: SiteUrls,
            diagnostics: Diagnostics, output: str | Path | None, source: str | Path | None) -> None:
    """Inventory the images; download and place them when asked; add the inventory file."""
    inventory = image_inventory(result.archive)
    if web.download_images:
        result.archive, placed = place_images(
            result.archive, inventory, spec, write_options, web, site, diagnostics,
            output=Path(output) if output is not None else None, source=source, report=result.report)
        result.files.extend(placed)
    if web.image_inventory or (web.download_images and spec.layout == "file"):
        result.files.append(inventory_file(inventory, result.report))
