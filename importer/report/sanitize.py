"""Post bodies made safe and quiet for the report's side-by-side frames.

The frames are already ``sandbox``ed without ``allow-scripts`` and inherit the page's strict
Content-Security-Policy, so nothing a post carries can run. This allow-list pass is the third
wall, and it keeps the page silent: scripts, styles and event handlers are removed, and images,
embeds and videos become labelled boxes instead of requests to Blogger's or anyone's hosts, so
opening a report makes no network request and logs no blocked-load errors.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from importer.report.text import parse_fragment

#: Elements kept with their attributes filtered; any other element is unwrapped (its text stays).
ALLOWED = frozenset(
    "a abbr address article aside b bdi bdo big blockquote br caption center cite code col colgroup "
    "dd del details dfn div dl dt em figcaption figure font footer h1 h2 h3 h4 h5 h6 header hr i ins "
    "kbd li main mark nav ol p pre q rp rt ruby s samp section small span strike strong sub summary "
    "sup table tbody td tfoot th thead time tr tt u ul var wbr".split()
)
#: Elements dropped with everything inside them.
DROPPED = frozenset(
    "script style template head title meta link base noembed param source track input".split()
)
#: Elements that would load something: shown as a labelled box naming what they point at.
MEDIA = {"img": "image", "picture": "image", "iframe": "embed", "frame": "embed", "embed": "embed",
         "object": "embed", "applet": "embed", "video": "video", "audio": "audio", "svg": "drawing",
         "canvas": "drawing", "math": "formula"}
#: Attributes kept (``href`` and ``style`` only when checked below).
ATTRIBUTES = frozenset(
    "href title id lang dir colspan rowspan align valign start type reversed datetime style border "
    "cellpadding cellspacing color face size bgcolor width height".split()
)
_SCHEMES = ("http", "https", "mailto")
_CSS_LOADS = re.compile(r"url\s*\(|image-set|@import|expression|\\|behavior|binding", re.IGNORECASE)
_SPACE_AND_CONTROLS = re.compile(r"[\x00-\x20\x7f]+")

#: Style of the frame documents (the page's policy lists its hash).
FRAME_CSS = (
    "body{font:15px/1.5 system-ui,sans-serif;margin:8px;color:#222;overflow-wrap:anywhere}"
    "img,table{max-width:100%}pre{white-space:pre-wrap}"
    ".media{display:inline-block;border:1px dashed #888;padding:2px 6px;margin:2px;color:#555;"
    "font-size:13px;background:#f4f4f4}"
)


def frame_document(body: str) -> str:
    """A whole HTML document for an iframe's ``srcdoc``: ``body`` sanitized, with the frame style."""
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>" + FRAME_CSS
            + "</style></head><body>" + sanitize(body) + "</body></html>")


def sanitize(body: str) -> str:
    """``body`` with only allowed elements and attributes; media replaced by labelled boxes."""
    root = parse_fragment(body)
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *DROPPED, with_tail=False)
    boxes = {_replace_with_box(element, MEDIA[str(element.tag)]) for element in list(root.iter(*MEDIA))}
    unknown = {str(e.tag) for e in root.iter() if e is not root} - ALLOWED
    if unknown:
        etree.strip_tags(root, *unknown)  # unwrapped: their text and children stay
    for element in root.iter():
        if element.attrib and element not in boxes:
            _filter_attributes(element)
    root.attrib.clear()
    text = str(etree.tostring(root, method="html", encoding="unicode"))
    return text[len("<body>"):-len("</body>")] if text.startswith("<body>") else ""


def _replace_with_box(element: etree._Element, label: str) -> etree._Element | None:
    """Put a ``<span class="media">image: orkut.jpg (1.bp.blogspot.com)</span>`` in its place."""
    parent = element.getparent()
    if parent is None:  # inside media replaced already
        return None
    source = element.get("src") or element.get("data") or element.get("href") or ""
    box = etree.Element("span", {"class": "media"})
    box.text = f"{label}: {_describe(source)}" if source else label
    alt = (element.get("alt") or "").strip()
    if alt:
        box.text += f" \u201c{alt}\u201d"
    box.tail = element.tail
    parent.replace(element, box)
    return box


def _describe(url: str) -> str:
    """``orkut.jpg (1.bp.blogspot.com)`` for a URL, the name alone for a relative path."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url[:80]
    name = parts.path.rstrip("/").rsplit("/", 1)[-1] or parts.path or url
    return f"{name[:80]} ({parts.netloc})" if parts.netloc else name[:80]


def _filter_attributes(element: etree._Element) -> None:
    for name, value in list(element.attrib.items()):
        lowered = name.lower()
        keep = lowered in ATTRIBUTES
        if lowered == "href":
            keep = safe_href(value)
        elif lowered == "style":
            keep = not _CSS_LOADS.search(value)
        if not keep:
            del element.attrib[name]


def safe_href(url: str) -> bool:
    """True for links that cannot run anything: http(s), mailto, and scheme-less references."""
    cleaned = _SPACE_AND_CONTROLS.sub("", url)
    head = re.split(r"[/?#]", cleaned, maxsplit=1)[0]
    if ":" not in head:
        return True
    return head.split(":", 1)[0].lower() in _SCHEMES
