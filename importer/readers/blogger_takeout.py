"""Reader of Google Takeout's Blogger export (``feed.atom``, namespace ``blogger/2018``).

Quirks handled: ``blogger:type`` POST/PAGE/COMMENT and ``blogger:status`` (LIVE, DRAFT,
SCHEDULED, SOFT_TRASHED, DELETED; comments LIVE, SPAM_COMMENT, PENDING_MODERATION,
GHOSTED_COMMENT) with unknown values kept lower-cased, reported, never public; times are UTC
and are expressed in ``settings.csv: blog_time_zone`` (the instant is unchanged); permalink =
``https://`` + ``blog_subdomain`` (a bare name in 2021 exports: ``.blogspot.com`` is added) +
``blogger:filename``; 2021 exports have no filename, so the URL is rebuilt from the local date
and title and flagged; labels use scheme ``tag:blogger.com,1999:blog-<id>``, a bare
``<category/>`` means none; ``blogger:parent``/``blogger:inReplyTo`` thread the comments; author
``blogger:type`` ANONYMOUS; ``metaDescription`` and ``location`` are kept.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import tzinfo
from pathlib import Path

from lxml import etree

from importer.dates.tz import zone_or_none
from importer.diagnostics import Diagnostics, plural
from importer.model import Archive, Author, Blog, Comment, Location, Post
from importer.options import ReadOptions
from importer.readers.blogger_common import (
    ATOM,
    BLOGGER_2018,
    TagId,
    blog_id_in,
    blog_zone,
    child_text,
    coordinate,
    parse_tag_id,
    slug_from_url,
    usable_url,
)
from importer.readers.blogger_entry import EntryInvalid, time_of
from importer.readers.blogger_legacy import Collected, collect_with_retries
from importer.readers.blogger_threads import assemble
from importer.readers.children import Children
from importer.readers.takeout_source import FeedSource, inflated_limit, resolve

B = f"{{{BLOGGER_2018}}}"
POST_STATUSES = {"LIVE": "published", "DRAFT": "draft", "SCHEDULED": "scheduled",
                 "SOFT_TRASHED": "trashed", "DELETED": "deleted"}
COMMENT_STATUSES = {"LIVE": "published", "SPAM_COMMENT": "spam",
                    "PENDING_MODERATION": "pending", "GHOSTED_COMMENT": "deleted"}
_SLUG_STOPWORDS = frozenset({"a", "an", "the"})
_SLUG_MAX = 40


def read_blogger_takeout(path: Path, options: ReadOptions, diagnostics: Diagnostics) -> Archive:
    """Read one blog of a Takeout (feed.atom, blog folder, Takeout folder or .zip)."""
    source = resolve(path, options.blog, diagnostics, inflated_limit(options.max_inflated),
                     name_others=not options.each_blog)
    settings = source.settings
    collected = collect_with_retries(
        source.open, source.label, source.size, options, diagnostics, collect_entry=_collect_entry,
        zone=zone_or_none(options.timezone) or zone_or_none(settings.get("blog_time_zone")),
    )
    zone, zone_name = blog_zone(settings.get("blog_time_zone"), options.timezone, diagnostics)
    if zone is None and not settings.get("blog_time_zone"):
        diagnostics.report("timezone-missing", "The Takeout has no blog time zone setting; times "
                           "are kept in UTC.")
    blog = _blog(source, collected, options, zone_name)
    posts = _with_urls(collected.posts, blog.url, zone, diagnostics)
    return Archive(blog=blog, posts=assemble(posts, collected.comments, zone, diagnostics),
                   source_format="blogger-takeout")


def _blog(source: FeedSource, collected: Collected, options: ReadOptions,
          zone_name: str | None) -> Blog:
    settings = source.settings
    host = (settings.get("blog_subdomain") or "").strip().strip("/")
    if host and "." not in host:
        host += ".blogspot.com"  # 2021 exports give the bare name: "triplogandnotes"
    url = options.base_url or usable_url(f"https://{host}/" if host else None)
    if url and not url.endswith("/"):
        url += "/"
    extra = {key[len("blog_"):]: settings[key].strip()
             for key in ("blog_convert_line_breaks", "blog_date_format", "blog_jump_text")
             if settings.get(key, "").strip()}
    return Blog(
        id=blog_id_in(collected.head.get("id")) or _first_blog_id(collected),
        title=settings.get("blog_name") or collected.head.get("title") or source.folder,
        url=url, locale=settings.get("blog_locale") or None, timezone=zone_name,
        description=settings.get("blog_description", ""),
        extra=extra,
    )


def _first_blog_id(collected: Collected) -> str | None:
    return collected.settings.get("blog_id")


def _status(entry: Children, table: dict[str, str], what: str, entry_id: str,
            diagnostics: Diagnostics) -> str:
    raw = (entry.text(f"{B}status") or "").strip()
    if raw in table:
        return table[raw]
    word = raw.lower() or "unknown"
    diagnostics.report("status-unknown", f"The {what} has status {raw!r}, which this reader does "
                       f"not know; kept as {word!r} and not public.", entry=entry_id)
    return word


def _collect_entry(element: etree._Element, collected: Collected, diagnostics: Diagnostics) -> None:
    entry = Children(element)  # every child once: the fields below are looked up in it
    raw_id = (entry.text(f"{{{ATOM}}}id") or "").strip()
    if not raw_id:
        raise EntryInvalid("it has no <id>")
    tag = parse_tag_id(raw_id)
    if tag is None:
        raise EntryInvalid(f"its id {raw_id!r} is not a Blogger post id")
    collected.settings.setdefault("blog_id", tag.blog_id)
    kind = (entry.text(f"{B}type") or "").strip()
    if kind not in ("POST", "PAGE", "COMMENT"):
        if not kind:
            raise EntryInvalid("it has no <blogger:type>")
        diagnostics.report("entry-unknown-kind", f"Entry {tag.id!r} is of unknown type {kind!r}; "
                           "skipped.", entry=tag.id)
        return
    if tag.id in collected.seen:
        diagnostics.report("entry-duplicate-id", f"A second entry with id {tag.id!r} was skipped.",
                           entry=tag.id)
        return
    if kind == "COMMENT":
        status = _status(entry, COMMENT_STATUSES, "comment", tag.id, diagnostics)
        collected.comments.append(_comment(entry, tag, status, collected.zone))
    else:
        status = _status(entry, POST_STATUSES, kind.lower(), tag.id, diagnostics)
        collected.posts.append(_post(entry, tag, kind.lower(), status, collected.zone))
    collected.seen.add(tag.id)


def _author(entry: Children) -> Author | None:
    author = entry.get(f"{{{ATOM}}}author")
    if author is None:
        return None
    name = (child_text(author, f"{{{ATOM}}}name") or "").strip()
    uri = (child_text(author, f"{{{ATOM}}}uri") or "").strip() or None
    anonymous = (child_text(author, f"{B}type") or "").strip().upper() == "ANONYMOUS"
    return Author(name=name, uri=uri, anonymous=anonymous)


def _location(entry: Children) -> Location | None:
    place = entry.get(f"{B}location")
    if place is None:
        return None
    name = (child_text(place, f"{B}name") or "").strip()
    coordinates = [coordinate(child_text(place, f"{B}{key}")) for key in ("latitude", "longitude")]
    if not name and coordinates == [None, None]:
        return None
    return Location(name=name, latitude=coordinates[0], longitude=coordinates[1])


def _post(entry: Children, tag: TagId, kind: str, status: str, zone: tzinfo | None) -> Post:
    published = time_of(entry, "published", zone=zone)
    assert published is not None
    labels = tuple(
        term for c in entry.categories
        if (c.get("scheme") or "").startswith("tag:blogger.com,1999:blog-")
        and (term := c.get("term")) is not None
    )
    filename = entry.text(f"{B}filename")
    extra = {}
    description = (entry.text(f"{B}metaDescription") or "").strip()
    if description:
        extra["search_description"] = description
    if filename is None:
        extra["filename_missing"] = "true"  # 2021 generation: rebuilt later, from the local date
    return Post(
        id=tag.id, kind=kind, status=status, title=entry.text(f"{{{ATOM}}}title") or "",
        slug=slug_from_url(filename.strip()) if filename else None,
        url=filename.strip() or None if filename else None, published=published,
        updated=time_of(entry, "updated", False, zone), author=_author(entry), labels=labels,
        content_html=entry.text(f"{{{ATOM}}}content") or "", location=_location(entry),
        extra=extra,
    )


def _comment(entry: Children, tag: TagId, status: str, zone: tzinfo | None) -> Comment:
    post = parse_tag_id(entry.text(f"{B}parent"))
    if post is None:
        raise EntryInvalid(f"comment {tag.id!r} names no post it belongs to")
    parent = parse_tag_id(entry.text(f"{B}inReplyTo"))
    published = time_of(entry, "published", zone=zone)
    assert published is not None
    return Comment(
        id=tag.id, post_id=post.id, parent_id=parent.id if parent else None,
        author=_author(entry) or Author(name=""), published=published, status=status,
        content_html=entry.text(f"{{{ATOM}}}content") or "",
    )


def slug_from_title(title: str) -> str:
    """Blogger-like slug: ASCII-folded words, "a/an/the" dropped, cut at a word near 40 chars."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = [w for w in re.split(r"[^a-z0-9]+", folded.lower()) if w and w not in _SLUG_STOPWORDS]
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > _SLUG_MAX and slug:
            break
        slug = candidate[:_SLUG_MAX] if not slug else candidate
    return slug or "blog-post"


def _with_urls(posts: list[Post], base: str | None, zone: tzinfo | None,
               diagnostics: Diagnostics) -> list[Post]:
    """Full permalinks from filenames; rebuilt (and flagged) ones when the export has none."""
    result, rebuilt = [], 0
    root = (base or "").rstrip("/")
    for post in posts:
        extra = dict(post.extra)
        missing = extra.pop("filename_missing", None) is not None
        if post.url:
            if not root:
                extra["path"] = post.url  # no blog address known: keep the path at least
            url = usable_url(root + post.url) if root else None
            if root and url is None:
                extra["url_invalid"] = root + post.url
            post = dataclasses.replace(post, url=url, extra=extra)
        elif missing and post.status == "published" and post.kind == "post":
            day = post.published.astimezone(zone) if zone is not None else post.published
            path = f"/{day:%Y/%m}/{slug_from_title(post.title)}.html"
            post = dataclasses.replace(post, url=root + path if root else None,
                                       slug=slug_from_url(path), url_reconstructed=True, extra=extra)
            rebuilt += 1
        else:
            post = dataclasses.replace(post, extra=extra)
        result.append(post)
    if rebuilt:
        diagnostics.report("url-reconstructed", f"{plural(rebuilt, 'post')} had no permalink in the "
                           "export; URLs were rebuilt from the title and local date.")
    return result

