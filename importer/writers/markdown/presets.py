"""Eleventy, Astro, Hexo and Material for MkDocs: flavors of the Markdown writer given as a table.

Each ``Preset`` row says where files go, which front matter names the generator reads, how it marks
drafts and summaries and how old Blogger URLs keep working. Measured with the real generators
(OUTPUTS.md and ``tests/test_site_builds_js.py``):
- Eleventy runs Markdown through Liquid first (``{{ }}`` in code vanishes): the directory data files
  set ``templateEngineOverride: md``. It has no alias field: old paths become static redirect pages
  under ``old-urls/`` that a passthrough copy puts at the site root. Drafts get ``permalink: false``
  and ``eleventyExcludeFromCollections`` so no site publishes them by accident.
- Astro content collections render through the site's own route, so the URL (``/blog/<slug>/``) is
  the route's and ``--permalink`` cannot be honoured. The ``redirects`` config writes folders, never
  ``x.html`` files, so old paths are static pages in ``public/``. Field names follow Astro's blog
  starter (``pubDate``, ``updatedDate``, ``description``).
- Hexo: drafts live in ``source/_drafts/``; ``alias`` needs hexo-generator-alias; ``{{ }}`` in a
  body is Nunjucks unless ``disableNunjucks``; URLs are pinned by ``permalink`` because Hexo takes
  the date parts of its default permalink in the build machine's zone.
- Material's blog plugin needs an unquoted date (our YAML dates are) and reads ``date.created`` /
  ``date.updated``, ``draft``, ``slug``, ``categories``; ``{#id}`` works with ``attr_list``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import unquote

from importer.diagnostics import Diagnostics
from importer.model import Post

#: Flavors driven by this table, in the order ``--to`` lists them.
PRESET_FLAVORS = ("eleventy", "astro", "hexo", "mkdocs")


@dataclass(frozen=True)
class Preset:
    """What one generator expects: folders, front matter names, drafts, summaries, old URLs."""

    post_file: str
    """Where a post goes; ``{slug}`` is its unique ASCII slug."""
    post_url: str
    """The URL the site serves a post at; ``{year}``, ``{month}``, ``{day}`` are in the blog's zone."""
    page_file: str
    page_url: str
    more: str
    """The summary marker written in the body at Blogger's jump break."""
    date: str
    """Front matter name of the publication date; ``a.b`` nests (Material's ``date.created``)."""
    updated: str
    labels: str
    """Front matter name of the labels list (``tags`` or ``categories``)."""
    comments: str
    """Where a post's comment data file goes (``{slug}``)."""
    draft: Mapping[str, Any] = field(default_factory=dict)
    """Keys written on drafts (and on nothing else)."""
    draft_file: str | None = None
    """Where a draft goes when the generator keeps drafts in their own folder (Hexo)."""
    summary: str | None = None
    """Front matter name of the plain-text summary, for generators that do not read the marker."""
    alias: str | None = None
    """Front matter name of the old paths, for generators (or plugins) that serve them."""
    url_key: str | None = None
    """Front matter name that pins the served URL (``permalink``), where the generator has one."""
    author: str | None = "author"
    liquid_guard: str | None = None
    """Key set to true when a body holds ``{{`` or ``{%`` that a template engine would eat."""
    old_url_pages: str | None = None
    """Folder copied as-is to the site root, where static redirect pages for old paths go."""
    heading_ids: bool = False
    """True when the Markdown renderer reads ``{#id}`` after a heading."""
    permalink_ok: bool = True
    """False when the site's route, not the files, decides post URLs (``--permalink`` refused)."""


PRESETS: dict[str, Preset] = {
    "eleventy": Preset(
        post_file="posts/{slug}.md", post_url="/posts/{slug}/", page_file="pages/{slug}.md",
        page_url="/{slug}/", more="<!--more-->", date="date", updated="updated", labels="tags",
        comments="_data/comments/{slug}.json", summary="excerpt", url_key="permalink",
        draft={"draft": True, "permalink": False, "eleventyExcludeFromCollections": True},
        old_url_pages="old-urls"),
    "astro": Preset(
        post_file="src/content/blog/{slug}.md", post_url="/blog/{slug}/",
        page_file="src/content/pages/{slug}.md", page_url="/{slug}/", more="<!--more-->",
        date="pubDate", updated="updatedDate", labels="tags", comments="src/data/comments/{slug}.json",
        summary="description", draft={"draft": True}, old_url_pages="public", permalink_ok=False),
    "hexo": Preset(
        post_file="source/_posts/{slug}.md", post_url="/{year}/{month}/{day}/{slug}/",
        page_file="source/{slug}/index.md", page_url="/{slug}/", more="<!-- more -->", date="date",
        updated="updated", labels="tags", comments="source/_data/comments/{slug}.json",
        draft_file="source/_drafts/{slug}.md", alias="alias", url_key="permalink",
        liquid_guard="disableNunjucks"),
    "mkdocs": Preset(
        post_file="docs/blog/posts/{slug}.md", post_url="/blog/{slug}/", page_file="docs/{slug}.md",
        page_url="/{slug}/", more="<!-- more -->", date="date.created", updated="date.updated",
        labels="categories", comments="comments/{slug}.json", draft={"draft": True},
        heading_ids=True, permalink_ok=False),
}


def preset_paths(flavor: str, post: Post, slug: str, when: datetime) -> tuple[str, str]:
    """(file path, served URL) of one entry; ``when`` is its publication time in the blog's zone."""
    preset = PRESETS[flavor]
    if post.kind == "page":
        return preset.page_file.format(slug=slug), preset.page_url.format(slug=slug)
    url = preset.post_url.format(slug=slug, year=f"{when:%Y}", month=f"{when:%m}", day=f"{when:%d}")
    if preset.draft_file and not post.is_public:
        return preset.draft_file.format(slug=slug), url
    return preset.post_file.format(slug=slug), url


def _put(values: dict[str, Any], key: str, value: Any) -> None:
    """``values[key] = value``, where ``a.b`` sets ``values[a][b]``."""
    head, _, rest = key.partition(".")
    if rest:
        _put(values.setdefault(head, {}), rest, value)
    else:
        values[head] = value


@dataclass(frozen=True)
class EntryFacts:
    """What the writer knows about one entry, in the blog's zone, ready for any preset."""

    title: str
    slug: str
    url: str
    date: datetime
    updated: datetime | None
    draft: bool
    tags: list[str]
    alias: str | None
    author: str | None
    summary: str | None
    templating: bool
    """True when the body holds ``{{`` or ``{%``."""
    image: str | None = None
    """The featured image's URL (a WordPress input's ``_thumbnail_id``), when known."""


def preset_front_matter(flavor: str, facts: EntryFacts, is_page: bool) -> dict[str, Any]:
    """The front matter values of one entry for ``flavor`` (rendered as YAML by the writer)."""
    preset = PRESETS[flavor]
    values: dict[str, Any] = {"title": facts.title}
    _put(values, preset.date, facts.date)
    if facts.updated:
        _put(values, preset.updated, facts.updated)
    values["slug"] = facts.slug
    if preset.url_key:
        values[preset.url_key] = facts.url
    if facts.draft:
        values.update(preset.draft)
    if not is_page or facts.tags:
        values[preset.labels] = facts.tags
    if preset.summary and facts.summary:
        values[preset.summary] = facts.summary
    if preset.alias and facts.alias:
        values[preset.alias] = [facts.alias]
    if preset.author and facts.author:
        values[preset.author] = facts.author
    if preset.liquid_guard and facts.templating:
        values[preset.liquid_guard] = True
    return values


def old_url_file(old_path: str) -> str | None:
    """The site-relative file an old path is served from, or None when it cannot be a file.

    The path is decoded (servers look files up by decoded path); a path with an empty, ``.`` or
    ``..`` segment, a backslash or a NUL is refused rather than written somewhere else.
    """
    decoded = unquote(old_path)
    if decoded.endswith("/"):
        decoded += "index.html"
    parts = decoded.lstrip("/").split("/")
    if any(part in ("", ".", "..") or "\\" in part or "\0" in part for part in parts):
        return None
    return "/".join(parts)


def redirect_page(target: str, lang: str | None) -> bytes:
    """A static page that sends browsers and search engines from an old path to ``target``."""
    url = html.escape(target, quote=True)
    language = f' lang="{html.escape(lang, quote=True)}"' if lang else ""
    return (f'<!DOCTYPE html>\n<html{language}>\n<head>\n<meta charset="utf-8">\n'
            f"<title>{url}</title>\n"
            f'<link rel="canonical" href="{url}">\n<meta name="robots" content="noindex">\n'
            f'<meta http-equiv="refresh" content="0; url={url}">\n</head>\n'
            f'<body>\n<p><a href="{url}">{url}</a></p>\n</body>\n</html>\n').encode()


@dataclass(frozen=True)
class Written:
    """One entry as written: enough for the files a preset adds around the posts."""

    id: str
    kind: str
    old_path: str | None
    url: str


def _eleventy_data(entries: list[Written]) -> list[tuple[str, bytes]]:
    """Directory data files: layout, the ``posts`` collection, and Markdown not run through Liquid."""
    files = []
    for kind, folder, data in (
        ("post", "posts", {"layout": "post", "tags": ["posts"], "templateEngineOverride": "md"}),
        ("page", "pages", {"layout": "page", "templateEngineOverride": "md"}),
    ):
        if any(entry.kind == kind for entry in entries):
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
            files.append((f"{folder}/{folder}.11tydata.json", text.encode("utf-8")))
    return files


def preset_files(flavor: str, entries: list[Written], lang: str | None, site_url: str | None,
                 diagnostics: Diagnostics) -> list[tuple[str, bytes]]:
    """Files a preset needs besides posts and comments: data files and old-URL redirect pages."""
    files = _eleventy_data(entries) if flavor == "eleventy" else []
    folder = PRESETS[flavor].old_url_pages
    if folder is None:
        return files
    base = site_url.rstrip("/") if site_url else ""
    files += [(f"{folder}/{old}", redirect_page(base + entry.url, lang))
              for entry, old in old_url_targets(entries, diagnostics)]
    return files


def old_url_targets(entries: list[Written], diagnostics: Diagnostics) -> list[tuple[Written, str]]:
    """(entry, old file path) for every entry with an old path that can be a file.

    An unsafe path is reported (``old-url-unsafe``); when two entries claim one old path the first
    keeps it.
    """
    targets: dict[str, Written] = {}
    for entry in entries:
        if entry.old_path is None:
            continue
        path = old_url_file(entry.old_path)
        if path is None:
            diagnostics.report("old-url-unsafe", f"The old path '{entry.old_path}' cannot be a file; no "
                               "redirect page was written for it.", entry=entry.id)
        else:
            targets.setdefault(path, entry)
    return [(entry, path) for path, entry in targets.items()]
