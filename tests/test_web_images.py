"""Image inventory: Google hosts, originals of every size variant, local references after download."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from web_blog import P2, fixture_archive, web_with_plan

from importer.diagnostics import Diagnostics
from importer.model import Archive
from importer.web import WebOptions
from importer.web.images import file_name, image_inventory, is_google_image, original_url
from importer.writers import get_writer

IMG = "https://1.bp.blogspot.com/-AbCdEfGhIjK/TBCdEfGhIjI/AAAAAAAAABc/XyZ123"


@pytest.mark.parametrize(("url", "original"), [
    (f"{IMG}/s320/orkut.jpg", f"{IMG}/s1600/orkut.jpg"),
    (f"{IMG}/s72-c/orkut.jpg", f"{IMG}/s1600/orkut.jpg"),
    (f"{IMG}/w640-h480/orkut.jpg", f"{IMG}/s1600/orkut.jpg"),
    (f"{IMG}/s1600-h/orkut.jpg", f"{IMG}/s1600/orkut.jpg"),
    ("https://blogger.googleusercontent.com/img/a/AVvXsEj=w640-h480", "https://blogger.googleusercontent.com/img/a/AVvXsEj=s0"),
    ("https://lh3.googleusercontent.com/abc=s1600", "https://lh3.googleusercontent.com/abc=s0"),
    ("http://lh5.ggpht.com/_u/S/A/B/s400/a.png", "http://lh5.ggpht.com/_u/S/A/B/s1600/a.png"),
    ("https://blogger.googleusercontent.com/img/b/R29v/AVvX/s320/kuva.png",
     "https://blogger.googleusercontent.com/img/b/R29v/AVvX/s1600/kuva.png"),
])
def test_original_of_each_size_variant(url: str, original: str) -> None:
    assert original_url(url) == original


@pytest.mark.parametrize(("url", "google"), [
    (f"{IMG}/s320/orkut.jpg", True), ("https://blogger.googleusercontent.com/img/b/x", True),
    ("https://lh6.googleusercontent.com/x", True), ("http://lh4.ggpht.com/x", True),
    ("https://www.youtube.com/embed/x", False), ("https://evilbp.blogspot.com.example/x", False),
])
def test_google_hosts(url: str, google: bool) -> None:
    assert is_google_image(url) is google


def test_inventory_of_the_fixture_blog_collapses_link_and_thumbnail() -> None:
    inventory = image_inventory(fixture_archive())
    assert inventory.originals() == [f"{IMG}/s1600/orkut.jpg"]
    entry = inventory.images[f"{IMG}/s1600/orkut.jpg"]
    assert entry.variants == {f"{IMG}/s1600/orkut.jpg", f"{IMG}/s320/orkut.jpg"} and entry.posts == [P2]
    assert file_name(f"{IMG}/s1600/orkut.jpg") == ORKUT
    assert file_name("https://blogger.googleusercontent.com/img/a/AVvXsEj=s0") != \
        file_name("https://blogger.googleusercontent.com/img/a/AVvXsEk=s0")


#: The local name of the fixture's image, worked out by hand (not with ``file_name``): the readable
#: part of the URL's file name, then the first 8 hex digits of the SHA-256 of the original's URL
#: (``hashlib.sha256(f"{IMG}/s1600/orkut.jpg".encode()).hexdigest()[:8] == "c8f5030c"``).
ORKUT = "orkut-c8f5030c.jpg"


def _seeded(tmp_path: Path) -> Path:
    """A download folder whose cache already holds the fixture image (no network needed)."""
    dest = tmp_path / "images"
    dest.mkdir()
    (dest / ORKUT).write_bytes(b"jpeg")
    index = {"tool": "blogimport", "images": {f"{IMG}/s1600/orkut.jpg": {"file": ORKUT}}}
    (dest / ".blogimport-images.json").write_text(json.dumps(index), encoding="utf-8")
    return dest


@pytest.mark.parametrize(("flavor", "bundles", "where", "ref"), [
    ("hugo", True, "content/posts/kesakuun-kuulumiset-ensimmaiset/", ""),
    ("hugo", False, "static/images/", "/images/"),
    ("jekyll", False, "assets/images/", "/assets/images/"),
    ("pelican", False, "content/images/", "/images/"),
    ("zola", False, "static/images/", "/images/"),
    ("eleventy", False, "images/", "/images/"),  # copied by the passthrough copy of SITE-NOTES.md
    ("astro", False, "public/images/", "/images/"),
    ("hexo", False, "source/images/", "/images/"),
    ("mkdocs", False, "docs/images/", "/images/"),
])
def test_references_point_at_local_copies(tmp_path: Path, flavor: str, bundles: bool, where: str,
                                          ref: str) -> None:
    dest = _seeded(tmp_path)
    spec = get_writer(flavor)
    options = spec.make_options(bundles=True) if bundles else spec.make_options()
    result = web_with_plan(fixture_archive(), spec, options, WebOptions(download_images=str(dest)),
                       Diagnostics(), output=tmp_path / "site")
    body = next(p for p in result.archive.posts if p.id == P2).content_html
    assert f'src="{ref}{ORKUT}"' in body and f'href="{ref}{ORKUT}"' in body and "bp.blogspot" not in body
    assert [f.path for f in result.files] == [where + ORKUT]
    assert result.files[0].data == b"jpeg" and result.report.images_remote == []


def test_json_gets_relative_references_and_the_inventory(tmp_path: Path) -> None:
    dest = _seeded(tmp_path)
    spec = get_writer("json")
    web = WebOptions(download_images=str(dest))
    result = web_with_plan(fixture_archive(), spec, spec.make_options(), web, Diagnostics(),
                           output=tmp_path / "blog.json")
    body = next(p for p in result.archive.posts if p.id == P2).content_html
    assert ('<a href="images/orkut-c8f5030c.jpg" imageanchor="1" style="margin-left: 1em; margin-right: '
            '1em;"><img border="0" height="240" src="images/orkut-c8f5030c.jpg" width="320" /></a>') in body
    (inventory,) = result.files
    assert inventory.path == "images.json"
    assert json.loads(inventory.data) == {"images": [{
        "original": f"{IMG}/s1600/orkut.jpg",
        "file": "orkut-c8f5030c.jpg",
        "variants": [f"{IMG}/s1600/orkut.jpg", f"{IMG}/s320/orkut.jpg"],
        "posts": ["7000000000000000002"],
        "local_file": "orkut-c8f5030c.jpg",
        "failed": None,
    }]}


def test_failed_image_keeps_its_remote_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")                 # refused at once: no network
    monkeypatch.setenv("https_proxy", "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    archive = fixture_archive()
    spec = get_writer("hugo")
    diagnostics = Diagnostics()
    web = WebOptions(download_images=str(tmp_path / "img"), image_retries=0, image_timeout=2)
    result = web_with_plan(archive, spec, spec.make_options(), web, diagnostics, output=tmp_path / "site")
    body = next(p for p in result.archive.posts if p.id == P2).content_html
    assert f"{IMG}/s320/orkut.jpg" in body and "image-failed" in diagnostics.codes()
    assert list(result.report.images_failed) == [f"{IMG}/s1600/orkut.jpg"]
    assert any("image failed" in line for line in result.report.summary_lines())
    assert replace(archive) == archive and isinstance(result.archive, Archive)
