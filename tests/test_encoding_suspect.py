"""UTF-8 bytes declared ISO-8859-1 or Windows-1252: an ``encoding-suspect`` warning, and
``--encoding`` to read them right (issue: 'PÃ¤ivÃ¤Ã¤' converted with exit 0 and no diagnostic).

The inputs are the fixture blog's legacy export and Takeout feed and a WXR document, with the
XML declaration rewritten here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BLOG_FI
from test_wxr_reader import document, item

from importer.cli import main
from importer.diagnostics import Diagnostics
from importer.errors import UsageError
from importer.options import ReadOptions
from importer.readers import read

TAKEOUT = BLOG_FI / "takeout/Takeout/Blogger/Blogs/Sosmedia ja muuta/feed.atom"
_DECLARATION = re.compile(rb"""^<\?xml version=(['"])1\.0\1 encoding=(['"])[^'"]+\2""")


def _source(kind: str) -> bytes:
    if kind == "wxr":
        return document(item(1, title="Päivää maailma")).encode("utf-8")
    return (BLOG_FI / "legacy.xml" if kind == "legacy" else TAKEOUT).read_bytes()


def _declared(tmp_path: Path, kind: str, label: str, data: bytes | None = None) -> Path:
    data = _source(kind) if data is None else data
    rewritten, count = _DECLARATION.subn(f"<?xml version='1.0' encoding='{label}'".encode(), data)
    assert count == 1
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / f"{kind}.xml"
    path.write_bytes(rewritten)
    return path


def _titles(path: Path, **options: str) -> tuple[list[str], Diagnostics]:
    diagnostics = Diagnostics()
    archive = read(path, options=ReadOptions(**options), diagnostics=diagnostics)
    return [p.title for p in archive.posts], diagnostics


KINDS = ["legacy", "takeout", "wxr"]


@pytest.mark.parametrize("label", ["ISO-8859-1", "windows-1252", "latin1"])
@pytest.mark.parametrize("kind", KINDS)
def test_utf8_declared_latin1_is_reported_with_a_sample(tmp_path: Path, kind: str, label: str) -> None:
    titles, diagnostics = _titles(_declared(tmp_path, kind, label))
    assert any("Ã¤" in title for title in titles)  # read as declared: mojibake
    (suspect,) = [d for d in diagnostics if d.code == "encoding-suspect"]
    assert f"declares encoding {label!r}" in suspect.message and "--encoding utf-8" in suspect.message
    assert re.search(r"'\w*ä\w*' becomes '\w*Ã¤", suspect.message), suspect.message


@pytest.mark.parametrize("kind", KINDS)
def test_encoding_option_reads_the_bytes_as_utf8(tmp_path: Path, kind: str) -> None:
    path = _declared(tmp_path, kind, "ISO-8859-1")
    titles, diagnostics = _titles(path, encoding="utf-8")
    original, _ = _titles(_declared(tmp_path / "ok", kind, "UTF-8"))
    assert titles == original and any("ä" in title for title in titles)
    assert "encoding-suspect" not in diagnostics.codes()


@pytest.mark.parametrize("kind", KINDS)
def test_real_latin1_and_plain_ascii_are_not_suspect(tmp_path: Path, kind: str) -> None:
    text = _source(kind).decode("utf-8")
    latin1 = _declared(tmp_path, kind, "ISO-8859-1", text.encode("latin-1", errors="replace"))
    titles, diagnostics = _titles(latin1)
    assert "encoding-suspect" not in diagnostics.codes() and any("ä" in t for t in titles)
    ascii_only = _declared(tmp_path / "a", kind, "ISO-8859-1",
                           text.encode("ascii", errors="xmlcharrefreplace"))
    titles, diagnostics = _titles(ascii_only)
    assert "encoding-suspect" not in diagnostics.codes() and any("ä" in t for t in titles)


def test_cli_warns_and_the_flag_fixes_it(tmp_path: Path) -> None:
    path = _declared(tmp_path, "legacy", "ISO-8859-1")
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["convert", str(path), "--to", "json", "-o", str(out)])
    assert result.exit_code == 0 and "warning[encoding-suspect]" in result.stderr
    assert "KesÃ¤kuun kuulumiset" in out.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(path), "--to", "json", "-o", str(out), "--force",
                                       "--encoding", "utf-8"])
    assert result.exit_code == 0 and "encoding-suspect" not in result.stderr
    written = out.read_text(encoding="utf-8")
    assert "Kesäkuun kuulumiset" in written and "Ã¤" not in written


def test_unknown_encoding_is_a_usage_error(tmp_path: Path) -> None:
    path = _declared(tmp_path, "legacy", "ISO-8859-1")
    with pytest.raises(UsageError, match="encoding='klingon': not an encoding"):
        read(path, options=ReadOptions(encoding="klingon"))
    result = CliRunner().invoke(main, ["convert", str(path), "--to", "json", "-o", "-",
                                       "--encoding", "klingon"])
    assert result.exit_code == 2
