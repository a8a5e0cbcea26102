"""A BeautifulSoup ``Tag`` whose plain look-ups by element name are direct walks of the tree.

bs4 4.13+ runs every ``find_all``/``find``/``find_parent`` through a general filter object: on a
large body the cleanup passes and markdownify's per-element ``find_parent("pre")`` spent most of
their time building and applying filters. Calls with only element names (a string, list, set or
tuple, or ``True`` for any element) take the direct path here; any other argument goes to bs4.
The class is installed with bs4's own ``element_classes`` parser option (``cleanup.parse``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bs4 import Tag


def _names(name: Any) -> frozenset[str] | bool | None:
    """The element names a plain look-up asks for; True for any element; None when not plain."""
    if name is True:
        return True
    if isinstance(name, str):
        return frozenset((name,))
    if isinstance(name, (list, tuple, set, frozenset)) and all(isinstance(n, str) for n in name):
        return frozenset(name)
    return None


def _matches(node: object, names: frozenset[str] | bool) -> bool:
    return isinstance(node, Tag) and (names is True or node.name in names)  # type: ignore[operator]


class FastTag(Tag):
    """``Tag`` with direct-walk ``find_all``, ``find`` and ``find_parent`` for name-only queries."""

    def find_all(self, name: Any = None, attrs: Any = None, recursive: bool = True, string: Any = None,
                 limit: Any = None, **kwargs: Any) -> Any:
        names = _names(name)
        if names is None or attrs or string is not None or limit or kwargs:
            return super().find_all(name, attrs or {}, recursive, string, limit, **kwargs)
        nodes: Iterable[object] = self.descendants if recursive else self.children
        from bs4.element import ResultSet

        return ResultSet(None, [n for n in nodes if _matches(n, names)])

    def find(self, name: Any = None, attrs: Any = None, recursive: bool = True, string: Any = None,
             **kwargs: Any) -> Any:
        names = _names(name)
        if names is None or attrs or string is not None or kwargs:
            return super().find(name, attrs or {}, recursive, string, **kwargs)
        nodes: Iterable[object] = self.descendants if recursive else self.children
        return next((n for n in nodes if _matches(n, names)), None)

    def find_parent(self, name: Any = None, attrs: Any = None, **kwargs: Any) -> Any:
        names = _names(name)
        if names is None or attrs or kwargs:
            return super().find_parent(name, attrs or {}, **kwargs)
        parent = self.parent
        while parent is not None and not (parent.name != "[document]" and _matches(parent, names)):
            parent = parent.parent
        return parent
