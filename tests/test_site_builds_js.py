"""The converted fixture blog built by Eleventy, Astro, Hexo and Material for MkDocs, read back page by page.

The JavaScript generators are pinned in ``tests/sites/package-lock.json`` (``npm ci`` there, as
``.ci/run`` does); MkDocs, mkdocs-material and mkdocs-redirects come from PyPI. Each site is made
of ``importer.convert``'s output plus what its SITE-NOTES.md says to add (the code blocks are
taken from the notes themselves, so the notes are proved right) and a minimal template where the
notes leave the look to the user. Each site is built once per session. Checked for every flavor:
every published post at its URL with its title, date (the blog's offset), tags and summary; the
draft nowhere in the production build; every old Blogger path reaching its new page; links
between posts and to ``#fragments`` landing on built pages; Finnish text intact.

A missing generator skips these tests on a developer machine and FAILS them in CI (``CI=true``).
"""

from __future__ import annotations

import html
import importlib.util
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import BLOG_FI, ROOT
from sites import require
from test_site_builds import COMMENTS, DRAFT, PAGE, POSTS, Entry, _file_for

import importer

SITES = ROOT / "tests" / "sites"
BIN = SITES / "node_modules" / ".bin"
BUILD_TIMEOUT = 300
QUIET = {"ASTRO_TELEMETRY_DISABLED": "1", "DISABLE_MKDOCS_2_WARNING": "true", "NO_COLOR": "1",
         "FORCE_COLOR": "0", "TZ": "UTC"}  # UTC: a machine zone other than the blog's must not matter


class Site(NamedTuple):
    """A built site: where its pages are, its build log, and the URL of every entry."""

    out: Path
    log: str
    urls: dict[str, str]
    """slug -> site path the entry is served at."""


class Shown(NamedTuple):
    title: str
    date: str
    tags: list[str]
    summary: str
    comments: str


def _require_node(tool: str) -> Path:
    require("node", shutil.which("node") is not None, "Node.js 20.19 or newer")
    require(tool, (BIN / tool).exists(), "cd tests/sites && npm ci")
    return BIN / tool


def _run(command: list[str], cwd: Path) -> str:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=BUILD_TIMEOUT,
                            check=False, env={**os.environ, **QUIET}, stdin=subprocess.DEVNULL)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    return output


def _convert(flavor: str, site: Path) -> str:
    """Convert the fixture blog into ``site``; returns its SITE-NOTES.md."""
    importer.convert(BLOG_FI / "legacy.xml", site, to=flavor)
    return (site / "SITE-NOTES.md").read_text(encoding="utf-8")


def _blocks(notes: str) -> dict[str, str]:
    """``{file name: code}`` for each "Add `name`..." line of SITE-NOTES.md followed by a code block."""
    found = re.findall(r"^Add (?:to )?`([^`]+)`[^\n]*:\n\n```\w+\n(.*?)```", notes, re.S | re.M)
    return dict(found)


def _link_node_modules(site: Path) -> None:
    (site / "node_modules").symlink_to(SITES / "node_modules", target_is_directory=True)


def _tag_names(block: str) -> list[str]:
    return [html.unescape(t) for t in re.findall(r"<li>(.*?)</li>", block)]


def _shown(path: Path) -> Shown:
    """What the minimal templates below print: title, date, tags, summary, comment count."""
    text = path.read_text(encoding="utf-8")
    title = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)  # Eleventy's id plugin gives it an id
    date = re.search(r'<time datetime="([^"]*)"', text)
    tags = re.search(r'<ul class="tags">(.*?)</ul>', text, re.S)
    summary = re.search(r'<div class="summary">(.*?)</div>\s*(?:<p class|<main)', text, re.S)
    comments = re.search(r'<p class="comments">(.*?)</p>', text, re.S)
    assert title and date and tags, text
    return Shown(html.unescape(title.group(1)), date.group(1), _tag_names(tags.group(1)),
                 summary.group(1) if summary else "", comments.group(1).strip() if comments else "")


def _redirect_path(out: Path, old: str) -> str:
    """The site path the redirect page at ``old`` sends browsers to (relative targets resolved)."""
    page = _file_for(out, old)
    assert page.is_file(), f"no redirect page at {old}"
    match = re.search(r'http-equiv="refresh" content="0; ?url=([^"]+)"', page.read_text(encoding="utf-8"))
    assert match, page.read_text(encoding="utf-8")
    path = urlsplit(urljoin(f"https://example.org{old}", html.unescape(match.group(1)))).path
    return path.removesuffix("index.html")  # Hexo points at /slug/index.html: the same page


def _check_links(out: Path) -> int:
    """Every site-absolute link of every built page lands on a built file, its fragment on an id.

    Like ``test_site_builds._check_internal_links``, but a link to a folder (Material's ``/.``)
    means its ``index.html``.
    """
    checked = 0
    for page in out.rglob("*.html"):
        for href in re.findall(r'href="(/[^"]*)"', page.read_text(encoding="utf-8")):
            path, _, fragment = html.unescape(href).partition("#")
            target = out / posixpath.normpath(path).lstrip("/")
            target = target / "index.html" if target.is_dir() else target
            assert target.is_file(), f"{page}: link {href} has no page"
            if fragment:
                assert f'id="{fragment}"' in target.read_text(encoding="utf-8"), f"{page}: {href}"
            checked += 1
    return checked


def _no_draft_anywhere(out: Path, tag_url: str | None) -> None:
    assert not [p for p in out.rglob("*") if DRAFT.slug in p.as_posix()]
    for page in out.rglob("*.html"):
        assert DRAFT.title not in page.read_text(encoding="utf-8"), page
    if tag_url:
        assert not _file_for(out, tag_url.format(slug="luonnos")).exists()  # the draft's only tag


# --- the sites ----------------------------------------------------------------------------------

ELEVENTY_LAYOUT = """\
<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ title }}</title></head><body>
<h1>{{ title }}</h1>
<time datetime="{{ date | blogDate }}"></time>
<ul class="tags">{% for tag in tags %}{% if tag != "posts" %}<li>{{ tag }}</li>{% endif %}{% endfor %}</ul>
<div class="summary">{{ excerpt }}</div>
{% if comments[slug] %}<p class="comments">{{ comments[slug].count }}</p>{% endif %}
<main>{{ content | safe }}</main>
</body></html>
"""


def _eleventy(root: Path) -> Site:
    eleventy = _require_node("eleventy")
    site = root / "eleventy"
    blocks = _blocks(_convert("eleventy", site))
    (site / "eleventy.config.mjs").write_text(blocks["eleventy.config.mjs"], encoding="utf-8")
    (site / "_includes").mkdir()
    for name in ("post.njk", "page.njk"):
        (site / "_includes" / name).write_text(ELEVENTY_LAYOUT, encoding="utf-8")
    _link_node_modules(site)
    log = _run([str(eleventy), "--input=.", "--output=_site"], site)
    urls = {e.slug: f"/posts/{e.slug}/" for e in POSTS} | {PAGE.slug: f"/{PAGE.slug}/"}
    return Site(site / "_site", log, urls)


def _astro(root: Path) -> Site:
    astro = _require_node("astro")
    site = root / "astro"
    notes = _convert("astro", site)
    for name, code in _blocks(notes).items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(code, encoding="utf-8")
    (site / "package.json").write_text('{"name": "site", "private": true, "type": "module"}\n')
    # the caches live in the site, not in the shared node_modules (Astro keeps its content store there)
    (site / "astro.config.mjs").write_text(
        'export default { cacheDir: "./.astro-cache", vite: { cacheDir: "./.vite-cache" } };\n')
    _link_node_modules(site)
    log = _run([str(astro), "build"], site)
    urls = {e.slug: f"/blog/{e.slug}/" for e in POSTS} | {PAGE.slug: f"/{PAGE.slug}/"}
    return Site(site / "dist", log, urls)


HEXO_LAYOUT = """\
<!DOCTYPE html><html><head><meta charset="utf-8"><title><%= page.title %></title></head><body>
<h1><%= page.title %></h1>
<time datetime="<%= page.date.clone().tz('Europe/Helsinki').format() %>"></time>
<ul class="tags"><% (page.tags && page.tags.toArray ? page.tags.toArray() : []).forEach(function (tag) {
%><li><%= tag.name %></li><% }) %></ul>
<div class="summary"><%- page.excerpt %></div>
<% var thread = site.data['comments/' + page.slug];
if (thread) { %><p class="comments"><%= thread.count %></p><% } %>
<main><%- page.content %></main>
</body></html>
"""
HEXO_LIST = """\
<!DOCTYPE html><html><head><meta charset="utf-8"><title><%= config.title %></title></head><body>
<ul><% page.posts.each(function (post) { %>
<li><a href="<%- url_for(post.path) %>"><%= post.title %></a></li><% }) %></ul>
</body></html>
"""


def _hexo(root: Path) -> Site:
    hexo = _require_node("hexo")
    site = root / "hexo"
    notes = _convert("hexo", site)
    plugins = re.search(r"```sh\nnpm install ([^\n]*)\n```", notes)
    assert plugins, notes
    pinned = json.loads((SITES / "package.json").read_text(encoding="utf-8"))["dependencies"]
    # Hexo loads the plugins its site's package.json names: exactly the ones the notes tell to install
    dependencies = {name: pinned[name] for name in ["hexo", "hexo-renderer-ejs", *plugins.group(1).split()]}
    (site / "package.json").write_text(json.dumps(
        {"name": "site", "private": True, "hexo": {"version": pinned["hexo"]}, "dependencies": dependencies}))
    config = _blocks(notes)["_config.yml"]
    (site / "_config.yml").write_text("title: Sosmedia ja muuta\nlanguage: fi\nurl: https://example.org\n"
                                      "theme: minimal\n" + config, encoding="utf-8")
    layouts = site / "themes" / "minimal" / "layout"
    layouts.mkdir(parents=True)
    for name in ("post", "page"):
        (layouts / f"{name}.ejs").write_text(HEXO_LAYOUT, encoding="utf-8")
    (layouts / "index.ejs").write_text(HEXO_LIST, encoding="utf-8")
    _link_node_modules(site)
    log = _run([str(hexo), "generate"], site)
    # /:year/:month/:day/:slug/ with the date in the blog's zone, whatever the machine's zone
    urls = {e.slug: f"/{e.date[:10].replace('-', '/')}/{e.slug}/" for e in POSTS}
    urls[PAGE.slug] = f"/{PAGE.slug}/"
    return Site(site / "public", log, urls)


def _mkdocs(root: Path) -> Site:
    for module, install in (("mkdocs", "pip install mkdocs"), ("material", "pip install mkdocs-material"),
                            ("mkdocs_redirects", "pip install mkdocs-redirects")):
        require(module, importlib.util.find_spec(module) is not None, install)
    site = root / "mkdocs"
    config = _blocks(_convert("mkdocs", site))["mkdocs.yml"]
    (site / "mkdocs.yml").write_text("site_name: Sosmedia ja muuta\n" + config.replace(
        "  name: material\n", "  name: material\n  language: fi\n"), encoding="utf-8")
    (site / "docs" / "index.md").write_text("# Sosmedia ja muuta\n", encoding="utf-8")  # the home page
    log = _run([sys.executable, "-m", "mkdocs", "build"], site)
    urls = {e.slug: f"/blog/{e.slug}/" for e in POSTS} | {PAGE.slug: f"/{PAGE.slug}/"}
    return Site(site / "site", log, urls)


BUILDERS: dict[str, Callable[[Path], Site]] = {"eleventy": _eleventy, "astro": _astro, "hexo": _hexo,
                                               "mkdocs": _mkdocs}
FLAVORS = list(BUILDERS)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Site]:
    """``built(flavor)``: that flavor's site, converted and built once per session."""
    sites: dict[str, Site] = {}

    def get(flavor: str) -> Site:
        if flavor not in sites:
            sites[flavor] = BUILDERS[flavor](tmp_path_factory.mktemp(flavor))
        return sites[flavor]

    return get


def _shown_mkdocs(path: Path) -> Shown:
    """Material's own post page: the h1, the first ``<time>``, the category links."""
    text = path.read_text(encoding="utf-8")
    title = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)
    date = re.search(r'<time datetime="([^"]*)"', text)
    assert title and date, text
    tags = re.findall(r'<a href="[^"]*category/[^"]*">([^<]*)</a>', text)  # not the nav's class="..." links
    return Shown(html.unescape(re.sub(r"<[^>]+>", "", title.group(1))).strip(),
                 date.group(1).replace(" ", "T"), [html.unescape(t) for t in tags], "", "")


def _page_of(site: Site, slug: str) -> Path:
    page = _file_for(site.out, site.urls[slug])
    assert page.is_file(), f"{slug}: nothing at {site.urls[slug]}"
    return page


@pytest.mark.parametrize("flavor", FLAVORS)
def test_build_log_is_clean(built: Callable[[str], Site], flavor: str) -> None:
    log = built(flavor).log
    lines = [line for line in log.splitlines() if re.search(r"\b(warn|warning|error)\b", line, re.I)]
    if flavor == "mkdocs":  # its log lines, not Material's banner about MkDocs 2.0; mkdocs-redirects
        # warns on every .html key (SITE-NOTES.md says so)
        lines = [line for line in lines if re.match(r"(WARNING|ERROR)\s+-", line)
                 and "is not a valid markdown file" not in line]
    assert not lines, log


@pytest.mark.parametrize("entry", POSTS, ids=[e.slug for e in POSTS])
@pytest.mark.parametrize("flavor", FLAVORS)
def test_post_page_title_date_tags(built: Callable[[str], Site], flavor: str, entry: Entry) -> None:
    site = built(flavor)
    page = _page_of(site, entry.slug)
    shown = _shown_mkdocs(page) if flavor == "mkdocs" else _shown(page)
    if entry.title or flavor != "mkdocs":  # Material titles an untitled post with the site's name
        assert shown.title == entry.title
    assert shown.date == entry.date  # the blog's offset: +03:00 in summer, +02:00 in winter
    if flavor == "hexo":  # Hexo lists a post's tags in its own order
        assert sorted(shown.tags) == sorted(entry.tags)
    else:
        assert shown.tags == entry.tags
    if flavor != "mkdocs":  # MkDocs reads no data files (SITE-NOTES.md says so)
        assert shown.comments == str(COMMENTS.get(entry.slug, ""))


@pytest.mark.parametrize("flavor", FLAVORS)
def test_old_blogger_urls_reach_the_new_pages(built: Callable[[str], Site], flavor: str) -> None:
    site = built(flavor)
    seed = "/2010/06/orkut-projekti-ja-sosmediamarkkinointi.html"
    assert _redirect_path(site.out, seed) == site.urls["orkut-projekti-ja-sosmediamarkkinointi"]
    for entry in [*POSTS, PAGE]:
        target = _redirect_path(site.out, entry.alias)
        assert target == site.urls[entry.slug], entry.alias
        assert _file_for(site.out, target).is_file()


@pytest.mark.parametrize("flavor", FLAVORS)
def test_summary_ends_at_the_jump_break(built: Callable[[str], Site], flavor: str) -> None:
    site = built(flavor)
    if flavor == "mkdocs":  # Material's blog index shows each post up to <!-- more -->
        index = (site.out / "blog" / "index.html").read_text(encoding="utf-8")
        article = index.split("orkut-projekti-ja-sosmediamarkkinointi/")[1].split("</article>")[0]
        summary = article
    else:
        summary = _shown(_page_of(site, POSTS[0].slug)).summary
    assert "Orkut - projektin oppi on helposti tiivistettävissä." in html.unescape(summary)
    assert "törmäilyvaiheessa." in summary
    assert "Opitut asiat" not in summary  # the first words after the break
    assert "Opitut asiat" in _page_of(site, POSTS[0].slug).read_text(encoding="utf-8")


@pytest.mark.parametrize("flavor", FLAVORS)
def test_draft_is_not_in_the_production_build(built: Callable[[str], Site], flavor: str) -> None:
    tag_urls = {"hexo": "/tags/{slug}/", "mkdocs": "/blog/category/{slug}/"}
    _no_draft_anywhere(built(flavor).out, tag_urls.get(flavor))


@pytest.mark.parametrize("flavor", FLAVORS)
def test_links_between_posts_resolve(built: Callable[[str], Site], flavor: str) -> None:
    site = built(flavor)
    p2 = _page_of(site, "kesakuun-kuulumiset-ensimmaiset").read_text(encoding="utf-8")
    assert f'href="{site.urls["orkut-projekti-ja-sosmediamarkkinointi"]}"' in p2
    p3 = _page_of(site, "blog-post-2010-05").read_text(encoding="utf-8")
    assert f'href="{site.urls["blog-post"]}"' in p3  # P3 linked to P4 by its mobile URL
    p5 = _page_of(site, "koodia-merkkeja").read_text(encoding="utf-8")
    assert f'href="{site.urls[PAGE.slug]}#yhteystiedot"' in p5
    assert 'id="yhteystiedot"' in _page_of(site, PAGE.slug).read_text(encoding="utf-8")
    assert _check_links(site.out) >= 4  # every site-absolute link, fragments on an id


@pytest.mark.parametrize("flavor", FLAVORS)
def test_finnish_text_code_and_embeds_intact(built: Callable[[str], Site], flavor: str) -> None:
    site = built(flavor)
    p1 = html.unescape(_page_of(site, POSTS[0].slug).read_text(encoding="utf-8"))
    assert "Hömppää vai hyötyä?" in p1 and "Orkut – projekti ja sosmediamarkkinointi" in p1
    p2 = _page_of(site, "kesakuun-kuulumiset-ensimmaiset").read_text(encoding="utf-8")
    assert "Kesäkuun kuulumiset: ensimmäiset kokemukset" in p2
    assert 'src="https://www.youtube.com/embed/dQw4w9WgXcQ"' in p2  # raw HTML passed through
    p5 = _page_of(site, "koodia-merkkeja").read_text(encoding="utf-8")
    code = html.unescape(re.sub(r"<[^>]+>", "", p5))
    assert "{{ muuttuja }}" in code and "{% if x %}" in code and "if a < b: pass" in code
    assert "Koodia & merkkejä: {{ aaltosulkeet }}" in code  # the title, not run as a template
    about = html.unescape(_page_of(site, PAGE.slug).read_text(encoding="utf-8"))
    assert "Olen Pirjo, markkinoinnin opiskelija." in about


@pytest.mark.parametrize("flavor", ["hexo", "mkdocs"])
def test_tag_pages_at_the_urls_links_are_rewritten_to(built: Callable[[str], Site], flavor: str) -> None:
    from importer.writers.markdown.urls import TAG_URLS

    site = built(flavor)
    for tag in ("orkut", "koodi", "sosiaalinen-media", "markkinointi", "arki"):
        assert _file_for(site.out, TAG_URLS[flavor].format(slug=tag)).is_file(), tag
