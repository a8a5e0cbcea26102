"""JSON writer and reader: schema validity, round trip, determinism, JSON lines, bad input."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import jsonschema
import pytest

from importer import Archive, Author, Blog, Comment, Diagnostics, Location, Post, ReadOptions, read, write
from importer.errors import InputError, SchemaError, UsageError
from importer.readers.json_reader import read_json
from importer.writers.json_writer import load_schema

HEL = ZoneInfo("Europe/Helsinki")


def sample_archive() -> Archive:
    """A small archive with every model field used, in the Helsinki zone."""
    author = Author("Pirjo Esimerkki", "https://www.blogger.com/profile/1")
    published = datetime(2010, 6, 10, 14, 35, tzinfo=HEL)
    comments = (
        Comment("81", "71", None, Author("Ilkka"), datetime(2010, 6, 10, 16, 2, tzinfo=HEL),
                "published", "Hyvä!", {"display_time": "10. kesäkuuta 2010 klo 16.02"}),
        Comment("82", "71", "81", author, datetime(2010, 6, 10, 18, 15, tzinfo=HEL), "published",
                "Kiitos"),
        Comment("83", "71", None, Author("", anonymous=True),
                datetime(2010, 6, 11, 3, 12, tzinfo=HEL), "spam", "<a href='x'>osta</a>"),
    )
    posts = (
        Post("72", "post", "draft", "Luonnos", None, None,
             datetime(2010, 6, 12, 20, 0, 0, 2000, tzinfo=HEL), labels=("luonnos",)),
        Post("71", "post", "published", "Orkut – projekti: \"lainaus\"", "orkut",
             "http://x.blogspot.com/2010/06/orkut.html", published,
             updated=datetime(2010, 6, 11, 8, 0, tzinfo=HEL), author=author,
             labels=("sosiaalinen media", "Orkut"), content_html="<b>Mitä opin?</b><br />",
             comments=comments, location=Location("Helsinki", 60.17, 24.94),
             extra={"search_description": "kuvaus"}),
        Post("73", "page", "published", "Tietoa", "tietoa", "http://x.blogspot.com/p/tietoa.html",
             datetime(2010, 1, 2, 12, 0, tzinfo=HEL), url_reconstructed=True),
    )
    blog = Blog("123", "Sosmedia", "http://x.blogspot.com/", "fi", "Europe/Helsinki", "Kuvaus",
                {"convert_line_breaks": "true"})
    return Archive(blog, posts)


def test_written_json_validates_against_the_published_schema() -> None:
    document = json.loads(write(sample_archive(), "json")[0].data)
    jsonschema.validate(document, load_schema())


def test_dates_are_rfc3339_with_the_blog_zone_offset() -> None:
    document = json.loads(write(sample_archive(), "json")[0].data)
    post = document["posts"][1]
    assert post["published"] == "2010-06-10T14:35:00+03:00"
    assert document["posts"][2]["published"] == "2010-01-02T12:00:00+02:00"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_round_trip_gives_the_same_archive(tmp_path: Path, fmt: str) -> None:
    archive = sample_archive()
    out = write(archive, fmt)[0]
    path = tmp_path / out.path
    path.write_bytes(out.data)
    again = read(path)
    assert again == archive
    assert again.posts[1].published.utcoffset() == archive.posts[1].published.utcoffset()
    assert write(again, fmt)[0].data == out.data, "same input must give byte-identical output"


def test_jsonl_has_a_header_line_then_one_post_per_line() -> None:
    lines = write(sample_archive(), "jsonl")[0].data.decode().splitlines()
    assert len(lines) == 1 + 3
    assert json.loads(lines[0])["schema"] == "blog-archive/1"
    for line in lines[1:]:
        jsonschema.validate(json.loads(line), load_schema()["$defs"]["post"] | {
            "$defs": load_schema()["$defs"]})


def test_unknown_schema_major_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.json"
    path.write_text('{"schema": "blog-archive/2", "blog": {}, "posts": []}', encoding="utf-8")
    with pytest.raises(SchemaError, match="blog-archive/2"):
        read(path)


def test_malformed_post_is_skipped_with_a_diagnostic(tmp_path: Path) -> None:
    document = json.loads(write(sample_archive(), "json")[0].data)
    document["posts"][0]["published"] = "10.6.2010"
    path = tmp_path / "a.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    diagnostics = Diagnostics()
    archive = read_json(path, ReadOptions(), diagnostics)
    assert [p.id for p in archive.posts] == ["71", "73"]
    assert diagnostics.codes() == ["entry-invalid"]
    assert next(iter(diagnostics)).entry == "72"


def test_timezone_option_re_expresses_times(tmp_path: Path) -> None:
    out = write(sample_archive(), "json")[0]
    path = tmp_path / "a.json"
    path.write_bytes(out.data)
    archive = read(path, options=ReadOptions(timezone="UTC"))
    assert archive.posts[1].published.isoformat() == "2010-06-10T11:35:00+00:00"
    assert archive.posts[1].published == sample_archive().posts[1].published


def test_broken_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"schema": "blog-archive/1",\n "blog": {,\n}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read(path, format="json")
    assert "broken.json:2" in str(caught.value)


def _document() -> dict:
    return json.loads(write(sample_archive(), "json")[0].data)


@pytest.mark.parametrize("field,value", [
    ("title", 5), ("labels", "Orkut"), ("extra", {"n": 1}), ("content_html", ["x"]),
    ("published", "9999-12-31T23:59:00-05:00"), ("published", 12),
    ("location", {"name": "x", "latitude": float("nan")}),
], ids=["title-int", "labels-string", "extra-int", "body-list", "year-9999", "date-int", "nan"])
def test_wrongly_typed_post_is_skipped_not_kept_or_a_crash(tmp_path: Path, field: str,
                                                           value: object) -> None:
    """A number title crashed the writers, a string of labels became one label per letter,
    year 9999 moved into Helsinki raised OverflowError and NaN made the JSON output invalid."""
    document = _document()
    document["posts"][1][field] = value
    path = tmp_path / "a.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    diagnostics = Diagnostics()
    archive = read_json(path, ReadOptions(), diagnostics)
    assert [p.id for p in archive.posts] == ["72", "73"]
    assert diagnostics.codes() == ["entry-invalid"]


@pytest.mark.parametrize("text", [
    '{"schema": "blog-archive/1", "blog": "x", "posts": []}',
    '{"schema": "blog-archive/1", "blog": {}, "posts": {"a": 1}}',
    '{"schema": "blog-archive/1", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
], ids=["blog-string", "posts-object", "deep"])
def test_malformed_document_is_an_input_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "a.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError):
        read(path, format="json")


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"\xef\xbb\xbf" + write(sample_archive(), "json")[0].data)
    assert read(path) == sample_archive()


def test_unknown_timezone_option_is_refused_and_unknown_setting_dropped(tmp_path: Path) -> None:
    """--timezone Mars/Olympus was silently accepted and written out as the blog's zone."""
    document = _document()
    path = tmp_path / "a.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    for bad in ("Mars/Olympus", "Europe"):
        with pytest.raises(UsageError, match="unknown time zone"):
            read(path, options=ReadOptions(timezone=bad))
    document["blog"]["timezone"] = "Europe"
    path.write_text(json.dumps(document), encoding="utf-8")
    diagnostics = Diagnostics()
    archive = read_json(path, ReadOptions(), diagnostics)
    assert archive.blog.timezone is None and len(archive.posts) == 3
    assert diagnostics.codes() == ["timezone-unknown"]


def test_lone_surrogate_escapes_do_not_crash_the_writers(tmp_path: Path) -> None:
    # json accepts "\ud83d" without its pair; no writer can encode it to UTF-8, so every
    # output (Markdown, WXR, JSON) stopped with a UnicodeEncodeError traceback
    document = json.loads(write(sample_archive(), "json")[0].data)
    post = document["posts"][1]
    post["title"], post["labels"], post["id"] = "Otsikko \ud83d", ["\udc00"], "71\ud800"
    post["comments"][0]["author"]["name"] = "Ilkka \ud83d"
    path = tmp_path / "a.json"
    path.write_text(json.dumps(document), encoding="utf-8")  # ASCII escapes, as json writes them
    archive = read_json(path, ReadOptions(), Diagnostics())
    orkut = next(p for p in archive.posts if p.title.startswith("Otsikko"))
    assert orkut.title == "Otsikko \ufffd" and orkut.labels == ("\ufffd",)
    for fmt in ("json", "wxr", "hugo", "pelican"):
        assert write(archive, fmt)


def test_jsonl_with_unicode_line_separators_reads_back(tmp_path: Path) -> None:
    # json leaves U+2028/U+2029/U+0085 raw with ensure_ascii=False; the reader split lines with
    # splitlines(), which cuts there, so our own JSON-lines output was refused as invalid JSON
    from dataclasses import replace

    archive = sample_archive()
    body = "rivi\u2028toinen\u2029kolmas\x85neljäs"
    archive = replace(archive, posts=(replace(archive.posts[0], content_html=body), *archive.posts[1:]))
    out = write(archive, "jsonl")[0]
    assert len(out.data.decode("utf-8").splitlines()) == 1 + 3
    path = tmp_path / out.path
    path.write_bytes(out.data)
    assert read(path) == archive
    raw = tmp_path / "raw.jsonl"  # another producer's valid JSON lines with the raw characters
    raw.write_text(out.data.decode("utf-8").replace("\\u2028", "\u2028"), encoding="utf-8")
    assert read(raw).posts[0].content_html == body
