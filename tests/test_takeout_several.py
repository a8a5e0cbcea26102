"""Takeouts with several blogs, and Takeouts split over several zips.

Measured before: ``info`` on a Takeout with 3 blogs stopped with "choose one with --blog";
there was no way to convert them all in one run; a split Takeout (``…-001.zip``, ``…-002.zip``)
was read part by part (a part without the feed: "no Takeout blog feed"; a folder of parts: not
recognised at all).
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BLOG_FI

from importer.cli import main
from importer.diagnostics import Diagnostics
from importer.readers import read

FI_BLOG = BLOG_FI / "takeout" / "Takeout" / "Blogger" / "Blogs" / "Sosmedia ja muuta"
TAG = "tag:blogger.com,1999:blog-42"


def _feed(*post_ids: str) -> str:
    entries = "".join(
        f"<entry><id>{TAG}.post-{pid}</id><blogger:type>POST</blogger:type><blogger:status>LIVE"
        f"</blogger:status><title>Kirjoitus {pid}</title><content type='html'>x</content>"
        f"<published>2011-0{pid}-01T10:00:00Z</published></entry>" for pid in post_ids)
    return ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom' "
            f"xmlns:blogger='http://schemas.google.com/blogger/2018'><id>{TAG}</id>{entries}</feed>")


def _three_blogs(root: Path) -> Path:
    blogs = root / "Takeout" / "Blogger" / "Blogs"
    shutil.copytree(FI_BLOG, blogs / "Sosmedia ja muuta")
    for folder, title, posts in (("Toinen", "Toinen blogi", ("1",)), ("Kolmas", "Kolmas", ("1", "2"))):
        (blogs / folder).mkdir()
        (blogs / folder / "feed.atom").write_text(_feed(*posts), encoding="utf-8")
        (blogs / folder / "settings.csv").write_text(f"blog_name,blog_time_zone\n{title},UTC\n",
                                                     encoding="utf-8")
    return root


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_info_lists_every_blog_with_its_counts(tmp_path: Path) -> None:
    code, out, err = _run("info", str(_three_blogs(tmp_path)))
    assert code == 0 and "blogs-several" not in err  # every blog is listed
    assert "blogs:     3 (--blog NAME shows one; convert --blog all writes each)" in out
    assert "  Kolmas: 2 posts, 0 pages, 0 drafts, 0 comments; 2011-01-01 .. 2011-02-01" in out
    assert "  Sosmedia ja muuta: 6 posts, 1 page, 1 draft, 5 comments; 2010-01-02 .. 2010-06-12" in out
    assert "  Toinen blogi: 1 post, 0 pages, 0 drafts, 0 comments; 2011-01-01 .. 2011-01-01" in out
    code, out, _ = _run("info", str(tmp_path), "--json")
    assert [blog["blog"]["title"] for blog in json.loads(out)["blogs"]] == [
        "Kolmas", "Sosmedia ja muuta", "Toinen blogi"]


def test_convert_blog_all_writes_each_blog_into_its_own_folder(tmp_path: Path) -> None:
    code, _, err = _run("convert", str(_three_blogs(tmp_path / "in")), "--blog", "all", "--to", "hugo",
                        "-o", str(tmp_path / "sites"))
    assert code == 0, err
    sites = tmp_path / "sites"
    assert sorted(p.name for p in sites.iterdir()) == ["kolmas", "sosmedia-ja-muuta", "toinen-blogi"]
    assert len(list((sites / "kolmas" / "content" / "posts").glob("*.md"))) == 2
    assert (sites / "sosmedia-ja-muuta" / "content" / "tietoa-minusta.md").is_file()
    assert f"== Toinen blogi -> {sites / 'toinen-blogi'}" in err.splitlines()
    assert err.count("entries: ") == 3
    # every blog was asked for: none is "also held" by the input (it was said once per blog)
    assert "blogs-several" not in err


def test_convert_blog_all_to_one_file_each(tmp_path: Path) -> None:
    code, _, err = _run("convert", str(_three_blogs(tmp_path / "in")), "--blog", "all", "--to", "json",
                        "-o", str(tmp_path / "blog.json"))
    assert code == 0, err
    written = sorted(p.name for p in tmp_path.glob("blog-*.json"))
    assert written == ["blog-kolmas.json", "blog-sosmedia-ja-muuta.json", "blog-toinen-blogi.json"]
    assert len(json.loads((tmp_path / "blog-kolmas.json").read_text("utf-8"))["posts"]) == 2


def test_blog_all_needs_a_takeout(tmp_path: Path) -> None:
    code, _, err = _run("convert", str(BLOG_FI / "legacy.xml"), "--blog", "all", "--to", "json",
                        "-o", str(tmp_path / "x.json"))
    assert code == 2 and "--blog 'all'" in err


def _split(tmp_path: Path) -> Path:
    """A Takeout of two blogs in two zips: part 2 holds a feed whose settings.csv is in part 1."""
    parts = tmp_path / "lataukset"
    parts.mkdir()
    base = "Takeout/Blogger/Blogs"
    with zipfile.ZipFile(parts / "takeout-20240101T000000Z-001.zip", "w") as first:
        first.write(FI_BLOG / "feed.atom", f"{base}/Sosmedia ja muuta/feed.atom")
        first.write(FI_BLOG / "settings.csv", f"{base}/Sosmedia ja muuta/settings.csv")
        first.writestr(f"{base}/Toinen/settings.csv", "blog_name,blog_time_zone\nToinen blogi,Asia/Tokyo\n")
    with zipfile.ZipFile(parts / "takeout-20240101T000000Z-002.zip", "w") as second:
        second.writestr(f"{base}/Toinen/feed.atom", _feed("1"))
        second.writestr("Takeout/Blogger/Albums/kuva.jpg", b"\xff\xd8")
    return parts


@pytest.mark.parametrize("given", ["first part", "second part", "folder"])
def test_a_split_takeout_reads_as_one(tmp_path: Path, given: str) -> None:
    parts = _split(tmp_path)
    path = {"first part": parts / "takeout-20240101T000000Z-001.zip",
            "second part": parts / "takeout-20240101T000000Z-002.zip", "folder": parts}[given]
    archive = read(path, options=_blog("Toinen blogi"), diagnostics=Diagnostics())
    [post] = archive.posts
    assert archive.blog.title == "Toinen blogi"
    assert archive.blog.timezone == "Asia/Tokyo"  # from settings.csv in the other part
    assert post.published.isoformat() == "2011-01-01T19:00:00+09:00"
    code, out, _ = _run("info", str(path))
    assert code == 0 and "blogs:     2" in out


def _blog(name: str):
    from importer.options import ReadOptions

    return ReadOptions(blog=name)


def test_info_blog_all_lists_them_too(tmp_path: Path) -> None:
    code, out, _ = _run("info", str(_three_blogs(tmp_path)), "--blog", "all")
    assert code == 0 and "blogs:     3" in out
