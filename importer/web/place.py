"""Download the inventory and point each post at its local copies, wherever the output needs them.

- Markdown with page bundles (``…/<slug>/index.md``): the image goes beside the post and is
  referenced by its bare file name.
- Other Markdown: the static image folder the writer's URL plan names (``SiteUrls.images``: Hugo
  and Zola ``static/images``, Jekyll ``assets/images``, Pelican ``content/images``...), referenced
  by its site path.
- One-file outputs (JSON, WXR): images stay in the download folder; references use ``image_url``
  or the folder's path relative to the output file.
A failed image keeps its remote URL.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from importer.diagnostics import Diagnostics
from importer.html.urls import rewrite_urls
from importer.model import Archive, Post
from importer.outputs import OutputFile
from importer.site import SiteUrls
from importer.web.images import ImageInventory, original_url
from importer.web.options import WebOptions
from importer.web.report import WebReport


def find_albums(source: str | Path | None) -> Path | None:
    """The ``Blogger/Albums`` folder of a Takeout folder input, when there is one."""
    if source is None or not Path(source).is_dir():
        return None
    for candidate in (Path(source) / "Takeout" / "Blogger" / "Albums", Path(source) / "Blogger" / "Albums",
                      Path(source) / "Albums"):
        if candidate.is_dir():
            return candidate
    return None


def _download(inventory: ImageInventory, web: WebOptions, source: str | Path | None,
              report: WebReport, diagnostics: Diagnostics) -> None:
    # The HTTP client (urllib.request, http.client, ssl) is loaded only when images are fetched:
    # it was a tenth of a small conversion's start-up.
    from importer.web.download import download_images

    assert web.download_images is not None
    result = download_images(
        inventory, web.download_images, workers=web.image_workers, retries=web.image_retries,
        timeout=web.image_timeout, albums=web.albums or find_albums(source), progress=web.progress,
    )
    report.images_found = len(inventory)
    report.images_local = dict(result.files)
    report.images_failed = dict(result.failed)
    for url, reason in sorted(result.failed.items()):
        posts = inventory.images[url].posts if url in inventory.images else []
        diagnostics.report("image-failed", f"'{url}' could not be downloaded ({reason}); its remote "
                           "URL was kept.", entry=posts[0] if posts else None)


def _rewrite_post(post: Post, refs: dict[str, str]) -> Post:
    """``post`` with every Blogger image URL whose original is in ``refs`` pointed at its local copy."""

    def swap(tag: str, attribute: str, url: str) -> str | None:
        if tag not in ("img", "a"):
            return None
        return refs.get(original_url(url)) if "://" in url or url.startswith("//") else None

    comments = tuple(replace(c, content_html=rewrite_urls(c.content_html, swap)) for c in post.comments)
    return replace(post, content_html=rewrite_urls(post.content_html, swap), comments=comments)


def _tree_placement(archive: Archive, inventory: ImageInventory, report: WebReport, site: SiteUrls,
                    ) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """(post id -> {original: reference}, output path -> file in the download folder)."""
    folder, prefix = site.images or ("images", "/images")
    refs: dict[str, dict[str, str]] = {}
    copies: dict[str, str] = {}
    for original, name in report.images_local.items():
        entry = inventory.images.get(original)
        for post_id in entry.posts if entry else []:
            planned = site.files.get(post_id, "")
            if planned.endswith("/index.md"):
                copies[str(PurePosixPath(planned).parent / name)] = name
                refs.setdefault(post_id, {})[original] = quote(name)
            else:
                copies[f"{folder}/{name}"] = name
                refs.setdefault(post_id, {})[original] = site.absolute(f"{prefix}/{quote(name)}")
    return refs, copies


def _file_placement(archive: Archive, report: WebReport, web: WebOptions,
                    output: Path | None) -> dict[str, dict[str, str]]:
    assert web.download_images is not None
    if web.image_url:
        base = web.image_url.rstrip("/")
    else:
        start = output.parent if output is not None else Path.cwd()
        base = Path(os.path.relpath(Path(web.download_images).resolve(), start.resolve())).as_posix()
    shared = {original: f"{base}/{quote(name)}" for original, name in report.images_local.items()}
    return {post.id: shared for post in archive.posts}


def place_images(
    archive: Archive, inventory: ImageInventory, layout: str, web: WebOptions,
    site: SiteUrls, diagnostics: Diagnostics, *, output: Path | None, source: str | Path | None,
    report: WebReport,
) -> tuple[Archive, list[OutputFile]]:
    """Download ``inventory`` and rewrite ``archive`` to use the local copies; returns the new archive
    and the image files to add to a tree output (none for one-file outputs)."""
    _download(inventory, web, source, report, diagnostics)
    files: list[OutputFile] = []
    if layout == "tree":
        refs, copies = _tree_placement(archive, inventory, report, site)
        dest = Path(str(web.download_images))
        files = [OutputFile(path, (dest / name).read_bytes()) for path, name in sorted(copies.items())]
    else:
        refs = _file_placement(archive, report, web, output)
    posts = tuple(_rewrite_post(p, refs[p.id]) if refs.get(p.id) else p for p in archive.posts)
    return replace(archive, posts=posts), files
