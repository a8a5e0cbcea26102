"""Cutting casefolded date text into tokens with a locale's scanner.

Kinds: numbers, times (``14.35``), UTC offsets (``+03:00``, ``GMT+3``), vocabulary words (month
and weekday names, AM/PM, joiners like ``klo``) and anything else. Punctuation of any script
(Arabic ``،``, the invisible right-to-left mark) separates; pattern literals (``den``, ``de``) are
dropped. Abbreviations with a dot such as ``kesäk.`` are read as the month they uniquely start.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import NamedTuple

from importer.dates.locale_data import LocaleTables, vocabulary_key
from importer.errors import clip

_NO_READINGS: Mapping[str, int] = {}


class Token(NamedTuple):
    """One piece of the casefolded text."""

    kind: str
    """``N`` number, ``T`` time, ``Z`` UTC offset, ``V`` vocabulary word, ``X`` anything else."""
    word: str
    number: int
    """The number; for ``Z`` the offset as signed ``hhmm`` (``-530`` for -05:30)."""
    readings: Mapping[str, int]
    """For ``V``: ``M`` month, ``W`` weekday, ``P`` AM/PM, ``J`` joiner, ``L`` literal."""
    start: int
    end: int


_ZONE = re.compile(r"(?:utc|gmt)?([+-])(\d{1,2}):?(\d\d)?")
#: Longer digit runs are no date field (a year has four digits); ``int()`` of 4,300 digits raises.
MAX_NUMBER_DIGITS = 9


def _fold(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text.casefold()


def scan(text: str, tables: LocaleTables) -> list[Token]:
    tokens: list[Token] = []
    vocabulary = tables.vocabulary
    for match in tables.scanner.finditer(_fold(text)):
        kind = match.lastgroup
        if kind == "space" or kind == "literal":
            continue
        word = match.group()
        start, end = match.span()
        if kind == "number" and len(word) > MAX_NUMBER_DIGITS:
            tokens.append(Token("X", word, 0, _NO_READINGS, start, end))
        elif kind == "number":
            tokens.append(Token("N", word, int(word), _NO_READINGS, start, end))
        elif kind == "name":
            readings = vocabulary.get(word) or vocabulary[vocabulary_key(word)]
            tokens.append(Token("V", word, 0, readings, start, end))
        elif kind == "time":
            tokens.append(Token("T", word, 0, _NO_READINGS, start, end))
        elif kind == "zone":
            tokens.append(Token("Z", word, _offset_hhmm(word), _NO_READINGS, start, end))
        elif _is_separator(word):
            continue
        else:
            month = _dotted_abbreviation(word, tables)
            if month:
                tokens.append(Token("V", word, 0, {"M": month}, start, end))
            else:
                tokens.append(Token("X", word, 0, _NO_READINGS, start, end))
    return tokens


def _is_separator(word: str) -> bool:
    """Punctuation and invisible marks of any script: Arabic ``،``, Ethiopic ``፣``, RLM."""
    return len(word) == 1 and unicodedata.category(word)[0] in "PZC"


def _dotted_abbreviation(word: str, tables: LocaleTables) -> int:
    """The month of an abbreviation such as ``kesäk.``: a unique prefix of a wide month name."""
    if not word.endswith(".") or len(word) < 4:
        return 0
    stem = word[:-1]
    months = {month for name, month in tables.month_names if name.startswith(stem)}
    return months.pop() if len(months) == 1 else 0


def _offset_hhmm(word: str) -> int:
    match = _ZONE.fullmatch(word)
    if match is None:  # bare "utc" / "gmt"
        return 0
    sign, hours, minutes = match.groups()
    hhmm = int(hours) * 100 + int(minutes or 0)
    return -hhmm if sign == "-" else hhmm


def quote(text: str, token: Token) -> str:
    """The token as written in the original text, quoted (clipped: input may be hostile)."""
    return repr(clip(original(text, token)))


def original(text: str, token: Token, to_end: bool = False) -> str:
    """The token (or everything from it on) as written, when casefolding kept the offsets."""
    original = text if text.isascii() else unicodedata.normalize("NFC", text)
    if len(original) != len(original.casefold()):
        return token.word
    return original[token.start:].strip() if to_end else original[token.start:token.end]
