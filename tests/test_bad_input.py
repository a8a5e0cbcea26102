"""Bad inputs (fixtures/bad): one-line errors naming the file, exit 1, no partial output.

Also: an export with malformed entries converts the good ones, and the legacy reader never
raises anything but ``ImporterError`` on mutated or truncated bytes (hypothesis).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BLOG_FI, FIXTURES, FUZZ
from hypothesis import given, settings
from hypothesis import strategies as st

from importer.cli import main
from importer.diagnostics import Diagnostics
from importer.errors import ImporterError, InputError
from importer.options import ReadOptions
from importer.readers import read
from importer.readers.blogger_legacy import read_blogger_legacy

BAD = FIXTURES / "bad"
FATAL = {
    "empty.xml": "empty",
    "not-xml.xml": "not XML",
    "html-error-page.xml": "HTML page",
    "truncated.xml": "file ends inside <entry> (started at line 212)",
    "billion-laughs.xml": "XML entities",
    "foreign-atom.xml": "an Atom feed, but not a Blogger export",
}


@pytest.mark.parametrize("name", sorted(FATAL), ids=sorted(FATAL))
def test_bad_input_gives_one_line_error_and_exit_1(name: str, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["convert", str(BAD / name), "--to", "json", "-o", str(out)])
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert name in lines[0] and FATAL[name] in lines[0]
    assert "Traceback" not in result.output
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_truncated_error_names_the_line() -> None:
    with pytest.raises(InputError) as caught:
        read(BAD / "truncated.xml")
    assert caught.value.line is not None and caught.value.line >= 212


@pytest.mark.parametrize("fail_on,code", [("error", 3), ("warning", 3), ("never", 0)])
def test_malformed_entries_are_skipped_and_the_rest_converts(
        fail_on: str, code: int, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["convert", str(BAD / "malformed-entries.xml"), "--to", "json",
                                       "-o", str(out), "--fail-on", fail_on])
    assert result.exit_code == code, result.output
    assert out.exists()
    assert result.stderr.count("error[entry-invalid]") == 2
    assert "entry[7000000000000000002]" in result.stderr


def test_malformed_entries_one_diagnostic_per_skipped_entry() -> None:
    diagnostics = Diagnostics()
    archive = read(BAD / "malformed-entries.xml", diagnostics=diagnostics)
    assert [p.id for p in archive.posts] == ["7000000000000000001"]
    assert [c.id for c in archive.posts[0].comments] == ["8000000000000000001"]
    invalid = [d for d in diagnostics if d.code == "entry-invalid"]
    assert [(d.entry, d.line) for d in invalid] == [("7000000000000000002", None), (None, 35)]


def test_entities_are_refused_by_the_reader_too(tmp_path: Path) -> None:
    """Forcing the reader past detection still never expands an entity."""
    with pytest.raises(InputError, match="XML entities"):
        read(BAD / "billion-laughs.xml", format="blogger-legacy")


FIXTURE_BYTES = (BLOG_FI / "legacy.xml").read_bytes()


@settings(FUZZ)
@given(cut=st.integers(min_value=0, max_value=len(FIXTURE_BYTES)),
       position=st.integers(min_value=0, max_value=len(FIXTURE_BYTES) - 1),
       junk=st.binary(min_size=0, max_size=8))
def test_legacy_reader_raises_only_importer_errors(tmp_path: Path, cut: int, position: int,
                                                   junk: bytes) -> None:
    data = FIXTURE_BYTES[:position] + junk + FIXTURE_BYTES[position + len(junk):]
    path = tmp_path / "mutated.xml"
    path.write_bytes(data[: max(cut, position)])
    try:
        read_blogger_legacy(path, ReadOptions(), Diagnostics())
    except ImporterError as exc:
        assert "\n" not in str(exc)


def _seed_files() -> dict[str, bytes]:
    from test_blogger_feed import FEED
    from test_wxr_reader import document, item

    takeout = BLOG_FI / "takeout/Takeout/Blogger/Blogs/Sosmedia ja muuta/feed.atom"
    page = (BLOG_FI / "pages-layouts/sosmedia-ja-muuta.blogspot.com/2010/06"
            / "orkut-projekti-ja-sosmediamarkkinointi.html")
    return {
        "blogger-takeout": takeout.read_bytes(),
        "blogger-feed": FEED.format(total=5).encode(),
        "blogger-html": page.read_bytes(),
        "wxr": document(item(1) + item(2, type_="page")).encode(),
        "json": (BLOG_FI / "golden/legacy.json").read_bytes(),
    }


SEEDS = _seed_files()


@pytest.mark.parametrize("reader", [*sorted(SEEDS), "takeout-zip"])
@settings(FUZZ)
@given(data=st.data())
def test_every_reader_raises_only_importer_errors(tmp_path: Path, reader: str, data: st.DataObject) -> None:
    """Mutated or truncated input of every format: entries skip with diagnostics, or one
    ImporterError; never ValueError, KeyError, zlib.error... (2,000 examples each under CI=true;
    BLOGIMPORT_FUZZ_EXAMPLES=N locally)."""
    import zipfile

    seed = SEEDS["blogger-takeout" if reader == "takeout-zip" else reader]
    position = data.draw(st.integers(min_value=0, max_value=len(seed) - 1))
    junk = data.draw(st.sampled_from([b"", b"<", b"&", b"\x00", b"[", b"0000", b"9999", b"\"", b"'",
                                      b"http://[", b"NaN", b"-99:99", b"]", b"}", b"9" * 5000, b"1e400",
                                      b"&#0;", b"&#x110000;", b"\xc3", b"\xff\xfe", b"<!--", b"]]>",
                                      b"%0A", b"<x>" * 40, b"\\u0000", b"\\ud800"]))
    cut = data.draw(st.integers(min_value=position, max_value=len(seed)))
    mutated = (seed[:position] + junk + seed[position + data.draw(st.integers(0, 8)):])[:cut + len(junk)]
    path = tmp_path / ("input.html" if reader == "blogger-html" else "input.xml")
    if reader == "takeout-zip":
        path = tmp_path / "takeout.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("Takeout/Blogger/Blogs/B/feed.atom", mutated)
    else:
        path.write_bytes(mutated)
    name = "blogger-takeout" if reader == "takeout-zip" else reader
    try:
        read(path, format=name)
    except ImporterError as exc:
        assert "\n" not in str(exc)
