"""Fidelity where readers see it: our Markdown built by the real Hugo (goldmark), page by page.

Every published post of the fixture blog, of every Blogger export in ``../shared/corpus/`` and every
fixture body in ``fixtures/html-bodies/`` is written by the Hugo writer into ONE site, built once,
and each page's visible text must equal its source's (whitespace folded), with no literal ``*``,
``_`` or ``#`` runs the source lacks and equal counts of links, images, embeds, tables, list items,
headings and code blocks (an element left out because it shows nothing must be reported as
``html-empty-dropped``). The site uses the two settings SITE-NOTES.md gives for a faithful copy
(typographer and linkify off); one test shows what Hugo's defaults change instead.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from built_pages import Written, bodies_archive, compare, main_html, write_posts
from conftest import BLOG_FI, CORPUS, FIXTURES, IN_CI
from sites import build_hugo, faithful_block, hugo
from visible import fold_typography, soup, visible_text

import importer

BODIES = sorted((FIXTURES / "html-bodies").glob("*.html"))
#: Every Blogger export of the shared corpus (corpus/INDEX.md), and WordPress's theme unit test, by
#: a short name.
CORPUS_EXPORTS = {
    "kriscargile": "legacy/kriscargile_blog-08-19-2012.xml",
    "gbc2008": "legacy/gbc_blogger-sample2_2008.xml",
    "triplog": "takeout/bhpayne_triplog",
    "dscpl": "html/en_dscpl_2010-06_simple-template_post.html",
    # WordPress: classic-editor text (paragraphs made as WordPress shows them), tables with
    # footers, addresses, and the block editor's markup
    "themeunit": "wxr/theme-test-data-themeunittestdata.wordpress.xml",
}
SOURCES = ["blog-fi", "bodies", *CORPUS_EXPORTS]


def _archive(source: str) -> importer.Archive:
    if source == "blog-fi":
        return importer.read(BLOG_FI / "legacy.xml")
    if source == "bodies":
        return bodies_archive(BODIES)
    return importer.read(CORPUS / CORPUS_EXPORTS[source])


@pytest.fixture(scope="module")
def hugo_built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[Written]]]:
    """One Hugo site holding every source's posts, built once: (public folder, posts by source)."""
    hugo()
    site = tmp_path_factory.mktemp("hugo-fidelity")
    written = {source: write_posts(site, source, _archive(source), "hugo")
               for source in SOURCES if source in ("blog-fi", "bodies") or CORPUS.is_dir()}
    notes = next(f for f in importer.write(_archive("bodies"), "hugo") if f.path == "SITE-NOTES.md")
    public, log = build_hugo(site, faithful_block(notes.data.decode("utf-8"), "toml"))
    assert "WARN" not in log and "ERROR" not in log, log
    return public, written


def _page(public: Path, post: Written) -> Path:
    return public / post.source / post.name / "index.html"


@pytest.mark.parametrize("source", SOURCES)
def test_every_published_post_reads_the_same_in_the_built_page(
        hugo_built: tuple[Path, dict[str, list[Written]]], source: str) -> None:
    public, written = hugo_built
    if source not in written:
        message = f"../shared/corpus is not present at {CORPUS}"
        pytest.fail(message) if IN_CI else pytest.skip(message)
    assert written[source], f"{source} has no published posts"
    problems = [p for post in written[source] for p in compare(post, main_html(_page(public, post)))]
    assert not problems, "\n".join(problems)


# --- one regression test per construct of real Blogger soup (issue: fidelity in the built site) ---

CONSTRUCTS = {
    "1-bold-around-trailing-break": "25-bold-trailing-break",
    "2-emphasis-wrapping-blocks": "26-emphasis-around-blocks",
    "3-nested-bold-across-blocks": "27-nested-bold-blocks",
    "4-adjacent-runs-and-punctuation": "28-adjacent-runs",
    "5-word-mso-styles-are-not-bold": "29-word-bold-styles",
    "6-bold-around-linked-image": "30-bold-linked-image",
    "7-heading-with-breaks": "31-heading-breaks",
    "8-typography-kept-as-typed": "32-typography",
    "empty-elements-and-code-class": "33-empty-and-code-class",
}


def _built_body(hugo_built: tuple[Path, dict[str, list[Written]]], stem: str) -> tuple[Written, Path]:
    public, written = hugo_built
    post = next(p for p in written["bodies"] if p.post.id == stem)
    return post, _page(public, post)


@pytest.mark.parametrize("stem", CONSTRUCTS.values(), ids=CONSTRUCTS.keys())
def test_construct_reads_the_same_with_the_same_emphasis(
        hugo_built: tuple[Path, dict[str, list[Written]]], stem: str) -> None:
    post, page = _built_body(hugo_built, stem)
    problems = compare(post, main_html(page), emphasis=True)
    assert not problems, "\n".join(problems)


def test_heading_lines_stay_lines(hugo_built: tuple[Path, dict[str, list[Written]]]) -> None:
    _, page = _built_body(hugo_built, "31-heading-breaks")
    html = page.read_text(encoding="utf-8")
    assert re.search(r"<h2[^>]*>Syysretki <br> Nuuksioon</h2>", html), html
    assert re.search(r"<h3[^>]*>Päivä 1 <br> Kävelyä</h3>", html), html
    assert re.search(r"<h3[^>]*>Päivä 2</h3>", html), html


def test_code_language_and_player_query_kept(hugo_built: tuple[Path, dict[str, list[Written]]]) -> None:
    post, page = _built_body(hugo_built, "33-empty-and-code-class")
    html = page.read_text(encoding="utf-8")
    assert 'class="language-python"' in html and 'class="language-ruby"' in html, html
    assert "embed/dQw4w9WgXcQ?feature=player_embedded" in html
    assert "html-empty-dropped" in post.codes


def test_hugo_defaults_change_the_text(tmp_path: Path) -> None:
    # Why SITE-NOTES.md gives the two lines: with Hugo's defaults the same post reads differently
    site = tmp_path / "site"
    (post,) = write_posts(site, "bodies", bodies_archive([FIXTURES / "html-bodies" / "32-typography.html"]),
                          "hugo")
    public, _ = build_hugo(site, "")
    built = main_html(public / "bodies" / post.name / "index.html")
    source_text = visible_text(soup(post.post.content_html))
    text = visible_text(built)
    assert text != source_text
    assert "\u201ctervetuloa\u201d" in text and "\u2018kiitos\u2019" in text  # curly quotes
    assert "10\u201312" in text and "edelleen\u2026" in text and "\u2014 sitten" in text  # dashes, ellipsis
    assert "25\u2019 + 5\u2019\u2019" in text  # minute marks became closing quotes
    assert fold_typography(text) == source_text  # the text itself can be folded back; the links below not
    links = [a["href"] for a in built.find_all("a")]
    assert links == ["mailto:kerho@example.org", "https://www.example.org", "https://example.org/sivu"]
