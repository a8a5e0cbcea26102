"""The issue's smaller findings, each with its input built here: the parser's "use XML_PARSE_HUGE
option" advice, Windows device names as slugs, a long comment before the root element, control
characters in the blog title, and BeautifulSoup's warnings from the library."""

from __future__ import annotations

import copy
import json
import unicodedata
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BLOG_FI
from test_wxr_reader import document, item

import importer
from importer.cli import main
from importer.diagnostics import Diagnostics
from importer.errors import FormatDetectionError, InputError
from importer.readers import read, sniff
from importer.readers.detect import detect_format
from importer.slugs import is_windows_device_name, slugify

LEGACY = (BLOG_FI / "legacy.xml").read_text(encoding="utf-8")
DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>"
DEEP = "<x>" * 3000 + "</x>" * 3000


# --- "use XML_PARSE_HUGE option" never reaches a user --------------------------------------------

@pytest.mark.parametrize("kind", ["legacy", "wxr"])
def test_nesting_limit_is_said_in_words(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "deep.xml"
    if kind == "legacy":
        end = LEGACY.index("</entry>")
        path.write_text(LEGACY[:end] + DEEP + LEGACY[end:], encoding="utf-8")
    else:
        path.write_text(document(item(1, extra=DEEP)), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read(path)
    assert "XML_PARSE_HUGE" not in str(caught.value)
    assert "nested more than 2048 deep" in str(caught.value)
    result = CliRunner().invoke(main, ["convert", str(path), "--to", "json", "-o", str(tmp_path / "o.json")])
    assert result.exit_code == 1 and "XML_PARSE_HUGE" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# --- Windows device names ------------------------------------------------------------------------

@pytest.mark.parametrize("text,slug", [
    ("CON", "con-1"), ("aux", "aux-1"), ("Nul", "nul-1"), ("PRN", "prn-1"), ("com1", "com1-1"),
    ("LPT9", "lpt9-1"), ("COM¹", "com1-1"), ("con-x", "con-x"), ("console", "console"), ("com", "com"),
    ("Nul.md", "nul-md"),
])
def test_device_names_get_a_suffix(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize("name", ["con", "CON", "nul.md", "Aux.tar.gz", "lpt1", "COM9.txt", "con ", "prn."])
def test_device_names_are_recognised_in_any_case_and_with_any_extension(name: str) -> None:
    assert is_windows_device_name(name)
    assert not is_windows_device_name("x" + name)


def test_a_post_called_con_is_no_device_file_in_a_site(tmp_path: Path) -> None:
    text = LEGACY.replace("/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html", "/2010/06/CON.html")
    path = tmp_path / "blog.xml"
    path.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    importer.convert(path, site, to="hugo")
    names = [p.name for p in site.rglob("*")]
    assert "con-1.md" in names
    assert not any(is_windows_device_name(name) for name in names)


# --- a comment of over 256 KiB before the root element is still XML --------------------------------

def test_long_comment_before_the_root_is_still_detected(tmp_path: Path) -> None:
    path = tmp_path / "blog.xml"
    path.write_text(LEGACY.replace(DECLARATION, DECLARATION + "<!--" + "a" * 300_000 + "-->", 1),
                    encoding="utf-8")
    assert detect_format(path) == "blogger-legacy"
    assert len(read(path).posts) == 7


def test_entities_after_a_long_comment_are_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "blog.xml"
    path.write_text(LEGACY.replace(DECLARATION, DECLARATION + "<!--" + "a" * 300_000
                                  + "--><!DOCTYPE feed [<!ENTITY a 'b'>]>", 1), encoding="utf-8")
    with pytest.raises(InputError, match="XML entities"):
        detect_format(path)


def test_endless_prolog_is_refused_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sniff, "MAX_PROLOG_BYTES", 1024**2)
    path = tmp_path / "blog.xml"
    path.write_text(LEGACY.replace(DECLARATION, DECLARATION + "<!--" + "a" * 2 * 1024**2 + "-->", 1),
                    encoding="utf-8")
    with pytest.raises(FormatDetectionError, match="no root element in its first 1 MiB"):
        detect_format(path)


# --- control characters in the blog title ----------------------------------------------------------

def test_nul_and_escape_in_the_title_never_reach_site_notes_raw(tmp_path: Path) -> None:
    data = json.loads((BLOG_FI / "golden/legacy.json").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["blog"]["title"] = "Blogi\u0000\u001b[31m punainen\u0007\u2028rivi"
    data["posts"][1]["title"] = "Otsikko\u0000"
    path = tmp_path / "blog.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    diagnostics = Diagnostics()
    archive = read(path, diagnostics=diagnostics)
    assert archive.blog.title == "Blogi[31m punainen\u2028rivi"
    assert "control-chars-removed" in diagnostics.codes()
    for flavor in ("hugo", "pelican"):
        site = tmp_path / flavor
        importer.convert(path, site, to=flavor)
        notes = (site / "SITE-NOTES.md").read_text(encoding="utf-8")
        assert notes.splitlines()[0] == "# Site notes for Blogi[31m punainen rivi"
        for file in site.rglob("*"):
            if file.is_file():
                text = file.read_text(encoding="utf-8")
                assert not [c for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r"]


# --- the library never emits BeautifulSoup's warnings ----------------------------------------------

def test_no_beautifulsoup_warnings_from_the_library(tmp_path: Path) -> None:
    """A body that is only a link, and an XML file forced through the saved-pages reader (the
    CLI filters these warnings, but library users saw them: the filters are set in the test)."""
    import dataclasses

    archive = read(BLOG_FI / "legacy.xml")
    archive = dataclasses.replace(archive, posts=tuple(
        dataclasses.replace(p, content_html="http://example.com/some/page.html") for p in archive.posts))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        importer.write(archive, "hugo")
        importer.write(archive, "json")
        read(BLOG_FI / "legacy.xml", format="blogger-html")
    assert [w.category.__name__ for w in caught] == []
