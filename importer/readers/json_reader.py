"""JSON input: our own ``blog-archive/1`` documents (``.json`` or JSON lines).

Refuses unknown schema majors, so that a future ``blog-archive/2`` is never half-read.
"""

from __future__ import annotations

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

SUPPORTED_MAJOR = 1


_SURROGATE = re.compile("[\ud800-\udfff]")


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
        raise TypeError(f"{what} is {type(value).__name__}, not a string")
    return _SURROGATE.sub("\ufffd", value)


def _opt_str(value: Any, what: str) -> str | None:
    return None if value is None else _str(value, what)


def _strings(values: Any, what: str) -> tuple[str, ...]:
    """A list of strings (a bare string would become a tuple of its letters)."""
    if not isinstance(values, list):
        raise TypeError(f"{what} is {type(values).__name__}, not a list")
    return tuple(_str(v, what) for v in values)


def _extra(data: Any) -> dict[str, str]:
    if not isinstance(data, dict):
        raise TypeError(f"extra is {type(data).__name__}, not an object")
    return {_str(k, "extra key"): _str(v, f"extra {k!r}") for k, v in data.items()}


def _coordinate(value: Any) -> float | None:
    """A finite number or None (NaN and Infinity, which Python's json accepts, are not JSON)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"coordinate {value!r} is not a finite number")
    return float(value)


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
        id=_str(str(data["id"]), "id"), post_id=post_id,
        parent_id=_opt_str(data.get("parent_id"), "parent_id"),
        author=_author(data.get("author")) or Author(name=""), published=published,
        status=_str(data["status"], "status"),
        content_html=_str(data.get("content_html") or "", "content_html"),
        extra=_extra(data.get("extra") or {}),
    )


def post_from_dict(data: Mapping[str, Any], zone: tzinfo | None) -> Post:
    """One post object of the document (raises KeyError/ValueError/TypeError when malformed)."""
    post_id = _str(str(data["id"]), "id")
    published = _date(data["published"], zone)
    if published is None:
        raise ValueError("post without a published date")
    return Post(
        id=post_id, kind=_str(data["kind"], "kind"), status=_str(data["status"], "status"),
        title=_str(data.get("title") or "", "title"),
        slug=_opt_str(data.get("slug"), "slug"), url=_opt_str(data.get("url"), "url"),
        url_reconstructed=bool(data.get("url_reconstructed", False)),
        published=published, updated=_date(data.get("updated"), zone),
        author=_author(data.get("author")), labels=_strings(data.get("labels") or [], "labels"),
        content_html=_str(data.get("content_html") or "", "content_html"),
        location=_location(data.get("location")), extra=_extra(data.get("extra") or {}),
        comments=tuple(_comment(c, post_id, zone) for c in data.get("comments") or ()),
    )


def blog_from_dict(data: Mapping[str, Any]) -> Blog:
    """The ``blog`` object of the document (TypeError when a field has the wrong type)."""
    if not isinstance(data, dict):
        raise TypeError(f"blog is {type(data).__name__}, not an object")
    return Blog(
        id=_opt_str(data.get("id"), "blog id"), title=_str(data.get("title") or "", "blog title"),
        url=_opt_str(data.get("url"), "blog url"), locale=_opt_str(data.get("locale"), "locale"),
        timezone=_opt_str(data.get("timezone"), "timezone"),
        description=_str(data.get("description") or "", "description"),
        extra=_extra(data.get("extra") or {}),
    )


def _check_schema(value: object, path: Path) -> None:
    if not isinstance(value, str) or not value.startswith("blog-archive/"):
        raise SchemaError("not a blog-archive document (no 'schema' key)", file=str(path))
    major = value.split("/", 1)[1].split(".", 1)[0]
    if major != str(SUPPORTED_MAJOR):
        raise SchemaError(f"schema {value!r} is not supported (this version reads "
                          f"blog-archive/{SUPPORTED_MAJOR})", file=str(path))


def _load(path: Path) -> tuple[Mapping[str, Any], list[Mapping[str, Any]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")  # a BOM from a Windows editor is no error
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", file=str(path)) from exc
    try:
        document = json.loads(text)
        if isinstance(document, dict):
            posts = document.get("posts") or []
            if not isinstance(posts, list):
                raise InputError("'posts' is not a list", file=str(path))
            return document, posts
        raise InputError("the JSON document is not an object", file=str(path))
    except RecursionError:
        raise InputError("the JSON is nested too deeply to be a blog archive",
                         file=str(path)) from None
    except json.JSONDecodeError as first:
        # "\n" only: splitlines() also cuts at U+2028, U+0085..., which JSON strings may hold raw
        lines = [line for line in text.split("\n") if line.strip()]
        try:
            header = json.loads(lines[0]) if lines else None
            posts = [json.loads(line) for line in lines[1:]]
        except RecursionError:
            raise InputError("the JSON is nested too deeply to be a blog archive",
                             file=str(path)) from None
        except json.JSONDecodeError:
            raise InputError(f"invalid JSON: {first.msg}", file=str(path),
                             line=first.lineno) from None
        if not isinstance(header, dict):
            raise InputError("invalid JSON lines header", file=str(path)) from None
        return header, posts


def read_json(path: Path, options: ReadOptions, diagnostics: Diagnostics) -> Archive:
    """Read a ``blog-archive/1`` JSON or JSON-lines file; malformed posts are reported, skipped."""
    header, raw_posts = _load(path)
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
    posts = []
    for index, raw in enumerate(raw_posts):
        try:
            posts.append(post_from_dict(raw, zone))
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            entry = str(raw.get("id")) if isinstance(raw, dict) else None
            diagnostics.report("entry-invalid", f"Post #{index + 1} is malformed ({exc}); skipped.",
                               entry=entry)
    return Archive(blog=blog, posts=tuple(posts), source_format="json")
