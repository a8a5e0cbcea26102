"""Reading one Blogger Atom entry (legacy export, public feed) into the model: its fields.

Quirks handled: the entry kind is the suffix of the ``…g/2005#kind`` category term; drafts are
``app:control/app:draft = yes`` with an inline namespace (matched by local name); permalinks
are taken from the ``alternate`` link, never recomputed; comments find their post through
``thr:in-reply-to/@ref`` (else the edit/self href) and their parent comment through a
``related`` link ending ``/comments/default/<id>``; "Anonymous"/"Anonyymi" without a profile URI
is an anonymous commenter; ``blogger.displayTime`` is kept (and cross-checked by the reader).
Every function takes the entry element or its ``Children`` gathered once (the readers' hot path).
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo

from lxml import etree

from importer.model import Author, Comment, Location, Post
from importer.readers.blogger_common import (
    ATOM,
    GEORSS,
    THR,
    TagId,
    child_text,
    coordinate,
    local,
    parse_tag_id,
    parse_time,
    slug_from_url,
    usable_url,
)
from importer.readers.children import Children

KIND_SCHEME = "http://schemas.google.com/g/2005#kind"
LABEL_SCHEME = "http://www.blogger.com/atom/ns#"
ANONYMOUS_NAMES = frozenset({"anonymous", "anonyymi"})
_COMMENT_HREF = re.compile(r"/(\d+)/comments/default/(\d+)$")
_RELATED_PARENT = re.compile(r"/comments/default/(\d+)$")
_TITLE, _CONTENT = f"{{{ATOM}}}title", f"{{{ATOM}}}content"
_AUTHOR, _NAME, _URI = f"{{{ATOM}}}author", f"{{{ATOM}}}name", f"{{{ATOM}}}uri"


class EntryInvalid(ValueError):
    """An entry lacks or breaks a required field; it is skipped with ``entry-invalid``."""


def gather(entry: etree._Element | Children) -> Children:
    return entry if isinstance(entry, Children) else Children(entry)


def entry_kind(entry: etree._Element | Children) -> str | None:
    """``post``, ``page``, ``comment``, ``settings``, ``template``... from the kind category."""
    for category in gather(entry).categories:
        if category.get("scheme") == KIND_SCHEME:
            term = category.get("term") or ""
            return term.rsplit("#", 1)[-1] or None
    return None


def is_draft(entry: etree._Element | Children) -> bool:
    """True when ``app:control/app:draft`` says ``yes`` (any namespace: matched by local name)."""
    children = gather(entry)
    for tag, control in zip(children.tags, children.elements, strict=True):
        if local(tag) == "control":
            for flag in control:
                if local(flag.tag) == "draft" and (flag.text or "").strip().lower() == "yes":
                    return True
    return False


def time_of(entry: etree._Element | Children, name: str, required: bool = True,
            zone: tzinfo | None = None) -> datetime | None:
    """The entry's ``published``/``updated`` time (in ``zone``, if given); ``EntryInvalid`` when
    broken or required+absent."""
    text = gather(entry).text(f"{{{ATOM}}}{name}")
    if text is None or not text.strip():
        if required:
            raise EntryInvalid(f"it has no <{name}> date")
        return None
    try:
        moment = parse_time(text)
    except ValueError:
        raise EntryInvalid(f"its <{name}> date {text.strip()[:60]!r} is not RFC 3339") from None
    return moment.astimezone(zone) if zone is not None else moment


def read_author(entry: etree._Element | Children) -> Author | None:
    """The entry's first ``author`` (name and profile URI; e-mail is never kept)."""
    author = gather(entry).get(_AUTHOR)
    if author is None:
        return None
    name = (child_text(author, _NAME) or "").strip()
    uri = (child_text(author, _URI) or "").strip() or None
    return Author(name=name, uri=uri, anonymous=uri is None and name.lower() in ANONYMOUS_NAMES)


def read_location(entry: etree._Element | Children) -> Location | None:
    """``georss:featurename`` + ``georss:point`` ("lat lon"), when present."""
    children = gather(entry)
    name = (children.text(f"{{{GEORSS}}}featurename") or "").strip()
    point = (children.text(f"{{{GEORSS}}}point") or "").split()
    if not name and len(point) != 2:
        return None
    lat, lon = (coordinate(point[0]), coordinate(point[1])) if len(point) == 2 else (None, None)
    return Location(name=name, latitude=lat, longitude=lon)


def read_post(entry: etree._Element | Children, tag: TagId, kind: str, status: str,
              zone: tzinfo | None = None) -> Post:
    """A post or page entry (legacy export or public feed) as a ``Post`` without comments (times
    in ``zone``, if given)."""
    children = gather(entry)
    published = time_of(children, "published", zone=zone)
    assert published is not None
    labels = tuple(
        term for c in children.categories
        if c.get("scheme") == LABEL_SCHEME and (term := c.get("term")) is not None
    )
    link = None if status == "draft" else children.link("alternate", "text/html")
    url = usable_url(link)
    extra = {"url_invalid": link} if link and url is None else {}
    return Post(
        id=tag.id, kind=kind, status=status,
        title=children.text(_TITLE) or "",
        slug=slug_from_url(url), url=url, published=published,
        updated=time_of(children, "updated", False, zone), author=read_author(children),
        labels=labels, content_html=children.text(_CONTENT) or "",
        location=read_location(children), extra=extra,
    )


def _comment_ids(children: Children) -> tuple[str | None, str | None]:
    """(post id, parent comment id) of a comment entry."""
    post_id = None
    reply = children.get(f"{{{THR}}}in-reply-to")
    if reply is not None:
        target = parse_tag_id(reply.get("ref"))
        post_id = target.id if target is not None else None
    if post_id is None:
        for rel in ("self", "edit"):
            match = _COMMENT_HREF.search(children.link(rel) or "")
            if match:
                post_id = match.group(1)
                break
    related = _RELATED_PARENT.search(children.link("related") or "")
    return post_id, related.group(1) if related else None


def read_comment(entry: etree._Element | Children, tag: TagId, zone: tzinfo | None = None) -> Comment:
    """A comment entry as a ``Comment`` (legacy exports hold only published comments; its time
    in ``zone``, if given)."""
    children = gather(entry)
    post_id, parent_id = _comment_ids(children)
    if post_id is None:
        raise EntryInvalid(f"comment {tag.id!r} names no post it belongs to")
    published = time_of(children, "published", zone=zone)
    assert published is not None
    extra = {}
    for prop in children.properties:
        if prop.get("name") == "blogger.displayTime" and prop.get("value"):
            extra["display_time"] = str(prop.get("value"))
    return Comment(
        id=tag.id, post_id=post_id, parent_id=parent_id,
        author=read_author(children) or Author(name=""), published=published, status="published",
        content_html=children.text(_CONTENT) or "", extra=extra,
    )
