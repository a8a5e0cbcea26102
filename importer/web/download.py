"""Download image originals into a folder: bounded pool, retries with backoff, cache, atomic files.

This module writes to disk only through ``importer.io`` (and is the only one that
touches the network): it writes downloaded images, and its cache index, inside ``dest_dir`` only,
each through a temporary file and a rename. Nothing else in the library fetches URLs.

- HTTP with ``urllib.request``; the proxy environment (``HTTP_PROXY``, ``HTTPS_PROXY``,
  ``NO_PROXY``) is honoured through ``ProxyHandler``.
- A 5xx answer, a 429, a timeout or a dropped connection is retried ``retries`` times, waiting
  ``backoff * 2**attempt`` seconds; a 4xx answer (404...) is final.
- The cache is ``.blogimport-images.json`` in ``dest_dir``, keyed by URL: a re-run fetches only
  what is missing. A file of a Takeout ``Albums/`` folder with the URL's file name is copied
  instead of downloaded.
- A URL without a file extension (``blogger.googleusercontent.com/img/a/…=s0``) gets one from the
  answer's Content-Type.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.client import HTTPException
from pathlib import Path

from importer.io import write_atomic
from importer.web.images import ImageInventory, file_name, url_file_name

logger = logging.getLogger(__name__)

CACHE_INDEX = ".blogimport-images.json"
DEFAULT_USER_AGENT = "blogimport/0.1 (+https://github.com/blog-archive-importer; image download)"
MAX_BYTES = 64 * 1024 * 1024

#: Content-Type -> extension for URLs without one.
EXTENSIONS: dict[str, str] = {
    "image/jpeg": ".jpg", "image/pjpeg": ".jpg", "image/png": ".png", "image/gif": ".gif",
    "image/webp": ".webp", "image/svg+xml": ".svg", "image/bmp": ".bmp", "image/tiff": ".tif",
    "image/avif": ".avif", "image/heic": ".heic", "image/x-icon": ".ico",
    "image/vnd.microsoft.icon": ".ico",
}

Progress = Callable[[int, int], None]


class _Permanent(Exception):
    """A failure that another attempt cannot fix (404, not an image...)."""


@dataclass
class DownloadReport:
    """What ``download_images`` did, per original URL."""

    files: dict[str, str] = field(default_factory=dict)
    """URL -> file name inside ``dest_dir`` for every image now present (fetched, cached, copied)."""
    failed: dict[str, str] = field(default_factory=dict)
    """URL -> reason, for images that could not be had; their remote URLs stay in the output."""
    fetched: list[str] = field(default_factory=list)
    """URLs downloaded in this run."""
    cached: list[str] = field(default_factory=list)
    """URLs already present from an earlier run."""
    from_albums: list[str] = field(default_factory=list)
    """URLs satisfied by a Takeout ``Albums/`` file."""
    attempts: int = 0
    """HTTP requests made in all (retries included)."""


@dataclass(frozen=True)
class _Settings:
    dest: Path
    opener: urllib.request.OpenerDirector
    retries: int
    backoff: float
    timeout: float
    user_agent: str


def _write_atomic(dest: Path, name: str, data: bytes) -> None:
    """Write ``data`` as ``dest/name`` through ``io``; refuses names leaving ``dest``."""
    if not name or "/" in name or "\\" in name or name in (".", "..") or "\x00" in name:
        raise ValueError(f"unsafe image file name {name!r}")
    write_atomic(dest / name, data)


def _load_index(dest: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads((dest / CACHE_INDEX).read_text(encoding="utf-8"))
        images = data["images"]
        return {str(url): {str(k): str(v) for k, v in entry.items()} for url, entry in images.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _save_index(dest: Path, index: dict[str, dict[str, str]]) -> None:
    text = json.dumps({"tool": "blogimport", "images": index}, indent=1, sort_keys=True, ensure_ascii=False)
    _write_atomic(dest, CACHE_INDEX, text.encode("utf-8") + b"\n")


def _retryable(error: BaseException) -> bool:
    if isinstance(error, urllib.error.HTTPError):
        return error.code >= 500 or error.code in (408, 429)
    return isinstance(error, (urllib.error.URLError, TimeoutError, ConnectionError, HTTPException))


def _fetch_once(url: str, settings: _Settings) -> tuple[bytes, str]:
    request = urllib.request.Request(
        url, headers={"User-Agent": settings.user_agent, "Accept": "image/*,*/*;q=0.5"}
    )
    with settings.opener.open(request, timeout=settings.timeout) as response:
        data = response.read(MAX_BYTES + 1)
        content_type = response.headers.get_content_type()
    if len(data) > MAX_BYTES:
        raise _Permanent(f"larger than {MAX_BYTES} bytes")
    if not (content_type.startswith("image/") or content_type == "application/octet-stream"):
        raise _Permanent(f"not an image (Content-Type {content_type})")
    return data, content_type


def _fetch(url: str, settings: _Settings, count: Callable[[], None]) -> tuple[bytes, str]:
    """The body and Content-Type of ``url``, retrying what can be retried; raises _Permanent."""
    for attempt in range(settings.retries + 1):
        count()
        try:
            return _fetch_once(url, settings)
        except _Permanent:
            raise
        except Exception as error:
            if not _retryable(error):
                raise _Permanent(_describe(error)) from None
            if attempt == settings.retries:
                raise _Permanent(f"{_describe(error)} (after {attempt + 1} attempts)") from None
            logger.debug("retrying %s after %s", url, error)
            time.sleep(settings.backoff * 2**attempt)
    raise AssertionError("unreachable")  # pragma: no cover


def _describe(error: BaseException) -> str:
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code}"
    if isinstance(error, urllib.error.URLError):
        return f"network error: {error.reason}"
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _albums_index(albums: Path | None) -> dict[str, Path]:
    """File name -> path for every image of a Takeout ``Albums/`` folder (sidecar JSON skipped)."""
    if albums is None or not albums.is_dir():
        return {}
    found: dict[str, Path] = {}
    for path in sorted(albums.rglob("*")):
        if path.is_file() and not path.name.endswith(".json"):
            found.setdefault(path.name, path)
    return found


def _with_extension(name: str, content_type: str) -> str:
    if "." in name.rsplit("-", 1)[-1]:
        return name
    return name + EXTENSIONS.get(content_type, ".img")


class _Run:
    """One ``download_images`` call: the shared state its worker threads update under a lock."""

    def __init__(self, settings: _Settings, index: dict[str, dict[str, str]], total: int,
                 progress: Progress | None) -> None:
        self.settings, self.index, self.total, self.progress = settings, index, total, progress
        self.report = DownloadReport()
        self.lock = threading.Lock()
        self.done = 0

    def count_attempt(self) -> None:
        with self.lock:
            self.report.attempts += 1

    def finish(self, url: str, name: str | None, reason: str | None, kind: str) -> None:
        with self.lock:
            if name is not None:
                self.report.files[url] = name
                getattr(self.report, kind).append(url)
                self.index[url] = {"file": name}
            else:
                self.report.failed[url] = reason or "failed"
            self.done += 1
            if self.progress is not None:
                self.progress(self.done, self.total)

    def download(self, url: str, name: str) -> None:
        try:
            data, content_type = _fetch(url, self.settings, self.count_attempt)
            final = _with_extension(name, content_type)
            _write_atomic(self.settings.dest, final, data)
        except _Permanent as error:
            self.finish(url, None, str(error), "fetched")
        except OSError as error:
            self.finish(url, None, f"cannot save: {error}", "fetched")
        else:
            self.finish(url, final, None, "fetched")


def _wanted(inventory: ImageInventory | Iterable[str]) -> dict[str, str]:
    if isinstance(inventory, ImageInventory):
        return {url: entry.file_name for url, entry in inventory.images.items()}
    return {url: file_name(url) for url in dict.fromkeys(inventory)}


def download_images(
    inventory: ImageInventory | Iterable[str],
    dest_dir: str | Path,
    *,
    workers: int = 4,
    retries: int = 3,
    backoff: float = 0.5,
    timeout: float = 30.0,
    user_agent: str = DEFAULT_USER_AGENT,
    cache: bool = True,
    albums: str | Path | None = None,
    progress: Progress | None = None,
) -> DownloadReport:
    """Bring every original of ``inventory`` (or a list of URLs) into ``dest_dir``.

    Returns which URL is in which file, and which failed and why. Images found in the cache index
    (``cache``) or in a Takeout ``albums`` folder are not fetched. ``progress(done, total)`` is
    called after each image.
    """
    dest = Path(dest_dir)
    wanted = _wanted(inventory)
    index = _load_index(dest)
    settings = _Settings(dest, urllib.request.build_opener(urllib.request.ProxyHandler()),
                         max(retries, 0), backoff, timeout, user_agent)
    run = _Run(settings, index, len(wanted), progress)
    album_files = _albums_index(Path(albums) if albums is not None else None)
    to_fetch: list[tuple[str, str]] = []
    for url, name in wanted.items():
        cached = index.get(url, {}).get("file")
        if cache and cached and (dest / cached).is_file():
            run.finish(url, cached, None, "cached")
        elif url_file_name(url) in album_files:
            source = album_files[url_file_name(url)]
            final = name if "." in name.rsplit("-", 1)[-1] else name + source.suffix.lower()
            _write_atomic(dest, final, source.read_bytes())
            run.finish(url, final, None, "from_albums")
        else:
            to_fetch.append((url, name))
    try:
        with ThreadPoolExecutor(max_workers=max(workers, 1)) as pool:
            list(pool.map(lambda item: run.download(*item), to_fetch))
    finally:
        _save_index(dest, index)
    return run.report
