"""The migration report: the JSON document (schema, every diagnostic, entries) and the HTML page of it."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import BLOG_FI, ROOT
from report_cases import HOSTILE_BODY, MARKER, WHEN, hostile_archive, write_archive

import importer
from importer.cli import main
from importer.model import Archive, Author, Blog, Comment, Post
from importer.report import build_report, render_html, render_json
from importer.report.sanitize import sanitize
from importer.report.text import visible_words, word_diff
from importer.report.views import strip_front_matter

SCHEMAS = ROOT / "importer" / "schema"
LEGACY = BLOG_FI / "legacy.xml"
P2, P3, G1, DRAFT = ("7000000000000000002", "7000000000000000003", "7000000000000000006",
                     "7000000000000000007")


def _schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def _report(tmp_path: Path, to: str = "hugo", source: Path = LEGACY, **kwargs: Any) -> dict[str, Any]:
    output = tmp_path / ("site" if to not in ("json", "jsonl", "wxr") else f"out.{to}")
    views = kwargs.pop("views", "problems")
    result = importer.convert(source, output, to=to, **kwargs)
    return build_report(result, source=source, output=output, to=to, views=views)


def _entry(report: dict[str, Any], entry_id: str) -> dict[str, Any]:
    (found,) = [e for e in report["entries"] if e["id"] == entry_id]
    return found


@pytest.mark.parametrize("to", ["hugo", "pelican", "json", "wxr"])
def test_report_matches_its_schema(tmp_path: Path, to: str) -> None:
    report = _report(tmp_path, to, views="all")
    jsonschema.validate(json.loads(render_json(report)), _schema("convert-report-1.schema.json"))


def test_diagnostics_files_summary_read_as_a_validate_report(tmp_path: Path) -> None:
    result = importer.convert(LEGACY, tmp_path / "site", to="hugo")
    report = json.loads(render_json(build_report(result, source=LEGACY, output=tmp_path / "site", to="hugo")))
    as_validate = {key: report[key] for key in ("diagnostics", "files", "summary")}
    jsonschema.validate({"schema": "validate-report/1", **as_validate},
                        _schema("validate-report.schema.json"))
    assert report["diagnostics"] == [d.to_dict() for d in result.diagnostics]
    assert report["summary"]["diagnostics"] == {"error": 0, "warning": 2, "info": 5}
    assert report["files"][0]["posts"] == 7 and report["files"][0]["comments"] == 3


def test_every_diagnostic_is_kept_however_many_share_a_code(tmp_path: Path) -> None:
    posts = tuple(Post(id=str(i), kind="post", status="published", title="", slug=f"p{i}", url=None,
                       published=WHEN, content_html="teksti") for i in range(40))
    source = write_archive(Archive(blog=Blog(title="B"), posts=posts), tmp_path / "in.json")
    report = _report(tmp_path, "json", source)
    missing = [d for d in report["diagnostics"] if d["code"] == "title-missing"]
    assert len(missing) == 40
    assert sorted(d["entry"] for d in missing) == sorted(str(i) for i in range(40))
    assert {"code": "title-missing", "severity": "info", "count": 40} in report["diagnostics_by_code"]


def test_entries_say_where_each_post_went(tmp_path: Path) -> None:
    report = _report(tmp_path)
    assert [e["id"] for e in report["entries"]] == [p.id for p in importer.read(LEGACY).posts]
    p2 = _entry(report, P2)
    assert p2["old_url"] == "http://sosmedia-ja-muuta.blogspot.com/2010/06/kesakuun-kuulumiset-ensimmaiset.html"
    assert p2["new_url"] == "/posts/kesakuun-kuulumiset-ensimmaiset/"
    assert p2["file"] == str(tmp_path / "site" / "content" / "posts" / "kesakuun-kuulumiset-ensimmaiset.md")
    assert Path(p2["file"]).is_file()
    assert p2["published"] == "2010-06-10T09:05:00+03:00"
    assert (p2["images"], p2["images_remote"]) == (1, 1)
    assert [report["diagnostics"][i]["code"] for i in p2["diagnostics"]] == ["html-raw-kept"]
    p3 = _entry(report, P3)
    assert (p3["comments"], p3["comments_written"]) == (1, 1)
    # the Markdown writer titles it by its date (title-added), which says all title-missing would
    assert sorted(report["diagnostics"][i]["code"] for i in p3["diagnostics"]) == ["slug-collision",
                                                                                 "title-added"]
    assert _entry(report, "7000000000000000005")["published"] == "2010-01-15T08:00:00+02:00"


def test_summary_counts(tmp_path: Path) -> None:
    report = _report(tmp_path)
    assert report["accounting"]["line"] == "entries: 10 read, 10 written, 0 skipped"
    assert report["posts_per_year"] == {"before": {"2010": 6}, "after": {"2010": 6}}
    published = {"kind": "post", "status": "published", "read": 5, "written": 5, "skipped": 0}
    assert published in report["tally"]["entries"]
    assert report["tally"]["comments"] == [{"status": "published", "read": 3, "written": 3, "skipped": 0}]
    assert report["images"] == {"references": 1, "on_blogger_hosts": 1, "downloaded": 0, "failed": 0}
    assert report["web"]["links_rewritten"] == 3


def test_entries_left_out_are_marked_not_written(tmp_path: Path) -> None:
    from importer.writers import get_writer

    report = _report(tmp_path, write_options=get_writer("hugo").make_options(drafts=False))
    draft = _entry(report, DRAFT)
    assert (draft["written"], draft["skipped"], draft["new_url"], draft["file"]) == (
        False, "draft-skipped", None, None)
    assert report["posts_per_year"] == {"before": {"2010": 6}, "after": {"2010": 5}}
    drafts = {"kind": "post", "status": "draft", "read": 1, "written": 0, "skipped": 1}
    assert drafts in report["tally"]["entries"]
    assert draft["view"]["output_from"] == "not-written"


def test_a_comment_left_out_does_not_mark_a_post_sharing_its_id(tmp_path: Path) -> None:
    # WordPress numbers posts and comments from one counter: comment 5 and post 5 both exist
    spam = Comment(id="5", post_id="4", parent_id=None, author=Author("Roskaposti"), published=WHEN,
                   status="spam", content_html="osta")
    posts = (Post(id="4", kind="post", status="published", title="Neljä", slug="nelja", url=None,
                  published=WHEN, content_html="x", comments=(spam,)),
             Post(id="5", kind="post", status="published", title="Viisi", slug="viisi", url=None,
                  published=WHEN, content_html="y"))
    source = write_archive(Archive(blog=Blog(title="B"), posts=posts), tmp_path / "in.json")
    report = _report(tmp_path, "hugo", source)
    assert _entry(report, "5")["written"] and _entry(report, "5")["new_url"] is not None
    assert (_entry(report, "4")["comments"], _entry(report, "4")["comments_written"]) == (1, 0)
    assert report["tally"]["comments"] == [{"status": "spam", "read": 1, "written": 0, "skipped": 1}]
    assert report["posts_per_year"]["after"] == {"2012": 2}


def test_views_default_to_entries_with_diagnostics(tmp_path: Path) -> None:
    report = _report(tmp_path)
    with_view = {e["id"] for e in report["entries"] if e["view"] is not None}
    assert with_view == {e["id"] for e in report["entries"] if e["diagnostics"]}
    assert with_view == {P2, P3, "7000000000000000004"}
    every = _report(tmp_path / "all", views="all")
    assert all(e["view"] is not None for e in every["entries"])
    chosen = _report(tmp_path / "ids", views=f"{G1},{DRAFT}")
    assert {e["id"] for e in chosen["entries"] if e["view"]} == {G1, DRAFT}


def test_markdown_output_is_rendered_back_to_html(tmp_path: Path) -> None:
    view = _entry(_report(tmp_path, views="all"), G1)["view"]
    assert view["output_from"] == "markdown"
    assert '<h3 id="yhteystiedot">Yhteystiedot</h3>' in view["output_html"]
    assert view["diff"] == [] and view["words"] == [8, 8]


def test_html_outputs_keep_the_body_as_written(tmp_path: Path) -> None:
    report = _report(tmp_path, "wxr", views="all")
    p2 = _entry(report, P2)["view"]
    assert p2["output_from"] == "html"  # the link to P1 was rewritten for WordPress
    assert "/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html" in p2["output_html"]
    assert _entry(report, G1)["view"]["output_from"] == "identical"


def test_views_made_in_worker_processes_are_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from importer.report import views

    result = importer.convert(LEGACY, tmp_path / "site", to="hugo")
    serial = build_report(result, source=LEGACY, output=tmp_path / "site", to="hugo", views="all")
    monkeypatch.setattr(views, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(views, "_CHUNK", 2)
    monkeypatch.setattr(views.os, "cpu_count", lambda: 2)
    parallel = build_report(result, source=LEGACY, output=tmp_path / "site", to="hugo", views="all")
    assert parallel == serial


def test_front_matter_is_stripped_for_every_flavor() -> None:
    assert strip_front_matter('---\ntitle: "a"\n---\n\nBody\n', "hugo") == "Body\n"
    assert strip_front_matter('+++\ntitle = "a"\n+++\nBody\n', "zola") == "Body\n"
    assert strip_front_matter("Title: a\nDate: 2010\n\nBody\n", "pelican") == "Body\n"
    assert strip_front_matter("---\nno end", "hugo") == "no end"


def test_inline_markup_does_not_split_a_word() -> None:
    # a real export: "<b>K</b>iln" read as "K iln" marked a difference the browser never shows
    assert visible_words("<p>uusi <b>K</b>iln</p><p>seuraava<br>rivi</p><td>a</td><td>b</td>") == [
        "uusi", "Kiln", "seuraava", "rivi", "a", "b"]


def test_visible_text_difference_is_marked_word_by_word() -> None:
    original = visible_words("<p>Yksi kaksi <b>kolme</b></p><script>piilo</script><style>x{}</style>")
    assert original == ["Yksi", "kaksi", "kolme"]
    ops, cut = word_diff(original, ["Yksi", "KAKSI", "kolme", "neljä"])
    assert ops == [("=", "Yksi"), ("-", "kaksi"), ("+", "KAKSI"), ("=", "kolme"), ("+", "neljä")]
    assert not cut
    long = [f"w{i}" for i in range(100)]
    ops, _ = word_diff(long, [*long[:50], "uusi", *long[50:]])
    assert ops == [("…", ""), ("=", " ".join(long[44:50])), ("+", "uusi"), ("=", " ".join(long[50:56])),
                   ("…", "")]


def test_text_after_a_stray_body_end_tag_is_kept() -> None:
    # libxml2 stops at </body>; a browser shows what follows, and so must the report
    body = "<p>a</p></body>after</html><p>more</p>"
    assert visible_words(body) == ["a", "after", "more"]
    assert sanitize(body) == "<p>a</p>after<p>more</p>"


@pytest.mark.parametrize(("body", "absent", "present"), [
    ("<script>alert(1)</script>x", ["<script", "alert"], ["x"]),
    ('<img src="https://1.bp.blogspot.com/a/s320/k.jpg" onerror="alert(1)">', ["<img", "onerror"],
     ['class="media"', "k.jpg (1.bp.blogspot.com)"]),
    ('<a href=" java\tscript:alert(1)">l</a><a href="https://e.fi/">m</a>', ["script:"], ['href="https://e.fi/"']),
    ('<iframe src="https://www.youtube.com/embed/abc"></iframe>', ["<iframe"], ["embed: abc"]),
    ('<p style="background:url(https://t.invalid/x)" onclick="x()">p</p>', ["url(", "onclick"], ["<p>p</p>"]),
    ('<svg><script>alert(1)</script></svg><object data="x.swf"></object>', ["<svg", "<object", "alert"],
     ["drawing", "embed: x.swf"]),
    ("<style>body{}</style><link rel=stylesheet href=//x><meta http-equiv=refresh content=0>t", ["<style",
     "<link", "<meta"], ["t"]),
    ("a\x00b\x0c<b>c</b>", ["\x00"], ["<b>c</b>"]),
], ids=["script", "image", "javascript-link", "embed", "style-url", "svg-object", "head-tags", "controls"])
def test_frame_bodies_are_sanitized(body: str, absent: list[str], present: list[str]) -> None:
    clean = sanitize(body)
    for text in absent:
        assert text not in clean.lower()
    for text in present:
        assert text in clean


def _scripts(page: str) -> list[str]:
    return re.findall(r"<script[^>]*>", page)


def test_hostile_archive_cannot_inject_into_the_page(tmp_path: Path) -> None:
    source = write_archive(hostile_archive(), tmp_path / "in.json")
    report = _report(tmp_path, "json", source, views="all")
    page = render_html(report).decode("utf-8")
    views = sum(1 for e in report["entries"] if e["view"] is not None)
    # one inert JSON data block holding every view, one script of ours, nothing else
    assert views == 3
    assert _scripts(page) == ['<script type="application/json" id="views">', "<script>"]
    assert "<b onmouseover" not in page and f"<i>{MARKER}" not in page
    assert f"<script>document.title='{MARKER}'" not in page
    # every data block is closed by its own end tag, never by a post's
    assert page.count("</script>") == len(_scripts(page))
    assert _entry(report, "1")["view"]["original_html"] == HOSTILE_BODY


def test_page_policy_allows_exactly_its_own_script_and_styles(tmp_path: Path) -> None:
    page = render_html(_report(tmp_path)).decode("utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in policy and "img-src data:" in policy
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    for text in (script, style):
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        assert f"'sha256-{digest}'" in policy
    assert "http://" not in policy and "https:" not in policy and "'unsafe-inline'" in policy.split(
        "style-src-attr")[1].split(";")[0]
    assert not re.search(r"<(link|img|iframe)\b", page)  # nothing to fetch, no frame before a view opens


def test_rows_with_problems_come_first(tmp_path: Path) -> None:
    page = render_html(_report(tmp_path)).decode("utf-8")
    flags = re.findall(r'<tr(?: class="[^"]*")? data-problems="([01])"', page)
    assert flags == ["1", "1", "1", "0", "0", "0", "0"]


def test_cli_writes_both_reports(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["convert", str(LEGACY), "--to", "hugo", "-o", str(tmp_path / "site"),
                                       "--report", str(tmp_path / "r.json"), "--report-html",
                                       str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["schema"] == "convert-report/1" and len(report["entries"]) == 7
    assert (tmp_path / "r.html").read_bytes() == render_html(report)


def test_cli_refuses_an_existing_report_before_reading(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "missing.xml"), "--to", "json", "-o",
                                       str(tmp_path / "o.json"), "--report", str(tmp_path / "r.json")])
    assert result.exit_code == 1
    assert "r.json: exists; pass --force" in result.output
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(("output", "args"), [
    ("o.json", ["--report", "s", "--report-html", "s"]),
    ("o.json", ["--report", "o.json"]),
    ("-", ["--report", "-"]),
    ("o.json", ["--report", "r.json", "--report-views", " , "]),
], ids=["same-file", "output-file", "two-on-stdout", "no-views"])
def test_cli_report_usage_errors(tmp_path: Path, output: str, args: list[str]) -> None:
    def at(name: str) -> str:
        plain = name.startswith("-") or name.strip() in ("", ",")
        return name if plain else str(tmp_path / name)

    result = CliRunner().invoke(main, ["convert", str(LEGACY), "--to", "json", "-o", at(output),
                                       *[at(a) for a in args]])
    assert result.exit_code == 2, result.output
    assert list(tmp_path.iterdir()) == []  # refused before anything was written


def test_a_lone_surrogate_cannot_stop_the_report() -> None:
    # json.dumps(ensure_ascii=False) keeps a lone surrogate, which UTF-8 cannot encode
    data = render_json({"schema": "convert-report/1", "diagnostics": [{"message": "a\ud800b"}]})
    assert json.loads(data)["diagnostics"][0]["message"] == "a?b"
    assert "\ud800" not in render_html(_report_of_nothing()).decode("utf-8")


def _report_of_nothing() -> dict[str, Any]:
    return {"blog": {"title": "t\ud800"}, "input": {"path": "p", "format": None},
            "output": {"path": "o", "format": "json"}, "generator": "blogimport x",
            "tally": {"entries": [], "comments": []}, "images": {"references": 0, "on_blogger_hosts": 0,
                                                                "downloaded": 0, "failed": 0},
            "web": None, "accounting": None, "diagnostics_by_code": [], "diagnostics": [],
            "posts_per_year": {"before": {}, "after": {}}, "entries": []}
