"""``--attachments``: one attachment item per image on Blogger's hosts (OUTPUTS.md WXR 11).

WordPress's importer downloads ``wp:attachment_url`` and then replaces that exact URL in every
post; it rewrites nothing else. Quirks handled:
- Blogger serves one image at many sizes (``/s320/``, ``/s72-c/``, ``/w640-h480/``, 2020+
  ``=s320`` suffixes) and those are different URLs, so each ``<img src>`` is rewritten to the
  ``s1600`` original and that same URL becomes the attachment URL. The usual ``<a href>`` around
  the image already names the ``s1600`` file, so it is relinked too.
- Hosts: ``N.bp.blogspot.com`` (≤2019), ``blogger.googleusercontent.com`` (2020+), and the
  ``lhN.googleusercontent.com`` / ``lhN.ggpht.com`` Picasa hosts older posts use.
- Protocol-relative ``//host/...`` sources become ``https:`` (the attachment URL is absolute).
- One attachment per distinct original across the archive, owned by the first post using it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

_IMG_SRC = re.compile(
    r"""(<img\b[^>]*?\ssrc\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE
)
_SIZE_SEGMENT = re.compile(r"^(?:[swh]\d+(?:-[a-z0-9]+)*|w\d+-h\d+(?:-[a-z0-9]+)*)$")
_SIZE_SUFFIX = re.compile(r"=(?:[swh]\d+|w\d+-h\d+)(?:-[a-z0-9]+)*$")
_PICASA = re.compile(r"^lh\d+\.(?:googleusercontent|ggpht)\.com$")


def is_blogger_image_host(host: str) -> bool:
    """True for the hosts Blogger stores uploaded images on."""
    host = host.lower()
    return (host == "bp.blogspot.com" or host.endswith(".bp.blogspot.com")
            or host == "blogger.googleusercontent.com" or _PICASA.match(host) is not None)


def original_url(url: str) -> str | None:
    """The full-size (``s1600``) URL of a Blogger-hosted image, or None for other URLs.

    ``https://1.bp.blogspot.com/-a/b/c/d/s320/x.jpg`` -> ``.../s1600/x.jpg``;
    ``https://blogger.googleusercontent.com/img/b/R29v/w640-h480/x.png`` -> ``.../s1600/x.png``;
    ``https://blogger.googleusercontent.com/img/a/AVvX=s320`` -> ``...AVvX=s1600``.
    """
    text = url.strip()
    if text.startswith("//"):
        text = "https:" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not is_blogger_image_host(parts.hostname or ""):
        return None
    segments = parts.path.split("/")
    if _SIZE_SUFFIX.search(segments[-1]):
        segments[-1] = _SIZE_SUFFIX.sub("=s1600", segments[-1])
    elif len(segments) >= 3 and _SIZE_SEGMENT.match(segments[-2]):
        segments[-2] = "s1600"
    path = "/".join(segments)
    return parts._replace(path=path, fragment="").geturl()


def image_title(url: str) -> str:
    """A readable title for an image: its file name (``orkut.jpg``), or ``image`` when opaque."""
    name = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    name = _SIZE_SUFFIX.sub("", name)
    return name if name and "." in name and len(name) <= 100 else "image"


def rewrite_images(content: str, found: Callable[[str], None]) -> str:
    """``content`` with each Blogger ``<img src>`` pointing at its original; ``found(url)`` per image."""

    def replace(match: re.Match[str]) -> str:
        raw = next(group for group in match.groups()[1:] if group is not None)
        original = original_url(html.unescape(raw))
        if original is None:
            return match.group(0)
        found(original)
        return f'{match.group(1)}"{html.escape(original, quote=True)}"'

    return _IMG_SRC.sub(replace, content)
