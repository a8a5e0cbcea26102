"""Output checks: what converting would have to change or keep as it is, per output flavor.

They ask the writers' registry (each writer's URL plan, ``WriterSpec.site_urls``), the
HTML-to-Markdown converter and the sanitizer rather than re-implementing their rules, so validate
predicts exactly what ``convert`` will do.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from importer.checks.base import CheckContext, Finding
from importer.diagnostics import Diagnostics, plural
from importer.model import Archive
from importer.outputs import WriterSpec
from importer.writers import WRITERS


def _writers(context: CheckContext) -> list[WriterSpec[Any]]:
    """The registered writers among the targets of this run (unknown names are passed over)."""
    known = {spec.name: spec for spec in WRITERS}
    return [known[name] for name in context.targets if name in known]


def _renamings(archive: Archive, spec: WriterSpec[Any]) -> Diagnostics:
    """The ``slug-collision`` diagnostics writing with ``spec`` would report (its URL plan says)."""
    found = Diagnostics()
    spec.site_urls(archive, spec.make_options(), found)
    return found


def check_slug_collisions(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Entries that would be renamed because another one takes their name, per output flavor."""
    flavors: dict[tuple[str | None, str], list[str]] = defaultdict(list)
    for spec in _writers(context):
        for diagnostic in _renamings(archive, spec):
            if diagnostic.code == "slug-collision":
                flavors[(diagnostic.entry, diagnostic.message)].append(spec.name)
    for (entry, message), names in flavors.items():
        yield Finding(f"{message.rstrip('.')} (in {', '.join(names)}).", entry)


def check_raw_html(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Post bodies holding HTML that Markdown cannot express (it would be kept as raw HTML)."""
    from importer.html.markdown import html_to_markdown  # markdownify: only when this check runs
    from importer.html.sanitize import sanitize_html  # nh3, lxml: the same

    if not any(spec.layout == "tree" for spec in _writers(context)):  # Markdown site trees
        return
    for post in archive.posts:
        body = html_to_markdown(sanitize_html(post.content_html))  # as convert does by default
        if body.raw_kept:
            verb = "has" if body.raw_kept == 1 else "have"
            yield Finding(f"{plural(body.raw_kept, 'piece')} of HTML in '{post.title or post.id}' "
                          f"{verb} no Markdown form and would stay raw HTML "
                          f"({', '.join(body.raw_tags)}).", post.id)


def check_scripts(archive: Archive, context: CheckContext) -> Iterator[Finding]:
    """Post bodies and comments holding script or active content, which sanitizing removes.

    Comments are sanitized in every output; post bodies in the site outputs (Markdown flavors),
    unless ``--keep-scripts``, and in JSON with ``--sanitize``.
    """
    from importer.html.sanitize import find_removed  # nh3, lxml: only when this check runs

    sites = any(spec.layout == "tree" for spec in _writers(context))  # Markdown site trees
    for post in archive.posts:
        title = post.title or post.id
        found = find_removed(post.content_html) if sites else None
        if found:
            yield Finding(f"The {post.kind} '{title}' holds {found.describe()}; a site output removes "
                          "it (--keep-scripts keeps it).", post.id)
        for comment in post.comments:
            found = find_removed(comment.content_html)
            if found:
                yield Finding(f"The comment by '{comment.author.name}' on '{title}' holds "
                              f"{found.describe()}; every output removes it.", comment.id)
