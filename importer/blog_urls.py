"""Recognise the blog's own URLs, on any of its hosts, and map them to posts of the archive.

A Blogger blog answers on several addresses at once: ``name.blogspot.com`` and the same name under
country domains (``name.blogspot.fi``, ``name.blogspot.co.uk``), a custom domain (``Blog.url``), with
and without ``www.``, over ``http`` and ``https``; mobile pages add ``?m=1`` and comment links add
``?showComment=<ms>#c<id>``. All of these lead to one post, keyed here by its path
(``/2010/06/slug.html``, pages ``/p/slug.html``). Fragments are kept for the caller to re-attach.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit

from importer.model import Archive, Post

#: ``name.blogspot.com``, ``name.blogspot.fi``, ``name.blogspot.co.uk``, ``name.blogspot.com.au``.
_BLOGSPOT = re.compile(r"^(?P<name>[a-z0-9-]+)\.blogspot\.(?:[a-z]{2,3})(?:\.[a-z]{2})?$")

#: Paths Blogger gives posts (``/2010/06/slug.html``) and pages (``/p/slug.html``).
_POST_PATH = re.compile(r"^/\d{4}/\d{2}/[^/]+\.html$")
_PAGE_PATH = re.compile(r"^/p/[^/]+\.html$")
_LABEL_PATH = re.compile(r"^/search/label/(?P<label>[^/]+)/?$")


def normalize_host(host: str) -> str:
    """Lower-cased host without a port or a leading ``www.``."""
    host = host.lower().rsplit("@", 1)[-1].split(":", 1)[0].rstrip(".")
    return host[4:] if host.startswith("www.") else host


def blogspot_name(host: str) -> str | None:
    """``sosmedia.blogspot.fi`` -> ``sosmedia``; None for hosts that are not blogspot."""
    match = _BLOGSPOT.match(normalize_host(host))
    return match.group("name") if match else None


def canonical_path(path: str) -> str:
    """A URL path in one comparable form: percent-decoded then re-encoded the way browsers send it."""
    return quote(unquote(path), safe="/-._~!$&'()*+,;=:@")


@dataclass(frozen=True)
class OwnUrl:
    """A URL recognised as one of the blog's own: its canonical path and its fragment."""

    path: str
    """Canonical path (``/2010/06/slug.html``), query dropped."""
    fragment: str
    """The ``#fragment`` without ``#`` (``""`` when none); ``?showComment`` links keep ``c<id>``."""
    query: str
    """The original query (``m=1``...), for reports; never needed to find the post."""

    @property
    def is_post_path(self) -> bool:
        """True when the path has the shape of a post or page permalink."""
        return bool(_POST_PATH.match(self.path) or _PAGE_PATH.match(self.path))

    @property
    def label(self) -> str | None:
        """The label of a ``/search/label/<label>`` URL, decoded; None otherwise."""
        match = _LABEL_PATH.match(self.path)
        return unquote(match.group("label")) if match else None


@dataclass(frozen=True)
class BlogUrls:
    """The blog's hosts and its posts by path: ``parse`` and ``resolve`` any link to it."""

    blogspot_names: frozenset[str]
    """Blogspot sub-domain names (``sosmedia-ja-muuta``), matched under any country domain."""
    hosts: frozenset[str]
    """Other (custom-domain) hosts, normalized by ``normalize_host``."""
    posts_by_path: dict[str, Post] = field(default_factory=dict)
    """Every post and page with a permalink, by canonical path."""

    def is_own_host(self, host: str) -> bool:
        """True when ``host`` is one of the blog's addresses."""
        name = blogspot_name(host)
        if name is not None:
            return name in self.blogspot_names
        return normalize_host(host) in self.hosts

    def parse(self, url: str) -> OwnUrl | None:
        """The path and fragment of ``url`` when it points into this blog, else None.

        Scheme-relative (``//host/...``) URLs count; relative URLs do not (they are already
        site-relative and carry no host to recognise).
        """
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            return None
        if parts.scheme.lower() not in ("http", "https", "") or not parts.netloc:
            return None
        if not self.is_own_host(parts.netloc):
            return None
        return OwnUrl(canonical_path(parts.path or "/"), parts.fragment, parts.query)

    def resolve(self, url: str) -> tuple[Post, OwnUrl] | None:
        """The post ``url`` leads to, with the parsed URL; None when it is not a known post."""
        own = self.parse(url)
        if own is None:
            return None
        post = self.posts_by_path.get(own.path)
        return (post, own) if post is not None else None


def _host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        netloc = urlsplit(url.strip()).netloc
    except ValueError:
        return None
    return netloc or None


def blog_urls(archive: Archive, extra_hosts: Iterable[str] = ()) -> BlogUrls:
    """Everything needed to recognise ``archive``'s own links.

    Hosts come from ``Blog.url``, from every post's permalink and from ``extra_hosts`` (e.g. a
    custom domain the export does not mention).
    """
    names: set[str] = set()
    hosts: set[str] = set()
    candidates = [_host_of(archive.blog.url), *(_host_of(p.url) for p in archive.posts), *extra_hosts]
    for host in candidates:
        if not host:
            continue
        name = blogspot_name(host)
        if name is not None:
            names.add(name)
        else:
            hosts.add(normalize_host(host))
    by_path: dict[str, Post] = {}
    for post in archive.posts:
        path = post_path(post)
        if path is not None:
            by_path.setdefault(path, post)
    return BlogUrls(frozenset(names), frozenset(hosts), by_path)


def post_path(post: Post) -> str | None:
    """The canonical path of a post's original permalink (``/2010/06/slug.html``), or None."""
    if not post.url:
        return None
    try:
        path = urlsplit(post.url.strip()).path
    except ValueError:
        return None
    return canonical_path(path) if path else None


def label_path(label: str) -> str:
    """Blogger's label page path: ``/search/label/sosiaalinen%20media``."""
    return "/search/label/" + quote(label, safe="")
