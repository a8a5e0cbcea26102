"""Reader of Blogger's public Atom feed (``/feeds/posts/default``, ``/feeds/pages/default``).

The public feed is the fallback when no export can be made: it holds published posts (or
pages) only, no drafts and no comments, a page of at most a few hundred entries
(``openSearch:totalResults`` says how many exist), and bodies may be cut to a ``<summary>``.
Entries look like legacy export posts without the kind category, so the legacy entry
parsing is reused. One ``feed-incomplete`` warning says what is missing.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from lxml import etree

from importer.diagnostics import Diagnostics
from importer.errors import InputError
from importer.model import Archive, Blog
from importer.options import ReadOptions
from importer.readers.blogger_common import ATOM, blog_id_in, blog_zone, child_text, parse_tag_id
from importer.readers.blogger_entry import EntryInvalid, read_post
from importer.readers.blogger_legacy import Collected, collect_with_retries
from importer.readers.blogger_threads import assemble

#: ``openSearch:totalResults``: a count of entries, in plain digits of a sane length.
_COUNT = re.compile(r"[0-9]{1,12}")


def _collect_entry(entry: etree._Element, collected: Collected, diagnostics: Diagnostics) -> None:
    raw_id = (child_text(entry, f"{{{ATOM}}}id") or "").strip()
    tag = parse_tag_id(raw_id)
    if tag is None:
        raise EntryInvalid("it has no Blogger post id" if raw_id else "it has no <id>")
    if tag.id in collected.seen:
        diagnostics.report("entry-duplicate-id", f"A second entry with id {tag.id!r} was skipped.",
                           entry=tag.id)
        return
    post = read_post(entry, tag, tag.kind, "published")
    if not post.content_html:
        summary = child_text(entry, f"{{{ATOM}}}summary")
        if summary:
            post = dataclasses.replace(post, content_html=summary, extra={**post.extra, "truncated": "true"})
    collected.posts.append(post)
    collected.seen.add(tag.id)


def read_blogger_feed(path: Path, options: ReadOptions, diagnostics: Diagnostics) -> Archive:
    """Read a saved public Blogger feed: published posts only, with a ``feed-incomplete`` warning."""
    name = str(path)
    try:
        total = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=name) from exc
    collected = collect_with_retries(lambda: path.open("rb"), name, total, options, diagnostics,
                                     collect_entry=_collect_entry)
    zone, zone_name = blog_zone(None, options.timezone, diagnostics)
    head = collected.head
    blog = Blog(id=blog_id_in(head.get("id")), title=head.get("title", ""),
                url=options.base_url or head.get("url"), timezone=zone_name,
                description=head.get("subtitle", ""))
    listed = head.get("total_results", "")
    more = ""
    # ASCII digits only: str.isdigit() also accepts "²", which int() refuses
    if _COUNT.fullmatch(listed) and int(listed) > len(collected.posts):
        more = f" This file lists {len(collected.posts)} of the blog's {listed} entries."
    diagnostics.report("feed-incomplete", "This is Blogger's public feed: published posts only, "
                       f"no drafts or comments, bodies may be cut short.{more}")
    return Archive(blog=blog, posts=assemble(collected.posts, [], zone, diagnostics),
                   source_format="blogger-feed")
