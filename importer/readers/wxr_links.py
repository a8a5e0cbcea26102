"""WXR references resolved once every item is read: parents, featured images, category parents.

A WXR item names other items by WordPress ``post_id`` (``wp:post_parent``, the ``_thumbnail_id``
postmeta of a featured image), and a category names its parent by nicename; the archive uses its
own ids and names, so the reader turns each reference into those after the last item.
- A featured image becomes ``extra["featured_image"]`` (the attachment's URL) and
  ``extra["featured_image_id"]`` (the attachment entry's id); one that names no attachment of the
  export is reported (``featured-image-missing``) and left out.
- Category parents become ``Blog.extra["wxr_category_parents"]``: ``{name: parent name}`` (JSON).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace

from importer import wxr_meta as meta
from importer.diagnostics import Diagnostics
from importer.model import Post


def resolve_links(posts: list[Post], ids: Mapping[str, str], thumbnails: Mapping[str, str],
                  diagnostics: Diagnostics) -> list[Post]:
    """``posts`` with ``post_parent`` and featured images (``thumbnails``: our post id -> WXR id)
    turned into this archive's ids; ``ids`` maps WXR ``post_id`` to our ids."""
    attachments = {post.id: post for post in posts if post.kind == "attachment"}
    resolved = []
    for post in posts:
        extra = dict(post.extra)
        parent = extra.get(meta.EXTRA_PARENT)
        if parent is not None and parent in ids:
            extra[meta.EXTRA_PARENT] = ids[parent]
        wanted = thumbnails.get(post.id)
        if wanted is not None:
            image = attachments.get(ids.get(wanted, ""))
            url = image.extra.get(meta.EXTRA_ATTACHMENT_URL, "") if image is not None else ""
            if image is not None and url:
                extra[meta.EXTRA_FEATURED_IMAGE], extra[meta.EXTRA_FEATURED_ID] = url, image.id
            else:
                diagnostics.report("featured-image-missing", f"'{post.title or post.id}' names "
                                   f"attachment {wanted} as its featured image, which is not an "
                                   "attachment with a URL in this export; kept without it.",
                                   entry=post.id)
        resolved.append(post if extra == post.extra else replace(post, extra=extra))
    return resolved


def category_parents(declared: Mapping[str, tuple[str, str]]) -> dict[str, str]:
    """``Blog.extra`` entries for the categories declared with a parent (``declared``: nicename ->
    (name, parent nicename)); empty when none has one."""
    parents = {}
    for name, parent in declared.values():
        if parent and name:
            parent_name = declared[parent][0] if parent in declared else parent
            if parent_name and parent_name != name:
                parents[name] = parent_name
    return {meta.BLOG_CATEGORY_PARENTS: json.dumps(parents, ensure_ascii=False)} if parents else {}
