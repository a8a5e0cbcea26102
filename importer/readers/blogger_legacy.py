"""Reader of Blogger's legacy "Back up content" export (Atom + GData, ``blog-MM-DD-YYYY.xml``).

Quirks handled: the entry kind is the suffix of the ``…g/2005#kind`` category term (template
and settings entries are not posts; settings titles are localized, so settings are keyed on the
id); drafts are ``app:control/app:draft = yes`` with an inline namespace (matched by local
name), and one real export forgot to declare the ``app`` prefix (read with a warning);
permalinks are taken from the ``alternate`` link, never recomputed; comments find their post
through ``thr:in-reply-to/@ref`` (else the edit/self href) and their parent comment through a
``related`` link ending ``/comments/default/<id>``; "Anonymous"/"Anonyymi" without a profile URI
is an anonymous commenter; ``blogger.displayTime`` is kept and cross-checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from importer.dates.display import check_display_text
from importer.dates.tz import zone_or_none
from importer.diagnostics import Diagnostics
from importer.errors import InputError
from importer.model import Archive, Author, Blog, Comment, Location, Post
from importer.options import ReadOptions
from importer.readers.blogger_common import (
    ATOM,
    GEORSS,
    KNOWN_PREFIXES,
    THR,
    PrefixUndeclared,
    TagId,
    blog_id_in,
    blog_zone,
    child_text,
    coordinate,
    iter_entries,
    local,
    parse_setting_id,
    parse_tag_id,
    parse_time,
    slug_from_url,
    usable_url,
)
from importer.readers.blogger_threads import assemble
from importer.readers.children import Children
from importer.readers.encoding import encoding_override

KIND_SCHEME = "http://schemas.google.com/g/2005#kind"
LABEL_SCHEME = "http://www.blogger.com/atom/ns#"
ANONYMOUS_NAMES = frozenset({"anonymous", "anonyymi"})
_COMMENT_HREF = re.compile(r"/(\d+)/comments/default/(\d+)$")
_RELATED_PARENT = re.compile(r"/comments/default/(\d+)$")
_MAX_PREFIX_RETRIES = 3
#: Blogger's longest display times ("keskiviikkona 10. kesäkuuta 2010 klo 16.02") are ~50 characters.
_ID, _TITLE, _CONTENT = f"{{{ATOM}}}id", f"{{{ATOM}}}title", f"{{{ATOM}}}content"
_AUTHOR, _NAME, _URI = f"{{{ATOM}}}author", f"{{{ATOM}}}name", f"{{{ATOM}}}uri"
Opener = Callable[[], BinaryIO]
CollectEntry = Callable[[etree._Element, "Collected", Diagnostics], None]


class EntryInvalid(ValueError):
    """An entry lacks or breaks a required field; it is skipped with ``entry-invalid``."""


@dataclass
class Collected:
    """What a pass over the entries gathered, before the archive is put together."""

    head: dict[str, str] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)
    posts: list[Post] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    zone: tzinfo | None = None
    """The blog's zone once known (``--timezone``, or a setting read before the entries): times
    are put in it as they are read, which saves ``assemble`` a copy of every entry."""


def read_blogger_legacy(path: Path, options: ReadOptions, diagnostics: Diagnostics) -> Archive:
    """Read a legacy Blogger export: posts, pages, drafts, threaded comments, labels, settings."""
    name = str(path)
    try:
        total = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=name) from exc
    collected = collect_with_retries(lambda: path.open("rb"), name, total, options, diagnostics)
    return build_archive(collected, options, diagnostics)


def collect_with_retries(
    opener: Opener, name: str, total: int | None, options: ReadOptions, diagnostics: Diagnostics,
    collect_entry: CollectEntry | None = None, zone: tzinfo | None = None,
) -> Collected:
    """One pass over the entries; again with known prefixes declared if the file forgot them.

    ``collect_entry`` files one entry into the ``Collected`` (default: a legacy export entry);
    it raises ``EntryInvalid`` for an entry to skip. ``zone`` is the blog's zone when known
    before reading (``--timezone`` is used otherwise; see ``Collected.zone``).
    """
    declare: dict[str, str] = {}
    while True:
        attempt = Diagnostics(diagnostics.file)
        try:
            with opener() as raw:
                collected = _collect(raw, name, total, options, attempt, declare,
                                     collect_entry or _collect_entry,
                                     zone or zone_or_none(options.timezone))
        except PrefixUndeclared as missing:
            if missing.prefix in declare or len(declare) >= _MAX_PREFIX_RETRIES:
                raise InputError(f"namespace prefix {missing.prefix!r} is used but never declared",
                                 file=name) from None
            declare[missing.prefix] = KNOWN_PREFIXES[missing.prefix]
            continue
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", file=name) from exc
        for prefix, uri in sorted(declare.items()):
            diagnostics.report("prefix-undeclared", f"The namespace prefix {prefix!r} is used but "
                               f"never declared; it was read as {uri!r}.")
        if "encoding_suspect" in collected.head:
            diagnostics.report("encoding-suspect", collected.head["encoding_suspect"])
        diagnostics.extend(attempt)
        return collected


def _collect(raw: BinaryIO, name: str, total: int | None, options: ReadOptions,
             diagnostics: Diagnostics, declare: dict[str, str], collect_entry: CollectEntry,
             zone: tzinfo | None) -> Collected:
    collected = Collected(zone=zone)
    for entry in iter_entries(raw, name, collected.head, total=total, progress=options.progress,
                              declare=declare, encoding=encoding_override(options.encoding)):
        try:
            collect_entry(entry, collected, diagnostics)
        except EntryInvalid as exc:
            raw_id = (child_text(entry, f"{{{ATOM}}}id") or "").strip() or None
            diagnostics.report("entry-invalid", f"Entry skipped: {exc}.",
                               entry=_short_id(raw_id), line=entry.sourceline if raw_id is None else None)
    return collected


def _short_id(raw_id: str | None) -> str | None:
    tag = parse_tag_id(raw_id)
    return tag.id if tag is not None else raw_id


def _gather(entry: etree._Element | Children) -> Children:
    return entry if isinstance(entry, Children) else Children(entry)


def entry_kind(entry: etree._Element | Children) -> str | None:
    """``post``, ``page``, ``comment``, ``settings``, ``template``... from the kind category."""
    for category in _gather(entry).categories:
        if category.get("scheme") == KIND_SCHEME:
            term = category.get("term") or ""
            return term.rsplit("#", 1)[-1] or None
    return None


def _collect_entry(entry: etree._Element, collected: Collected, diagnostics: Diagnostics) -> None:
    children = Children(entry)
    raw_id = (children.text(_ID) or "").strip()
    if not raw_id:
        raise EntryInvalid("it has no <id>")
    kind = entry_kind(children)
    if kind == "settings":
        setting = parse_setting_id(raw_id)
        if setting is not None:
            collected.settings[setting] = (children.text(_CONTENT) or "").strip()
            if setting == "BLOG_TIME_ZONE" and collected.zone is None:
                collected.zone = zone_or_none(collected.settings[setting])
        return
    if kind == "template":
        return
    tag = parse_tag_id(raw_id)
    if kind not in ("post", "page", "comment"):
        diagnostics.report("entry-unknown-kind", f"Entry {raw_id!r} is of unknown kind {kind!r}; "
                           "skipped.", entry=tag.id if tag else raw_id)
        return
    if tag is None:
        raise EntryInvalid(f"its id {raw_id!r} is not a Blogger post id")
    if tag.id in collected.seen:
        diagnostics.report("entry-duplicate-id", f"A second entry with id {tag.id!r} was skipped.",
                           entry=tag.id)
        return
    if kind == "comment":
        collected.comments.append(read_comment(children, tag, collected.zone))
    else:
        status = "draft" if is_draft(children) else "published"
        collected.posts.append(read_post(children, tag, kind, status, collected.zone))
    collected.seen.add(tag.id)


def is_draft(entry: etree._Element | Children) -> bool:
    """True when ``app:control/app:draft`` says ``yes`` (any namespace: matched by local name)."""
    children = _gather(entry)
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
    text = _gather(entry).text(f"{{{ATOM}}}{name}")
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
    author = _gather(entry).get(_AUTHOR)
    if author is None:
        return None
    name = (child_text(author, _NAME) or "").strip()
    uri = (child_text(author, _URI) or "").strip() or None
    return Author(name=name, uri=uri, anonymous=uri is None and name.lower() in ANONYMOUS_NAMES)


def read_location(entry: etree._Element | Children) -> Location | None:
    """``georss:featurename`` + ``georss:point`` ("lat lon"), when present."""
    children = _gather(entry)
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
    children = _gather(entry)
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
    children = _gather(entry)
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


def blog_from_settings(collected: Collected, options: ReadOptions, zone_name: str | None) -> Blog:
    """The ``Blog`` from the settings entries and the feed's own id, title and link."""
    settings, head = collected.settings, collected.head
    extra = {key: settings[name] for key, name in (
        ("convert_line_breaks", "BLOG_CONVERT_LINE_BREAKS"), ("date_format", "BLOG_DATE_FORMAT"))
        if settings.get(name)}
    url = options.base_url or head.get("url")
    return Blog(
        id=blog_id_in(head.get("id")), title=settings.get("BLOG_NAME") or head.get("title", ""),
        url=url, locale=settings.get("BLOG_LOCALE") or None, timezone=zone_name,
        description=settings.get("BLOG_DESCRIPTION", ""), extra=extra,
    )


def build_archive(collected: Collected, options: ReadOptions, diagnostics: Diagnostics) -> Archive:
    """Settings -> Blog; comments onto posts; times into the blog zone; display times checked."""
    zone, zone_name = blog_zone(collected.settings.get("BLOG_TIME_ZONE"), options.timezone,
                                diagnostics)
    blog = blog_from_settings(collected, options, zone_name)
    posts = assemble(collected.posts, collected.comments, zone, diagnostics)
    _check_display_times(posts, blog.locale, diagnostics)
    return Archive(blog=blog, posts=posts, source_format="blogger-legacy")


def _check_display_times(posts: tuple[Post, ...], locale: str | None, diagnostics: Diagnostics) -> None:
    """Each comment's ``blogger.displayTime`` against its timestamp (``importer.dates.display``)."""
    for post in posts:
        for comment in post.comments:
            text = comment.extra.get("display_time")
            if text:
                problem = check_display_text(text, comment.published, locale)
                if problem is not None:
                    diagnostics.report(problem.code, problem.message, entry=comment.id)
