"""ASCII slugs for posts, labels and file names: transliteration, slugify, collision resolution.

Quirks handled:
- Transliteration suits the language: Finnish and Swedish drop the dots (``ä→a, ö→o, å→a``);
  German spells them out (``ä→ae, ö→oe, ü→ue, ß→ss``) only for ``de``. Everything else is
  NFKD-decomposed with the combining marks dropped, plus a few letters NFKD leaves alone
  (``ß æ ø œ ł đ þ ð``); letters of other scripts are romanized by anyascii (Greek
  ``επίπεδο`` → ``epipedo``), other symbols (emoji) dropped.
- WordPress stores non-ASCII slugs percent-encoded (``%ce%b5%cf%80...``); they are decoded first,
  or a Greek page would be named ``ce-b5-cf-80-...``.
- Blogger's own slug (the last URL segment, ``blog-post.html``) wins over the title; mobile
  (``?m=1``) and fragment parts of URLs are ignored; untitled posts without a URL become
  ``untitled-YYYY-MM-DD``.
- Windows reserves device names (``con``, ``aux``, ``nul``, ``prn``, ``com1``-``com9``,
  ``lpt1``-``lpt9``) in any case and with any extension: ``con.md`` cannot be created there, so
  such slugs get the suffix ``-1`` (``con-1``).
- Blogger reuses ``blog-post`` for every untitled post (one per month), so one output can hold
  several. ``unique_slugs`` resolves collisions deterministically and independently of input order:
  the oldest entry keeps the plain slug (so names stay stable as a blog grows), the others get a
  suffix from their own year and month, then day, then id.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from importer.diagnostics import Diagnostics
from importer.model import Post

#: Default upper bound of a slug's length (file systems and URLs stay comfortable).
MAX_SLUG_LENGTH = 80

# Letters NFKD does not decompose into a base letter plus marks.
_EXTRA_LETTERS = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D",
    "ı": "i",
})
_GERMAN = str.maketrans({
    "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss",
})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
#: Windows device names, whatever the case or extension (``CON``, ``aux.md``, ``com1.tar.gz``).
_WINDOWS_DEVICE = re.compile(r"(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?",
                             re.IGNORECASE | re.DOTALL)
#: What a slug that is a Windows device name gets appended.
DEVICE_SUFFIX = "-1"


def is_windows_device_name(name: str) -> bool:
    """True for a file or folder name Windows reserves for a device (``con``, ``NUL.md``, ``lpt1``)."""
    return _WINDOWS_DEVICE.fullmatch(name.strip().rstrip(". ")) is not None


def _language(locale: str | None) -> str:
    """``en_US`` / ``fi-FI`` / ``FI`` -> ``en`` / ``fi`` / ``fi``; None -> ``""``."""
    if not locale:
        return ""
    return re.split(r"[_\-.@]", locale.strip(), maxsplit=1)[0].lower()


def transliterate(text: str, locale: str | None = "fi") -> str:
    """``text`` with accented letters replaced by ASCII the way speakers of ``locale`` expect.

    ``transliterate("Kesäkuu", "fi") == "Kesakuu"``; ``transliterate("Größe", "de") == "Groesse"``.
    Characters with no ASCII form (CJK, emoji) are dropped.
    """
    if _language(locale) == "de":
        text = text.translate(_GERMAN)
    text = text.translate(_EXTRA_LETTERS)
    return "".join(_ascii(ch) for ch in unicodedata.normalize("NFKD", text))


def _ascii(ch: str) -> str:
    """One decomposed character as ASCII: itself, a romanized letter, or nothing."""
    if ch.isascii():
        return ch
    if unicodedata.category(ch)[0] in "LN":  # letters and digits of other scripts
        # Imported on first use: loading its tables was 3% of a small conversion's start-up,
        # and most blogs never need it.
        from anyascii import anyascii

        return str(anyascii(ch))
    return ""  # combining marks, emoji, symbols


def slugify(text: str, locale: str | None = "fi", max_length: int = MAX_SLUG_LENGTH) -> str:
    """An ASCII ``[a-z0-9-]`` slug of ``text`` (may be ``""`` when nothing is left).

    Runs of other characters become one hyphen; the result never starts or ends with one and is
    cut at a hyphen boundary when longer than ``max_length``. A Windows device name gets
    ``DEVICE_SUFFIX`` (``slugify("CON") == "con-1"``): slugs become file and folder names.
    """
    slug = _NOT_SLUG.sub("-", transliterate(text, locale).lower()).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        boundary = cut.rfind("-")
        slug = (cut[:boundary] if boundary > 0 else cut).strip("-")
    if is_windows_device_name(slug):
        slug += DEVICE_SUFFIX
    return slug


def slug_from_url(url: str | None) -> str | None:
    """The last path segment of ``url`` without ``.html`` (query and fragment ignored), or None.

    ``slug_from_url("http://b.blogspot.com/2010/03/blog-post.html?m=1") == "blog-post"``.
    """
    if not url:
        return None
    try:
        path = urlsplit(url.strip()).path
    except ValueError:  # "http://[x/": an unparseable URL has no slug to give
        return None
    segment = unquote(path).rstrip("/").rsplit("/", 1)[-1]
    if segment.lower().endswith(".html"):
        segment = segment[: -len(".html")]
    return segment or None


def decode_slug(slug: str | None) -> str | None:
    """A percent-encoded slug (WordPress's ``%ce%b5%cf%80...``) decoded; others as they are."""
    if not slug or "%" not in slug:
        return slug
    try:
        return unquote(slug, errors="strict")
    except UnicodeDecodeError:
        return slug


def post_slug(post: Post, locale: str | None = "fi") -> str:
    """The slug a post is written under: Blogger's URL slug, else its title, else ``untitled-<date>``.

    The result is always a non-empty ASCII ``[a-z0-9-]`` slug; it is not yet unique (see
    ``unique_slugs``).
    """
    for candidate in (decode_slug(post.slug), slug_from_url(post.url), post.title):
        if candidate:
            slug = slugify(candidate, locale)
            if slug:
                return slug
    return f"untitled-{post.published:%Y-%m-%d}"


class SlugRequest(NamedTuple):
    """One entry asking for a slug: its id, the slug it wants, and its date (for suffixes)."""

    id: str
    slug: str
    published: datetime | None = None


def _candidates(request: SlugRequest) -> Iterable[str]:
    """Alternative names for a colliding entry, most meaningful first."""
    if request.published is not None:
        yield f"{request.slug}-{request.published:%Y-%m}"
        yield f"{request.slug}-{request.published:%Y-%m-%d}"
    yield f"{request.slug}-{slugify(request.id) or 'x'}"
    number = 2
    while True:  # pragma: no branch - ends as soon as a free name turns up
        yield f"{request.slug}-{slugify(request.id) or 'x'}-{number}"
        number += 1


def _age_key(request: SlugRequest) -> tuple[bool, str, str]:
    """Oldest first; entries without a date after dated ones; ties broken by id."""
    when = request.published.isoformat() if request.published is not None else ""
    return (request.published is None, when, request.id)


def unique_slugs(
    items: Iterable[SlugRequest | tuple[str, str, datetime | None]],
    diagnostics: Diagnostics | None = None,
) -> dict[str, str]:
    """Distinct, deterministic slugs: ``{id: slug}`` for ``(id, slug, published)`` requests.

    Among entries wanting one slug the oldest keeps it; each other one gets the first free name of
    ``slug-YYYY-MM``, ``slug-YYYY-MM-DD``, ``slug-<id>``, ``slug-<id>-2``... (never a name another
    entry asked for). Each renamed entry is reported once as ``slug-collision``. The result does not
    depend on the order of ``items``.
    """
    requests = [SlugRequest(*item) for item in items]
    groups: dict[str, list[SlugRequest]] = defaultdict(list)
    for request in requests:
        groups[request.slug].append(request)
    taken = set(groups)
    result: dict[str, str] = {}
    for slug in sorted(groups):
        first, *others = sorted(groups[slug], key=_age_key)
        result[first.id] = slug
        for request in others:
            name = next(c for c in _candidates(request) if c not in taken)
            taken.add(name)
            result[request.id] = name
            if diagnostics is not None:
                diagnostics.report(
                    "slug-collision",
                    f"'{slug}' is also used by entry {first.id}; this entry is written as '{name}'.",
                    entry=request.id,
                )
    return result


def unique_post_slugs(
    posts: Iterable[Post], locale: str | None = "fi", diagnostics: Diagnostics | None = None
) -> dict[str, str]:
    """``unique_slugs`` over ``post_slug`` of each post: ``{post.id: slug}``."""
    return unique_slugs(
        (SlugRequest(post.id, post_slug(post, locale), post.published) for post in posts), diagnostics
    )
