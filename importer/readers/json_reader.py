"""JSON input: our own ``blog-archive/1`` documents (``.json`` or JSON lines).

Refuses unknown schema majors, so that a future ``blog-archive/2`` is never half-read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from importer.diagnostics import Diagnostics
from importer.errors import InputError, SchemaError
from importer.model import Archive, Author, Blog, Comment, Location, Post
from importer.options import ReadOptions

SUPPORTED_MAJOR = 1


def _zone(name: str | None) -> tzinfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _date(text: str | None, zone: tzinfo | None) -> datetime | None:
    if text is None:
        return None
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError(f"date {text!r} has no offset")
    return value.astimezone(zone) if zone is not None else value


def _author(data: Mapping[str, Any] | None) -> Author | None:
    if data is None:
        return None
    return Author(name=data.get("name") or "", uri=data.get("uri"),
                  anonymous=bool(data.get("anonymous", False)))


def _location(data: Mapping[str, Any] | None) -> Location | None:
    if data is None:
        return None
    return Location(name=data.get("name") or "", latitude=data.get("latitude"),
                    longitude=data.get("longitude"))


def _comment(data: Mapping[str, Any], post_id: str, zone: tzinfo | None) -> Comment:
    published = _date(data["published"], zone)
    if published is None:
        raise ValueError("comment without a published date")
    return Comment(
        id=str(data["id"]), post_id=post_id, parent_id=data.get("parent_id"),
        author=_author(data.get("author")) or Author(name=""), published=published,
        status=data["status"], content_html=data.get("content_html") or "",
        extra=dict(data.get("extra") or {}),
    )


def post_from_dict(data: Mapping[str, Any], zone: tzinfo | None) -> Post:
    """One post object of the document (raises KeyError/ValueError/TypeError when malformed)."""
    post_id = str(data["id"])
    published = _date(data["published"], zone)
    if published is None:
        raise ValueError("post without a published date")
    return Post(
        id=post_id, kind=data["kind"], status=data["status"], title=data.get("title") or "",
        slug=data.get("slug"), url=data.get("url"),
        url_reconstructed=bool(data.get("url_reconstructed", False)),
        published=published, updated=_date(data.get("updated"), zone),
        author=_author(data.get("author")), labels=tuple(data.get("labels") or ()),
        content_html=data.get("content_html") or "", location=_location(data.get("location")),
        extra=dict(data.get("extra") or {}),
        comments=tuple(_comment(c, post_id, zone) for c in data.get("comments") or ()),
    )


def blog_from_dict(data: Mapping[str, Any]) -> Blog:
    """The ``blog`` object of the document."""
    return Blog(
        id=data.get("id"), title=data.get("title") or "", url=data.get("url"),
        locale=data.get("locale"), timezone=data.get("timezone"),
        description=data.get("description") or "", extra=dict(data.get("extra") or {}),
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
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", file=str(path)) from exc
    try:
        document = json.loads(text)
        if isinstance(document, dict):
            return document, list(document.get("posts") or [])
        raise InputError("the JSON document is not an object", file=str(path))
    except json.JSONDecodeError as first:
        lines = [line for line in text.splitlines() if line.strip()]
        try:
            header = json.loads(lines[0]) if lines else None
            posts = [json.loads(line) for line in lines[1:]]
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
    blog = blog_from_dict(header.get("blog") or {})
    if options.timezone:
        blog = Blog(**{**blog.__dict__, "timezone": options.timezone})
    zone = _zone(blog.timezone)
    posts = []
    for index, raw in enumerate(raw_posts):
        try:
            posts.append(post_from_dict(raw, zone))
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            entry = str(raw.get("id")) if isinstance(raw, dict) else None
            diagnostics.report("entry-invalid", f"Post #{index + 1} is malformed ({exc}); skipped.",
                               entry=entry)
    return Archive(blog=blog, posts=tuple(posts), source_format="json")
