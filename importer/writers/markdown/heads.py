"""Front matter keys of the generators the writer started with: Hugo (and plain Markdown), Jekyll,
Zola and Pelican. The newer flavors are rows of ``presets.PRESETS``; both read one ``EntryFacts``.

Per generator (OUTPUTS.md): Hugo ``lastmod``/``draft``/``aliases``/``url``; Jekyll ``layout``,
``last_modified_at``, ``published: false``, ``redirect_from``, ``permalink``, ``excerpt_separator``
and ``render_with_liquid: false`` when a body holds Liquid-like braces; Zola TOML with ``updated``,
``aliases``, ``taxonomies`` and the author under ``extra``; Pelican its ``Key: value`` header.
A WordPress featured image goes where themes look for it: Hugo ``images: [url]`` (its Open Graph
and Twitter card templates and most themes), Jekyll ``image`` (jekyll-seo-tag); Zola and Pelican
have no customary key, and the newer presets' themes disagree, so they leave it out (it stays in
JSON and WXR output).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from importer.model import Post
from importer.writers.markdown.frontmatter import pelican_header, toml_front_matter, yaml_front_matter
from importer.writers.markdown.presets import EntryFacts
from importer.wxr_meta import EXTRA_FEATURED_IMAGE


def featured_image(post: Post) -> str | None:
    """The post's featured image URL when it is a web address (``http(s)``, or site-relative)."""
    url = post.extra.get(EXTRA_FEATURED_IMAGE, "").strip()
    scheme = urlsplit(url).scheme.lower() if url else ""
    return url if url and (scheme in ("http", "https") or (not scheme and url.startswith("/"))) else None


def pelican_head(facts: EntryFacts) -> str:
    """Pelican's ``Key: value`` header."""
    return pelican_header({
        "Title": facts.title, "Date": facts.date, "Modified": facts.updated, "Tags": facts.tags,
        "Slug": facts.slug, "Authors": [facts.author] if facts.author else None,
        "Status": "draft" if facts.draft else "published", "Summary": facts.summary,
        "Alias": facts.alias,
    })


def jekyll_values(facts: EntryFacts, is_page: bool, own_url: bool, more: str) -> dict[str, Any]:
    """Jekyll's keys (``own_url``: a ``permalink`` pattern placed this post)."""
    values: dict[str, Any] = {"layout": "page" if is_page else "post", "title": facts.title,
                              "date": facts.date}
    if facts.updated:
        values["last_modified_at"] = facts.updated
    if facts.draft:
        values["published"] = False
    values["slug"] = facts.slug
    if own_url:
        values["permalink"] = facts.url
    values["tags"] = facts.tags
    if facts.image:
        values["image"] = facts.image
    if facts.alias:
        values["redirect_from"] = [facts.alias]
    if facts.summary is not None:
        values["excerpt_separator"] = more
    if facts.templating:
        values["render_with_liquid"] = False
    return _with_author(values, facts)


def zola_head(facts: EntryFacts) -> str:
    """Zola's TOML front matter."""
    values: dict[str, Any] = {"title": facts.title, "date": facts.date}
    if facts.updated:
        values["updated"] = facts.updated
    values["draft"] = facts.draft
    values["slug"] = facts.slug
    if facts.alias:
        values["aliases"] = [facts.alias]
    values["taxonomies"] = {"tags": facts.tags}
    if facts.author:
        values["extra"] = {"author": facts.author}
    return toml_front_matter(values)


def hugo_values(facts: EntryFacts, own_url: bool) -> dict[str, Any]:
    """Hugo's keys (also plain Markdown's)."""
    values: dict[str, Any] = {"title": facts.title, "date": facts.date}
    if facts.updated:
        values["lastmod"] = facts.updated
    values["draft"] = facts.draft
    values["slug"] = facts.slug
    if own_url:
        values["url"] = facts.url
    values["tags"] = facts.tags
    if facts.image:
        values["images"] = [facts.image]
    if facts.alias:
        values["aliases"] = [facts.alias]
    return _with_author(values, facts)


def _with_author(values: dict[str, Any], facts: EntryFacts) -> dict[str, Any]:
    if facts.author:
        values["author"] = facts.author
    return values


def classic_head(flavor: str, facts: EntryFacts, *, is_page: bool, own_url: bool, toml: bool,
                 more: str) -> str:
    """The front matter block of one entry for hugo, jekyll, zola, pelican or markdown."""
    if flavor == "pelican":
        return pelican_head(facts)
    if flavor == "zola":
        return zola_head(facts)
    if flavor == "jekyll":
        return yaml_front_matter(jekyll_values(facts, is_page, own_url, more))
    values = hugo_values(facts, own_url and flavor == "hugo")
    return toml_front_matter(values) if toml and flavor == "hugo" else yaml_front_matter(values)
