"""Inventory of the images a blog keeps on Google's hosts, with the full-size original of each.

Blogger serves one uploaded image under many URLs, one per size, with the size as a path segment
or a ``=`` suffix::

    https://1.bp.blogspot.com/-AbC/TBC/AAAAAAAAABc/XyZ/s320/orkut.jpg      (2011-2019)
    http://3.bp.blogspot.com/_user/SxYz/AAAA/BBB/s1600-h/photo.jpg         (<= 2010)
    https://blogger.googleusercontent.com/img/b/R29v.../w640-h480/x.png    (2020 +, path form)
    https://blogger.googleusercontent.com/img/a/AVvXsE...=s320             (no file name at all)
    https://lh3.googleusercontent.com/-x/Y/Z/s0/a.jpg, lh5.ggpht.com/...=w400-h300

The original of a path-form URL is the same URL with size ``s1600`` (what Blogger's own
"full size" links use, so the ``<a href>`` and the ``<img src>`` around it collapse into one
image); the original of a suffix-form URL ends in ``=s0``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit, urlunsplit

from importer.html.urls import iter_urls
from importer.model import Archive
from importer.slugs import slugify

_GOOGLE_HOST = re.compile(
    r"^(?:\d+\.bp\.blogspot\.com|bp\.blogspot\.com|blogger\.googleusercontent\.com"
    r"|lh\d*\.googleusercontent\.com|(?:lh|gp)?\d*\.?ggpht\.com|[a-z0-9.-]*\.ggpht\.com)$"
)
#: A size token: s320, s72-c, s1600-h, w640-h480, h120, w400-h300-p-k-no-nu, s0, d (download).
_SIZE = re.compile(r"^(?:s\d+|w\d+|h\d+|w\d+-h\d+|d)(?:-[a-z0-9]+)*$")
ORIGINAL_SEGMENT = "s1600"
ORIGINAL_SUFFIX = "=s0"


def is_google_image_host(host: str) -> bool:
    """True for the hosts Blogger keeps images on (bp.blogspot.com, *.googleusercontent.com, ggpht)."""
    return bool(_GOOGLE_HOST.match(host.lower().split(":", 1)[0]))


def is_google_image(url: str) -> bool:
    """True when ``url`` is an http(s) URL on one of Blogger's image hosts."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https", "") and is_google_image_host(parts.netloc)


def original_url(url: str) -> str:
    """The full-size original of a Blogger image URL (see the module docstring); others unchanged.

    ``original_url(".../s320/orkut.jpg") == ".../s1600/orkut.jpg"``,
    ``original_url(".../AVvXsE=w640-h480") == ".../AVvXsE=s0"``.
    """
    parts = urlsplit(url.strip())
    path = parts.path
    if "=" in path.rsplit("/", 1)[-1]:
        head, _, token = path.rpartition("=")
        if _SIZE.match(token):
            path = head + ORIGINAL_SUFFIX
    else:
        segments = path.split("/")
        # the size sits just before the file name: ``/s320/x.jpg``
        if len(segments) >= 3 and _SIZE.match(segments[-2]):
            segments[-2] = ORIGINAL_SEGMENT
        path = "/".join(segments)
    scheme = parts.scheme or "https"
    return urlunsplit((scheme, parts.netloc.lower(), path, parts.query, ""))


def file_name(url: str) -> str:
    """A safe, stable local file name for an original: ``orkut-1a2b3c4d.jpg``.

    The readable part comes from the URL's last name-like segment; the hash of the whole URL keeps
    two different ``image.jpg`` apart. The extension is the URL's own (``""`` when it has none:
    the downloader then takes it from the Content-Type).
    """
    path = unquote(urlsplit(url).path)
    segments = [s for s in path.split("/") if s and not _SIZE.match(s)]
    last = segments[-1].split("=", 1)[0] if segments else "image"
    stem, dot, ext = last.rpartition(".")
    if not dot or not re.fullmatch(r"[A-Za-z0-9]{1,5}", ext):
        stem, ext = last, ""
    readable = slugify(stem, None, max_length=40) or "image"
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:8]
    return f"{readable}-{digest}" + (f".{ext.lower()}" if ext else "")


def url_file_name(url: str) -> str:
    """The file name part of ``url`` as the uploader named it (``orkut.jpg``), decoded; may be ``""``."""
    path = unquote(urlsplit(url).path)
    return path.rsplit("/", 1)[-1].split("=", 1)[0]


@dataclass
class ImageEntry:
    """One image: its original URL, every URL it appears under, and who uses it."""

    original: str
    """The full-size original URL (what gets downloaded)."""
    file_name: str
    """The local file name it is saved under (extension may be added from Content-Type)."""
    variants: set[str] = field(default_factory=set)
    """Every URL of this image found in the archive (sizes, link targets), as written."""
    posts: list[str] = field(default_factory=list)
    """Ids of the posts using it, in archive order, without repeats."""

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping of this entry."""
        return {
            "original": self.original,
            "file": self.file_name,
            "variants": sorted(self.variants),
            "posts": list(self.posts),
        }


@dataclass
class ImageInventory:
    """Every image of an archive on Blogger's hosts, by original URL (in first-seen order)."""

    images: dict[str, ImageEntry] = field(default_factory=dict)

    def add(self, url: str, post_id: str) -> None:
        """Record ``url`` (any size variant) as used by ``post_id``."""
        original = original_url(url)
        entry = self.images.get(original)
        if entry is None:
            entry = self.images[original] = ImageEntry(original, file_name(original))
        entry.variants.add(url)
        if post_id not in entry.posts:
            entry.posts.append(post_id)

    def originals(self) -> list[str]:
        """The original URLs, in first-seen order."""
        return list(self.images)

    def by_variant(self) -> dict[str, ImageEntry]:
        """Every variant URL (as written in the HTML) -> its entry."""
        return {variant: entry for entry in self.images.values() for variant in entry.variants}

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping: ``{"images": [...]}`` in first-seen order."""
        return {"images": [entry.to_dict() for entry in self.images.values()]}

    def __len__(self) -> int:
        return len(self.images)


def is_image_use(tag: str, url: str) -> bool:
    """True when ``tag``'s ``url`` shows or links a picture on Blogger's image hosts."""
    # an <a href> on an image host is always a link to the full-size picture
    return tag in ("img", "a") and is_google_image(url)


def image_inventory(archive: Archive) -> ImageInventory:
    """Every image (``<img src>``) and linked original (``<a href>``) on Blogger's image hosts.

    Bodies and comments of every post are searched, drafts included.
    """
    inventory = ImageInventory()
    for post in archive.posts:
        for body in (post.content_html, *(c.content_html for c in post.comments)):
            for tag, _, url in iter_urls(body):
                if is_image_use(tag, url):
                    inventory.add(url, post.id)
    return inventory


def variants_to_local(inventory: ImageInventory, local: Mapping[str, str]) -> dict[str, str]:
    """Variant URL -> local reference, for originals that ``local`` (original -> ref) names."""
    return {
        variant: local[entry.original]
        for variant, entry in inventory.by_variant().items()
        if entry.original in local
    }


def unique_originals(urls: Iterable[str]) -> list[str]:
    """Originals of ``urls`` without repeats, in first-seen order."""
    return list(dict.fromkeys(original_url(u) for u in urls))
