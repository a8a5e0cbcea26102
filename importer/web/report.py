"""The end-of-run account of the web work: links rewritten and left, images brought home or not."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from importer.diagnostics import Diagnostics, plural
from importer.outputs import OutputFile
from importer.web.images import ImageInventory

INVENTORY_FILE = "images.json"


@dataclass
class WebReport:
    """Counts and lists for the end-of-run report (the CLI prints it; JSON-ready via ``to_dict``)."""

    links_rewritten: int = 0
    """Links to posts, pages and label pages of the blog now pointing at the new URLs."""
    links_unresolved: list[tuple[str, str]] = field(default_factory=list)
    """(post id, url): links to posts of the blog that are not in the archive (kept)."""
    leftover_links: list[tuple[str, str]] = field(default_factory=list)
    """(post id, url): every link still pointing at the old blog's hosts after rewriting."""
    images_found: int = 0
    """Distinct images (originals) on Blogger's hosts."""
    images_local: dict[str, str] = field(default_factory=dict)
    """Original URL -> file name in the download folder, for the images now at hand."""
    images_failed: dict[str, str] = field(default_factory=dict)
    """Original URL -> reason, for images that could not be downloaded (remote URL kept)."""
    images_remote: list[tuple[str, str]] = field(default_factory=list)
    """(post id, url): image references still on Blogger's hosts in the output."""
    redirects: int = 0
    """Old paths given a redirect (not counting ``?m=1`` forms)."""

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping of the report."""
        return {
            "links_rewritten": self.links_rewritten,
            "links_unresolved": [list(x) for x in self.links_unresolved],
            "leftover_links": [list(x) for x in self.leftover_links],
            "images_found": self.images_found,
            "images_local": dict(self.images_local),
            "images_failed": dict(self.images_failed),
            "images_remote": [list(x) for x in self.images_remote],
            "redirects": self.redirects,
        }

    def summary_lines(self) -> list[str]:
        """Human lines for the end of a run: counts, then each failed image and leftover link."""
        lines = [
            f"links: {self.links_rewritten} rewritten, {len(self.leftover_links)} still on the old blog; "
            f"images: {len(self.images_local)} local, {len(self.images_failed)} failed, "
            f"{len(self.images_remote)} references on Blogger's hosts; redirects: {self.redirects}"
        ]
        lines += [f"  image failed: {url} ({reason})" for url, reason in sorted(self.images_failed.items())]
        lines += [f"  old link in {post_id}: {url}" for post_id, url in self.leftover_links]
        return lines


def inventory_file(inventory: ImageInventory, report: WebReport) -> OutputFile:
    """``images.json``: every image with its original, variants, posts and download outcome."""
    images = []
    for entry in inventory.images.values():
        item = entry.to_dict()
        item["local_file"] = report.images_local.get(entry.original)
        item["failed"] = report.images_failed.get(entry.original)
        images.append(item)
    text = json.dumps({"images": images}, ensure_ascii=False, indent=2)
    return OutputFile(INVENTORY_FILE, text.encode("utf-8") + b"\n")


def report_leftovers(report: WebReport, leftovers: list[tuple[str, str]], remote: list[tuple[str, str]],
                     diagnostics: Diagnostics) -> None:
    """Record what still points at the old hosts, and say so once in ``diagnostics``."""
    report.leftover_links = leftovers
    report.images_remote = remote
    unresolved = set(report.links_unresolved)
    others = [item for item in leftovers if item not in unresolved]
    if others:
        diagnostics.report(
            "link-old-host",
            f"{plural(len(others), 'link')} still {'points' if len(others) == 1 else 'point'} at the "
            f"old blog (e.g. '{others[0][1]}'): pages such as "
            "the home page or archives have no counterpart in the archive.",
        )
    if remote and not report.images_local and not report.images_failed:
        diagnostics.report("image-remote", f"{plural(len(remote), 'image reference')} still on "
                           "Blogger's hosts.")


def beside(files: list[OutputFile], output: str | Path) -> list[tuple[OutputFile, Path]]:
    """Targets for extra files of a one-file output: the same relative paths, next to ``output``."""
    folder = Path(output).parent
    return [(out, folder / out.path) for out in files]
