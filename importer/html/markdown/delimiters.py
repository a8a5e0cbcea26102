"""Emphasis written as ``*``/``**`` only where a strict CommonMark parser reads it back as emphasis.

The converter marks where each ``<strong>``/``<em>`` opens and closes with private-use characters;
once the whole body is Markdown, the characters on both sides of every mark are known and each
pair is written as delimiters when CommonMark's flanking rules make it emphasis, else as the
``<strong>``/``<em>`` tags (inline HTML: with raw HTML off the text still shows, unemphasized).

Quirks this exists for (real Blogger and Word soup, built by Hugo's goldmark):
- ``inscripción<b>.</b>``: ``**`` after a letter and before punctuation cannot open;
- ``<b>Huom:</b>tärkeää``: ``**`` after punctuation and before a letter cannot close;
- ``<b>a</b><i>b</i>`` next to each other: the delimiter runs would merge into one run.
A character class is judged the strict way for both parsers in use: a symbol (``€``, ``©``) next to
the delimiter inside counts as punctuation (CommonMark 0.31), outside it does not (0.30, goldmark).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


@dataclass(frozen=True)
class Marks:
    """The four private-use characters that mark emphasis in converted text."""

    strong_open: str
    strong_close: str
    em_open: str
    em_close: str

    @property
    def all(self) -> str:
        """The four characters in one string."""
        return self.strong_open + self.strong_close + self.em_open + self.em_close


def _space(char: str) -> bool:
    return not char or char.isspace() or unicodedata.category(char) == "Zs"


def _punct_inside(char: str, marks: str) -> bool:
    """Punctuation for a character just inside the delimiters (the wide reading: P and S)."""
    return char in marks or char in _ASCII_PUNCTUATION or unicodedata.category(char)[0] in "PS"


def _punct_outside(char: str, marks: str) -> bool:
    """Punctuation for a character just outside the delimiters (the narrow reading: P only)."""
    return char in marks or char in _ASCII_PUNCTUATION or unicodedata.category(char)[0] == "P"


def can_open(before: str, first: str, marks: str = "") -> bool:
    """A ``*`` run between ``before`` and ``first`` is left-flanking ("" is a line edge)."""
    if _space(first):
        return False
    return not _punct_inside(first, marks) or _space(before) or _punct_outside(before, marks)


def can_close(last: str, after: str, marks: str = "") -> bool:
    """A ``*`` run between ``last`` and ``after`` is right-flanking ("" is a line edge)."""
    if _space(last):
        return False
    return not _punct_inside(last, marks) or _space(after) or _punct_outside(after, marks)


def _might_open(before: str, first: str, marks: str) -> bool:
    """Left-flanking under EITHER reading of symbols (the loose one: a symbol is punctuation on
    both sides), for asking whether a delimiter could also act the other way."""
    if _space(first):
        return False
    return not _punct_inside(first, marks) or _space(before) or _punct_inside(before, marks)


def _might_close(last: str, after: str, marks: str) -> bool:
    """Right-flanking under either reading of symbols (see ``_might_open``)."""
    if _space(last):
        return False
    return not _punct_inside(last, marks) or _space(after) or _punct_inside(after, marks)


def _char_at(text: str, index: int) -> str:
    """The character at ``index``, or "" past either end or at a line break."""
    if 0 <= index < len(text) and text[index] not in "\r\n":
        return text[index]
    return ""


def resolve(text: str, marks: Marks) -> tuple[str, list[str]]:
    """``text`` with each mark pair written as delimiters or as tags; and the tags used as HTML.

    Pairs are matched as nested (the converter writes them from a tree); an unmatched mark is
    dropped. A pair is written as HTML when either end would not flank, when it opens right
    where a pair written as delimiters closed (the two runs would merge into one), or when a
    delimiter could also act the other way (inside a word: ``a**b**c``) and the pair is nested
    in, or holds, another pair written with delimiters (CommonMark would pair the runs otherwise).
    """
    if not any(mark in text for mark in marks.all):
        return text, []
    pattern = re.compile(f"[{re.escape(marks.all)}]")
    html: list[str] = []
    replacement: dict[int, str] = {}
    stack: list[list[int]] = []  # [open position, 1 when a pair inside was written with * runs]
    closed_as_delimiters: set[int] = set()  # end positions of pairs written with * runs
    for match in pattern.finditer(text):
        position, mark = match.start(), match.group()
        if mark in (marks.strong_open, marks.em_open):
            stack.append([position, 0])
            continue
        if not stack:
            replacement[position] = ""
            continue
        opened, inner = stack.pop()
        strong = mark == marks.strong_close
        delimiter, tag = ("**", "strong") if strong else ("*", "em")
        before, first = _char_at(text, opened - 1), _char_at(text, opened + 1)
        last, after = _char_at(text, position - 1), _char_at(text, position + 1)
        # a run that could both open and close (inside a word) pairs up wrongly when nested
        both = _might_close(before, first, marks.all) or _might_open(last, after, marks.all)
        fits = (can_open(before, first, marks.all) and can_close(last, after, marks.all)
                and (opened - 1) not in closed_as_delimiters and not (both and (stack or inner)))
        if fits:
            replacement[opened] = replacement[position] = delimiter
            closed_as_delimiters.add(position)
            if stack:
                stack[-1][1] = 1
        else:
            replacement[opened], replacement[position] = f"<{tag}>", f"</{tag}>"
            html.append(tag)
    for position, _ in stack:
        replacement[position] = ""
    return pattern.sub(lambda m: replacement.get(m.start(), ""), text), html
