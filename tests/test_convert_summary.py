"""convert's end-of-run accounting: entries read = written + skipped, checked against real output."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BLOG_FI, FIXTURES

from importer import write
from importer.checks.accounting import Accounting, account
from importer.cli import main
from importer.diagnostics import CODES, Diagnostic, Severity
from importer.model import Archive, Author, Blog, Comment, Post
from importer.pipeline import convert
from importer.writers import get_writer

BROKEN = FIXTURES / "broken"
WHEN = datetime(2010, 6, 10, 14, 35, tzinfo=timezone.utc)


def _archive() -> Archive:
    comments = tuple(Comment(id=f"2{i}", post_id="1", parent_id=None, author=Author("Ilkka"),
                             published=WHEN, status="published", content_html="Hyvä!") for i in range(2))
    posts = (Post(id="1", kind="post", status="draft", title="Luonnos", slug=None, url=None,
                  published=WHEN, comments=comments),
             Post(id="2", kind="post", status="published", title="Valmis", slug="valmis", url=None,
                  published=WHEN, content_html="x"))
    return Archive(blog=Blog(), posts=posts)


def _skip(code: str, entry: str | None) -> Diagnostic:
    return Diagnostic(code, CODES[code].severity, "left out", entry=entry)


def test_skip_codes_are_a_property_of_the_catalogue() -> None:
    skipping = {code for code, info in CODES.items() if info.skips_entry}
    assert {"entry-invalid", "entry-duplicate-id", "comment-orphaned", "draft-skipped",
            "comment-not-public", "entry-unknown-kind"} <= skipping
    assert "slug-collision" not in skipping and "html-raw-kept" not in skipping


def test_reader_skips_add_to_what_was_read() -> None:
    result = account(_archive(), [_skip("entry-invalid", "9"), _skip("entry-duplicate-id", "2")], [])
    # the duplicate's id is also in the archive: it still counts as one more entry read
    assert result == Accounting(read=6, written=4, skipped={"entry-invalid": 1, "entry-duplicate-id": 1})
    assert result.balanced


def test_a_skipped_post_takes_its_comments_with_it() -> None:
    result = account(_archive(), [], [_skip("draft-skipped", "1"), _skip("comment-not-public", "20")])
    assert result == Accounting(read=4, written=1, skipped={"draft-skipped": 3})
    assert result.line() == "entries: 4 read, 1 written, 3 skipped (3 draft-skipped)"


def test_other_diagnostics_skip_nothing() -> None:
    noise = [Diagnostic("slug-collision", Severity.WARNING, "x", entry="2"),
             Diagnostic("html-raw-kept", Severity.INFO, "x", entry="1")]
    assert account(_archive(), noise, noise) == Accounting(read=4, written=4, skipped={})


def _json_entries(path: Path) -> int:
    posts = json.loads(path.read_text(encoding="utf-8"))["posts"]
    return len(posts) + sum(len(p["comments"]) for p in posts)


def test_convert_to_json_written_matches_the_output(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    document = json.loads((BROKEN / "comment-thread-cycle.json").read_text(encoding="utf-8"))
    document["posts"].append({"id": "broken", "kind": "post"})  # no status, no date: entry-invalid
    source.write_text(json.dumps(document), encoding="utf-8")
    result = convert(source, tmp_path / "out.json", to="json")
    accounting = result.accounting
    assert accounting is not None and accounting.balanced
    assert (accounting.read, accounting.written, accounting.skipped) == (4, 3, {"entry-invalid": 1})
    assert accounting.written == _json_entries(tmp_path / "out.json")
    # convert ran validate's checks too (the thread cycle), once
    assert result.diagnostics.codes().count("comment-thread-cycle") == 1


def test_convert_does_not_repeat_what_the_writer_reported(tmp_path: Path) -> None:
    result = convert(BROKEN / "html-raw-kept.json", tmp_path / "site", to="hugo")
    assert result.diagnostics.codes().count("html-raw-kept") == 1


def _site_entries(site: Path) -> int:
    posts = len(list((site / "content").rglob("*.md")))
    comments = sum(json.loads(p.read_text(encoding="utf-8"))["count"]
                   for p in (site / "data" / "comments").glob("*.json"))
    return posts + comments


@pytest.mark.parametrize("drafts", ["--drafts", "--no-drafts"])
def test_cli_prints_the_accounting_and_it_matches_the_site(tmp_path: Path, drafts: str) -> None:
    site = tmp_path / "site"
    result = CliRunner().invoke(main, ["convert", str(BLOG_FI / "legacy.xml"), "--to", "hugo",
                                       "-o", str(site), drafts])
    assert result.exit_code == 0, result.output
    last = result.output.splitlines()[-1]
    expected = ("entries: 10 read, 10 written, 0 skipped" if drafts == "--drafts"
                else "entries: 10 read, 9 written, 1 skipped (1 draft-skipped)")
    assert last == expected
    assert _site_entries(site) == int(last.split(", ")[1].split()[0])


@pytest.mark.parametrize("drafts", [True, False])
def test_entries_markdown_has_no_place_for_are_skipped_not_written(tmp_path: Path, drafts: bool) -> None:
    # A WordPress attachment or menu item has no Markdown form; it used to be dropped silently
    # while the account counted it as written.
    archive = _archive()
    extra = Post(id="9", kind="attachment", status="inherit", title="kuva", slug="kuva", url=None,
                 published=WHEN)
    source = tmp_path / "in.json"
    source.write_bytes(write(Archive(blog=archive.blog, posts=(*archive.posts, extra)), "json")[0].data)
    result = convert(source, tmp_path / "site", to="hugo",
                     write_options=get_writer("hugo").make_options(drafts=drafts))
    accounting = result.accounting
    assert accounting is not None and accounting.balanced
    assert accounting.skipped.get("kind-skipped") == 1
    assert accounting.written == _site_entries(tmp_path / "site")
