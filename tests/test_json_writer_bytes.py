"""The JSON document is byte for byte what ``json`` writes (``ensure_ascii=False, indent=2``).

orjson encodes it for speed; these tests compare with the standard library's encoder, so key
order, escaping (control characters, quotes, backslashes, U+2028/U+2029, emoji) and float text
cannot drift.
"""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from conftest import BLOG_FI

import importer
from importer.model import Archive, Author, Blog, Comment, Location, Post
from importer.writers.json_writer import archive_to_dict

HOSTILE = "".join(chr(c) for c in range(0x250)) + "\u2028\u2029\x85\ufeff\U0001f600 \\ \" / </script> ]]>"
COORDINATES = [0.1, 60.1699, -0.0, 1e-07, 1e22, 123456789.123, 5e-324, 1.7976931348623157e308, -33.0]


def _standard(archive: Archive) -> bytes:
    return (json.dumps(archive_to_dict(archive), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _ours(archive: Archive) -> bytes:
    [output] = importer.write(archive, "json")
    return output.data


def _hostile_archive(latitude: float, longitude: float | None) -> Archive:
    when = dt.datetime(2010, 6, 10, 14, 35, 0, 2000, tzinfo=ZoneInfo("Europe/Helsinki"))
    comment = Comment(id="2", post_id="1", parent_id=None, author=Author(HOSTILE, HOSTILE, True),
                      published=when, status=HOSTILE, content_html=HOSTILE, extra={HOSTILE: HOSTILE})
    post = Post(id="1", kind="post", status="published", title=HOSTILE, slug=HOSTILE, url=HOSTILE,
                published=when, updated=None, author=None, labels=(HOSTILE, "", "ä"),
                content_html=HOSTILE * 3, comments=(comment,),
                location=Location(HOSTILE, latitude, longitude), extra={"": "", "k": HOSTILE})
    blog = Blog(id="9", title=HOSTILE, url=None, locale="fi", timezone="Europe/Helsinki",
                description=HOSTILE, extra={})
    return Archive(blog=blog, posts=(post, post))


def test_fixture_blog_bytes_are_the_standard_encoders() -> None:
    archive = importer.read(BLOG_FI / "legacy.xml")
    assert _ours(archive) == _standard(archive)


@pytest.mark.parametrize("latitude", COORDINATES)
def test_hostile_strings_and_floats_are_the_standard_encoders(latitude: float) -> None:
    archive = _hostile_archive(latitude, None if latitude == 0.1 else -latitude)
    assert _ours(archive) == _standard(archive)
