"""``WebOptions``: what ``apply_web`` does; each field with help is also a ``convert`` flag."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from importer.options import Options, at_least, non_empty, option
from importer.web.redirects import FORMATS, formats_problem


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
