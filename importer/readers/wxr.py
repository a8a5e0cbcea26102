"""WordPress WXR 1.0–1.2 input (WordPress → Markdown/JSON, and our own WXR back to an archive).

Streams with lxml ``iterparse`` and clears each finished item, so files of hundreds of MB read in
little memory. Quirks handled:
- Namespaces differ by version and exporter: ``http://wordpress.org/export/1.0/`` ... ``1.2``, and
  WordPress.com writes ``https://``; elements are matched by local name within any of them.
- Control characters XML forbids (``\\x0b`` from Word pastes) make real exports malformed; they
  are removed from the byte stream before parsing and reported once (``control-chars-removed``):
  the byte stream and the parse are in ``wxr_stream``.
- ``post_date_gmt`` is the instant; drafts carry ``0000-00-00 00:00:00`` there, and then
  ``post_date`` is read in the blog zone (``--timezone``). Without a zone, an item keeps the
  offset its two dates imply, and a lone ``post_date`` is taken as UTC (``timezone-missing``).
- Every ``<item>`` becomes one ``Post`` whose ``kind`` is its ``post_type``: attachments stay
  entries of kind ``attachment`` (``extra``: ``attachment_url``, ``post_parent`` = the owning
  entry's id), so ``len(archive.posts)`` equals the file's item count; custom types (``product``)
  are kept with their kind and reported once per type (``kind-custom``), WordPress's own are not.
- WordPress.com exports repeat some ``post_id``s on distinct items (menu entries of two menus):
  both are kept, the later under ``<id>-2`` (``menu-id-renamed`` for menu items, WordPress.com's
  own quirk; ``entry-id-renamed`` for anything else).
- Tags and categories both become labels (each once, file order); the category names are also
  listed in ``extra["wxr_categories"]`` (JSON) and other taxonomies in ``extra["wxr_terms"]``.
- Comments: ``comment_approved`` 1 → published, 0 → pending, spam → spam, trash → deleted;
  ``comment_parent`` threads within the item; pingbacks keep ``extra["comment_type"]``.
- What our WXR writer stored in postmeta (Blogger ids, permalinks, exact statuses) is restored.
- ``excerpt``, ``post_password``, ``menu_order``, ``sticky`` are kept in ``extra``; an image's alt
  text as ``alt_text``; featured images and category parents are resolved in ``wxr_links``.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path

from lxml import etree

from importer import wxr_meta as meta
from importer.dates.tz import local_time_status, resolve_tz
from importer.diagnostics import Diagnostics, plural
from importer.errors import InputError
from importer.html.autop import auto_paragraphs
from importer.model import KNOWN_KINDS, Archive, Author, Blog, Comment, Location, Post
from importer.options import ReadOptions
from importer.readers.blogger_threads import check_thread
from importer.readers.encoding import encoding_override
from importer.readers.wxr_links import category_parents, resolve_links
from importer.readers.wxr_stream import CleanStream, channel_children
from importer.readers.wxr_stream import key as _key
from importer.slugs import decode_slug

STATUSES = {"publish": "published", "draft": "draft", "future": "scheduled", "private": "private",
            "trash": "trashed", "pending": "pending", "inherit": "inherit"}
APPROVED = {"1": "published", "0": "pending", "spam": "spam", "trash": "deleted"}


def _text(element: etree._Element | None) -> str:
    return str(element.text or "") if element is not None else ""


@dataclass
class _Raw:
    """One element's children: first text per key, plus the repeated ones."""

    fields: dict[str, str] = field(default_factory=dict)
    terms: list[tuple[str, str, str]] = field(default_factory=list)
    meta: list[tuple[str, str]] = field(default_factory=list)
    comments: list[_Raw] = field(default_factory=list)


def _collect(element: etree._Element) -> _Raw:
    raw = _Raw()
    for child in element:
        if not isinstance(child.tag, str):
            continue
        key = _key(child.tag)
        if key == "category":
            raw.terms.append((child.get("domain") or "category", child.get("nicename") or "", _text(child)))
        elif key in ("wp:postmeta", "wp:commentmeta"):
            pairs = {_key(c.tag): _text(c) for c in child if isinstance(c.tag, str)}
            raw.meta.append((pairs.get("wp:meta_key", "").strip(), pairs.get("wp:meta_value", "")))
        elif key == "wp:comment":
            raw.comments.append(_collect(child))
        else:
            raw.fields.setdefault(key, _text(child))
    return raw


def _gmt(text: str) -> datetime | None:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)
    except ValueError:
        return None  # "0000-00-00 00:00:00" (drafts) and damaged values


@dataclass
class _State:
    """What reading one file accumulates besides the items."""

    options: ReadOptions
    diagnostics: Diagnostics
    zone: tzinfo | None
    channel: dict[str, str] = field(default_factory=dict)
    authors: dict[str, str] = field(default_factory=dict)
    posts: list[Post] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)
    """``wp:post_id`` -> our post id (to resolve ``post_parent``)."""
    seen: set[str] = field(default_factory=set)
    """Our post ids so far (a WordPress.com export repeats some ``post_id``s)."""
    kinds: Counter[str] = field(default_factory=Counter)
    assumed_utc: bool = False
    thumbnails: dict[str, str] = field(default_factory=dict)
    """Our post id -> the WXR ``post_id`` its ``_thumbnail_id`` names (resolved at the end)."""
    categories: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Declared category nicename -> (name, parent nicename)."""

    def instant(self, local: str, gmt: str, entry: str | None = None) -> datetime | None:
        """The moment of a (``post_date``, ``post_date_gmt``) pair, in the blog zone.

        None when there is no usable date, also for years 1 and 9999 that leave the calendar
        when moved into the zone (OverflowError).
        """
        try:
            return self._instant(local, gmt, entry)
        except OverflowError:
            return None

    def _instant(self, local: str, gmt: str, entry: str | None) -> datetime | None:
        utc, wall = _gmt(gmt), _gmt(local)
        if utc is not None:
            if self.zone is not None:
                return utc.astimezone(self.zone)
            offset = (wall - utc) if wall is not None else timedelta(0)
            if abs(offset) > timedelta(hours=14) or offset % timedelta(minutes=15):
                offset = timedelta(0)
            return utc.astimezone(timezone(offset))
        if wall is None:
            return None
        if self.zone is not None:
            naive = wall.replace(tzinfo=None)
            status = local_time_status(naive.date(), naive.time(), self.zone)
            if status == "nonexistent":
                self.diagnostics.report("date-nonexistent", f"'{local.strip()}' does not exist in "
                                        "the blog's zone (the clocks jump forward over it); read "
                                        "an hour later.", entry=entry)
            elif status == "ambiguous":
                self.diagnostics.report("date-ambiguous", f"'{local.strip()}' happens twice in the "
                                        "blog's zone; the first occurrence was used.", entry=entry)
            return naive.replace(tzinfo=self.zone).astimezone(timezone.utc).astimezone(self.zone)
        self.assumed_utc = True
        return wall


def _comment(raw: _Raw, post_id: str, state: _State) -> Comment | None:
    f, pairs = raw.fields, dict(raw.meta)
    comment_id = pairs.get(meta.SOURCE_ID) or f.get("wp:comment_id", "").strip()
    published = state.instant(f.get("wp:comment_date", ""), f.get("wp:comment_date_gmt", ""),
                              comment_id or None)
    if not comment_id or published is None:
        state.diagnostics.report("entry-invalid", f"A comment on entry '{post_id}' has no id or "
                                 "date; left out.", entry=comment_id or post_id)
        return None
    approved = f.get("wp:comment_approved", "").strip().lower()
    extra = meta.extra_from(raw.meta)
    kind = f.get("wp:comment_type", "").strip()
    if kind and kind != "comment":
        extra[meta.EXTRA_COMMENT_TYPE] = kind
    for name in ("wp:comment_author_email", "wp:comment_author_IP"):
        if f.get(name, "").strip():
            extra[name[len("wp:comment_"):].lower()] = f[name].strip()
    url = f.get("wp:comment_author_url", "").strip()
    return Comment(
        id=comment_id, post_id=post_id, parent_id=f.get("wp:comment_parent", "0").strip(),
        author=Author(name=f.get("wp:comment_author", ""), uri=url or None,
                      anonymous=pairs.get(meta.ANONYMOUS) == "1"),
        published=published, extra=extra,
        content_html=_body(f.get("wp:comment_content", ""), meta.SOURCE_ID in pairs),
        status=pairs.get(meta.STATUS) or APPROVED.get(approved, approved or "pending"),
    )


def _thread(raws: list[_Raw], post_id: str, state: _State) -> tuple[Comment, ...]:
    """Comments oldest first, ``comment_parent`` (a WXR id) turned into our parent id."""
    read = [(raw.fields.get("wp:comment_id", "").strip(), _comment(raw, post_id, state)) for raw in raws]
    ours = {wp_id: c.id for wp_id, c in read if c is not None}
    comments = []
    for _wp_id, comment in read:
        if comment is None:
            continue
        parent = comment.parent_id
        if parent in ("", "0", None):
            parent = None
        elif parent not in ours:
            state.diagnostics.report("comment-parent-missing", f"Reply to comment '{parent}', which "
                                     "is not on this entry; kept as top level.", entry=comment.id)
            parent = None
        comments.append(replace(comment, parent_id=ours[parent] if parent else None))
    return check_thread(comments, state.diagnostics)  # oldest first; no reply cycles


def _labels(terms: list[tuple[str, str, str]], extra: dict[str, str]) -> tuple[str, ...]:
    labels: list[str] = []
    categories: list[str] = []
    others: list[list[str]] = []
    for domain, nicename, name in terms:
        if domain in ("category", "post_tag", "tag"):
            if name not in labels:
                labels.append(name)
            if domain == "category" and name not in categories:
                categories.append(name)
        else:
            others.append([domain, nicename, name])
    if categories:
        ordered = [label for label in labels if label in categories]  # label order, stable
        extra[meta.EXTRA_CATEGORIES] = json.dumps(ordered, ensure_ascii=False)
    if others:
        extra["wxr_terms"] = json.dumps(others, ensure_ascii=False)
    return tuple(labels)


def _item_extra(raw: _Raw, kind: str) -> dict[str, str]:
    f = raw.fields
    extra = meta.extra_from(raw.meta)
    if kind == "attachment":
        extra[meta.EXTRA_ATTACHMENT_URL] = f.get("wp:attachment_url", "").strip()
    parent = f.get("wp:post_parent", "0").strip()
    if parent not in ("", "0"):
        extra[meta.EXTRA_PARENT] = parent  # a WXR id until _resolve_parents runs
    for name, key in (("excerpt:encoded", meta.EXTRA_EXCERPT), ("wp:post_password", meta.EXTRA_PASSWORD),
                      ("wp:menu_order", meta.EXTRA_MENU_ORDER), ("wp:is_sticky", meta.EXTRA_STICKY)):
        value = f.get(name, "").strip()
        if value and value != "0":
            extra[key] = value
    return extra


def _item(raw: _Raw, state: _State) -> Post | None:
    f, pairs = raw.fields, dict(raw.meta)
    wp_id = f.get("wp:post_id", "").strip()
    post_id = pairs.get(meta.SOURCE_ID) or wp_id or f.get("guid", "").strip()
    published = state.instant(f.get("wp:post_date", ""), f.get("wp:post_date_gmt", ""),
                              post_id or None)
    if not post_id or published is None:
        state.diagnostics.report("entry-invalid", f"Item '{f.get('title', '')}' has no id or no "
                                 "date; left out.", entry=post_id or None)
        return None
    kind = f.get("wp:post_type", "").strip() or "post"
    if post_id in state.seen:
        renamed = next(f"{post_id}-{n}" for n in range(2, len(state.seen) + 3)
                       if f"{post_id}-{n}" not in state.seen)
        menu = kind == "nav_menu_item"  # WordPress.com repeats these ids: its own quirk, not damage
        state.diagnostics.report("menu-id-renamed" if menu else "entry-id-renamed",
                                 f"A second {'menu item' if menu else 'item'} has id '{post_id}'; "
                                 f"kept as '{renamed}'.", entry=renamed)
        post_id = renamed
    state.seen.add(post_id)
    state.kinds[kind] += 1
    status = f.get("wp:status", "").strip().lower()
    extra = _item_extra(raw, kind)
    ours = meta.SOURCE_ID in pairs
    creator = f.get("dc:creator", "").strip()
    author_uri = pairs.get(meta.AUTHOR_URI)
    location = meta.location_from(pairs)
    updated = pairs.get(meta.UPDATED)
    state.ids.setdefault(wp_id or post_id, post_id)
    thumbnail = pairs.get(meta.THUMBNAIL_ID, "").strip()
    if thumbnail not in ("", "0"):
        state.thumbnails[post_id] = thumbnail
    return Post(
        id=post_id, kind=kind, title=f.get("title", ""),
        status=pairs.get(meta.STATUS) or STATUSES.get(status, status or "draft"),
        slug=pairs.get(meta.SLUG) or decode_slug(f.get("wp:post_name", "").strip()) or None,
        url=pairs.get(meta.PERMALINK) or (None if ours else f.get("link", "").strip() or None),
        url_reconstructed=pairs.get(meta.URL_RECONSTRUCTED) == "1",
        published=published,
        updated=_updated(updated, state) if updated else
        state.instant(f.get("wp:post_modified", ""), f.get("wp:post_modified_gmt", ""), post_id),
        author=Author(name=state.authors.get(creator, creator), uri=author_uri) if creator else None,
        labels=_labels(raw.terms, extra), content_html=_body(f.get("content:encoded", ""), ours),
        location=_location(location),
        comments=_thread(raw.comments, post_id, state), extra=extra,
    )


def _body(text: str, ours: bool) -> str:
    """A body as WordPress shows it: classic-editor text gets its paragraphs (our own WXR holds
    Blogger's HTML, which must stay byte for byte)."""
    return text if ours else auto_paragraphs(text)


def _updated(text: str, state: _State) -> datetime | None:
    """Our writer's exact ``updated`` postmeta; None when damaged or without an offset."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if value.tzinfo is None:
        return None
    try:
        return value.astimezone(state.zone) if state.zone is not None else value
    except OverflowError:
        return None


def _location(found: tuple[str, float | None, float | None] | None) -> Location | None:
    """WordPress geodata; ``nan``/``inf`` (which float() accepts) would make JSON output invalid."""
    if found is None:
        return None
    name, latitude, longitude = found
    if latitude is None or longitude is None or not math.isfinite(latitude + longitude):
        latitude = longitude = None
    return Location(name, latitude, longitude)


def _channel_child(element: etree._Element, state: _State) -> None:
    key = _key(element.tag)
    if key == "item":
        post = _item(_collect(element), state)
        if post is not None:
            state.posts.append(post)
    elif key == "wp:author":
        fields = _collect(element).fields
        login = fields.get("wp:author_login", "").strip()
        state.authors[login] = fields.get("wp:author_display_name", "") or login
    elif key == "wp:category":
        fields = _collect(element).fields
        nicename = fields.get("wp:category_nicename", "").strip()
        state.categories.setdefault(nicename, (fields.get("wp:cat_name", "").strip() or nicename,
                                               fields.get("wp:category_parent", "").strip()))
    elif key in ("title", "link", "description", "language", "wp:wxr_version", "wp:base_blog_url",
                 "wp:base_site_url"):
        state.channel.setdefault(key, _text(element))


def _report(state: _State, stream: CleanStream) -> None:
    suspect = stream.watch.message() if stream.watch is not None else None
    if suspect:
        state.diagnostics.report("encoding-suspect", suspect)
    if stream.removed:
        state.diagnostics.report("control-chars-removed", f"{stream.removed} control characters "
                                 "XML forbids were removed from the input.")
    for kind, count in state.kinds.items():
        if kind not in KNOWN_KINDS:  # WordPress's own types (menu items, blocks...) are not custom
            state.diagnostics.report("kind-custom", f"{plural(count, 'entry', 'entries')} of post "
                                     f"type '{kind}' kept with kind '{kind}'.")
    if state.assumed_utc:
        state.diagnostics.report("timezone-missing", "Some dates had no GMT form and were read as "
                                 "UTC.")


def read_wxr(path: Path, options: ReadOptions, diagnostics: Diagnostics) -> Archive:
    """Read a WordPress WXR (1.0–1.2) file: every item, its comments, terms and authors."""
    zone = resolve_tz(options.timezone) if options.timezone else None  # checked in ReadOptions
    state = _State(options=options, diagnostics=diagnostics, zone=zone)
    try:
        total = path.stat().st_size
        with path.open("rb") as raw:
            stream = CleanStream(raw, total, options)
            for element in channel_children(stream, path, encoding_override(options.encoding)):
                _channel_child(element, state)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=str(path)) from exc
    _report(state, stream)
    if "wp:wxr_version" not in state.channel and not state.posts:
        raise InputError("no WXR items and no wp:wxr_version: not a WordPress export", file=str(path))
    channel = state.channel
    blog = Blog(
        title=channel.get("title", "").strip(),
        url=(channel.get("wp:base_blog_url") or channel.get("link") or "").strip() or None,
        locale=channel.get("language", "").strip() or None, timezone=options.timezone if zone else None,
        description=channel.get("description", "").strip(),
        extra=category_parents(state.categories),
    )
    posts = resolve_links(state.posts, state.ids, state.thumbnails, diagnostics)
    return Archive(blog=blog, posts=tuple(posts), source_format="wxr")
