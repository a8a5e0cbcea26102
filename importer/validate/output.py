"""Output checks: what converting would have to change or keep as it is, per output flavor.

They ask the writers themselves (the Markdown writer's ``plan``, the WXR writer's post names, the
HTML-to-Markdown converter) rather than re-implementing their rules, so validate predicts exactly
what ``convert`` will do.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from importer.diagnostics import Diagnostics
from importer.html.markdown import html_to_markdown
from importer.model import Archive
from importer.validate.base import CheckContext, Finding

#: Markdown flavors; plain ``markdown`` is checked only when ``convert --to markdown`` asks for it.
MARKDOWN_FLAVORS = ("hugo", "jekyll", "pelican", "zola", "eleventy", "astro", "hexo", "mkdocs", "markdown")


def _renamings(archive: Archive, flavor: str) -> Diagnostics:
    """The ``slug-collision`` diagnostics writing ``flavor`` would report."""
    found = Diagnostics()
    if flavor == "wxr":
        from importer.writers.wxr.names import assign_post_names

        assign_post_names(archive.posts, archive.blog.locale, found)
    else:
        from importer.writers.markdown.layout import plan
        from importer.writers.markdown.options import MarkdownOptions

        plan(archive, MarkdownOptions(flavor=flavor), found)
    return found


def check_slug_collisions(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Entries that would be renamed because another one takes their name, per output flavor."""
    flavors: dict[tuple[str | None, str], list[str]] = defaultdict(list)
    for flavor in (f for f in (*MARKDOWN_FLAVORS, "wxr") if f in context.targets):
        for diagnostic in _renamings(archive, flavor):
            if diagnostic.code == "slug-collision":
                flavors[(diagnostic.entry, diagnostic.message)].append(flavor)
    for (entry, message), names in flavors.items():
        yield Finding(f"{message.rstrip('.')} (in {', '.join(names)}).", entry)


def check_raw_html(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Post bodies holding HTML that Markdown cannot express (it would be kept as raw HTML)."""
    if not any(flavor in context.targets for flavor in MARKDOWN_FLAVORS):
        return
    for post in archive.posts:
        body = html_to_markdown(post.content_html)
        if body.raw_kept:
            yield Finding(f"{body.raw_kept} piece(s) of HTML in '{post.title or post.id}' have no Markdown "
                          f"form and would stay raw HTML ({', '.join(body.raw_tags)}).", post.id)
