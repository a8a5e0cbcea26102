"""Ids and logins WordPress's importer can rely on.

Quirks handled:
- ``wp:post_id`` must be unique positive integers; Blogger's 19-digit ids are kept in postmeta
  instead and items are numbered 1, 2, 3... oldest first.
- The importer inserts comments in ascending ``comment_id`` order and remaps a parent only to a
  comment already inserted, so every parent gets a LOWER id than its replies. Blogger's own ids
  do not promise that (a reply can carry a smaller id), so threads are ordered parents first.
  A reply whose parent is not on the same post becomes top level; a cycle is broken.
- ``wp:author_login`` is ASCII ``[A-Za-z0-9 _.\\-@]``, at most 60 characters, one per person;
  ``dc:creator`` must equal it or the post goes to whoever runs the import.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from importer.diagnostics import Diagnostics
from importer.model import Author, Comment
from importer.slugs import transliterate

MAX_LOGIN = 60
_NOT_LOGIN = re.compile(r"[^A-Za-z0-9 _.\-@]+")
FALLBACK_LOGIN = "author"


def login_for(name: str, locale: str | None = "fi") -> str:
    """An ASCII WordPress login for a display name (``Pirjo Esimerkki`` stays, ``Jää`` -> ``Jaa``)."""
    text = _NOT_LOGIN.sub(" ", transliterate(name, locale))
    login = " ".join(text.split())[:MAX_LOGIN].strip()
    return login or FALLBACK_LOGIN


class AuthorTable:
    """One login per person (display name + profile URL), distinct across people."""

    def __init__(self, locale: str | None) -> None:
        self._locale = locale
        self._logins: dict[tuple[str, str | None], str] = {}
        self._names: dict[str, str] = {}

    def login(self, author: Author | None) -> str:
        """The login of ``author`` (registered on first use); None gets the fallback author."""
        key = (author.name, author.uri) if author is not None else ("", None)
        if key not in self._logins:
            base = login_for(key[0], self._locale)
            login, number = base, 2
            while login.lower() in (taken.lower() for taken in self._names):
                suffix = f"-{number}"
                login, number = base[: MAX_LOGIN - len(suffix)] + suffix, number + 1
            self._logins[key] = login
            self._names[login] = key[0] or login
        return self._logins[key]

    def records(self) -> list[tuple[str, str]]:
        """``(login, display name)`` of every registered author, in order of first use."""
        return list(self._names.items())


def thread_order(
    comments: Sequence[Comment], diagnostics: Diagnostics
) -> list[tuple[Comment, str | None]]:
    """The comments of one post, every parent before its replies: ``(comment, parent id)``.

    Siblings keep time order (then id). A missing parent makes the reply top level
    (``comment-parent-missing``); a cycle is broken at one of its members (``comment-thread-cycle``).
    """
    by_id = {c.id: c for c in comments}
    parents: dict[str, str | None] = {}
    for comment in comments:
        parent = comment.parent_id
        if parent is not None and parent not in by_id:
            diagnostics.report("comment-parent-missing", f"Reply to comment '{parent}', which is not "
                               "on this post; written as a top-level comment.", entry=comment.id)
            parent = None
        parents[comment.id] = parent
    _break_cycles(comments, parents, diagnostics)
    children: dict[str | None, list[Comment]] = defaultdict(list)
    for comment in sorted(comments, key=lambda c: (c.published, c.id)):
        children[parents[comment.id]].append(comment)
    ordered: list[tuple[Comment, str | None]] = []
    stack = list(reversed(children[None]))
    while stack:
        comment = stack.pop()
        ordered.append((comment, parents[comment.id]))
        stack.extend(reversed(children[comment.id]))
    return ordered


def _break_cycles(comments: Iterable[Comment], parents: dict[str, str | None],
                  diagnostics: Diagnostics) -> None:
    """Make one member of every parent cycle top level, so each thread reaches the top."""
    done: set[str] = set()
    for comment in sorted(comments, key=lambda c: (c.published, c.id)):
        path: list[str] = []
        node: str | None = comment.id
        while node is not None and node not in done and node not in path:
            path.append(node)
            node = parents[node]
        if node is not None and node in path:
            parents[node] = None
            diagnostics.report("comment-thread-cycle", f"Comment '{node}' is part of a reply "
                               "cycle; written as a top-level comment.", entry=node)
        done.update(path)
