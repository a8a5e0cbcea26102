"""``write_wxr``: an archive as WordPress WXR 1.2 that WordPress's importer keeps whole.

The archive becomes a plan (``items``) in these steps: items oldest first, numbered 1, 2, 3...;
one login per author; terms declared once; Blogger slugs as ``post_name`` unique per type (a
renamed one keeps ``_wp_old_slug``); comment threads ordered parents first; optional
attachments; title/date collisions moved apart. ``xml`` renders it and ``split`` packs it.
Everything WordPress has no field for is kept in postmeta (see ``meta``), so our WXR reader
gives the archive back. The same archive always gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from importer import wxr_meta as meta
from importer.diagnostics import Diagnostics
from importer.model import Archive, Comment, Post
from importer.outputs import OutputFile
from importer.site import SiteUrls
from importer.writers.sanitized import sanitize_archive
from importer.writers.wxr.attachments import image_title, rewrite_images
from importer.writers.wxr.dedupe import make_distinct
from importer.writers.wxr.ids import AuthorTable, thread_order
from importer.writers.wxr.items import WxrAuthor, WxrChannel, WxrComment, WxrItem
from importer.writers.wxr.names import assign_image_names
from importer.writers.wxr.options import WXR_SIGNATURE, WxrOptions
from importer.writers.wxr.split import split_documents
from importer.writers.wxr.terms import TermTable, build_terms
from importer.writers.wxr.urls import wxr_site_urls
from importer.writers.wxr.xml import render_document, render_group
from importer.writers.zone import blog_zone

POST_STATUS = {"published": "publish", "draft": "draft", "scheduled": "future", "private": "private",
               "trashed": "trash", "pending": "pending", "inherit": "inherit"}
COMMENT_APPROVED = {"published": "1", "pending": "0", "spam": "spam", "deleted": "trash"}


@dataclass
class _Context:
    """What building the items needs besides the post at hand."""

    options: WxrOptions
    diagnostics: Diagnostics
    zone: tzinfo | None
    base_url: str
    authors: AuthorTable
    terms: TermTable
    ids: dict[str, int]
    names: dict[str, str]
    next_comment: int = 1
    next_item: int = 0
    images: dict[str, WxrItem] = field(default_factory=dict)


def _local(moment: datetime, zone: tzinfo | None) -> datetime:
    return moment.astimezone(zone) if zone is not None else moment


def post_meta(post: Post, post_name: str, thumbnail: int = 0) -> list[tuple[str, str]]:
    """The postmeta that carries what WordPress has no field for (``thumbnail``: the featured
    image's attachment item, 0 when none is written)."""
    pairs: list[tuple[str, str]] = []
    if post.url:
        pairs.append((meta.PERMALINK, post.url))
    pairs.append((meta.SOURCE_ID, post.id))
    if post.slug and post.slug != post_name:
        pairs += [(meta.OLD_SLUG, post.slug), (meta.SLUG, post.slug)]
    if post.author is not None and post.author.uri:
        pairs.append((meta.AUTHOR_URI, post.author.uri))
    if post.updated is not None:
        pairs.append((meta.UPDATED, post.updated.isoformat()))
    if _reverse_status(POST_STATUS.get(post.status, "draft"), POST_STATUS) != post.status:
        pairs.append((meta.STATUS, post.status))
    if post.url_reconstructed:
        pairs.append((meta.URL_RECONSTRUCTED, "1"))
    if post.location is not None:
        pairs.append((meta.GEO_ADDRESS, post.location.name))
        if post.location.latitude is not None and post.location.longitude is not None:
            pairs += [(meta.GEO_LATITUDE, repr(post.location.latitude)),
                      (meta.GEO_LONGITUDE, repr(post.location.longitude))]
    if post.extra.get(meta.EXTRA_ALT):
        pairs.append((meta.IMAGE_ALT, post.extra[meta.EXTRA_ALT]))
    skip: tuple[str, ...] = (meta.EXTRA_CATEGORIES, meta.EXTRA_ATTACHMENT_URL, meta.EXTRA_PARENT,
                             *meta.ITEM_FIELDS)
    if thumbnail:  # the reader finds the image again from WordPress's own key
        pairs.append((meta.THUMBNAIL_ID, str(thumbnail)))
        skip += (meta.EXTRA_FEATURED_IMAGE, meta.EXTRA_FEATURED_ID)
    return pairs + meta.extra_meta(post.extra, skip)


def _menu_order(text: str) -> int:
    """``wp:menu_order`` from ``extra`` (an integer; anything else is 0)."""
    try:
        return int(text.strip()) if len(text) < 20 else 0
    except ValueError:
        return 0


def _reverse_status(value: str, table: dict[str, str]) -> str | None:
    return next((ours for ours, theirs in table.items() if theirs == value), None)


def _comment(comment: Comment, parent: int, number: int, zone: tzinfo | None) -> WxrComment:
    approved = COMMENT_APPROVED.get(comment.status, "0")
    pairs = [(meta.SOURCE_ID, comment.id)]
    if _reverse_status(approved, COMMENT_APPROVED) != comment.status:
        pairs.append((meta.STATUS, comment.status))
    if comment.author.anonymous:
        pairs.append((meta.ANONYMOUS, "1"))
    pairs += meta.extra_meta(comment.extra, (meta.EXTRA_COMMENT_TYPE,))
    return WxrComment(
        id=number, parent=parent, author=comment.author.name, author_url=comment.author.uri or "",
        date=_local(comment.published, zone), content=comment.content_html, approved=approved,
        type=comment.extra.get(meta.EXTRA_COMMENT_TYPE, ""), meta=pairs,
    )


def _comments(post: Post, ctx: _Context) -> list[WxrComment]:
    numbers: dict[str, int] = {}
    result = []
    for comment, parent in thread_order(post.comments, ctx.diagnostics):
        numbers[comment.id] = ctx.next_comment
        ctx.next_comment += 1
        result.append(_comment(comment, numbers[parent] if parent else 0, numbers[comment.id],
                               ctx.zone))
    return result


def _item(post: Post, ctx: _Context) -> WxrItem:
    wp_id = ctx.ids[post.id]
    post_name = ctx.names.get(post.id, "")
    thumbnail = ctx.ids.get(post.extra.get(meta.EXTRA_FEATURED_ID, ""), 0)
    item = WxrItem(
        id=wp_id, source_id=post.id, title=post.title,
        link=post.url or f"{ctx.base_url}?p={wp_id}", guid=post.url or f"{ctx.base_url}?p={wp_id}",
        creator=ctx.authors.login(post.author), date=_local(post.published, ctx.zone),
        content=post.content_html, post_type=post.kind,
        status=POST_STATUS.get(post.status, "draft"), post_name=post_name,
        terms=ctx.terms.for_post(post, ctx.options.labels_as), meta=post_meta(post, post_name, thumbnail),
        comments=_comments(post, ctx), excerpt=post.extra.get(meta.EXTRA_EXCERPT, ""),
        menu_order=_menu_order(post.extra.get(meta.EXTRA_MENU_ORDER, "")),
        password=post.extra.get(meta.EXTRA_PASSWORD, ""), sticky=post.extra.get(meta.EXTRA_STICKY) == "1",
    )
    item.parent = ctx.ids.get(post.extra.get(meta.EXTRA_PARENT, ""), 0)
    if post.kind == "attachment":
        item.attachment_url = post.extra.get(meta.EXTRA_ATTACHMENT_URL, "")
    if ctx.options.attachments:
        item.content = rewrite_images(item.content, lambda url: _add_image(url, item, ctx))
    return item


def _add_image(url: str, owner: WxrItem, ctx: _Context) -> None:
    if url in ctx.images:
        return
    ctx.next_item += 1
    image = WxrItem(
        id=ctx.next_item, source_id=f"{owner.source_id}:image:{len(owner.attachments) + 1}",
        title=image_title(url), link=url, guid=url, creator=owner.creator, date=owner.date,
        content="", post_type="attachment", status="inherit", parent=owner.id, attachment_url=url,
    )
    owner.attachments.append(image)
    ctx.images[url] = image


def _group(items: list[WxrItem]) -> list[WxrItem]:
    """Top-level groups: existing attachment items travel with their parent when it is here."""
    by_id = {item.id: item for item in items}
    groups = []
    for item in items:
        if item.post_type == "attachment" and item.parent in by_id:
            by_id[item.parent].attachments.append(item)
        else:
            groups.append(item)
    return groups


def _channel(archive: Archive, posts: list[Post]) -> WxrChannel:
    blog = archive.blog
    url = blog.url or ""
    return WxrChannel(
        title=blog.title, link=url, description=blog.description,
        language=(blog.locale or "").replace("_", "-"), base_site_url=url, base_blog_url=url,
        pub_date=max((p.published for p in posts), default=None),
    )


def build_plan(archive: Archive, options: WxrOptions, diagnostics: Diagnostics, site: SiteUrls
               ) -> tuple[WxrChannel, list[WxrAuthor], TermTable, list[WxrItem]]:
    """The channel, authors, terms and item groups (in file order) for ``archive``; post names come
    from the URL plan ``site`` (``wxr_site_urls``)."""
    posts = sorted(archive.posts, key=lambda p: (p.published, p.id))
    locale = archive.blog.locale or "fi"
    ctx = _Context(
        options=options, diagnostics=diagnostics, zone=blog_zone(archive.blog, diagnostics),
        base_url=archive.blog.url or "", authors=AuthorTable(locale),
        terms=build_terms(posts, options.labels_as, locale, diagnostics,
                          meta.category_parents(archive.blog.extra)),
        ids={post.id: number for number, post in enumerate(posts, start=1)},
        names=dict(site.slugs), next_item=len(posts),
    )
    groups = _group([_item(post, ctx) for post in posts])
    make_distinct((member for g in groups for member in (g, *g.attachments)), diagnostics)
    assign_image_names(list(ctx.images.values()), set(ctx.names.values()), locale)
    authors = [WxrAuthor(id=n, login=login, display_name=name)
               for n, (login, name) in enumerate(ctx.authors.records(), start=1)]
    return _channel(archive, posts), authors, ctx.terms, groups


def write_wxr(archive: Archive, options: WxrOptions, diagnostics: Diagnostics,
              site: SiteUrls | None = None) -> list[OutputFile]:
    """Render ``archive`` as WXR 1.2: ``archive.xml``, or ``archive-001.xml``... with ``split_size``.

    ``site`` is the plan ``wxr_site_urls`` made for this archive (made here when None). Comments are
    sanitized (``script-removed``); post bodies are kept as they are, because WordPress filters them
    itself on import (kses) for users not allowed unfiltered HTML.
    """
    limit = options.split_bytes()
    archive = sanitize_archive(archive, diagnostics, bodies=False)
    site = site if site is not None else wxr_site_urls(archive, options, diagnostics)
    channel, authors, terms, groups = build_plan(archive, options, diagnostics, site)
    if limit is None:
        text = render_document(channel, authors, terms.terms, (render_group(g) for g in groups))
        return [OutputFile("archive.xml", text.encode("utf-8"), WXR_SIGNATURE)]
    documents = split_documents(channel, authors, terms.terms, groups, limit, diagnostics)
    if len(documents) == 1:
        return [OutputFile("archive.xml", documents[0], WXR_SIGNATURE)]
    return [OutputFile(f"archive-{n:03d}.xml", data, WXR_SIGNATURE)
            for n, data in enumerate(documents, start=1)]
