"""No script reaches a page (issue 14, item 3): what each writer, the CLI and validate do with hostile HTML.

Site outputs (every Markdown flavor) sanitize post bodies and comments; ``--keep-scripts`` keeps
post bodies only. JSON keeps post bodies unless ``sanitize`` and always sanitizes comments; WXR
keeps post bodies (WordPress filters them) and sanitizes comments.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_html import BODY_VECTORS, COMMENT_VECTORS, hostile_archive, hostile_json, unsafe_parts

from importer.checks import validate
from importer.cli import main
from importer.diagnostics import Diagnostics
from importer.readers import read
from importer.writers import get_writer, write
from importer.writers.markdown.options import FLAVORS

ENTRIES = len(BODY_VECTORS) * (1 + len(COMMENT_VECTORS))


def _files(flavor: str, **options: object) -> tuple[dict[str, str], Diagnostics]:
    diagnostics = Diagnostics()
    files = write(hostile_archive(), flavor, get_writer(flavor).make_options(**options), diagnostics)
    return {f.path: f.data.decode("utf-8") for f in files}, diagnostics


def _comment_bodies(text: str) -> list[str]:
    bodies: list[str] = []
    nodes = json.loads(text)["comments"]
    while nodes:
        node = nodes.pop()
        bodies.append(node["content_html"])
        nodes += node["replies"]
    return bodies


@pytest.mark.parametrize("flavor", FLAVORS)
def test_site_outputs_carry_no_script_in_posts_or_comment_files(flavor: str) -> None:
    files, diagnostics = _files(flavor)
    comments = {p: t for p, t in files.items() if "comments" in p and p.endswith(".json")}
    assert len(comments) == len(BODY_VECTORS)
    for path, text in comments.items():
        for body in _comment_bodies(text):
            assert unsafe_parts(body) == [], (path, body)
    for path, text in files.items():  # posts, pages, redirect pages, site data (not the notes)
        if path not in comments and path != "SITE-NOTES.md":
            assert unsafe_parts(text) == [], path
    assert sum("Alku script." in text for text in files.values()) == 1  # the posts are there
    # one warning per entry (post or comment), each naming it
    assert Counter(d.code for d in diagnostics)["script-removed"] == ENTRIES
    assert len({d.entry for d in diagnostics if d.code == "script-removed"}) == ENTRIES


def test_the_warning_names_the_entry_and_what_was_removed() -> None:
    _, diagnostics = _files("hugo")
    messages = {d.entry: d.message for d in diagnostics if d.code == "script-removed"}
    assert messages["101"] == "Removed 1 <script> from the post 'Vektori script'."
    assert messages["1012"] == "Removed 1 onerror attribute from the comment by 'Kommentoija img-onerror' " \
                               "on 'Vektori script'."
    assert messages["1015"].endswith("1 iframe from evil.example from the comment by 'Kommentoija iframe' "
                                     "on 'Vektori script'.")
    assert messages["105"] == "Removed 1 javascript: URL from the post 'Vektori mixed-case'."


def test_legitimate_embeds_survive_in_the_site_output() -> None:
    files, _ = _files("hugo")
    body = files["content/posts/vektori-script.md"]
    assert ('<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?start=30&amp;rel=0"'
            in body)
    assert '<td rowspan="2">a</td>' in body


def test_keep_scripts_keeps_post_bodies_only_and_says_so() -> None:
    files, diagnostics = _files("hugo", keep_scripts=True)
    assert "<script>alert(\"b1\")</script>" in files["content/posts/vektori-script.md"]
    for path, text in files.items():
        if path.startswith("data/comments/"):
            assert all(unsafe_parts(b) == [] for b in _comment_bodies(text)), path
    codes = Counter(d.code for d in diagnostics)
    assert codes["script-kept"] == len(BODY_VECTORS)
    assert codes["script-removed"] == len(BODY_VECTORS) * len(COMMENT_VECTORS)
    assert "--keep-scripts" in files["SITE-NOTES.md"] and "runs on your site" in files["SITE-NOTES.md"]
    assert "were sanitized" in _files("hugo")[0]["SITE-NOTES.md"]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_sanitizes_comments_and_keeps_post_bodies_unless_asked(fmt: str, tmp_path: Path) -> None:
    archive = hostile_archive()
    diagnostics = Diagnostics()
    [out] = write(archive, fmt, None, diagnostics)
    path = tmp_path / out.path
    path.write_bytes(out.data)
    back = read(path)
    assert [p.content_html for p in back.posts] == [p.content_html for p in archive.posts]
    assert all(unsafe_parts(c.content_html) == [] for p in back.posts for c in p.comments)
    assert Counter(d.code for d in diagnostics)["script-removed"] == len(BODY_VECTORS) * len(COMMENT_VECTORS)
    [sanitized] = write(archive, fmt, get_writer(fmt).make_options(sanitize=True), Diagnostics())
    path.write_bytes(sanitized.data)
    assert all(unsafe_parts(p.content_html) == [] for p in read(path).posts)


def test_wxr_sanitizes_comments_and_leaves_post_bodies_to_wordpress(tmp_path: Path) -> None:
    archive = hostile_archive()
    [out] = write(archive, "wxr", None, Diagnostics())
    path = tmp_path / "wordpress.xml"
    path.write_bytes(out.data)
    back = {p.id: p for p in read(path).posts}
    assert all(back[p.id].content_html == p.content_html for p in archive.posts)
    assert all(unsafe_parts(c.content_html) == [] for p in back.values() for c in p.comments)


def test_cli_warns_even_when_quiet_and_refuses_keep_scripts_for_json(tmp_path: Path) -> None:
    source = tmp_path / "blog.json"
    source.write_bytes(hostile_json())
    runner = CliRunner()
    result = runner.invoke(main, ["convert", str(source), "--to", "hugo", "-o", str(tmp_path / "site"), "-q"])
    assert result.exit_code == 0, result.output
    assert re.search(rf"warning +script-removed +{ENTRIES}\n", result.output), result.output  # the summary
    verbose = runner.invoke(main, ["convert", str(source), "--to", "hugo", "-o", str(tmp_path / "v"),
                                   "--verbose"])
    assert verbose.output.count("warning[script-removed]") == ENTRIES
    kept = runner.invoke(main, ["convert", str(source), "--to", "jekyll", "-o", str(tmp_path / "j"),
                                "--keep-scripts"])
    assert kept.exit_code == 0 and re.search(rf"info +script-kept +{len(BODY_VECTORS)}\n", kept.output)
    refused = runner.invoke(main, ["convert", str(source), "--to", "json", "-o", str(tmp_path / "b.json"),
                                   "--keep-scripts"])
    assert refused.exit_code == 2 and "--keep-scripts" in refused.output


def test_validate_reports_scripts_in_bodies_and_comments(tmp_path: Path) -> None:
    archive = hostile_archive()
    found = [d for d in validate(archive) if d.code == "script-removed"]
    assert len(found) == ENTRIES
    only_wxr = [d for d in validate(archive, targets=("wxr",)) if d.code == "script-removed"]
    assert len(only_wxr) == len(BODY_VECTORS) * len(COMMENT_VECTORS)  # WXR keeps post bodies
    source = tmp_path / "blog.json"
    source.write_bytes(hostile_json())
    result = CliRunner().invoke(main, ["validate", str(source), "--format", "json", "--fail-on", "warning"])
    assert result.exit_code == 3
    codes = Counter(d["code"] for d in json.loads(result.output)["diagnostics"])
    assert codes["script-removed"] == ENTRIES
