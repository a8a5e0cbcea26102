"""A folder holding several export shapes: nothing is picked silently.

Measured before: ``convert fixtures/blog-fi --to json`` read one of the inputs in the folder
(first the Takeout, later all the saved-page folders merged) and said nothing of legacy.xml,
wxr.xml, public-feed.xml or the others.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import BLOG_FI

from importer.cli import main
from importer.diagnostics import Diagnostics
from importer.readers import read
from importer.readers.folders import folder_inputs


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr


def test_the_inputs_of_a_folder() -> None:
    found = [(name, path.name) for name, path in folder_inputs(BLOG_FI)]
    assert found == [("blogger-legacy", "legacy.xml"), ("blogger-html", "pages-classic"),
                     ("blogger-html", "pages-layouts"), ("blogger-html", "pages-wayback"),
                     ("blogger-feed", "public-feed.xml"), ("blogger-takeout", "takeout"),
                     ("wxr", "wxr.xml")]
    assert folder_inputs(BLOG_FI / "takeout") == []  # a Takeout is one input
    assert [name for name, _ in folder_inputs(BLOG_FI / "pages-classic")] == ["blogger-html"]


def test_without_from_the_run_asks(tmp_path: Path) -> None:
    code, err = _run("convert", str(BLOG_FI), "--to", "json", "-o", str(tmp_path / "x.json"))
    assert code == 2
    assert ("holds several inputs: legacy.xml (blogger-legacy), pages-classic/ (blogger-html), "
            "pages-layouts/ (blogger-html), pages-wayback/ (blogger-html), public-feed.xml "
            "(blogger-feed), takeout/ (blogger-takeout), wxr.xml (wxr); give one of them as INPUT, "
            "or choose one with --from") in err
    assert not (tmp_path / "x.json").exists()


def test_with_from_that_input_is_read_and_the_others_named() -> None:
    diagnostics = Diagnostics()
    archive = read(BLOG_FI, format="wxr", diagnostics=diagnostics)
    assert archive.source_format == "wxr"
    [said] = [d for d in diagnostics if d.code == "inputs-ignored"]
    assert said.message.startswith("Read wxr.xml; also in blog-fi and not read: legacy.xml "
                                   "(blogger-legacy), pages-classic/ (blogger-html)")


def test_a_mirror_of_saved_pages_is_still_one_input() -> None:
    diagnostics = Diagnostics()
    archive = read(BLOG_FI / "pages-layouts", diagnostics=diagnostics)
    assert archive.posts and "inputs-ignored" not in diagnostics.codes()
