"""`blogimport validate` through CliRunner: every output format, every exit code, --list-checks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result
from conftest import FIXTURES, ROOT
from lxml import etree

from importer.checks.formats import escape_github_data, escape_github_property, github_line
from importer.cli import main
from importer.diagnostics import CODES, Diagnostic, Severity

BROKEN = FIXTURES / "broken"
SCHEMA = json.loads((ROOT / "importer" / "schema" / "validate-report.schema.json").read_text("utf-8"))
# ::level [key=value(,key=value)*]::message, with no raw newline, and escaped property values
_PROPERTY = r"(file|line|title)=[^,:\r\n]*"
GITHUB_LINE = re.compile(rf"^::(error|warning|notice)( {_PROPERTY}(,{_PROPERTY})*)?::[^\r\n]*$")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["validate", *args])


@pytest.fixture
def mixed(tmp_path: Path) -> list[str]:
    """A clean-ish file, a file with a warning, and an empty (unreadable) one."""
    empty = tmp_path / "tyhjä, vai: mitä.xml"
    empty.write_bytes(b"")
    return [str(BROKEN / "title-missing.json"), str(BROKEN / "label-merged.json"), str(empty)]


def test_text_lines_and_summary(mixed: list[str]) -> None:
    result = run(*mixed)
    assert result.exit_code == 3
    lines = result.output.splitlines()
    assert lines[0] == (f"{mixed[0]}:entry[101]: info[title-missing]: The post of 2010-06-10 14:35 "
                        "(http://rikki-esimerkki.blogspot.com/2010/06/blog-post.html) has no title.")
    assert lines[1].startswith(f"{mixed[1]}: warning[label-merged]: Labels 'Koodi' (1 post)")
    assert lines[2] == f"{mixed[2]}: error[file-unreadable]: Cannot read: the file is empty"
    assert lines[3:] == ["diagnostics: 1 error, 1 warning, 1 info",  # totals by code, as convert ends
                         "  error    file-unreadable  1",
                         "  warning  label-merged     1",
                         "  info     title-missing    1",
                         "3 files (1 unreadable), 3 posts, 0 comments: 1 error, 1 warning, 1 info"]


def test_text_is_grouped_per_code_and_verbose_lists_all(tmp_path: Path) -> None:
    from run_helpers import messy_export

    source = tmp_path / "blog.xml"
    source.write_text(messy_export(posts=30, comments_per_post=0, undated=False), encoding="utf-8")
    grouped = run(str(source)).output.splitlines()
    assert sum("[link-unresolved]" in line for line in grouped) == 5
    assert "  … and 5 more link-unresolved" in grouped
    full = run(str(source), "--verbose").output.splitlines()
    assert sum("[link-unresolved]" in line for line in full) == 10


def test_json_validates_against_the_schema(mixed: list[str]) -> None:
    result = run(*mixed, "--format", "json", "--fail-on", "warning")
    assert result.exit_code == 3
    document = json.loads(result.output)
    jsonschema.validate(document, SCHEMA)
    codes = [d["code"] for d in document["diagnostics"]]
    assert codes == ["title-missing", "label-merged", "file-unreadable"]
    assert document["summary"] == {"files": 3, "unreadable": 1, "posts": 3, "comments": 0,
                                   "diagnostics": {"error": 1, "warning": 1, "info": 1},
                                   "fail_on": "warning", "failed": True}
    assert [f["format"] for f in document["files"]] == ["json", "json", None]


def test_the_schema_rejects_a_report_that_lies() -> None:
    document = json.loads(run(str(BROKEN / "body-empty.json"), "--format", "json").output)
    document["diagnostics"][0]["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, SCHEMA)


def test_github_annotations(mixed: list[str]) -> None:
    result = run(*mixed, "--format", "github")
    assert result.exit_code == 3
    lines = result.output.splitlines()
    assert all(GITHUB_LINE.match(line) for line in lines), lines
    assert lines[0].startswith(f"::notice file={mixed[0]},title=blogimport title-missing"
                               "::entry[101]: The post of 2010-06-10 14:35")  # ':' is free in messages
    escaped_name = mixed[2].replace(",", "%2C").replace(":", "%3A")
    assert lines[2] == (f"::error file={escaped_name},title=blogimport file-unreadable::"
                        "Cannot read: the file is empty")
    assert lines[-1].startswith("::notice title=blogimport validate::3 files")


def test_github_escaping() -> None:
    assert escape_github_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_github_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    line = github_line(Diagnostic("date-unparsed", Severity.WARNING, "two\nlines: 50%", file="x,y.xml",
                                  entry="7", line=12))
    assert line == ("::warning file=x%2Cy.xml,line=12,title=blogimport date-unparsed::"
                    "entry[7]: two%0Alines: 50%25")


def test_junit_parses_back_with_one_testcase_per_file(mixed: list[str]) -> None:
    result = run(*mixed, "--format", "junit", "--fail-on", "warning")
    assert result.exit_code == 3
    root = etree.fromstring(result.output.encode("utf-8"))
    suite = root.find("testsuite")
    assert root.tag == "testsuites" and suite is not None
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == mixed
    assert suite.get("tests") == "3" and suite.get("failures") == "2"
    assert cases[0].find("failure") is None
    assert "info[title-missing]" in (cases[0].findtext("system-out") or "")
    failure = cases[1].find("failure")
    assert failure is not None and failure.get("type") == "label-merged"
    assert "warning[label-merged]" in (failure.text or "")
    assert cases[2].find("failure").get("type") == "file-unreadable"  # type: ignore[union-attr]


def test_junit_under_the_default_fail_on_fails_only_errors(mixed: list[str]) -> None:
    root = etree.fromstring(run(*mixed, "--format", "junit").output.encode("utf-8"))
    assert [c.find("failure") is not None for c in root.iter("testcase")] == [False, False, True]


@pytest.mark.parametrize(("args", "code"), [
    ([str(BROKEN / "title-missing.json")], 0),                          # info only: passes by default
    ([str(BROKEN / "title-missing.json"), "--fail-on", "info"], 3),
    ([str(BROKEN / "comment-thread-cycle.json"), "--fail-on", "never"], 0),
    ([str(BROKEN / "file-unreadable.xml")], 3),                         # a broken file is a diagnostic
    ([str(BROKEN / "does-not-exist.xml")], 3),
    ([], 2),                                                            # no PATH
    ([str(BROKEN / "body-empty.json"), "--format", "markdown"], 2),
    (["--list-checks", str(BROKEN)], 2),
    (["--list-checks", "--format", "junit"], 2),
    ([str(BROKEN / "body-empty.json"), "--format", "yaml"], 2),
])
def test_exit_codes(args: list[str], code: int) -> None:
    result = run(*args)
    assert result.exit_code == code, result.output


def test_a_folder_with_no_inputs_is_a_fatal_error(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("ei mitään", encoding="utf-8")
    result = run(str(tmp_path))
    assert result.exit_code == 1
    assert "no inputs to validate" in result.output


def test_folders_are_searched_and_takeouts_read_whole(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("skipped", encoding="utf-8")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "blog.json").write_bytes((BROKEN / "body-empty.json").read_bytes())
    result = run(str(tmp_path), "--format", "json")
    document = json.loads(result.output)
    assert [f["path"] for f in document["files"]] == [(nested / "blog.json").as_posix()]


def test_list_checks_in_text_and_json() -> None:
    text = run("--list-checks")
    assert text.exit_code == 0
    assert len(text.output.splitlines()) == len(CODES)
    assert text.output.splitlines()[0].split()[:2] == ["entry-duplicate-id", "error"]
    listed = json.loads(run("--list-checks", "--format", "json").output)
    assert {entry["code"] for entry in listed} == set(CODES)
    assert all(entry["example"] for entry in listed)
