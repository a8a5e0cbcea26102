"""``convert --dry-run``: everything but the writes, and what a real run would do to the output.

Before: there was no dry run (``--dry-run`` was an unknown option, ``convert(dry_run=True)`` a
``TypeError``), so the only way to see what a run would do to ten years of writing was to run it.
Each test checks that the disk is untouched (every path, mode and mtime under the test folder,
so no lock, staging folder or temporary file beside the output either) and that the plan says
what the real run then does.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BLOG_FI

from importer.cli import main
from importer.io import WritePlan
from importer.pipeline import convert

LEGACY = str(BLOG_FI / "legacy.xml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def snapshot(root: Path) -> dict[str, tuple[int, int, int, str]]:
    """``root`` and every path under it with its mode, size, mtime (ns) and the sha256 of a file
    (the folders' mtimes show a lock or temporary file made and removed again)."""
    state = {}
    for path in [root, *sorted(root.rglob("*"))]:
        info = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        state[path.relative_to(root).as_posix()] = (info.st_mode, info.st_size, info.st_mtime_ns, digest)
    return state


def digests(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file of ours under ``folder`` (the manifest left out)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*") if p.is_file() and p.name != ".blogimport-manifest.json"}


def relative(paths: tuple[str, ...], folder: Path) -> set[str]:
    return {Path(p).relative_to(folder).as_posix() for p in paths}


def test_a_fresh_folder_is_planned_and_nothing_is_made(tmp_path: Path) -> None:
    out = tmp_path / "out" / "hugo"
    before = snapshot(tmp_path)
    code, stdout, err = run("convert", LEGACY, "--to", "hugo", "-o", str(out), "--dry-run")
    assert code == 0, err
    assert snapshot(tmp_path) == before  # no folder, lock or staging made
    lines = err.splitlines()
    assert lines[-1] == ("dry run: nothing was written (a real run would write 10 new, 0 changed "
                         f"files in {out})")
    assert "new: 10 files" in lines
    assert "  … and 7 more" in lines
    assert "entries: 10 read, 10 to write, 0 skipped" in lines  # not "written": nothing was
    assert stdout == ""
    # the real run writes exactly the files the dry run named
    plan = convert(LEGACY, out, "hugo", dry_run=True).plan
    assert isinstance(plan, WritePlan)
    assert snapshot(tmp_path) == before
    written = convert(LEGACY, out, "hugo")
    assert written.plan is None
    assert sorted(plan.new) == sorted(str(p) for p in written.written)
    assert plan.changed == plan.unchanged == plan.removed == ()


def test_verbose_lists_every_path(tmp_path: Path) -> None:
    out = tmp_path / "hugo"
    code, _, err = run("convert", LEGACY, "--to", "hugo", "-o", str(out), "--dry-run", "--verbose")
    assert code == 0, err
    assert "more" not in err
    assert f"  {out / 'content' / 'tietoa-minusta.md'}" in err.splitlines()
    assert sum(line.startswith(f"  {out}") for line in err.splitlines()) == 10


def _json_input(tmp_path: Path) -> tuple[Path, dict[str, object]]:
    source = tmp_path / "blog.json"
    convert(LEGACY, source, "json")
    return source, json.loads(source.read_text(encoding="utf-8"))


def test_an_output_of_ours_with_one_changed_and_one_removed_post(tmp_path: Path) -> None:
    source, document = _json_input(tmp_path)
    out = tmp_path / "site"
    convert(source, out, "hugo")
    posts = document["posts"]
    assert isinstance(posts, list)
    changed = next(p for p in posts if p["slug"] == "koodia-merkkeja")
    changed["content_html"] = "<p>Korjattu teksti.</p>"
    posts.remove(next(p for p in posts if p["title"].startswith("Kesäkuun kuulumiset")))
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    before = snapshot(tmp_path)

    code, _, err = run("convert", str(source), "--to", "hugo", "-o", str(out), "--dry-run")
    assert code == 0, err
    assert snapshot(tmp_path) == before
    assert err.splitlines()[-1] == ("dry run: nothing was written (a real run would write 0 new, "
                                    f"2 changed, 1 removed files in {out})")
    plan = convert(source, out, "hugo", dry_run=True).plan
    assert plan is not None
    assert snapshot(tmp_path) == before
    # the site notes count the posts
    assert relative(plan.changed, out) == {"content/posts/koodia-merkkeja.md", "SITE-NOTES.md"}
    assert relative(plan.removed, out) == {"content/posts/kesakuun-kuulumiset-ensimmaiset.md"}
    assert plan.new == ()

    old = digests(out)
    convert(source, out, "hugo")  # the real run does what the plan said
    new = digests(out)
    assert relative(plan.changed, out) == {p for p in new if p in old and new[p] != old[p]}
    assert relative(plan.unchanged, out) == {p for p in new if p in old and new[p] == old[p]}
    assert relative(plan.removed, out) == set(old) - set(new)


def test_a_foreign_folder_is_refused_as_a_real_run_refuses_it(tmp_path: Path) -> None:
    out = tmp_path / "notes"
    out.mkdir()
    (out / "mine.txt").write_text("kept\n", encoding="utf-8")
    missing = str(tmp_path / "no-such-input.xml")  # refused before the input is opened
    before = snapshot(tmp_path)
    dry = run("convert", missing, "--to", "hugo", "-o", str(out), "--dry-run")
    assert snapshot(tmp_path) == before
    assert dry == run("convert", missing, "--to", "hugo", "-o", str(out))  # the real run's refusal
    assert dry[0] == 1
    assert "the output folder is not empty and was not written by blogimport" in dry[2]
    before = snapshot(tmp_path)
    code, _, err = run("convert", LEGACY, "--to", "hugo", "-o", str(out), "--dry-run", "--force")
    assert code == 0, err
    assert snapshot(tmp_path) == before


def test_a_json_file_new_unchanged_changed_and_foreign(tmp_path: Path) -> None:
    before = snapshot(tmp_path)
    out = tmp_path / "blog.json"
    code, _, err = run("convert", LEGACY, "--to", "json", "-o", str(out), "--dry-run")
    assert (code, err.splitlines()[-1]) == (0, "dry run: nothing was written (a real run would "
                                               f"write 1 new, 0 changed file in {out})")
    assert snapshot(tmp_path) == before
    convert(LEGACY, out, "json")
    before = snapshot(tmp_path)
    plan = convert(LEGACY, out, "json", dry_run=True).plan
    assert plan == WritePlan(unchanged=(str(out),))
    code, _, err = run("convert", LEGACY, "--to", "json", "-o", str(out), "--dry-run")
    assert code == 0
    assert err.splitlines()[-1] == (f"dry run: nothing was written (a real run would change "
                                    f"nothing in {out}: 1 file unchanged)")
    out.write_bytes(out.read_bytes().replace(b"Pirjo", b"Pirja", 1))  # ours, edited
    before = snapshot(tmp_path)
    assert convert(LEGACY, out, "json", dry_run=True).plan == WritePlan(changed=(str(out),))
    out.write_text("{}\n", encoding="utf-8")  # not ours
    before = snapshot(tmp_path)
    dry = run("convert", LEGACY, "--to", "json", "-o", str(out), "--dry-run")
    assert snapshot(tmp_path) == before
    assert dry == run("convert", LEGACY, "--to", "json", "-o", str(out))  # the real run's refusal
    assert dry[0] == 1


def test_a_split_wxr_over_an_unsplit_one(tmp_path: Path) -> None:
    out = tmp_path / "wordpress.xml"
    convert(LEGACY, out, "wxr")
    before = snapshot(tmp_path)
    code, _, err = run("convert", LEGACY, "--to", "wxr", "-o", str(out), "--split-size", "10kB",
                       "--dry-run")
    assert code == 0, err
    assert snapshot(tmp_path) == before
    parts = [str(tmp_path / f"wordpress-{i:03d}.xml") for i in (1, 2, 3)]
    assert err.splitlines()[-1] == ("dry run: nothing was written (a real run would write 3 new, "
                                    f"0 changed, 1 removed files in {out})")
    assert f"  {parts[0]}" in err.splitlines()
    from importer.writers.wxr.options import WxrOptions

    options = WxrOptions(split_size="10kB")
    plan = convert(LEGACY, out, "wxr", write_options=options, dry_run=True).plan
    assert plan == WritePlan(new=tuple(parts), removed=(str(out),))
    convert(LEGACY, out, "wxr", write_options=options)
    assert sorted(p.name for p in tmp_path.iterdir()) == [Path(p).name for p in parts]


def test_reports_are_planned_not_written(tmp_path: Path) -> None:
    before = snapshot(tmp_path)
    out = tmp_path / "blog.json"
    code, _, err = run("convert", LEGACY, "--to", "json", "-o", str(out), "--dry-run",
                       "--report", str(tmp_path / "r.json"), "--report-html", str(tmp_path / "r.html"))
    assert code == 0, err
    assert snapshot(tmp_path) == before
    assert f"  {tmp_path / 'r.html'}" in err.splitlines()
    assert "a real run would write 3 new, 0 changed files" in err.splitlines()[-1]


def test_images_are_counted_not_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fetch(*args: object, **kwargs: object) -> None:
        raise AssertionError("a dry run fetched images")

    monkeypatch.setattr("importer.web.download.download_images", no_fetch)
    before = snapshot(tmp_path)
    images = tmp_path / "images"
    code, _, err = run("convert", LEGACY, "--to", "hugo", "-o", str(tmp_path / "site"),
                       "--download-images", str(images), "--dry-run")
    assert code == 0, err
    assert snapshot(tmp_path) == before
    # the fixture shows one image on Blogger's hosts, linked and shown (two references)
    assert (f"images: 1 would be downloaded into {images} (0 already there; none fetched now)"
            in err.splitlines())


def test_fail_on_gives_the_exit_code_of_a_real_run(tmp_path: Path) -> None:
    before = snapshot(tmp_path)
    out = str(tmp_path / "site")
    dry, _, _ = run("convert", LEGACY, "--to", "hugo", "-o", out, "--fail-on", "warning", "--dry-run")
    assert snapshot(tmp_path) == before
    real, _, _ = run("convert", LEGACY, "--to", "hugo", "-o", out, "--fail-on", "warning")
    assert dry == real == 3


def test_nothing_is_left_beside_the_output_even_when_its_parent_exists(tmp_path: Path) -> None:
    out = tmp_path / "site"
    run("convert", LEGACY, "--to", "hugo", "-o", str(out))
    os.utime(tmp_path, ns=(1, 1))  # a lock file made and removed would change this mtime
    before = snapshot(tmp_path)
    parent = tmp_path.stat().st_mtime_ns
    code, _, err = run("convert", LEGACY, "--to", "hugo", "-o", str(out), "--dry-run")
    assert code == 0, err
    assert snapshot(tmp_path) == before
    assert tmp_path.stat().st_mtime_ns == parent


def test_a_killed_runs_leftovers_are_left_for_the_real_run(tmp_path: Path) -> None:
    from importer.io.tree import STAGING, fresh_staging

    out = tmp_path / "site"
    run("convert", LEGACY, "--to", "hugo", "-o", str(out))
    for staging in (fresh_staging(out), out / STAGING):  # a real run's preflight removes these
        staging.mkdir()
        (staging / "half.md").write_text("half\n", encoding="utf-8")
    before = snapshot(tmp_path)
    code, _, err = run("convert", LEGACY, "--to", "hugo", "-o", str(out), "--dry-run")
    assert code == 0, err
    assert snapshot(tmp_path) == before
    assert "change nothing" in err.splitlines()[-1]


def test_quiet_gives_the_counts_without_paths(tmp_path: Path) -> None:
    out = tmp_path / "site"
    code, _, err = run("convert", LEGACY, "--to", "hugo", "-o", str(out), "--dry-run", "--quiet")
    assert code == 0, err
    assert "new: 10 files" in err.splitlines()
    assert str(out / "content") not in err
    assert err.splitlines()[-1].startswith("dry run: nothing was written")


def test_stdout_gets_nothing(tmp_path: Path) -> None:
    import importer

    before = snapshot(tmp_path)
    code, stdout, err = run("convert", LEGACY, "--to", "json", "-o", "-", "--dry-run")
    assert (code, stdout) == (0, "")
    assert err.splitlines()[-1] == ("dry run: nothing was written (a real run would print the "
                                    "output on stdout)")
    assert importer.convert(LEGACY, "-", to="json", dry_run=True).plan == WritePlan()
    assert snapshot(tmp_path) == before
