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
from collections.abc import Iterable, Mapping
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
                diagnostics: Diagnostics, parents: Mapping[str, str] | None = None) -> TermTable:
    """Terms for every label of ``posts``; merges of differing spellings are reported.

    ``parents`` (``{category: parent category}``, from a WXR input) nests categories: a parent is
    declared even when no post uses it, and always before its children.
    """
    uses: Counter[tuple[str, str]] = Counter()
    for post in sorted(posts, key=lambda p: (p.published, p.id)):  # order-independent result
        uses.update(dict.fromkeys(post_labels(post, labels_as), 1))
    parents = parents or {}
    for domain, label in list(uses):
        seen = {label}
        while domain == "category" and parents.get(label) not in (None, *seen):
            label = parents[label]
            seen.add(label)
            uses[("category", label)] += 0  # declared, used by no post
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for key in uses:  # first-seen order
        groups.setdefault((key[0], nicename(key[1], locale)), []).append(key)
    winners = {group: max(spellings, key=lambda key: uses[key])  # max keeps the first on ties
               for group, spellings in groups.items()}
    parent_of = {group: (group[0], nicename(parents[winner[1]], locale)) for group, winner in winners.items()
                 if group[0] == "category" and winner[1] in parents}
    table = TermTable()
    numbers: dict[tuple[str, str], int] = {}
    for group in _parents_first(list(groups), parent_of):
        winner, parent = winners[group], parent_of.get(group)
        numbers[group] = len(numbers) + 1
        term = WxrTerm(id=numbers[group], domain=group[0], nicename=group[1], name=winner[1],
                       parent=numbers.get(parent, 0) if parent else 0,
                       parent_nicename=parent[1] if parent and parent in numbers else "")
        table.terms.append(term)
        for key in groups[group]:
            table.by_label[key] = term
            if key != winner and uses[key]:
                diagnostics.report("label-merged", f"Label '{key[1]}' ({plural(uses[key], 'post')}) was "
                                   f"merged into '{winner[1]}' ({plural(uses[winner], 'post')}): "
                                   "WordPress term "
                                   f"'{group[1]}'.")
    return table


def _parents_first(groups: list[tuple[str, str]], parent_of: Mapping[tuple[str, str], tuple[str, str]]
                   ) -> list[tuple[str, str]]:
    """Categories first (each after its parent), then tags; otherwise in the given order."""
    ordered: list[tuple[str, str]] = []
    placed: set[tuple[str, str]] = set()
    for group in sorted(groups, key=lambda g: g[0] != "category"):
        chain = [group]
        while chain[-1] in parent_of and parent_of[chain[-1]] not in (*chain, *placed):
            chain.append(parent_of[chain[-1]])
        for member in reversed(chain):
            if member not in placed and member in groups:
                placed.add(member)
                ordered.append(member)
    return ordered
