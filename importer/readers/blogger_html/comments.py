"""Comments as a saved page shows them: the flat ``dl#comments-block`` and the threaded markup.

Quirks handled:
- Flat (Layouts and Classic): ``dt.comment-author#c<id>`` ("Ilkka sanoi..."), ``dd.comment-body``
  (text wrapped in one ``<p>``), ``dd.comment-footer``/``dd.comment-timestamp`` with a link
  ``…?showComment=<epoch ms>#c<id>`` whose text is the localized time. Flat markup has no parents.
- Threaded (Layouts since 2012, 2017+ themes): ``li.comment#c<id>`` with ``cite.user``,
  ``p.comment-content``, ``span.datetime > a``; replies sit in ``div.comment-replies`` inside
  their parent's ``li``.
- ``showComment`` gives the exact instant; older templates link ``#c<id>`` only, so the text
  ("10. kesäkuuta 2010 klo 16.02") is parsed later in the page's locale.
- Anonymous commenters show the ``anon`` avatar and no profile link.
Only published comments are ever on a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone

from bs4 import Tag

from importer.model import Author

_SHOW_COMMENT = re.compile(r"[?&]showComment=(\d{10,16})")
_COMMENT_ID = re.compile(r"^c?(\d{6,})$")
_HREF_ID = re.compile(r"#c(\d{6,})$")
_SAID = re.compile(
    r"\s*(?:said|sanoi|kirjoitti|a dit|schreef|sagte|dijo|sa|skrev|sagde|ütles)\s*(?:\.\.\.|…)?:?\s*$", re.I)


@dataclass(frozen=True)
class CommentSnapshot:
    """One comment as a page shows it; the time is still raw."""

    id: str
    post_id: str
    parent_id: str | None
    author: Author
    content_html: str
    machine_time: datetime | None
    """From ``?showComment=<epoch ms>`` (UTC), when the link has it."""
    time_text: str
    """The localized time text shown under the comment."""
    locale: str


def read_comments(section: Tag, post_id: str, locale: str) -> list[CommentSnapshot]:
    """The comments in one comment section, oldest first as the page lists them."""
    threaded = section.select("li.comment")
    if threaded:
        return [c for li in threaded if (c := _threaded(li, post_id, locale)) is not None]
    block = section.select_one("dl#comments-block, dl.comments-block, #comments-block")
    if block is None:
        return []
    return [c for dt in block.find_all("dt") if (c := _flat(dt, post_id, locale)) is not None]


def _threaded(li: Tag, post_id: str, locale: str) -> CommentSnapshot | None:
    match = _COMMENT_ID.match(str(li.get("id", "")))
    if match is None:
        return None
    parent_li = li.find_parent("li", class_="comment")
    parent = _COMMENT_ID.match(str(parent_li.get("id", ""))) if parent_li is not None else None
    block = li.select_one(".comment-block") or li
    cite = block.select_one("cite.user, .comment-header .user")
    link = block.select_one(".datetime a[href], .comment-header a[href*='showComment']")
    content = block.select_one(".comment-content")
    return CommentSnapshot(
        id=match.group(1), post_id=post_id, parent_id=parent.group(1) if parent else None,
        author=_author(cite, li), content_html=content.decode_contents().strip() if content else "",
        machine_time=_show_comment(link), time_text=_text(link), locale=locale,
    )


def _flat(dt: Tag, post_id: str, locale: str) -> CommentSnapshot | None:
    comment_id = _flat_id(dt)
    if comment_id is None:
        return None
    body = dt.find_next_sibling(["dd", "dt"])
    if body is None or body.name == "dt":
        body = None
    footer = body.find_next_sibling(["dd", "dt"]) if body is not None else None
    if footer is not None and footer.name == "dt":
        footer = None
    link = footer.select_one("a[href]") if footer is not None else None
    return CommentSnapshot(
        id=comment_id, post_id=post_id, parent_id=None, author=_author(dt, dt),
        content_html=_flat_body(body), machine_time=_show_comment(link), time_text=_text(link),
        locale=locale,
    )


def _flat_id(dt: Tag) -> str | None:
    for value in (dt.get("id"), *(a.get("name") for a in dt.find_all("a", attrs={"name": True}))):
        match = _COMMENT_ID.match(str(value or ""))
        if match:
            return match.group(1)
    footer = dt.find_next_sibling("dd", class_=re.compile("comment-(footer|timestamp)"))
    link = footer.select_one("a[href]") if footer is not None else None
    href_match = _HREF_ID.search(str(link["href"])) if link is not None else None
    return href_match.group(1) if href_match else None


def _flat_body(body: Tag | None) -> str:
    if body is None:
        return ""
    children = [c for c in body.contents if not (isinstance(c, str) and not c.strip())]
    if len(children) == 1 and isinstance(children[0], Tag) and children[0].name == "p":
        return children[0].decode_contents().strip()
    return body.decode_contents().strip()


def _author(holder: Tag | None, scope: Tag) -> Author:
    if holder is None:
        return Author(name="")
    link = holder.select_one("a[href*='/profile/'], a[href^='http']:not([name])")
    if holder.name == "cite" and link is None:
        link = holder.find("a", href=True)
    texts = [s for s in holder.find_all(string=True, recursive=True)
             if not s.find_parent(class_="avatar-image-container")]
    name = _SAID.sub("", " ".join("".join(texts).split())).strip()
    uri = str(link["href"]) if link is not None and link.get("href") else None
    avatar = scope.select_one(".avatar-image-container img")
    anonymous = uri is None and avatar is not None and "anon" in str(avatar.get("src", ""))
    return Author(name=name, uri=uri, anonymous=anonymous)


def _show_comment(link: Tag | None) -> datetime | None:
    if link is None:
        return None
    match = _SHOW_COMMENT.search(str(link.get("href", "")))
    if match is None:
        return None
    try:  # "?showComment=9999999999999999" is year 318857: then only the shown text is used
        value = datetime.fromtimestamp(int(match.group(1)) / 1000, tz=timezone.utc)
    except (ValueError, OverflowError, OSError):
        return None
    # the years 1 and 9999 overflow when moved into the blog's zone
    return value if 1 < value.year < 9999 else None


def _text(tag: Tag | None) -> str:
    return " ".join(tag.get_text(" ").split()) if isinstance(tag, Tag) else ""
