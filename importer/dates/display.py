"""Checking a displayed time text (``blogger.displayTime``) against its timestamp: parsed once.

Blogger writes a comment's display text from the same instant as its ``published`` timestamp,
in one display format per blog (``10. kesäkuuta 2010 klo 16.02``, with or without the weekday,
``July 13, 2011 10:22 PM``...). So after one text has been parsed and found to agree, its format
is kept as a *template*: the text with its day, month, year, weekday, hour, minute and AM/PM cut
out. A later text that is exactly its own timestamp rendered through a template says that
timestamp by construction and cannot disagree; only the other texts are parsed. A 20,000-comment
export then costs about one parse, not 20,000.

The text is read in the blog's locale, then in English (a Finnish blog may run with Blogger's
English interface). Readers and ``validate`` both call ``check_display_text``, so every input and
every output gets the same diagnostics.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Literal, NamedTuple

from importer.dates.check import compare_fields
from importer.dates.locale_data import LocaleTables, normalize_locale, tables_for, vocabulary_key
from importer.dates.parse import parse_fields
from importer.dates.scan import Token, scan
from importer.errors import DateParseError, UsageError, clip

#: The locale assumed when a blog does not say (the project is Finnish first).
DEFAULT_LOCALE = "fi"
_FALLBACK_LOCALE = "en"
#: Longer texts are not parsed (hostile or broken input: no date is this long).
MAX_LENGTH = 200
_MAX_TEMPLATES = 8
_DIGITS = re.compile(r"\d+")

# A template piece: literal text, or (field, argument). Fields: "d" day, "m" month number,
# "y" year, "yy" two-digit year, "H"/"h" 24-/12-hour hour, "i" minute, "s" second (argument:
# width 1 or 2, 0 when unknown); "M"/"W"/"P" month/weekday/AM-PM name (argument: the names).
_Piece = str | tuple[str, object]
_TEMPLATES: dict[str, list[tuple[_Piece, ...]]] = {}


class DisplayProblem(NamedTuple):
    """What is wrong with a displayed time text: a catalogue code and a one-sentence message."""

    code: Literal["date-unparsed", "display-time-mismatch"]
    """Its catalogue code."""
    message: str


def check_display_text(text: str, timestamp: dt.datetime, locale: str | None) -> DisplayProblem | None:
    """None when ``text`` agrees with aware ``timestamp`` (to the minute, on its wall clock).

    ``locale`` is the blog's (None: ``fi``); English is tried next. A text no locale can read is a
    ``date-unparsed`` problem in the blog's locale (none when Babel does not know that locale:
    there is nothing to read it with); one that reads but says another time is a
    ``display-time-mismatch``.
    """
    if timestamp.tzinfo is None or timestamp.utcoffset() is None:
        raise ValueError("check_display_text needs an aware timestamp")
    if len(text) > MAX_LENGTH:  # hostile or broken: no date is this long
        return DisplayProblem("display-time-mismatch", f"The displayed time {clip(text)!r} is "
                              f"{len(text)} characters long, too long to be a date; it was not checked.")
    key = locale or DEFAULT_LOCALE
    templates = _TEMPLATES.get(key)
    folded = _fold(text)
    if templates:
        values = _values(timestamp)
        for template in templates:
            if _render(template, values) == folded:
                return None
    return _parse_and_compare(text, folded, timestamp, key)


def _parse_and_compare(text: str, folded: str, timestamp: dt.datetime, key: str) -> DisplayProblem | None:
    unparsed: DisplayProblem | None = None
    for number, candidate in enumerate(dict.fromkeys((key, _FALLBACK_LOCALE))):
        try:
            tables = tables_for(normalize_locale(candidate))
        except UsageError:
            continue  # a locale Babel does not know
        try:
            fields = parse_fields(text, tables)
        except DateParseError as error:
            if number == 0:
                unparsed = DisplayProblem("date-unparsed", f"Could not parse the displayed time "
                                          f"{text!r} (locale {candidate}): {error.reason}.")
            continue
        reason = compare_fields(text, fields, timestamp)
        if reason is not None:
            return DisplayProblem("display-time-mismatch", reason)
        _remember(key, folded, tables, timestamp.replace(tzinfo=None))
        return None
    return unparsed


def _fold(text: str) -> str:
    """The text as the scanner sees it: NFC, casefolded."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text.casefold()


def _remember(key: str, folded: str, tables: LocaleTables, wall: dt.datetime) -> None:
    templates = _TEMPLATES.setdefault(key, [])
    if len(templates) >= _MAX_TEMPLATES:
        return
    template = _learn(folded, tables, wall)
    # Only a template that gives back the very text it was learnt from is kept.
    if template is not None and template not in templates and _render(template, _values(wall)) == folded:
        templates.append(template)


def _learn(folded: str, tables: LocaleTables, wall: dt.datetime) -> tuple[_Piece, ...] | None:
    """The template of ``folded`` (a text that agrees with ``wall``), or None when unsure."""
    tokens = scan(folded, tables)
    twelve_hour = any(token.kind == "V" and "P" in token.readings for token in tokens)
    pieces: list[_Piece] = []
    position = 0
    for token in tokens:
        pieces.append(folded[position:token.start])
        position = token.end
        learnt = _learn_token(token, tables, wall, twelve_hour)
        if learnt is None:
            return None
        pieces += learnt
    pieces.append(folded[position:])
    return tuple(piece for piece in pieces if piece != "")


def _learn_token(token: Token, tables: LocaleTables, wall: dt.datetime,
                 twelve_hour: bool) -> list[_Piece] | None:
    if token.kind == "N":
        field = _number_field(token.word, wall)
        return None if field is None else [field]
    if token.kind == "T":
        return _time_pieces(token.word, wall, twelve_hour)
    if token.kind != "V":
        return None  # a UTC offset or an unknown word: always parse such texts
    names = {"M", "W", "P"} & token.readings.keys()
    if not names:
        return [token.word]  # a joiner such as "klo", or a pattern literal
    if len(names) > 1:
        return None
    (reading,) = names
    index = {"M": wall.month - 1, "W": wall.weekday(), "P": int(wall.hour >= 12)}[reading]
    word = vocabulary_key(token.word)
    sets = {names_ for names_ in tables.forms[reading] if names_[index] == word}
    return [(reading, sets.pop())] if len(sets) == 1 else None  # several: the text cannot tell


def _number_field(word: str, wall: dt.datetime) -> _Piece | None:
    """Which field of ``wall`` a number is: only when exactly one field has its value."""
    value = int(word)
    matches = [field for field, wanted, widths in (
        ("d", wall.day, (1, 2)), ("m", wall.month, (1, 2)), ("y", wall.year, (4,)),
        ("yy", wall.year % 100, (2,))) if value == wanted and len(word) in widths]
    if len(matches) != 1:
        return None
    field = matches[0]
    return field, _width(word) if field in ("d", "m") else len(word)


def _width(digits: str) -> int:
    """1 (no padding) or 2 (zero-padded); 0 when the text cannot tell (a two-digit value)."""
    if len(digits) == 1:
        return 1
    return 2 if digits[0] == "0" else 0


def _time_pieces(word: str, wall: dt.datetime, twelve_hour: bool) -> list[_Piece] | None:
    numbers = _DIGITS.findall(word)
    separators = _DIGITS.split(word)[1:-1]
    hour = wall.hour % 12 or 12 if twelve_hour else wall.hour
    if int(numbers[0]) != hour or int(numbers[1]) != wall.minute or len(numbers[1]) != 2:
        return None
    pieces: list[_Piece] = [("h" if twelve_hour else "H", _width(numbers[0])), separators[0], ("i", 2)]
    if len(numbers) > 2:
        if int(numbers[2]) != wall.second or len(numbers[2]) != 2:
            return None
        pieces += [separators[1], ("s", 2)]
    return pieces


def _values(wall: dt.datetime) -> dict[str, int]:
    """The fields a template can ask for; names by their index (month 0-11, Monday 0, PM 1)."""
    return {"d": wall.day, "m": wall.month, "y": wall.year, "yy": wall.year % 100, "H": wall.hour,
            "h": wall.hour % 12 or 12, "i": wall.minute, "s": wall.second, "M": wall.month - 1,
            "W": wall.weekday(), "P": int(wall.hour >= 12)}


def _render(template: tuple[_Piece, ...], values: dict[str, int]) -> str | None:
    """The wall clock of ``values`` written through ``template``; None when it cannot tell how."""
    out: list[str] = []
    for piece in template:
        if isinstance(piece, str):
            out.append(piece)
            continue
        field, argument = piece
        value = values[field]
        if isinstance(argument, tuple):
            out.append(argument[value])
        elif argument == 2:
            out.append(f"{value:02d}")
        elif argument == 0 and value < 10:
            return None
        else:
            out.append(str(value))
    return "".join(out)
