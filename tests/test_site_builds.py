"""The converted fixture blog built by the real generators, checked page by page.

Hugo (Debian's ``hugo``) and Pelican (PyPI, with ``markdown`` and the ``pelican-alias`` plugin) build
the output of ``importer.convert`` in a minimal site written here; every published post must become
a page at its slug with its date (own offset) and tags, every old Blogger path a redirect page to
it, the draft must not be published, and every link inside the built pages must land on a built
file (and its ``#fragment`` on an element id). Jekyll and Zola are not installable here: their
front matter is parsed back (``yaml.safe_load`` / ``tomllib``) and checked for exact types and values.

A missing generator skips its test on a developer machine and FAILS it in CI (``CI=true``).
"""

from __future__ import annotations

import html
import importlib.util
import re
import shutil
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import tomllib
import yaml
from conftest import BLOG_FI
from sites import require as _require
from sites import run as _run

import importer


class Entry(NamedTuple):
    slug: str
    date: str
    tags: list[str]
    alias: str
    title: str


POSTS = [
    Entry("orkut-projekti-ja-sosmediamarkkinointi", "2010-06-10T14:35:00+03:00",
          ["sosiaalinen media", "Orkut", "Markkinointi"],
          "/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html", "Orkut – projekti ja sosmediamarkkinointi"),
    Entry("kesakuun-kuulumiset-ensimmaiset", "2010-06-10T09:05:00+03:00", ["Orkut", "Koodi"],
          "/2010/06/kesakuun-kuulumiset-ensimmaiset.html", "Kesäkuun kuulumiset: ensimmäiset kokemukset"),
    # untitled on Blogger: every flavor shows them by their date in the blog's language (fi)
    Entry("blog-post-2010-05", "2010-05-20T21:47:00+03:00", [], "/2010/05/blog-post.html", "20.5.2010"),
    Entry("blog-post", "2010-03-28T10:15:00+03:00", ["arki"], "/2010/03/blog-post.html", "28.3.2010"),
    Entry("koodia-merkkeja", "2010-01-15T08:00:00+02:00", ["Koodi"], "/2010/01/koodia-merkkeja.html",
          "Koodia & merkkejä: {{ aaltosulkeet }}"),
]
PAGE = Entry("tietoa-minusta", "2010-01-02T12:00:00+02:00", [], "/p/tietoa-minusta.html", "Tietoa minusta")
DRAFT = Entry("keskenerainen-luonnos", "2010-06-12T20:00:00+03:00", ["luonnos"], "", "Keskeneräinen luonnos")
COMMENTS = {"orkut-projekti-ja-sosmediamarkkinointi": 2, "blog-post-2010-05": 1}


def _convert(flavor: str, site: Path) -> None:
    importer.convert(BLOG_FI / "legacy.xml", site, to=flavor)


# --- what a built page says ----------------------------------------------------------------------

class Built(NamedTuple):
    title: str
    date: str
    tags: list[str]
    comments: str


def _page(path: Path) -> Built:
    """Read back the minimal templates' markers (see the layouts written below)."""
    text = path.read_text(encoding="utf-8")
    title = re.search(r"<h1>(.*?)</h1>", text, re.S)
    date = re.search(r'<time datetime="([^"]*)"', text)
    tags = re.search(r'<ul class="tags">(.*?)</ul>', text, re.S)
    comments = re.search(r'<p class="comments">(.*?)</p>', text, re.S)
    assert title and date and tags, text
    return Built(html.unescape(title.group(1)), html.unescape(date.group(1)),
                 [html.unescape(t) for t in re.findall(r"<li>(.*?)</li>", tags.group(1))],
                 comments.group(1).strip() if comments else "")


def _redirect_target(path: Path) -> str:
    """Where a redirect page sends the browser (the URL path of its meta refresh)."""
    match = re.search(r'http-equiv="refresh" content="0; ?url=([^"]+)"', path.read_text(encoding="utf-8"))
    assert match, path.read_text(encoding="utf-8")
    return re.sub(r"^https?://[^/]+", "", match.group(1))


def _file_for(public: Path, url_path: str) -> Path:
    target = public / url_path.lstrip("/")
    return target / "index.html" if url_path.endswith("/") else target


def _check_internal_links(public: Path) -> int:
    """Every site-relative link in every built page lands on a built file, fragments on an id."""
    checked = 0
    for page in public.rglob("*.html"):
        for href in re.findall(r'href="(/[^"]*)"', page.read_text(encoding="utf-8")):
            path, _, fragment = html.unescape(href).partition("#")
            target = _file_for(public, path)
            assert target.is_file(), f"{page}: link {href} has no page"
            if fragment:
                assert f'id="{fragment}"' in target.read_text(encoding="utf-8"), f"{page}: {href}"
            checked += 1
    return checked


# --- Hugo ----------------------------------------------------------------------------------------

HUGO_CONFIG = """\
baseURL = "https://example.org/"
languageCode = "fi"
title = "Sosmedia ja muuta"
timeZone = "Europe/Helsinki"
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]

# from SITE-NOTES.md: the output keeps a YouTube iframe as raw HTML
[markup.goldmark.renderer]
unsafe = true
"""
HUGO_SINGLE = """\
<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
<h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}"></time>
<ul class="tags">{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul>
{{ with index .Site.Data.comments .Slug }}<p class="comments">{{ .count }}</p>{{ end }}
<main>{{ .Content }}</main>
</body></html>
"""
HUGO_LIST = """\
<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</body></html>
"""


@pytest.fixture(scope="module")
def hugo_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The fixture blog converted to Hugo and built; (public folder, build log)."""
    hugo = shutil.which("hugo")
    _require("hugo", hugo is not None, "apt-get install -y hugo")
    assert hugo is not None
    site = tmp_path_factory.mktemp("hugo") / "site"
    _convert("hugo", site)
    assert "unsafe = true" in (site / "SITE-NOTES.md").read_text(encoding="utf-8")
    (site / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    layouts = site / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (layouts / "list.html").write_text(HUGO_LIST, encoding="utf-8")
    log = _run([hugo, "--destination", "public", "--cleanDestinationDir"], site)
    return site / "public", log


def test_hugo_builds_without_warnings(hugo_site: tuple[Path, str]) -> None:
    _, log = hugo_site
    assert "WARN" not in log and "ERROR" not in log, log


@pytest.mark.parametrize("entry", POSTS, ids=[e.slug for e in POSTS])
def test_hugo_post_page_and_alias(hugo_site: tuple[Path, str], entry: Entry) -> None:
    public, _ = hugo_site
    page = public / "posts" / entry.slug / "index.html"
    assert page.is_file()
    assert _page(page) == Built(entry.title, entry.date, entry.tags, str(COMMENTS.get(entry.slug, "")))
    assert _redirect_target(public / entry.alias.lstrip("/")) == f"/posts/{entry.slug}/"


def test_hugo_page_draft_and_links(hugo_site: tuple[Path, str]) -> None:
    public, _ = hugo_site
    assert _page(public / PAGE.slug / "index.html") == Built(PAGE.title, PAGE.date, [], "")
    about = (public / PAGE.slug / "index.html").read_text(encoding="utf-8")
    assert '<h3 id="yhteystiedot">Yhteystiedot</h3>' in about  # the {#id} attribute, read
    assert _redirect_target(public / PAGE.alias.lstrip("/")) == f"/{PAGE.slug}/"
    assert not (public / "posts" / DRAFT.slug).exists()
    assert not list(public.rglob(f"*{DRAFT.slug}*"))
    assert not (public / "tags" / "luonnos").exists()  # the draft's only tag
    body = (public / "posts" / "kesakuun-kuulumiset-ensimmaiset" / "index.html").read_text(encoding="utf-8")
    assert '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ"' in body
    assert "raw HTML omitted" not in body
    code = (public / "posts" / "koodia-merkkeja" / "index.html").read_text(encoding="utf-8")
    assert "{{ muuttuja }}" in code and "{% if x %}" in code and "a &lt; b" in code
    assert _check_internal_links(public) >= 4


# --- Pelican -------------------------------------------------------------------------------------

PELICAN_CONFIG = """\
SITENAME = "Sosmedia ja muuta"
SITEURL = ""
PATH = "content"
TIMEZONE = "Europe/Helsinki"
DEFAULT_LANG = "fi"
THEME = "theme"
PLUGINS = ["pelican_alias"]  # from SITE-NOTES.md: serves the old Blogger paths (Alias:)
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = False
"""
PELICAN_ITEM = """\
<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ ITEM.title }}</title></head><body>
<h1>{{ ITEM.title }}</h1>
<time datetime="{{ ITEM.date.isoformat() }}"></time>
<ul class="tags">{% for tag in ITEM.tags or [] %}<li>{{ tag.name }}</li>{% endfor %}</ul>
<div class="summary">{{ ITEM.summary }}</div>
<main>{{ ITEM.content }}</main>
</body></html>
"""
PELICAN_LIST = """\
<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ SITENAME }}</title></head><body>
<ul>{% for article in articles or [] %}
<li><a href="/{{ article.url }}">{{ article.title }}</a></li>{% endfor %}</ul>
</body></html>
"""
PELICAN_LISTS = ("index", "archives", "tags", "categories", "authors", "tag", "category", "author",
                 "period_archives")


@pytest.fixture(scope="module")
def pelican_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The fixture blog converted to Pelican and built; (output folder, build log)."""
    for module, install in (("pelican", "pip install pelican"),
                            ("markdown", "pip install 'pelican[markdown]'"),
                            ("pelican_alias", "pip install pelican-alias")):
        _require(module, importlib.util.find_spec(module) is not None, install)
    site = tmp_path_factory.mktemp("pelican") / "site"
    _convert("pelican", site)
    assert 'PLUGINS = ["pelican_alias"]' in (site / "SITE-NOTES.md").read_text(encoding="utf-8")
    (site / "pelicanconf.py").write_text(PELICAN_CONFIG, encoding="utf-8")
    templates = site / "theme" / "templates"
    templates.mkdir(parents=True)
    for name in ("article", "page"):
        (templates / f"{name}.html").write_text(PELICAN_ITEM.replace("ITEM", name), encoding="utf-8")
    for name in PELICAN_LISTS:
        (templates / f"{name}.html").write_text(PELICAN_LIST, encoding="utf-8")
    log = _run([sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output"], site)
    return site / "output", log


def test_pelican_counts(pelican_site: tuple[Path, str]) -> None:
    _, log = pelican_site
    flat = " ".join(log.split())
    assert "Processed 5 articles, 1 draft, 0 hidden articles, 1 page" in flat, log
    assert "ERROR" not in log and "CRITICAL" not in log, log


@pytest.mark.parametrize("entry", POSTS, ids=[e.slug for e in POSTS])
def test_pelican_post_page_and_alias(pelican_site: tuple[Path, str], entry: Entry) -> None:
    output, _ = pelican_site
    built = _page(output / f"{entry.slug}.html")
    assert built == Built(entry.title, entry.date, entry.tags, "")
    assert _redirect_target(output / entry.alias.lstrip("/")) == f"/{entry.slug}.html"


def test_pelican_page_draft_summary_and_links(pelican_site: tuple[Path, str]) -> None:
    output, _ = pelican_site
    assert _page(output / "pages" / f"{PAGE.slug}.html") == Built(PAGE.title, PAGE.date, [], "")
    about = (output / "pages" / f"{PAGE.slug}.html").read_text(encoding="utf-8")
    assert '<h3 id="yhteystiedot">Yhteystiedot</h3>' in about  # Pelican makes no ids itself
    assert _redirect_target(output / PAGE.alias.lstrip("/")) == f"/pages/{PAGE.slug}.html"
    assert not (output / f"{DRAFT.slug}.html").exists()  # Pelican writes drafts/ only
    assert not (output / "tag" / "luonnos.html").exists()
    p1 = (output / f"{POSTS[0].slug}.html").read_text(encoding="utf-8")
    summary = re.search(r'<div class="summary">(.*?)</div>', p1, re.S)
    assert summary and summary.group(1).startswith("<p>Mitä opin? Orkut - projektin oppi")
    assert summary.group(1).rstrip().endswith("törmäilyvaiheessa.</p>")  # the text before the jump break
    assert _check_internal_links(output) >= 4


# --- Jekyll and Zola: front matter parsed back ---------------------------------------------------

def _front(text: str, fence: str) -> dict[str, Any]:
    assert text.startswith(fence + "\n")
    block = text.split(fence + "\n")[1]
    loaded = tomllib.loads(block) if fence == "+++" else yaml.safe_load(block)
    assert isinstance(loaded, dict)
    return loaded


def _date(value: Any, expected: str) -> None:
    assert isinstance(value, datetime), type(value)
    assert value.isoformat() == expected


def test_jekyll_front_matter_parsed_back(tmp_path: Path) -> None:
    _convert("jekyll", tmp_path)
    for entry in [*POSTS, DRAFT]:
        path = tmp_path / "_posts" / f"{entry.date[:10]}-{entry.slug}.md"  # the date in Helsinki time
        front = _front(path.read_text(encoding="utf-8"), "---")
        assert front["layout"] == "post"
        assert front["title"] == entry.title and isinstance(front["title"], str)
        _date(front["date"], entry.date)
        assert front["slug"] == entry.slug
        assert front["tags"] == entry.tags
        assert front.get("redirect_from") == ([entry.alias] if entry.alias else None)
        assert front.get("published", True) is (entry is not DRAFT)
        assert front.get("render_with_liquid", True) is (entry.slug != "koodia-merkkeja")
        assert isinstance(front["last_modified_at"], datetime)
    page = _front((tmp_path / f"{PAGE.slug}.md").read_text(encoding="utf-8"), "---")
    assert page["layout"] == "page" and page["redirect_from"] == [PAGE.alias]
    _date(page["date"], PAGE.date)
    p1 = _front((tmp_path / "_posts" / f"2010-06-10-{POSTS[0].slug}.md").read_text(encoding="utf-8"), "---")
    assert p1["excerpt_separator"] == "<!--more-->"
    assert sorted(p.name for p in (tmp_path / "_data" / "comments").iterdir()) == [
        f"{slug}.json" for slug in sorted(COMMENTS)]


def test_zola_front_matter_parsed_back(tmp_path: Path) -> None:
    _convert("zola", tmp_path)
    for entry in [*POSTS, DRAFT]:
        path = tmp_path / "content" / "posts" / f"{entry.slug}.md"
        front = _front(path.read_text(encoding="utf-8"), "+++")
        assert front["title"] == entry.title
        _date(front["date"], entry.date)
        assert isinstance(front["updated"], datetime)
        assert front["draft"] is (entry is DRAFT)
        assert front["slug"] == entry.slug
        assert front["taxonomies"] == {"tags": entry.tags}
        assert "tags" not in front  # top-level tags are ignored by Zola
        assert front.get("aliases") == ([entry.alias] if entry.alias else None)
        assert front["extra"] == {"author": "Pirjo Esimerkki"}
    page = _front((tmp_path / "content" / f"{PAGE.slug}.md").read_text(encoding="utf-8"), "+++")
    assert page["aliases"] == [PAGE.alias] and page["draft"] is False
    section = _front((tmp_path / "content" / "posts" / "_index.md").read_text(encoding="utf-8"), "+++")
    assert section == {"title": "Sosmedia ja muuta", "sort_by": "date"}
    notes = (tmp_path / "SITE-NOTES.md").read_text(encoding="utf-8")
    assert tomllib.loads(notes.split("```toml\n")[1].split("```")[0]) == {
        "taxonomies": [{"name": "tags", "feed": True}]}
