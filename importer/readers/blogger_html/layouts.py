"""Which Blogger template rendered a saved page, and the blog facts the page states.

Layouts recognised (FORMATS.md §4):
- ``layouts``: Layouts templates 2006–2016 (Simple, Minima, Awesome Inc…): ``div.post.hentry``
  inside ``div.date-outer``, ``abbr.published[title]``; also mobile permalink pages (``?m=1``),
  which use the same post markup.
- ``theme2017``: 2017+ themes (Contempo, Soho, Emporio, Notable, Essential):
  ``div.post-outer-container``, ``time.published[datetime]``.
- ``mobile``: mobile index pages (``?m=1``): ``div.mobile-date-outer``, ``h3.mobile-index-title``,
  snippets only.
- ``classic``: Classic templates (pre-2006 tags): ``div.post`` without ``hentry``, text-only dates.
- ``dynamic-views``: rendered by JavaScript; the saved page holds almost no content (which markers
  Dynamic Views pages carry is less certain: the ``dynamicviews`` script bundle is the one used).
- ``unknown``: a Blogger page none of the above fit (reported, never guessed at).

Page facts come from ``_WidgetManager._SetDataContext([{'name': 'blog', 'data': {…}}])`` (a JS
object literal with ``\\x3d``-style escapes) when present, else from ``<html lang>``, the header
widget, ``<link rel=canonical>`` and ``og:url``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

from bs4 import BeautifulSoup, Tag

Layout = Literal["layouts", "theme2017", "mobile", "classic", "dynamic-views", "unknown"]

_DATA_CONTEXT = re.compile(r"_WidgetManager\._SetDataContext\(\s*\[(.{0,200000}?)\]\s*\)\s*;", re.S)
_JS_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MOBILE_QUERY = re.compile(r"^(?:m=[01])$")


@dataclass(frozen=True)
class PageFacts:
    """What one page says about the blog and about itself."""

    layout: Layout
    locale: str | None = None
    """The blog language the page states (data context first, then ``<html lang>``)."""
    blog_id: str | None = None
    blog_title: str = ""
    blog_url: str | None = None
    blog_description: str = ""
    page_url: str | None = None
    """The page's own address (canonical link, data context or ``og:url``), normalized."""
    single_item: bool = False
    """The page shows one post or page on its own (a permalink page)."""


def detect_layout(soup: BeautifulSoup) -> Layout:
    """The template family that rendered ``soup`` (see the module docstring)."""
    if soup.select_one(".post-outer-container, time.published[datetime]"):
        return "theme2017"
    if soup.select_one("div.post.hentry, div.post-outer div.post"):
        return "layouts"
    if soup.select_one("div.mobile-date-outer, .mobile-index-title, .mobile-post-outer"):
        return "mobile"
    if _is_dynamic_views(soup):
        return "dynamic-views"
    if soup.select_one("div.post") and soup.select_one(".post-body, .post-title, .date-header"):
        return "classic"
    return "unknown"


def _is_dynamic_views(soup: BeautifulSoup) -> bool:
    for tag in soup.find_all(["script", "link"]):
        ref = str(tag.get("src") or tag.get("href") or "")
        if "dynamicviews" in ref.lower():
            return True
    body = soup.body
    return body is not None and "dynamic" in " ".join(_classes(body))


def _classes(tag: Tag) -> list[str]:
    value = tag.get("class")
    if isinstance(value, list):
        return [str(v) for v in value]
    return str(value or "").split()


def page_facts(soup: BeautifulSoup, layout: Layout) -> PageFacts:
    """Blog and page facts stated by ``soup``."""
    context = data_context(soup)
    html = soup.find("html")
    lang = str(html.get("lang") or "") if isinstance(html, Tag) else ""
    page_url = context.get("url") or _link_href(soup, "canonical") or _meta(soup, "og:url")
    single = context.get("isSingleItem") == "true" or context.get("pageType") in ("item", "static_page")
    return PageFacts(
        layout=layout,
        locale=context.get("locale") or lang.replace("-", "_") or None,
        blog_id=context.get("blogId") or _itemprop(soup, "blogId"),
        blog_title=context.get("title") or _header_title(soup),
        blog_url=normalize_url(context.get("homepageUrl") or _header_url(soup)),
        blog_description=_text(soup.select_one("#header .description, .Header .description, #description")),
        page_url=normalize_url(page_url),
        single_item=single,
    )


def data_context(soup: BeautifulSoup) -> dict[str, str]:
    """Flat ``key -> value`` of the blog data in ``_WidgetManager._SetDataContext`` (first wins).

    Only scalar entries are kept, and the first occurrence of a key wins: the blog object comes
    first (its ``url`` is the page's own address), nested objects such as the view data later.
    """
    for script in soup.find_all("script"):
        text = script.string or ""
        match = _DATA_CONTEXT.search(text)
        if match:
            return _scalars(match.group())
    return {}


_SCALAR = re.compile(r"'(\w+)'\s*:\s*(?:'((?:[^'\\]|\\.)*)'|(true|false|-?\d+))")


def _scalars(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, quoted, bare in _SCALAR.findall(text):
        value = _unescape_js(quoted) if bare == "" else bare
        found.setdefault(key, value)
    return found


def _unescape_js(text: str) -> str:
    """A JS string literal's text unescaped. ``\\ud83d\\ude00`` pairs make one character; a lone
    surrogate (which no writer can encode) becomes U+FFFD, and ``\\x00``-style controls go."""
    def replace(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] in "xu" and len(code) > 1:
            return chr(int(code[1:], 16))
        return {"n": "\n", "t": "\t"}.get(code, code)

    unescaped = _JS_ESCAPE.sub(replace, text)
    paired = unescaped.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return _CONTROLS.sub("", paired)


def normalize_url(url: str | None) -> str | None:
    """A permalink without the mobile ``?m=1`` query or a fragment; None stays None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # "http://[x/": not a URL at all, and it would crash every later pass
        return None
    query = "" if _MOBILE_QUERY.match(parts.query) else parts.query
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def _link_href(soup: BeautifulSoup, rel: str) -> str | None:
    for link in soup.find_all("link", href=True):
        rels = link.get("rel")
        if rel in (rels if isinstance(rels, list) else str(rels or "").split()):
            return str(link["href"])
    return None


def _meta(soup: BeautifulSoup, prop: str) -> str | None:
    tag = soup.find("meta", attrs={"property": prop})
    return str(tag.get("content")) if isinstance(tag, Tag) and tag.get("content") else None


def _itemprop(soup: BeautifulSoup, prop: str) -> str | None:
    tag = soup.find("meta", attrs={"itemprop": prop})
    return str(tag.get("content")) if isinstance(tag, Tag) and tag.get("content") else None


def _header_title(soup: BeautifulSoup) -> str:
    title = _text(soup.select_one("#header h1, .Header h1, h1.title, #blog-title"))
    if title:
        return title
    return _text(soup.find("title")).split(":")[0].strip()


def _header_url(soup: BeautifulSoup) -> str | None:
    link = soup.select_one("#header h1 a[href], .Header h1 a[href], h1.title a[href], #blog-title a[href]")
    return str(link["href"]) if link else None


def _text(tag: Tag | None) -> str:
    return " ".join(tag.get_text(" ").split()) if isinstance(tag, Tag) else ""
