"""JSON input: our own ``blog-archive/1`` documents (``.json`` or JSON lines).

Refuses unknown schema majors, so that a future ``blog-archive/2`` is never half-read.
Hostile documents are bounded: an integer longer than any field of ours (Python's ``int()``
raises past 4,300 digits) is a malformed field, a number too big for a float is no coordinate,
and a URL ``urlsplit`` cannot parse (``http://[x/``) is kept aside in ``extra["url_invalid"]``
as the Blogger readers do. Control characters XML forbids, which JSON can escape (``\\u0000``),
are removed (``control-chars-removed``), as the WXR reader does. A second post or comment with an
id already read is skipped (``entry-duplicate-id``), as in the legacy reader, so every output
sees one entry per id.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Mapping
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from importer.dates.tz import zone_or_none
from importer.diagnostics import Diagnostics
from importer.errors import InputError, SchemaError
from importer.model import Archive, Author, Blog, Comment, Location, Post
from importer.options import ReadOptions
from importer.readers.blogger_common import usable_url

SUPPORTED_MAJOR = 1
#: Longer integers are no field of ours (ids have 19 digits); they are refused, not converted.
MAX_INTEGER_DIGITS = 100


_SURROGATE = re.compile("[\ud800-\udfff]")
#: Control characters XML 1.0 forbids (C0 but tab, LF, CR): JSON can carry them as ``\u0000``,
#: no other input can, and front matter, SITE-NOTES.md and terminals must never get them raw.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CONTROL_ESCAPE = re.compile(r"\\u00[01][0-9a-fA-F]")


class _Oversized:
    """Stands for a JSON integer longer than ``MAX_INTEGER_DIGITS``: every field refuses it."""

    __slots__ = ("digits",)

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"<a number of {self.digits} digits>"


def _parse_int(text: str) -> int | _Oversized:
    digits = len(text) - text.startswith("-")
    return _Oversized(digits) if digits > MAX_INTEGER_DIGITS else int(text)


def _describe(value: Any) -> str:
    return repr(value) if isinstance(value, _Oversized) else type(value).__name__


def _date(text: str | None, zone: tzinfo | None) -> datetime | None:
    if text is None:
        return None
    value = datetime.fromisoformat(_str(text, "date").replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError(f"date {text!r} has no offset")
    try:
        return value.astimezone(zone) if zone is not None else value
    except OverflowError:  # year 1 or 9999 moved past the calendar's end
        raise ValueError(f"date {text!r} is out of range in the blog's zone") from None


def _str(value: Any, what: str) -> str:
    """``value`` when it is a string; TypeError otherwise (a number would crash the writers).

    A lone surrogate (``"\\ud83d"``, which Python's json accepts) has no UTF-8 form, so every
    writer would fail encoding it: it becomes U+FFFD.
    """
    if not isinstance(value, str):
        raise TypeError(f"{what} is {_describe(value)}, not a string")
    return _SURROGATE.sub("\ufffd", value)


def _opt_str(value: Any, what: str) -> str | None:
    return None if value is None else _str(value, what)


def _id(value: Any) -> str:
    """An id: a string, or an integer as written (``7000000000000000001``)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _str(value, "id")


def _url(value: Any, what: str, extra: dict[str, str]) -> str | None:
    """The URL, or None with the text kept in ``extra["url_invalid"]`` when it cannot be parsed."""
    url = _opt_str(value, what)
    if url is not None and url.strip() and usable_url(url) is None:
        extra["url_invalid"] = url
        return None
    return url


def _strings(values: Any, what: str) -> tuple[str, ...]:
    """A list of strings (a bare string would become a tuple of its letters)."""
    if not isinstance(values, list):
        raise TypeError(f"{what} is {_describe(values)}, not a list")
    return tuple(_str(v, what) for v in values)


def _extra(data: Any) -> dict[str, str]:
    if not isinstance(data, dict):
        raise TypeError(f"extra is {_describe(data)}, not an object")
    return {_str(k, "extra key"): _str(v, f"extra {k!r}") for k, v in data.items()}


def _coordinate(value: Any) -> float | None:
    """A finite number or None (NaN and Infinity, which Python's json accepts, are not JSON)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"coordinate {value!r} is not a finite number")
    try:
        number = float(value)
    except OverflowError:  # an integer of 400 digits: "int too large to convert to float"
        raise ValueError(f"coordinate of {len(str(abs(int(value))))} digits is not a finite "
                         "number") from None
    if not math.isfinite(number):
        raise ValueError(f"coordinate {value!r} is not a finite number")
    return number


def _author(data: Mapping[str, Any] | None) -> Author | None:
    if data is None:
        return None
    return Author(name=_str(data.get("name") or "", "author name"),
                  uri=_opt_str(data.get("uri"), "author uri"),
                  anonymous=bool(data.get("anonymous", False)))


def _location(data: Mapping[str, Any] | None) -> Location | None:
    if data is None:
        return None
    return Location(name=_str(data.get("name") or "", "location name"),
                    latitude=_coordinate(data.get("latitude")),
                    longitude=_coordinate(data.get("longitude")))


def _comment(data: Mapping[str, Any], post_id: str, zone: tzinfo | None) -> Comment:
    published = _date(data["published"], zone)
    if published is None:
        raise ValueError("comment without a published date")
    return Comment(
        id=_id(data["id"]), post_id=post_id,
        parent_id=_opt_str(data.get("parent_id"), "parent_id"),
        author=_author(data.get("author")) or Author(name=""), published=published,
        status=_str(data["status"], "status"),
        content_html=_str(data.get("content_html") or "", "content_html"),
        extra=_extra(data.get("extra") or {}),
    )


def post_from_dict(data: Mapping[str, Any], zone: tzinfo | None) -> Post:
    """One post object of the document (raises KeyError/ValueError/TypeError when malformed)."""
    post_id = _id(data["id"])
    published = _date(data["published"], zone)
    if published is None:
        raise ValueError("post without a published date")
    extra = _extra(data.get("extra") or {})
    url = _url(data.get("url"), "url", extra)
    return Post(
        id=post_id, kind=_str(data["kind"], "kind"), status=_str(data["status"], "status"),
        title=_str(data.get("title") or "", "title"),
        slug=_opt_str(data.get("slug"), "slug"), url=url,
        url_reconstructed=bool(data.get("url_reconstructed", False)),
        published=published, updated=_date(data.get("updated"), zone),
        author=_author(data.get("author")), labels=_strings(data.get("labels") or [], "labels"),
        content_html=_str(data.get("content_html") or "", "content_html"),
        location=_location(data.get("location")), extra=extra,
        comments=tuple(_comment(c, post_id, zone) for c in data.get("comments") or ()),
    )


def blog_from_dict(data: Mapping[str, Any]) -> Blog:
    """The ``blog`` object of the document (TypeError when a field has the wrong type)."""
    if not isinstance(data, dict):
        raise TypeError(f"blog is {_describe(data)}, not an object")
    extra = _extra(data.get("extra") or {})
    return Blog(
        id=_opt_str(data.get("id"), "blog id"), title=_str(data.get("title") or "", "blog title"),
        url=_url(data.get("url"), "blog url", extra), locale=_opt_str(data.get("locale"), "locale"),
        timezone=_opt_str(data.get("timezone"), "timezone"),
        description=_str(data.get("description") or "", "description"),
        extra=extra,
    )


def _check_schema(value: object, path: Path) -> None:
    if not isinstance(value, str) or not value.startswith("blog-archive/"):
        raise SchemaError("not a blog-archive document (no 'schema' key)", file=str(path))
    major = value.split("/", 1)[1].split(".", 1)[0]
    if major != str(SUPPORTED_MAJOR):
        raise SchemaError(f"schema {value!r} is not supported (this version reads "
                          f"blog-archive/{SUPPORTED_MAJOR})", file=str(path))


def _load(path: Path) -> tuple[Mapping[str, Any], list[Mapping[str, Any]], bool]:
    """Header and posts, and whether the text escapes a control character (``\\u0000``...)."""
    try:
        text = path.read_text(encoding="utf-8-sig")  # a BOM from a Windows editor is no error
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", file=str(path)) from exc
    try:
        document = json.loads(text, parse_int=_parse_int)
        if isinstance(document, dict):
            posts = document.get("posts") or []
            if not isinstance(posts, list):
                raise InputError("'posts' is not a list", file=str(path))
            return document, posts, bool(_CONTROL_ESCAPE.search(text))
        raise InputError("the JSON document is not an object", file=str(path))
    except RecursionError:
        raise InputError("the JSON is nested too deeply to be a blog archive",
                         file=str(path)) from None
    except json.JSONDecodeError as first:
        # "\n" only: splitlines() also cuts at U+2028, U+0085..., which JSON strings may hold raw
        lines = [line for line in text.split("\n") if line.strip()]
        try:
            header = json.loads(lines[0], parse_int=_parse_int) if lines else None
            posts = [json.loads(line, parse_int=_parse_int) for line in lines[1:]]
        except RecursionError:
            raise InputError("the JSON is nested too deeply to be a blog archive",
                             file=str(path)) from None
        except json.JSONDecodeError:
            raise InputError(f"invalid JSON: {first.msg}", file=str(path),
                             line=first.lineno) from None
        if not isinstance(header, dict):
            raise InputError("invalid JSON lines header", file=str(path)) from None
        return header, posts, bool(_CONTROL_ESCAPE.search(text))


def _remove_controls(document: Any) -> int:
    """Remove ``_CONTROLS`` from every string (and key) of a loaded document, in place; the count.

    Iterative: a document nested as deeply as ``json`` accepts must not overflow the stack here.
    """
    removed = 0

    def clean(text: str) -> str:
        nonlocal removed
        text, count = _CONTROLS.subn("", text)
        removed += count
        return text

    stack: list[Any] = [document]
    while stack:
        container = stack.pop()
        if isinstance(container, dict):
            if any(_CONTROLS.search(key) for key in container):
                items = [(clean(key), value) for key, value in container.items()]
                container.clear()
                container.update(items)
            keys: Any = list(container)
        elif isinstance(container, list):
            keys = range(len(container))
        else:
            continue
        for key in keys:
            value = container[key]
            if isinstance(value, str):
                container[key] = clean(value)
            elif isinstance(value, dict | list):
                stack.append(value)
    return removed


def read_json(path: Path, options: ReadOptions, diagnostics: Diagnostics) -> Archive:
    """Read a ``blog-archive/1`` JSON or JSON-lines file; malformed posts are reported, skipped."""
    header, raw_posts, escaped = _load(path)
    removed = _remove_controls([header, raw_posts]) if escaped else 0
    if removed:
        diagnostics.report("control-chars-removed", f"{removed} control characters (such as NUL) "
                           "that JSON can escape but XML and front matter cannot hold were removed.")
    _check_schema(header.get("schema"), path)
    try:
        blog = blog_from_dict(header.get("blog") or {})
    except TypeError as exc:
        raise InputError(f"the blog object is malformed ({exc})", file=str(path)) from None
    if options.timezone:  # checked when the options were made
        blog = Blog(**{**blog.__dict__, "timezone": options.timezone})
    zone = zone_or_none(blog.timezone)
    if blog.timezone and zone is None:  # dropped, as the Blogger readers do: writers would trip
        diagnostics.report("timezone-unknown", f"The blog's time zone {blog.timezone!r} is not a "
                           "known zone; times keep the offsets the document gives.")
        blog = Blog(**{**blog.__dict__, "timezone": None})
    posts: list[Post] = []
    seen = _Seen()
    for index, raw in enumerate(raw_posts):
        try:
            post = post_from_dict(raw, zone)
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            entry = _id_or_none(raw.get("id")) if isinstance(raw, dict) else None
            diagnostics.report("entry-invalid", f"Post #{index + 1} is malformed ({exc}); skipped.",
                               entry=entry)
            continue
        kept = seen.first_copy(post, diagnostics)
        if kept is not None:
            posts.append(kept)
    return Archive(blog=blog, posts=tuple(posts), source_format="json")


def _id_or_none(value: Any) -> str | None:
    try:
        return _id(value)
    except TypeError:
        return None


class _Seen:
    """Ids read so far: a later post or comment with one of them is skipped (as the legacy
    reader does), so that no output meets two entries under one id."""

    def __init__(self) -> None:
        self.posts: set[str] = set()
        self.comments: set[str] = set()

    def first_copy(self, post: Post, diagnostics: Diagnostics) -> Post | None:
        """``post`` without comments already read; None (all reported) when the post was."""
        if post.id in self.posts:
            diagnostics.report("entry-duplicate-id", f"A second entry with id {post.id!r} was "
                               "skipped.", entry=post.id)
            for comment in post.comments:  # each is an entry left out: the accounting counts them
                diagnostics.report("entry-duplicate-id", f"Comment {comment.id!r} of the second "
                                   f"entry with id {post.id!r} was skipped with it.", entry=comment.id)
            return None
        self.posts.add(post.id)
        comments = []
        for comment in post.comments:
            if comment.id in self.comments:
                diagnostics.report("entry-duplicate-id", f"A second comment with id {comment.id!r} "
                                   "was skipped.", entry=comment.id)
                continue
            self.comments.add(comment.id)
            comments.append(comment)
        if len(comments) == len(post.comments):
            return post
        return dataclasses.replace(post, comments=tuple(comments))
