"""Every option value and output condition is checked before the input is opened, with one error.

Before, a typo in ``--redirects ngix`` or ``--timezone Europe/Helsinky`` was reported after seconds
of reading a big input, ``--locale finnish`` was accepted by ``convert`` and refused by ``date``
(exit 1 there), and an existing ``blog.json`` was found in the way only after reading everything.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BLOG_FI

import importer
from importer.cli import main
from importer.errors import OptionError
from importer.options import ReadOptions
from importer.web import WebOptions
from importer.writers import get_writer

LEGACY = str(BLOG_FI / "legacy.xml")
PAGES = str(BLOG_FI / "pages-classic")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr


# (flags, what the one-line error must say): each is refused with exit 2 before reading.
BAD_OPTIONS = {
    "zone": (["--timezone", "Europe/Helsinky"],
             "--timezone 'Europe/Helsinky': unknown time zone; use an IANA name such as Europe/Helsinki "
             "(did you mean 'Europe/Helsinki'?)"),
    "locale word": (["--locale", "finnish"], "--locale 'finnish': unknown locale"),
    "locale code": (["--locale", "zz"], "--locale 'zz': unknown locale"),
    "redirects": (["--redirects", "ngix"],
                  "--redirects 'ngix': unknown redirect format 'ngix' (did you mean 'nginx'?)"),
    "split size": (["--split-size", "10XB"], "--split-size '10XB': not a size such as 10MB"),
    "permalink": (["--permalink", "/:year/:sluggy/"],
                  "--permalink '/:year/:sluggy/': unknown token(s) :sluggy"),
    "permalink without slug": (["--permalink", "/:year/:month/"], "has no :slug"),
    "site url": (["--site-url", "example.org"], "--site-url 'example.org': not an http(s) address"),
    "workers": (["--image-workers", "0"], "--image-workers 0: must be at least 1"),
    "flag of another output": (["--bundles"], "--bundles True: does not apply to wxr output"),
}


@pytest.mark.parametrize("flags, message", BAD_OPTIONS.values(), ids=BAD_OPTIONS.keys())
def test_bad_value_is_refused_before_the_input_is_opened(flags: list[str], message: str,
                                                         tmp_path: Path) -> None:
    fifo = tmp_path / "export.xml"
    os.mkfifo(fifo)  # opening it for reading would block this test forever
    to = "json" if "--permalink" in flags or "--site-url" in flags else "wxr"
    code, err = run("convert", str(fifo), "--to", to, "-o", str(tmp_path / "out"), *flags)
    assert code == 2, err
    assert message in err.strip().splitlines()[-1]
    assert not (tmp_path / "out").exists()


def test_a_70_mb_input_with_a_bad_option_exits_at_once(tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    entry = (BLOG_FI / "legacy.xml").read_bytes()
    with big.open("wb") as handle:
        while handle.tell() < 70 * 1024**2:
            handle.write(entry)
    started = time.perf_counter()
    code, err = run("convert", str(big), "--to", "hugo", "-o", str(tmp_path / "site"),
                    "--timezone", "Europe/Helsinky")
    assert code == 2 and "unknown time zone" in err
    assert time.perf_counter() - started < 1.0  # reading 70 MB takes several seconds


@pytest.mark.parametrize("command", [
    ["convert", LEGACY, "--to", "json", "-o", "x.json"],
    ["info", LEGACY],
    ["validate", LEGACY],
    ["date", "10.6.2010 klo 14.35"],
], ids=["convert", "info", "validate", "date"])
@pytest.mark.parametrize("flags, message", [
    (["--timezone", "Europe/Helsinky"], "--timezone 'Europe/Helsinky': unknown time zone"),
    (["--locale", "finnish"], "--locale 'finnish': unknown locale"),
], ids=["zone", "locale"])
def test_same_bad_value_same_error_and_exit_code_in_every_command(
        command: list[str], flags: list[str], message: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, err = run(*command, *flags)
    assert code == 2, err
    assert err.strip().splitlines()[-1].startswith(f"Error: {message}")


def test_library_errors_name_keywords() -> None:
    with pytest.raises(OptionError) as caught:
        ReadOptions(timezone="Europe/Helsinky")
    assert str(caught.value).startswith("timezone='Europe/Helsinky': unknown time zone")
    with pytest.raises(OptionError, match=r"^redirects='ngix': unknown redirect format"):
        WebOptions(redirects="ngix")
    with pytest.raises(OptionError, match=r"^split_size='1k': too small"):
        get_writer("wxr").make_options(split_size="1k")
    with pytest.raises(OptionError, match=r"^bundles=True: does not apply to json output"):
        get_writer("json").make_options(bundles=True)
    with pytest.raises(OptionError, match=r"^flavor='hugoo': must be one of"):
        get_writer("markdown").options_class(flavor="hugoo")


def test_library_convert_checks_the_output_before_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "export.xml"
    os.mkfifo(fifo)
    foreign = tmp_path / "blog.json"
    foreign.write_text("my notes")
    with pytest.raises(importer.OutputError, match="exists; pass --force"):
        importer.convert(fifo, foreign, to="json")
    assert foreign.read_text() == "my notes"


def test_foreign_output_file_is_refused_before_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "export.xml"
    os.mkfifo(fifo)
    (tmp_path / "blog.json").write_text("my notes")
    code, err = run("convert", str(fifo), "--to", "json", "-o", str(tmp_path / "blog.json"))
    assert code == 1 and "exists; pass --force to replace it (blogimport did not write it)" in err


@pytest.mark.parametrize("to, name", [("json", "blog.json"), ("jsonl", "blog.jsonl"), ("wxr", "blog.xml")])
def test_a_file_blogimport_wrote_is_replaced_on_a_re_run(to: str, name: str, tmp_path: Path) -> None:
    target = tmp_path / name
    assert run("convert", LEGACY, "--to", to, "-o", str(target))[0] == 0
    target.write_bytes(target.read_bytes().replace(b"Sosmedia ja muuta", b"Vanha nimi", 1))
    code, err = run("convert", LEGACY, "--to", to, "-o", str(target))
    assert code == 0, err
    assert b"Vanha nimi" not in target.read_bytes()


def test_split_wxr_re_run_replaces_its_parts_and_drops_stale_ones(tmp_path: Path) -> None:
    target = tmp_path / "wp.xml"
    assert run("convert", LEGACY, "--to", "wxr", "-o", str(target), "--split-size", "8kB")[0] == 0
    parts = sorted(p.name for p in tmp_path.glob("wp-*.xml"))
    assert len(parts) > 2
    code, err = run("convert", LEGACY, "--to", "wxr", "-o", str(target), "--split-size", "40kB")
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.glob("wp*.xml")) == ["wp.xml"]  # one file now: parts gone
    foreign = tmp_path / f"wp-{len(parts) + 1:03d}.xml"  # a part number this split never reaches
    foreign.write_text("not ours")
    assert run("convert", LEGACY, "--to", "wxr", "-o", str(target), "--split-size", "8kB")[0] == 0
    assert sorted(p.name for p in tmp_path.glob("wp-*.xml")) == [*parts, foreign.name]
    assert foreign.read_text() == "not ours"


def test_reports_blogimport_wrote_are_replaced_on_a_re_run_but_foreign_files_are_not(tmp_path: Path) -> None:
    args = ["convert", LEGACY, "--to", "json", "-o", str(tmp_path / "blog.json"),
            "--report", str(tmp_path / "r.json"), "--report-html", str(tmp_path / "r.html")]
    assert run(*args)[0] == 0
    code, err = run(*args)
    assert code == 0, err
    (tmp_path / "r.html").write_text("<html>my own page</html>")
    code, err = run(*args)
    assert code == 1 and "r.html: exists; pass --force" in err
    assert (tmp_path / "r.html").read_text() == "<html>my own page</html>"


@pytest.mark.parametrize("flags", [["-o", "{input}"], ["-o", "out.json", "--report", "{input}"],
                                   ["-o", "out.json", "--report-html", "./{input}"]])
def test_the_input_is_never_an_output_not_even_with_force(tmp_path: Path, flags: list[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # `convert blog.xml --to json -o blog.xml --force` replaced the export with the JSON made from it
    monkeypatch.chdir(tmp_path)
    original = (BLOG_FI / "legacy.xml").read_bytes()
    Path("blog.xml").write_bytes(original)
    args = [f.format(input="blog.xml") for f in flags]
    result = CliRunner().invoke(main, ["convert", "blog.xml", "--to", "json", *args, "--force"])
    assert result.exit_code == 2, result.output
    assert "is the input itself" in result.stderr
    assert Path("blog.xml").read_bytes() == original and not Path("out.json").exists()


def test_the_library_refuses_the_input_as_output_by_keyword(tmp_path: Path) -> None:
    source = tmp_path / "blog.xml"
    source.write_bytes((BLOG_FI / "legacy.xml").read_bytes())
    with pytest.raises(OptionError, match=r"output=.*is the input itself"):
        importer.convert(source, source, "wxr", force=True)
