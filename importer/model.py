"""The one document model every reader produces and every writer consumes.

Frozen dataclasses; every datetime is timezone-aware (expressed in the blog's zone when it is
known); HTML is the canonical body; source fields with no home here go to ``extra`` rather than
being dropped. Statuses are plain strings so that unknown source statuses survive as themselves
(and are never mistaken for ``published``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

#: Post kinds Blogger has; readers of other formats may keep other kinds (``attachment``...).
POST_KINDS = ("post", "page")
#: The post types WordPress itself creates (WXR ``post_type``): known, though a site generator has
#: no place for them (Markdown output leaves them out and says so).
WORDPRESS_KINDS = ("attachment", "nav_menu_item", "wp_block", "revision", "custom_css",
                   "customize_changeset", "oembed_cache", "user_request", "wp_template",
                   "wp_template_part", "wp_global_styles", "wp_navigation", "wp_font_family",
                   "wp_font_face")
#: Every kind with a known meaning; others are custom post types.
KNOWN_KINDS = POST_KINDS + WORDPRESS_KINDS

#: Post statuses with a fixed meaning. Others are kept lower-cased as the source spelled them.
POST_PUBLISHED = "published"
POST_DRAFT = "draft"
POST_SCHEDULED = "scheduled"
POST_STATUSES = (POST_PUBLISHED, POST_DRAFT, POST_SCHEDULED, "trashed", "deleted", "private", "pending")
#: WordPress's status of attachments and revisions: they follow their parent entry.
POST_INHERIT = "inherit"
#: Every post status with a known meaning: also WordPress's ``inherit`` and ``auto-draft`` (the
#: placeholder of a post never saved, not public).
KNOWN_POST_STATUSES = (*POST_STATUSES, POST_INHERIT, "auto-draft")

#: Comment statuses with a fixed meaning. Others are kept lower-cased as the source spelled them.
COMMENT_PUBLISHED = "published"
COMMENT_PENDING = "pending"
COMMENT_SPAM = "spam"
COMMENT_DELETED = "deleted"
COMMENT_STATUSES = (COMMENT_PUBLISHED, COMMENT_PENDING, COMMENT_SPAM, COMMENT_DELETED)


@dataclass(frozen=True, slots=True)
class Author:
    """Who wrote a post or a comment."""

    name: str
    """Display name as the source gives it ("Anonymous" and "" occur)."""
    uri: str | None = None
    """Profile or home page URL, when the source has one."""
    anonymous: bool = False
    """True when the source marks the author as anonymous (Takeout ``blogger:type ANONYMOUS``)."""


@dataclass(frozen=True, slots=True)
class Location:
    """A place attached to a post (Blogger's location field)."""

    name: str
    """The place name as typed by the author."""
    latitude: float | None = None
    """Latitude in degrees, when known."""
    longitude: float | None = None
    """Longitude in degrees, when known."""


@dataclass(frozen=True, slots=True)
class Comment:
    """One comment on a post or page."""

    id: str
    """Stable id: the numeric part of Blogger's tag id, kept as a string."""
    post_id: str
    """Id of the post this comment belongs to."""
    parent_id: str | None
    """Id of the comment this one replies to, or None at top level."""
    author: Author
    """The commenter."""
    published: datetime
    """When it was written (aware, in the blog's zone)."""
    status: str
    """``published``, ``pending``, ``spam``, ``deleted`` or the source's own word, lower-cased."""
    content_html: str
    """The comment text as HTML."""
    extra: Mapping[str, str] = field(default_factory=dict)
    """Source fields with no other home (e.g. ``display_time``)."""


@dataclass(frozen=True, slots=True)
class Post:
    """One post or page, with its comments."""

    id: str
    """Stable id: the numeric part of Blogger's tag id, kept as a string."""
    kind: str
    """``post`` or ``page`` (other readers may keep other kinds)."""
    status: str
    """``published``, ``draft``, ``scheduled`` or the source's own word, lower-cased."""
    title: str
    """The title; "" for untitled posts (common on Blogger)."""
    slug: str | None
    """The last path segment of the permalink without ``.html``, or None when unknown."""
    url: str | None
    """The original permalink, or None (drafts never published have none)."""
    published: datetime
    """Publication time (aware, in the blog's zone)."""
    updated: datetime | None = None
    """Last edit time (aware), when known."""
    author: Author | None = None
    """The author, when known."""
    labels: tuple[str, ...] = ()
    """Blogger labels in source order, exactly as spelled."""
    content_html: str = ""
    """The body as HTML: the canonical content every writer converts from."""
    comments: tuple[Comment, ...] = ()
    """Comments on this post, oldest first."""
    url_reconstructed: bool = False
    """True when ``url`` was rebuilt (from the title and date) because the source had none."""
    location: Location | None = None
    """A place attached to the post, when any."""
    extra: Mapping[str, str] = field(default_factory=dict)
    """Source fields with no other home (``search_description``, ``truncated``...)."""

    @property
    def is_public(self) -> bool:
        """True only for a published post; drafts, unknown statuses and password-protected
        WordPress posts (``extra["post_password"]``: a static page cannot ask for it) are not public."""
        return self.status == POST_PUBLISHED and not self.extra.get("post_password")


@dataclass(frozen=True)
class Blog:
    """The blog as a whole: identity and the settings that shape dates and URLs."""

    id: str | None = None
    """Blogger's numeric blog id, as a string."""
    title: str = ""
    """The blog's name."""
    url: str | None = None
    """The blog's address, e.g. ``https://example.blogspot.com/`` (with a trailing slash)."""
    locale: str | None = None
    """The blog language as Blogger stores it (``fi``, ``en_US``...)."""
    timezone: str | None = None
    """IANA time zone name (``Europe/Helsinki``); every datetime is expressed in it."""
    description: str = ""
    """The blog's description."""
    extra: Mapping[str, str] = field(default_factory=dict)
    """Other settings worth keeping (``jump_text``, ``convert_line_breaks``...)."""


@dataclass(frozen=True)
class Archive:
    """A whole blog: its settings and every post and page with their comments."""

    blog: Blog
    """The blog."""
    posts: tuple[Post, ...] = ()
    """Posts and pages in a stable order (newest first, as Blogger exports them)."""
    source_format: str | None = None
    """Name of the reader that produced this archive (not part of equality)."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Archive):
            return NotImplemented
        return self.blog == other.blog and self.posts == other.posts

    def __hash__(self) -> int:
        return hash((self.blog.id, len(self.posts)))

    @property
    def comment_count(self) -> int:
        """Number of comments over all posts."""
        return sum(len(post.comments) for post in self.posts)
