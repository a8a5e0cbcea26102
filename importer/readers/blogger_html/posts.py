"""Posts as one saved page shows them: raw snapshots, merged and dated later (see ``merge``).

Quirks handled:
- The date header (``torstai 10. kesäkuuta 2010``) is printed only above the first post of a day
  but applies to every post after it until the next header, so posts are walked in document order.
- Post ids come from ``meta[itemprop=postId]``, ``a[name=<digits>]`` or ``post-body-<id>``; mobile
  index pages carry none (the permalink then identifies the post).
- Untitled posts have no ``h3.post-title``; the permalink is then only in the timestamp link.
- Index and label pages cut bodies at the jump break and add ``div.jump-link`` ("Lue lisää »"),
  mobile index pages show a snippet: both are marked truncated.
- Classic templates print ``Lähettänyt Pirjo Esimerkki klo <a title="permanent link">14.35</a>``:
  the author is the text before the time link, without the "posted by" words and the joiner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bs4 import BeautifulSoup, Tag

from importer.model import Author
from importer.readers.blogger_html.comments import CommentSnapshot, read_comments
from importer.readers.blogger_html.layouts import PageFacts, normalize_url

_POST_SELECTORS: dict[str, str] = {
    "layouts": "div.post.hentry, div.post-outer > div.post",
    "theme2017": ".post-outer-container",
    "classic": "div.post",
    "mobile": "div.mobile-post-outer",
}
_DIGITS = re.compile(r"^\d{6,}$")
_BODY_ID = re.compile(r"^post-body-(\d+)$")
_POSTED_BY = re.compile(
    r"^(?:posted by|lähettänyt|kirjoittanut|publié par|publicado por|eingestellt von|geplaatst door|"
    r"upplagd av|lagt inn av|indsendt af|postitas|pubblicato da|opublikowane przez)\s+", re.I)
_TRAILING_JOINER = re.compile(r"\s+(?:klo|kello|at|@|um|à|om|kl\.?|kell|alle|às|a las|o)\s*$", re.I)


@dataclass(frozen=True)
class PostSnapshot:
    """One post as one page shows it; times are still raw (resolved when merging)."""

    id: str | None
    url: str | None
    title: str
    content_html: str
    author: Author | None
    labels: tuple[str, ...]
    machine_time: datetime | None
    """From ``abbr.published@title`` / ``time@datetime`` (aware), when the template has one."""
    date_text: str
    """The date header in force for this post ("" when none)."""
    time_text: str
    """The footer time (``14.35``)."""
    truncated: bool
    """Cut at the jump break, or a snippet: not the whole body."""
    permalink_page: bool
    """Seen on its own permalink page."""
    comments: tuple[CommentSnapshot, ...] | None
    """The comments shown with it; None when the page shows no comment section for it."""
    locale: str
    """The locale its texts are written in."""
    file: str
    """The page it came from."""


def read_posts(soup: BeautifulSoup, facts: PageFacts, locale: str, file: str) -> list[PostSnapshot]:
    """Every post ``soup`` shows, in document order, with the date header in force for each."""
    selector = _POST_SELECTORS.get(facts.layout)
    if selector is None:
        return []
    posts = set(map(id, soup.select(selector)))
    headers = set(map(id, soup.select(".date-header")))
    found: list[tuple[Tag, str]] = []
    header = ""
    for tag in soup.find_all(True):
        if id(tag) in headers:
            header = _text(tag)
        elif id(tag) in posts and not any(id(p) in posts for p in tag.parents):
            found.append((tag, header))
    single = len(found) == 1
    return [_snapshot(tag, text, facts, locale, file, single, soup) for tag, text in found]


def _snapshot(tag: Tag, header: str, facts: PageFacts, locale: str, file: str, single: bool,
              soup: BeautifulSoup) -> PostSnapshot:
    url = _permalink(tag)
    post_id = _post_id(tag)
    body, truncated = _body(tag)
    own_page = single and (facts.single_item or (url is not None and url == facts.page_url)
                           or (url is not None and _file_matches(file, url)))
    section = _comment_section(tag, soup if single else None)
    comments = None
    if section is not None and post_id is not None:
        comments = tuple(read_comments(section, post_id, locale))
    return PostSnapshot(
        id=post_id, url=url, title=_title(tag), content_html=body, author=_author(tag),
        labels=_labels(tag), machine_time=_machine_time(tag), date_text=header,
        time_text=_time_text(tag), truncated=truncated or facts.layout == "mobile",
        permalink_page=own_page and not truncated, comments=comments, locale=locale, file=file,
    )


def _file_matches(file: str, url: str) -> bool:
    """A wget mirror stores ``host/2010/06/slug.html`` at that path (``?m=1`` may follow)."""
    path = url.split("://", 1)[-1].split("/", 1)[-1]
    name = file.replace("\\", "/").split("?", 1)[0]
    return path.endswith(".html") and ("/" + name).endswith("/" + path)


def _post_id(tag: Tag) -> str | None:
    meta = tag.find("meta", attrs={"itemprop": "postId"})
    if isinstance(meta, Tag) and _DIGITS.match(str(meta.get("content", ""))):
        return str(meta["content"])
    for anchor in tag.find_all("a", attrs={"name": True}, limit=5):
        if _DIGITS.match(str(anchor["name"])):
            return str(anchor["name"])
    body = tag.find(id=_BODY_ID)
    if isinstance(body, Tag):
        match = _BODY_ID.match(str(body["id"]))
        return match.group(1) if match else None
    return None


def _permalink(tag: Tag) -> str | None:
    for selector in ("a.timestamp-link[href]", "a[rel~=bookmark][href]", "a[title='permanent link'][href]",
                     ".post-title a[href]", "a[href]:has(> .mobile-index-title)", "meta[itemprop=url]"):
        found = tag.select_one(selector)
        if found is not None:
            href = str(found.get("href") or found.get("content") or "")
            if href:
                return normalize_url(href)
    return None


def _title(tag: Tag) -> str:
    return _text(tag.select_one(".post-title, .mobile-index-title, .entry-title"))


def _body(tag: Tag) -> tuple[str, bool]:
    body = tag.select_one(".post-body")
    if body is None:
        return "", True
    truncated = False
    for jump in body.select(".jump-link, a[href$='#more']"):
        truncated = True
        jump.decompose()
    for clear in body.find_all("div", style=_LAYOUT_CLEAR):
        if not clear.get_text(strip=True) and not clear.find(True):
            clear.decompose()
    return body.decode_contents().strip(), truncated


#: Blogger's own spacer at the end of a post body (Classic: ``clear:both; padding-bottom:0.25em``).
_LAYOUT_CLEAR = re.compile(r"^\s*clear:\s*both\s*(;\s*padding-bottom:\s*[\d.]+(em|px)\s*)?;?\s*$")


def _labels(tag: Tag) -> tuple[str, ...]:
    links = tag.select(".post-labels a[rel~=tag]") or tag.select(".post-labels a") or \
        tag.select("a[rel~=tag]")
    return tuple(dict.fromkeys(t for t in (_text(a) for a in links) if t))


def _author(tag: Tag) -> Author | None:
    holder = tag.select_one(".post-author")
    if holder is not None:
        name_tag = holder.select_one("[itemprop=name]") or holder.select_one(".fn") or holder
        link = holder.select_one("a[href*='/profile/']") or holder.find("meta", attrs={"itemprop": "url"})
        uri = str(link.get("href") or link.get("content") or "") if isinstance(link, Tag) else ""
        name = _strip_words(_text(name_tag))
        return Author(name=name, uri=uri or None) if name else None
    footer = tag.select_one(".post-footer")
    stamp = footer.select_one("a[title='permanent link'], .post-timestamp") if footer else None
    if footer is None or stamp is None:
        return None
    before: list[str] = []
    for node in footer.descendants:
        if node is stamp:
            break
        if isinstance(node, str) and not isinstance(node, Tag):
            before.append(str(node))
    name = _strip_words(" ".join("".join(before).split()))
    return Author(name=name) if name else None


def _strip_words(text: str) -> str:
    return _TRAILING_JOINER.sub("", _POSTED_BY.sub("", text)).strip(" ,:-")


def _machine_time(tag: Tag) -> datetime | None:
    for found, attr in ((tag.select_one("abbr.published[title]"), "title"),
                        (tag.select_one("time.published[datetime], time[datetime]"), "datetime")):
        if found is None:
            continue
        try:
            value = datetime.fromisoformat(str(found[attr]).strip())
        except ValueError:
            continue
        if value.tzinfo is not None:
            return value
    return None


def _time_text(tag: Tag) -> str:
    stamp = tag.select_one(".post-timestamp abbr, .post-timestamp time, .post-timestamp a, "
                           "a[title='permanent link'], .post-timestamp")
    return _text(stamp)


def _comment_section(tag: Tag, page: BeautifulSoup | None) -> Tag | None:
    outer = tag.find_parent(class_=["post-outer", "post-outer-container"]) or tag
    found = outer.select_one("#comments, .comments")
    if found is None and page is not None:
        found = page.select_one("#comments, section.comments, div.comments")
    return found


def _text(tag: Tag | None) -> str:
    return " ".join(tag.get_text(" ").split()) if isinstance(tag, Tag) else ""
