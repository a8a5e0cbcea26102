"""What every check works with: the ``Finding`` a check yields and the ``CheckContext`` it reads.

A check is a small function ``check_<rule>(archive, context) -> Iterable[Finding]``; the registry
(``importer.checks.registry``) gives each one its catalogue code, so a check never names its
own severity or location format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from importer.html.urls import iter_urls
from importer.model import Archive, Comment, Post

#: Output flavors whose naming rules the output checks know.
OUTPUT_FLAVORS = ("hugo", "jekyll", "pelican", "zola", "wxr")


class Finding(NamedTuple):
    """One problem a check found: what, and which entry (post or comment id) it concerns."""

    message: str
    entry: str | None = None


@dataclass(frozen=True)
class CheckContext:
    """Settings of one validation run that checks may read."""

    file: str | None = None
    """The file the archive came from (goes into every diagnostic)."""
    targets: tuple[str, ...] = OUTPUT_FLAVORS
    """Output flavors the output checks consider (``convert`` passes only its own target)."""
    locale: str | None = None
    """Locale for date text; None means the blog's own (``fi`` when the blog has none)."""

    def locale_for(self, archive: Archive) -> str:
        """The locale date texts of ``archive`` are written in."""
        return self.locale or archive.blog.locale or "fi"


CheckFunction = Callable[[Archive, CheckContext], Iterable[Finding]]


def all_comments(archive: Archive) -> Iterator[tuple[Post, Comment]]:
    """Every comment of the archive with the post it is stored under."""
    for post in archive.posts:
        for comment in post.comments:
            yield post, comment


def plural(count: int, word: str, many: str | None = None) -> str:
    """``plural(1, "post") == "1 post"``, ``plural(2, "post") == "2 posts"``."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def link_attributes(html: str) -> list[tuple[str, str, str]]:
    """``(tag, attribute, value)`` for every ``href`` and ``src`` in ``html``, entities decoded."""
    return list(iter_urls(html))
