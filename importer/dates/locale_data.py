"""Per-locale token tables compiled from CLDR (via Babel), cached per locale.

A table holds the locale's vocabulary (month and weekday names in the format and stand-alone
contexts, wide and abbreviated — never the one-letter narrow forms —, AM/PM, the literal words of
its date patterns such as Danish ``den`` or Spanish ``de``, and Blogger's date/time joiners such
as Finnish ``klo``), one tokenizer regex, and the *shapes* of its date patterns: the order of the
fields (weekday, day, month, year) in the CLDR full, long, medium and short patterns.
Finnish quirk: CLDR's format-context wide weekdays are the essive forms (``torstaina``) and the
stand-alone ones the nominative (``torstai``); both are in the vocabulary.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from importer.errors import UsageError

# Blogger's legacy and alias language codes -> the code Babel knows.
_LEGACY_LANGUAGES = {"in": "id", "iw": "he", "ji": "yi", "jw": "jv", "no": "nb", "tl": "fil"}

# Words Blogger (and people) put between a date and a time, per language ("10. kesäkuuta 2010
# klo 16.02", "29 november 2010 om 12:35"). The first one is what format_date writes.
TIME_JOINERS: dict[str, tuple[str, ...]] = {
    "fi": ("klo", "kello", "kl."), "en": ("at",), "nl": ("om",), "de": ("um",),
    "sv": ("kl.", "kl", "klockan"), "nb": ("kl.", "kl", "klokken"), "nn": ("kl.", "kl"),
    "da": ("kl.", "kl", "klokken"), "et": ("kell",), "fr": ("à",), "pt": ("às", "as"),
    "it": ("alle", "ore"), "es": ("a las", "a la"), "ca": ("a les", "a la"), "pl": ("o",),
    "cs": ("v",), "ru": ("в",), "id": ("pukul", "jam"), "tr": ("saat",), "hu": (),
}

# Pattern letters -> slot codes: W weekday name, d day, m month number, M month name,
# y four-digit year, yy two- or four-digit year.
SLOTS_WITH_DAY = frozenset({"d"})

_PATTERN_PART = re.compile(r"'((?:[^']|'')*)'|([A-Za-z])\2*|([^A-Za-z']+)")
_LETTERS = re.compile(r"[^\W\d_]+\.?")
_ENGLISH_PERIODS = {"am": 0, "a.m.": 0, "pm": 1, "p.m.": 1}


@dataclass(frozen=True)
class Shape:
    """The field order of one date pattern, e.g. ``("W", "d", "M", "y")`` for ``cccc d. MMMM y``."""

    slots: tuple[str, ...]
    """Slot codes in text order."""
    precision: str
    """``"day"`` when the pattern has a day, else ``"month"`` (``kesäkuu 2010``)."""


@dataclass(frozen=True)
class LocaleTables:
    """Everything the parser needs to know about one locale, compiled once."""

    locale: str
    """Babel identifier, e.g. ``fi`` or ``en_US``."""
    vocabulary: dict[str, dict[str, int]]
    """Casefolded word -> its readings: ``M`` month 1-12, ``W`` weekday 0-6 (Monday 0),
    ``P`` day period (0 AM, 1 PM), ``J`` date/time joiner, ``L`` pattern literal."""
    month_names: tuple[tuple[str, int], ...]
    """Casefolded wide month names, for abbreviations with a dot such as ``kesäk.``."""
    scanner: re.Pattern[str]
    """Tokenizer over casefolded text; group names say the token kind."""
    shapes: dict[int, tuple[Shape, ...]]
    """Date shapes by number of fields, most common first."""
    example: str
    """The full date pattern, quoted in error messages."""
    forms: dict[str, tuple[tuple[str, ...], ...]]
    """Every set of names as vocabulary keys, by reading: ``M`` twelve months, ``W`` seven
    weekdays (Monday first), ``P`` AM and PM; one tuple per CLDR context and width."""


def vocabulary_key(word: str) -> str:
    """How a word is looked up: NFC, casefolded, inner whitespace (even NBSP) as one space."""
    return " ".join(unicodedata.normalize("NFC", word).casefold().split())


def normalize_locale(code: str) -> str:
    """Turn a Blogger locale code (``fi``, ``en_US``, ``en-GB``, legacy ``iw``) into Babel's form.

    Raises ``UsageError`` when Babel does not know the locale.
    """
    return _normalize_locale(code.strip())


@lru_cache(maxsize=256)
def _normalize_locale(code: str) -> str:
    parts = code.replace("-", "_").split("_")
    parts[0] = _LEGACY_LANGUAGES.get(parts[0].lower(), parts[0].lower())
    try:
        return str(Locale.parse("_".join(parts)))
    except (UnknownLocaleError, ValueError, TypeError):
        raise UsageError(f"unknown locale {code!r}") from None


@lru_cache(maxsize=64)
def tables_for(locale: str) -> LocaleTables:
    """The compiled tables of a Babel locale identifier (use ``normalize_locale`` first)."""
    loc = Locale.parse(locale)
    vocabulary: dict[str, dict[str, int]] = {}
    _add_names(vocabulary, loc)
    literals = _add_patterns_literals(vocabulary, loc)
    for joiner in TIME_JOINERS.get(loc.language, ()):
        vocabulary.setdefault(vocabulary_key(joiner), {})["J"] = 1
    month_names = tuple(
        (name.casefold(), month)
        for context in ("format", "stand-alone")
        for month, name in loc.months[context]["wide"].items()
    )
    return LocaleTables(
        locale=locale,
        vocabulary=vocabulary,
        month_names=month_names,
        scanner=_compile_scanner(vocabulary, literals, _time_separators(loc)),
        shapes=_compile_shapes(loc),
        example=loc.date_formats["full"].pattern,
        forms=_name_forms(loc),
    )


def _name_forms(loc: Locale) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The month, weekday and AM/PM names of each context and width, in order."""
    forms: dict[str, list[tuple[str, ...]]] = {"M": [], "W": [], "P": []}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            months = loc.months[context][width]
            days = loc.days[context][width]
            periods = loc.day_periods.get(context, {}).get(width, {})
            if len(months) == 12:
                forms["M"].append(tuple(vocabulary_key(months[m]) for m in range(1, 13)))
            if len(days) == 7:
                forms["W"].append(tuple(vocabulary_key(days[d]) for d in range(7)))
            if "am" in periods and "pm" in periods:
                forms["P"].append((vocabulary_key(periods["am"]), vocabulary_key(periods["pm"])))
    forms["P"] += [("am", "pm"), ("a.m.", "p.m.")]
    return {key: tuple(dict.fromkeys(value)) for key, value in forms.items()}


def _add_names(vocabulary: dict[str, dict[str, int]], loc: Locale) -> None:
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for month, name in loc.months[context][width].items():
                vocabulary.setdefault(vocabulary_key(name), {})["M"] = month
            for weekday, name in loc.days[context][width].items():
                vocabulary.setdefault(vocabulary_key(name), {})["W"] = weekday
            periods = loc.day_periods.get(context, {}).get(width, {})
            for key, value in (("am", 0), ("pm", 1)):
                if key in periods:
                    for form in {periods[key], periods[key].replace(" ", "")}:
                        vocabulary.setdefault(vocabulary_key(form), {})["P"] = value
    for word, value in _ENGLISH_PERIODS.items():
        if word not in vocabulary:
            vocabulary[word] = {"P": value}


def _add_patterns_literals(vocabulary: dict[str, dict[str, int]], loc: Locale) -> list[str]:
    """Add the literal words of the date patterns (``den``, ``de``, ``г.``, ``年``)."""
    literals: list[str] = []
    for pattern in _date_patterns(loc):
        for quoted, letter, plain in _PATTERN_PART.findall(pattern):
            if letter:
                continue
            text = (quoted.replace("''", "'") if quoted else plain).casefold()
            for word in _LETTERS.findall(text):
                reading = vocabulary.setdefault(word, {})
                if "L" not in reading:
                    reading["L"] = 1
                    literals.append(word)
    return literals


def _date_patterns(loc: Locale) -> list[str]:
    patterns = [loc.date_formats[style].pattern for style in ("full", "long", "medium", "short")]
    for skeleton in ("yMMMM", "yMMM"):
        if skeleton in loc.datetime_skeletons:
            patterns.append(loc.datetime_skeletons[skeleton].pattern)
    return patterns


def _time_separators(loc: Locale) -> str:
    """``:`` always, plus the locale's own (``.`` in fi ``H.mm`` and da ``HH.mm``)."""
    seps = {":"}
    for style in ("short", "medium"):
        seps.update(re.findall(r"[Hhk]+(\W)mm", loc.time_formats[style].pattern))
    return "".join(sorted(seps))


def _alternation(words: list[str]) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)


def _compile_scanner(
    vocabulary: dict[str, dict[str, int]], literals: list[str], time_seps: str
) -> re.Pattern[str]:
    seps = re.escape(time_seps)
    names = [w for w, reading in vocabulary.items() if set(reading) - {"L"}]
    parts = [
        rf"(?P<time>(?<![\d./:-])\d{{1,2}}[{seps}]\d\d(?:[{seps}]\d\d)?)(?![./:-]?\d)",
        r"(?P<zone>(?:utc|gmt)[+-]\d{1,2}(?::?\d\d)?(?!\d)|\+\d\d:?\d\d(?!\d)"
        r"|(?<=\s)-\d\d:?\d\d(?!\d)|(?:utc|gmt)(?![^\W\d_]))",
        rf"(?P<name>{_alternation(names)})(?![^\W\d_])",
    ]
    if literals:
        # Literals may be glued to a field: Hebrew "בMMMM", Japanese "y年M月d日".
        parts.append(rf"(?P<literal>{_alternation(literals)})")
    parts += [r"(?P<number>\d+)", r"(?P<space>[\s,.;/–—()]+|-)", r"(?P<other>[^\W\d_]+\.?|.)"]
    return re.compile("|".join(parts))


def _compile_shapes(loc: Locale) -> dict[int, tuple[Shape, ...]]:
    ordered: list[tuple[str, ...]] = []
    for pattern in _date_patterns(loc):
        slots = pattern_slots(pattern)
        if slots is None:
            continue
        ordered.append(slots)
        if "W" in slots:
            ordered.append(tuple(s for s in slots if s != "W"))
        elif "d" in slots:
            ordered.append(("W", *slots))
    # Old Blogger headers used US order with local names: "sunnuntai, maaliskuuta 29, 2009".
    ordered += [("W", "M", "d", "y"), ("M", "d", "y"), ("M", "y")]
    by_length: dict[int, list[Shape]] = {}
    for slots in dict.fromkeys(ordered):
        precision = "day" if "d" in slots else "month"
        by_length.setdefault(len(slots), []).append(Shape(slots, precision))
    return {length: tuple(shapes) for length, shapes in by_length.items()}


def pattern_slots(pattern: str) -> tuple[str, ...] | None:
    """The slot codes of a CLDR date pattern, or None when it uses fields we do not parse."""
    slots: list[str] = []
    for match in _PATTERN_PART.finditer(pattern):
        field = match.group(0) if match.group(2) else ""
        if not field:
            continue
        slot = _slot_of(field)
        if slot is None:
            return None
        slots.append(slot)
    return tuple(slots)


def _slot_of(field: str) -> str | None:
    letter, count = field[0], len(field)
    if letter in "yu":
        return "yy" if count == 2 else "y"
    if letter in "ML":
        return "M" if count >= 3 else "m"
    if letter == "d":
        return "d"
    if letter in "Ec" or (letter == "e" and count >= 3):
        return "W"
    return None
