"""``--split-size``: several WXR files, each under a size and each valid on its own.

WordPress hosts often cap uploads at 2–64 MB. Quirks handled:
- Every file carries the channel header and declares exactly the authors and terms its own items
  use, so each imports alone, in any order.
- A post travels with its comments (the importer attaches comments only to the item they are in)
  and with its attachment items (``wp:post_parent`` is remapped only within one import).
- An item group larger than the limit on its own is written alone and reported
  (``split-oversize``); nothing is ever cut.
Files are packed greedily in document order, so posts keep their order across the parts.
Each group is encoded once as it is packed and each file is made as soon as it is full, so the
whole export is never held twice (text and bytes): peak memory stays near one copy of the output.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from importer.diagnostics import Diagnostics
from importer.writers.wxr.items import WxrAuthor, WxrChannel, WxrItem, WxrTerm
from importer.writers.wxr.xml import (
    render_author,
    render_document,
    render_generator,
    render_group,
    render_head,
    render_tail,
    render_term,
)


@dataclass
class _Part:
    groups: list[bytes]
    logins: set[str]
    terms: set[int]
    size: int


def _needs(item: WxrItem, parents: dict[int, int]) -> tuple[set[str], set[int]]:
    """The logins and term ids ``item`` needs declared, a category's ancestors included."""
    members = [item, *item.attachments]
    ids = {t.id for m in members for t in m.terms}
    for term in list(ids):
        while parents.get(term, 0) and parents[term] not in ids:
            term = parents[term]
            ids.add(term)
    return {m.creator for m in members}, ids


def split_documents(channel: WxrChannel, authors: Sequence[WxrAuthor], terms: Sequence[WxrTerm],
                    groups: Sequence[WxrItem], limit: int, diagnostics: Diagnostics) -> list[bytes]:
    """Complete WXR documents, each at most ``limit`` bytes unless one group alone is larger."""
    author_size = {a.login: len(render_author(a).encode("utf-8")) for a in authors}
    term_size = {t.id: len(render_term(t).encode("utf-8")) for t in terms}
    parents = {t.id: t.parent for t in terms if t.parent}
    fixed = len((render_head(channel) + render_generator() + render_tail()).encode("utf-8"))
    documents: list[bytes] = []
    current = _Part([], set(), set(), fixed)
    for item in groups:
        data = render_group(item).encode("utf-8")
        logins, term_ids = _needs(item, parents)
        growth = (len(data) + sum(author_size[a] for a in logins - current.logins)
                  + sum(term_size[t] for t in term_ids - current.terms))
        if current.groups and current.size + growth > limit:
            documents.append(_render(channel, authors, terms, current))
            current = _Part([], set(), set(), fixed)
            growth = (len(data) + sum(author_size[a] for a in logins)
                      + sum(term_size[t] for t in term_ids))
        current.groups.append(data)
        current.logins |= logins
        current.terms |= term_ids
        current.size += growth
        if len(current.groups) == 1 and current.size > limit:
            diagnostics.report("split-oversize", f"'{item.title}' with its comments takes "
                               f"{current.size} bytes, more than --split-size ({limit}); written "
                               "alone in one file.", entry=item.source_id)
    if current.groups or not documents:
        documents.append(_render(channel, authors, terms, current))
    return documents


def _render(channel: WxrChannel, authors: Sequence[WxrAuthor], terms: Sequence[WxrTerm],
            part: _Part) -> bytes:
    """The part as one document (the bytes of ``render_document``); its groups are let go."""
    header = render_document(channel, [a for a in authors if a.login in part.logins],
                             [t for t in terms if t.id in part.terms], []).removesuffix(render_tail())
    data = b"".join([header.encode("utf-8"), *part.groups, render_tail().encode("utf-8")])
    part.groups.clear()
    return data
