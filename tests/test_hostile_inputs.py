"""Hostile inputs that once ended in a Python traceback: each now converts, or fails in one line.

Every input is built here from the fixture blog (issue: a JSON integer of 5,000 digits, a latitude
of 1e400 written as an integer, a permalink ``http://[x/``, a 5,000-digit display time, a feed
count ``²``, ``?showComment=9999999999999999``). Each runs through the library and the CLI.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import BLOG_FI
from test_blogger_feed import FEED

from importer.cli import main
from importer.diagnostics import Diagnostics
from importer.errors import InputError
from importer.readers import read
from importer.readers.json_reader import post_from_dict
from importer.slugs import slug_from_url
from importer.writers import writer_names

DOCUMENT = json.loads((BLOG_FI / "golden/legacy.json").read_text(encoding="utf-8"))
ORKUT = "7000000000000000001"
PAGE = (BLOG_FI / "pages-layouts/sosmedia-ja-muuta.blogspot.com/2010/06"
        / "orkut-projekti-ja-sosmediamarkkinointi.html")
OUTPUTS = ["json", "hugo"]


def _json_input(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "blog.json"
    path.write_text(text, encoding="utf-8")
    return path


def _document(**post_changes: Any) -> dict[str, Any]:
    document = copy.deepcopy(DOCUMENT)
    post = next(p for p in document["posts"] if p["id"] == ORKUT)
    post.update(post_changes)
    return document


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    output = result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in output and "internal error" not in output, output
    return result.exit_code, result.stderr


def _convert(path: Path, to: str, tmp_path: Path) -> tuple[int, str]:
    out = tmp_path / f"out-{to}" / ("blog.json" if to == "json" else "site")
    return _cli("convert", str(path), "--to", to, "-o", str(out))


def _validate(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.stdout + result.stderr
    assert "internal error" not in result.stdout
    return result.exit_code, result.stdout


# --- JSON: an integer of 5,000 digits (int() refuses more than 4,300) --------------------------

def test_huge_integer_id_makes_its_post_malformed_not_a_crash(tmp_path: Path) -> None:
    text = json.dumps(_document()).replace(f'"id": "{ORKUT}"', '"id": ' + "7" * 5000, 1)
    diagnostics = Diagnostics()
    archive = read(_json_input(tmp_path, text), diagnostics=diagnostics)
    assert ORKUT not in {p.id for p in archive.posts} and len(archive.posts) == 6
    (invalid,) = [d for d in diagnostics if d.code == "entry-invalid"]
    assert "a number of 5000 digits" in invalid.message and len(invalid.message) < 300


def test_huge_integer_in_an_unknown_field_is_ignored_like_the_field(tmp_path: Path) -> None:
    text = json.dumps(_document(views=0)).replace('"views": 0', '"views": ' + "9" * 5000)
    archive = read(_json_input(tmp_path, text))
    assert len(archive.posts) == 7


@pytest.mark.parametrize("to", OUTPUTS)
def test_huge_integer_through_the_cli(tmp_path: Path, to: str) -> None:
    text = json.dumps(_document()).replace(f'"id": "{ORKUT}"', '"id": ' + "7" * 5000, 1)
    path = _json_input(tmp_path, text)
    code, stderr = _convert(path, to, tmp_path)
    assert code == 3 and "error[entry-invalid]" in stderr
    assert _validate(path)[0] == 3


def test_huge_integer_in_the_header_is_one_input_error(tmp_path: Path) -> None:
    document = _document()
    document["blog"]["title"] = 0
    text = json.dumps(document).replace('"title": 0', '"title": ' + "1" * 5000, 1)
    with pytest.raises(InputError, match="a number of 5000 digits"):
        read(_json_input(tmp_path, text))


# --- JSON: a latitude of 1e400 written as an integer (float() overflows) -----------------------

def test_integer_latitude_too_big_for_a_float_is_a_malformed_post() -> None:
    post = _document(location={"name": "x", "latitude": 10**400, "longitude": 0})
    raw = next(p for p in post["posts"] if p["id"] == ORKUT)
    with pytest.raises(ValueError, match="coordinate of 401 digits"):
        post_from_dict(raw, None)


@pytest.mark.parametrize("to", OUTPUTS)
def test_latitude_1e400_as_integer_through_the_cli(tmp_path: Path, to: str) -> None:
    text = json.dumps(_document(location={"name": "x", "latitude": 0, "longitude": 0})).replace(
        '"latitude": 0', '"latitude": 1' + "0" * 400)
    path = _json_input(tmp_path, text)
    diagnostics = Diagnostics()
    archive = read(path, diagnostics=diagnostics)
    assert ORKUT not in {p.id for p in archive.posts}
    assert [d.entry for d in diagnostics if d.code == "entry-invalid"] == [ORKUT]
    code, stderr = _convert(path, to, tmp_path)
    assert code == 3 and "coordinate" in stderr


# --- a permalink urlsplit cannot parse -----------------------------------------------------------

def test_unparseable_json_permalink_is_set_aside_as_the_blogger_readers_do(tmp_path: Path) -> None:
    diagnostics = Diagnostics()
    archive = read(_json_input(tmp_path, json.dumps(_document(url="http://[x/"))),
                   diagnostics=diagnostics)
    post = next(p for p in archive.posts if p.id == ORKUT)
    assert post.url is None and post.extra["url_invalid"] == "http://[x/"
    assert [(d.code, d.entry) for d in diagnostics if d.code == "url-invalid"] == [("url-invalid", ORKUT)]
    assert slug_from_url("http://[x/") is None


@pytest.mark.parametrize("to", writer_names())
def test_unparseable_json_permalink_converts_to_every_output(tmp_path: Path, to: str) -> None:
    path = _json_input(tmp_path, json.dumps(_document(url="http://[x/")))
    code, stderr = _convert(path, to, tmp_path)
    assert code == 0 and "warning[url-invalid]" in stderr


def test_unparseable_link_in_a_body_is_no_crash_for_validate(tmp_path: Path) -> None:
    body = '<a href="http://[x/">x</a> <img src="http://[y/a.jpg">'
    path = _json_input(tmp_path, json.dumps(_document(url="http://[x/", content_html=body)))
    code, report = _validate(path)
    assert code == 0 and "url-invalid" in report


# --- a comment display time of 5,000 digits ------------------------------------------------------

def test_display_time_of_5000_digits_is_one_short_warning(tmp_path: Path) -> None:
    text = (BLOG_FI / "legacy.xml").read_text(encoding="utf-8")
    path = tmp_path / "blog.xml"
    path.write_text(text.replace("value='10. kesäkuuta 2010 klo 18.15'", "value='" + "1" * 5000 + "'"),
                    encoding="utf-8")
    diagnostics = Diagnostics()
    read(path, diagnostics=diagnostics)
    (mismatch,) = [d for d in diagnostics if d.code == "display-time-mismatch"]
    assert "5000 characters" in mismatch.message and len(mismatch.message) < 300
    code, stderr = _convert(path, "hugo", tmp_path)
    assert code == 0 and "warning[display-time-mismatch]" in stderr


@pytest.mark.parametrize("text", ["1" * 5000, "10.6." + "2" * 5000, "10.6.2010 klo 14." + "3" * 5000,
                                  "kesäkuu " + "٣" * 5000])
def test_date_command_refuses_5000_digits_in_one_line(text: str) -> None:
    code, stderr = _cli("date", text)
    assert code == 1
    assert len(stderr.strip().splitlines()) == 1 and len(stderr) < 500
    assert "cannot parse" in stderr


# --- a public feed whose totalResults is "²" -----------------------------------------------------

@pytest.mark.parametrize("total", ["²", "٣", "9" * 5000, "-1"])
def test_feed_count_that_is_no_plain_number_is_left_out(tmp_path: Path, total: str) -> None:
    path = tmp_path / "default.atom"
    path.write_text(FEED.format(total=total), encoding="utf-8")
    diagnostics = Diagnostics()
    archive = read(path, diagnostics=diagnostics)
    assert len(archive.posts) == 2 and diagnostics.codes() == ["feed-incomplete"]
    assert "of the blog's" not in next(iter(diagnostics)).message
    assert _convert(path, "json", tmp_path)[0] == 0


# --- a saved page whose comment link says showComment=9999999999999999 -----------------------------

def test_show_comment_out_of_range_falls_back_to_the_shown_time(tmp_path: Path) -> None:
    page = PAGE.read_text(encoding="utf-8")
    assert "showComment=1276174920000" in page
    path = tmp_path / "page.html"
    path.write_text(re.sub(r"showComment=\d+", "showComment=9999999999999999", page), encoding="utf-8")
    archive = read(path, options=None)
    comments = archive.posts[0].comments
    original = read(PAGE).posts[0].comments
    assert [c.published for c in comments] == [c.published for c in original]
    code, _ = _convert(path, "hugo", tmp_path)
    assert code == 0


# --- duplicate ids in JSON: one rule for every output (the legacy reader's) -----------------------

def _with_duplicates() -> dict[str, Any]:
    document = copy.deepcopy(DOCUMENT)
    orkut = next(p for p in document["posts"] if p["id"] == ORKUT)
    second = copy.deepcopy(orkut)
    second["title"] = "Toinen kopio"
    document["posts"].append(second)  # the same post again, with its two comments
    other = next(p for p in document["posts"] if p["comments"] and p["id"] != ORKUT)
    other["comments"].append(copy.deepcopy(orkut["comments"][0]))  # a comment id seen before
    return document


def test_json_duplicates_are_skipped_as_the_legacy_reader_skips_them(tmp_path: Path) -> None:
    diagnostics = Diagnostics()
    archive = read(_json_input(tmp_path, json.dumps(_with_duplicates())), diagnostics=diagnostics)
    assert [p.id for p in archive.posts].count(ORKUT) == 1
    assert next(p for p in archive.posts if p.id == ORKUT).title != "Toinen kopio"
    comment_ids = [c.id for p in archive.posts for c in p.comments]
    assert len(comment_ids) == len(set(comment_ids)) == 3
    assert [d.code for d in diagnostics] == ["entry-duplicate-id"] * 4  # the post, its 2 comments, 1 comment

    legacy = (BLOG_FI / "legacy.xml").read_text(encoding="utf-8")
    start = legacy.index("<entry>", legacy.index(f"post-{ORKUT}</id>") - 200)
    entry = legacy[start:legacy.index("</entry>", start) + len("</entry>")]
    doubled = tmp_path / "doubled.xml"
    doubled.write_text(legacy.replace(entry, entry + entry, 1), encoding="utf-8")
    legacy_diagnostics = Diagnostics()
    read(doubled, diagnostics=legacy_diagnostics)
    assert [d.code for d in legacy_diagnostics if d.code.startswith("entry-")] == ["entry-duplicate-id"]


@pytest.mark.parametrize("to", writer_names())
def test_json_duplicates_give_every_output_the_same_result(tmp_path: Path, to: str) -> None:
    path = _json_input(tmp_path, json.dumps(_with_duplicates()))
    code, stderr = _convert(path, to, tmp_path)
    assert code == 3, stderr
    # every one counted (the run report says a code repeated for one entry once, so count the total)
    assert any(line.split() == ["error", "entry-duplicate-id", "4"] for line in stderr.splitlines())
    assert "share the id" not in stderr and "two outputs share the path" not in stderr
    assert "4 entry-duplicate-id" in stderr.strip().splitlines()[-1]
    written = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / f"out-{to}").rglob("*")
                        if p.is_file())
    assert "Toinen kopio" not in written


# --- a saved page whose blog data escapes a lone surrogate ----------------------------------------

@pytest.mark.parametrize("to", ["json", "hugo"])
def test_lone_surrogate_escape_in_page_data_is_replaced(tmp_path: Path, to: str) -> None:
    """``'\\ud800'`` in _SetDataContext's JavaScript gave a title no writer could encode."""
    page = PAGE.read_text(encoding="utf-8")
    assert "'title': 'Sosmedia ja muuta'" in page
    path = tmp_path / "page.html"
    path.write_text(page.replace("'title': 'Sosmedia ja muuta'",
                                 "'title': 'Sosmedia \\ud800 ja \\x00muuta \\ud83d\\ude00'", 1),
                    encoding="utf-8")
    assert read(path).blog.title == "Sosmedia \ufffd ja muuta \U0001f600"
    assert _convert(path, to, tmp_path)[0] == 0
