"""Find and rewrite the URL attributes of HTML bodies (``<a href>``, ``<img src>``…), fast.

One small tokenizer serves every pass that looks at links: validation (links that lead nowhere,
images left on Blogger), the image inventory, link rewriting and the end-of-run report. It works
on the text with two regular expressions instead of parsing and re-serializing the HTML, so the
rest of a body stays byte for byte as Blogger stored it and a 70 MB archive is scanned in well
under a second. Only the start tags that can hold a URL are matched; attribute values are
returned entity-decoded.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator

#: Attributes that hold a URL, per tag.
URL_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "a": ("href",),
    "area": ("href",),
    "img": ("src",),
    "link": ("href",),
}

#: A start tag that can hold a URL; group 1 is the tag name, group 2 its attributes.
_URL_TAG = re.compile(r"<(a|area|img|link)(\s[^<>]*)?/?>", re.IGNORECASE)
#: One attribute with a quoted or bare value.
_ATTR = re.compile(
    r"""(?P<name>[^\s"'<>/=]+)(?P<eq>\s*=\s*)(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=<>`]+))"""
)

Rewrite = Callable[[str, str, str], "str | None"]
"""``rewrite(tag, attribute, url) -> new url or None`` (None keeps the value)."""


def _value(match: re.Match[str]) -> str:
    raw = next(v for v in (match.group("dq"), match.group("sq"), match.group("bare")) if v is not None)
    return (html.unescape(raw) if "&" in raw else raw).strip()


def iter_urls(body: str) -> Iterator[tuple[str, str, str]]:
    """Every ``(tag, attribute, url)`` of ``body``, lower-cased names, entity-decoded values."""
    if "<" not in body:
        return
    for tag_match in _URL_TAG.finditer(body):
        attrs = tag_match.group(2)
        if not attrs:
            continue
        tag = tag_match.group(1).lower()
        names = URL_ATTRIBUTES[tag]
        for attr in _ATTR.finditer(attrs):
            name = attr.group("name").lower()
            if name in names:
                yield tag, name, _value(attr)


def rewrite_urls(body: str, rewrite: Rewrite) -> str:
    """``body`` with each URL attribute passed through ``rewrite``; everything else unchanged."""
    if "<" not in body:
        return body
    changed = False

    def one_tag(tag_match: re.Match[str]) -> str:
        attrs = tag_match.group(2)
        if not attrs:
            return tag_match.group(0)
        tag = tag_match.group(1).lower()
        names = URL_ATTRIBUTES[tag]

        def one_attr(attr: re.Match[str]) -> str:
            name = attr.group("name")
            if name.lower() not in names:
                return attr.group(0)
            nonlocal changed
            new = rewrite(tag, name.lower(), _value(attr))
            if new is None:
                return attr.group(0)
            changed = True
            return f'{name}{attr.group("eq")}"{html.escape(new, quote=True)}"'

        whole = tag_match.group(0)
        start, end = tag_match.start(2) - tag_match.start(0), tag_match.end(2) - tag_match.start(0)
        return whole[:start] + _ATTR.sub(one_attr, attrs) + whole[end:]

    result = _URL_TAG.sub(one_tag, body)
    return result if changed else body  # keep sharing the original string: bodies are big
