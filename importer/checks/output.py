"""Output checks: what converting would have to change or keep as it is, per output flavor.

They ask the writers' registry (each writer's URL plan, ``WriterSpec.site_urls``) and the
HTML-to-Markdown converter rather than re-implementing their rules, so validate predicts exactly
what ``convert`` will do.
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

    if not any(spec.layout == "tree" for spec in _writers(context)):  # Markdown site trees
        return
    for post in archive.posts:
        body = html_to_markdown(post.content_html)
        if body.raw_kept:
            verb = "has" if body.raw_kept == 1 else "have"
            yield Finding(f"{plural(body.raw_kept, 'piece')} of HTML in '{post.title or post.id}' "
                          f"{verb} no Markdown form and would stay raw HTML "
                          f"({', '.join(body.raw_tags)}).", post.id)
