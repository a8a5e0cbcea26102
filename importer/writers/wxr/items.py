"""The WXR writer's intermediate plan: items, comments, terms and authors as WordPress sees them.

The writer turns the archive into these records first (ids, logins, slugs and dates decided),
then ``xml`` renders them and ``split`` packs them into files. Keeping the plan separate lets the
splitter know what each item needs declared in its file's header.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class WxrAuthor:
    """One ``<wp:author>`` record."""

    id: int
    login: str
    """ASCII ``[A-Za-z0-9 _.\\-@]``, at most 60 characters; what items' ``dc:creator`` names."""
    display_name: str
    email: str = ""
    first_name: str = ""
    last_name: str = ""


@dataclass(frozen=True)
class WxrTerm:
    """One tag or category: declared once in the header, referenced by its nicename on items."""

    id: int
    domain: str
    """``post_tag`` or ``category``."""
    nicename: str
    """ASCII slug; WordPress's identity for the term."""
    name: str
    parent: int = 0
    """The parent category's term id (0: none); WordPress's importer creates it from the nicename."""
    parent_nicename: str = ""


@dataclass
class WxrComment:
    """One ``<wp:comment>`` with its WordPress ids already decided (parents lower than replies)."""

    id: int
    parent: int
    author: str
    author_url: str
    date: datetime
    """Aware, in the blog's zone."""
    content: str
    approved: str
    """``1``, ``0``, ``spam`` or ``trash``."""
    type: str = ""
    meta: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class WxrItem:
    """One ``<item>``: a post, page, attachment or other post type."""

    id: int
    source_id: str
    """The archive's id of the entry (for diagnostics)."""
    title: str
    link: str
    guid: str
    creator: str
    date: datetime
    """Aware, in the blog's zone; ``wp:post_date`` is its wall clock, ``post_date_gmt`` its UTC."""
    content: str
    post_type: str
    status: str
    post_name: str = ""
    parent: int = 0
    excerpt: str = ""
    """The WordPress input's own excerpt; empty for other sources (WordPress makes one)."""
    menu_order: int = 0
    password: str = ""
    """A WordPress input's ``post_password``: WordPress keeps the post behind it again."""
    sticky: bool = False
    terms: list[WxrTerm] = field(default_factory=list)
    meta: list[tuple[str, str]] = field(default_factory=list)
    comments: list[WxrComment] = field(default_factory=list)
    attachment_url: str | None = None
    attachments: list[WxrItem] = field(default_factory=list)
    """Attachment items owned by this one; they travel with it into the same file."""


@dataclass(frozen=True)
class WxrChannel:
    """What the ``<channel>`` says about the site before its authors, terms and items."""

    title: str
    link: str
    description: str
    language: str
    base_site_url: str
    base_blog_url: str
    pub_date: datetime | None = None
