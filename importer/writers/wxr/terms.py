"""Tags and categories: each declared once, referenced on items by an ASCII nicename.

Quirks handled:
- The nicename is WordPress's identity for a term, so it is precomputed with the blog language's
  transliteration (Finnish ``ä→a``): ``Kesä`` becomes ``kesa``, not ``kes-a`` or ``kesä``.
- Labels that differ only by case or accent (``Koodi`` / ``koodi``) would collapse into one term
  inside WordPress anyway; we decide the mapping: the spelling used on most posts wins (on a tie, the
  one on the oldest post), and every merged spelling is reported as ``label-merged``.
- A label with no ASCII letters left (``日本``) gets a stable ``label-<hash>`` nicename.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from importer.diagnostics import Diagnostics, plural
from importer.model import Post
from importer.slugs import slugify
from importer.writers.wxr.items import WxrTerm
from importer.wxr_meta import categories_of

DOMAINS = {"tags": "post_tag", "categories": "category"}


def nicename(label: str, locale: str | None) -> str:
    """The ASCII term slug for ``label`` (never empty)."""
    slug = slugify(label, locale, max_length=190)
    if slug:
        return slug
    return "label-" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:8]


@dataclass
class TermTable:
    """Every term of the archive and, for each ``(domain, label)``, the term it became."""

    terms: list[WxrTerm] = field(default_factory=list)
    by_label: dict[tuple[str, str], WxrTerm] = field(default_factory=dict)

    def for_post(self, post: Post, labels_as: str) -> list[WxrTerm]:
        """The terms of ``post`` in label order, each once."""
        refs: list[WxrTerm] = []
        for domain, label in post_labels(post, labels_as):
            term = self.by_label[(domain, label)]
            if term not in refs:
                refs.append(term)
        return refs


def post_labels(post: Post, labels_as: str) -> list[tuple[str, str]]:
    """``(domain, label)`` for each label: categories from a WXR input stay categories."""
    categories = categories_of(post.extra)
    default = DOMAINS[labels_as]
    return [("category" if label in categories else default, label) for label in post.labels]


def build_terms(posts: Iterable[Post], labels_as: str, locale: str | None,
                diagnostics: Diagnostics) -> TermTable:
    """Terms for every label of ``posts``; merges of differing spellings are reported."""
    uses: Counter[tuple[str, str]] = Counter()
    for post in sorted(posts, key=lambda p: (p.published, p.id)):  # order-independent result
        uses.update(dict.fromkeys(post_labels(post, labels_as), 1))
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for key in uses:  # first-seen order
        groups.setdefault((key[0], nicename(key[1], locale)), []).append(key)
    table = TermTable()
    ordered = sorted(groups.items(), key=lambda item: item[0][0] != "category")  # categories first
    for number, ((domain, slug), spellings) in enumerate(ordered, start=1):
        winner = max(spellings, key=lambda key: uses[key])  # max keeps the first on ties
        term = WxrTerm(id=number, domain=domain, nicename=slug, name=winner[1])
        table.terms.append(term)
        for key in spellings:
            table.by_label[key] = term
            if key != winner:
                diagnostics.report("label-merged", f"Label '{key[1]}' ({plural(uses[key], 'post')}) was "
                                   f"merged into '{winner[1]}' ({plural(uses[winner], 'post')}): "
                                   "WordPress term "
                                   f"'{slug}'.")
    return table
