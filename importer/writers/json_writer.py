"""JSON output: one ``blog-archive/1`` document, or JSON lines for very large archives.

The document shape is published as a JSON Schema (``importer/schema/blog-archive-1.schema.json``).
Dates are RFC 3339 with the blog zone's offset. The same archive always gives the same bytes.

JSON is the archive format: its readers (ours, users' scripts) expect a post body as the blog had
it, and it has no rendered field, so post bodies are written as they are unless ``sanitize`` is
asked for. Comments are third-party text that a site built from this file would show, so they are
always sanitized (``importer.writers.sanitized``), each removal reported as ``script-removed``.

The document is encoded by orjson (indent 2): the bytes are those of ``json`` with
``ensure_ascii=False, indent=2`` (tested on the fixture blog and hostile strings), about ten times
faster, since ``json`` falls back to pure Python whenever it indents. Floats (coordinates) go in as
``json``'s own text, because orjson writes exponents differently (``1e-7`` for ``1e-07``), and
bodies as ``json``'s own escaping (see ``_body``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from json.encoder import encode_basestring
from typing import Any

import orjson

from importer.diagnostics import Diagnostics
from importer.model import Archive, Author, Blog, Comment, Location, Post
from importer.options import PermalinkOption, SiteUrlOption, option
from importer.outputs import OutputFile
from importer.site import SiteUrls
from importer.writers.sanitized import sanitize_archive

SCHEMA = "blog-archive/1"
#: What every JSON or JSON-lines file we write carries near its start: the schema is ours.
SIGNATURE = b'"schema": "blog-archive/'


@dataclass(frozen=True)
class JsonOptions(SiteUrlOption, PermalinkOption):
    """Options of the JSON writer (``site_url`` and ``permalink`` shape rewritten links)."""

    lines: bool = False
    """JSON lines: a header line with the blog, then one post (with its comments) per line."""
    sanitize: bool = option(
        False, "JSON: sanitize post bodies too (scripts, event handlers, javascript: URLs removed); "
               "comments are always sanitized.")
    """Post bodies as the archive has them (False), or sanitized like a site's."""


def _date(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _author(author: Author | None) -> dict[str, Any] | None:
    if author is None:
        return None
    return {"name": author.name, "uri": author.uri, "anonymous": author.anonymous}


def _location(location: Location | None, fragments: bool) -> dict[str, Any] | None:
    if location is None:
        return None
    latitude, longitude = location.latitude, location.longitude
    if fragments:
        latitude, longitude = _float_fragment(latitude), _float_fragment(longitude)
    return {"name": location.name, "latitude": latitude, "longitude": longitude}


def _float_fragment(value: float | None) -> Any:
    """A float as ``json`` writes it, for orjson to copy as is."""
    return None if value is None else orjson.Fragment(json.dumps(value))


def _body(html: str, fragments: bool) -> Any:
    """A body, or (for orjson) its JSON text already encoded.

    orjson keeps the UTF-8 form of every non-ASCII string it encodes inside the string object for
    the string's lifetime: on the 5,000-post export that was 48 MB more, held as long as the
    archive. Bodies are the bulk of it, so they go in as ``json``'s own escaping, encoded here.
    """
    return orjson.Fragment(encode_basestring(html).encode("utf-8")) if fragments else html


def blog_to_dict(blog: Blog) -> dict[str, Any]:
    """The ``blog`` object of the document."""
    return {
        "id": blog.id,
        "title": blog.title,
        "url": blog.url,
        "locale": blog.locale,
        "timezone": blog.timezone,
        "description": blog.description,
        "extra": dict(blog.extra),
    }


def comment_to_dict(comment: Comment, *, fragments: bool = False) -> dict[str, Any]:
    """One element of a post's ``comments`` array (``fragments``: for orjson, see ``_body``)."""
    return {
        "id": comment.id,
        "parent_id": comment.parent_id,
        "author": _author(comment.author),
        "published": _date(comment.published),
        "status": comment.status,
        "content_html": _body(comment.content_html, fragments),
        "extra": dict(comment.extra),
    }


def post_to_dict(post: Post, *, fragments: bool = False) -> dict[str, Any]:
    """One element of the document's ``posts`` array (``fragments``: for orjson, see ``_body``)."""
    return {
        "id": post.id,
        "kind": post.kind,
        "status": post.status,
        "title": post.title,
        "slug": post.slug,
        "url": post.url,
        "url_reconstructed": post.url_reconstructed,
        "published": _date(post.published),
        "updated": _date(post.updated),
        "author": _author(post.author),
        "labels": list(post.labels),
        "location": _location(post.location, fragments),
        "content_html": _body(post.content_html, fragments),
        "extra": dict(post.extra),
        "comments": [comment_to_dict(c, fragments=fragments) for c in post.comments],
    }


def archive_to_dict(archive: Archive) -> dict[str, Any]:
    """The whole document as plain Python data."""
    return {
        "schema": SCHEMA,
        "blog": blog_to_dict(archive.blog),
        "posts": [post_to_dict(p) for p in archive.posts],
    }


#: Line breaks to Python's ``str.splitlines`` (and JavaScript) that ``json`` leaves raw with
#: ``ensure_ascii=False``; in JSON lines they would cut a record in two for such readers.
_LINE_SEPARATORS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _line(value: dict[str, Any]) -> bytes:
    """One JSON-lines record: no character in it can be taken for the end of the line."""
    return json.dumps(value, ensure_ascii=False).translate(_LINE_SEPARATORS).encode("utf-8") + b"\n"


def _lines(archive: Archive) -> Iterator[bytes]:
    yield _line({"schema": SCHEMA, "blog": blog_to_dict(archive.blog)})
    for post in archive.posts:
        yield _line(post_to_dict(post))


def write_json(
    archive: Archive, options: JsonOptions, diagnostics: Diagnostics, site: SiteUrls | None = None
) -> list[OutputFile]:
    """Render ``archive`` as one JSON (or JSON lines) file named ``archive.json[l]``.

    Comments are sanitized, post bodies only with ``options.sanitize``; each removal is reported.
    The file is streamed (``OutputFile.streamed``): its bytes are made post by post as ``io``
    writes them, so a large archive's document is never held whole.
    """
    del site  # JSON holds every entry where the model has it: nothing to place
    archive = sanitize_archive(archive, diagnostics, bodies=options.sanitize)
    if options.lines:
        return [OutputFile.streamed("archive.jsonl", lambda: _lines(archive), SIGNATURE)]
    return [OutputFile.streamed("archive.json", lambda: iter_document(archive), SIGNATURE)]


def iter_document(archive: Archive) -> Iterator[bytes]:
    """The ``archive.json`` bytes in pieces: the head, then one piece per post, then the end.

    Encoded post by post: orjson's buffer for a whole document peaks at about twice the output, a
    post's at a few kilobytes. JSON strings hold no raw newline, so a post is moved two levels in
    by indenting each of its lines.
    """
    option = orjson.OPT_INDENT_2
    head = orjson.dumps({"schema": SCHEMA, "blog": blog_to_dict(archive.blog), "posts": []}, option=option)
    if not archive.posts:
        yield head + b"\n"
        return
    yield head[: -len(b"[]\n}")] + b"[\n"
    separator = b"    "
    for post in archive.posts:
        encoded = orjson.dumps(post_to_dict(post, fragments=True), option=option)
        yield separator + encoded.replace(b"\n", b"\n    ")
        separator = b",\n    "
    yield b"\n  ]\n}\n"


def load_schema() -> dict[str, Any]:
    """The published JSON Schema of ``blog-archive/1`` documents (shipped in the package)."""
    from importlib.resources import files

    text = files("importer").joinpath("schema/blog-archive-1.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
