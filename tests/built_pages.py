"""Posts written by our Markdown writer into one generator site, built, and compared with the source.

``write_posts`` writes every published post of every source through ``importer.write`` (one post
at a time, so each file is known to be that post) as ``content/<source>/<nnn>.md``; after the
build, ``compare`` checks one post's page against its source body: the visible text, literal
Markdown markers, structure counts, and what differences a diagnostic explains.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bs4 import BeautifulSoup
from visible import counts, empty_elements, literal_markers, soup, styled_chars, visible_text

import importer
from importer.diagnostics import Diagnostics
from importer.model import POST_KINDS, Archive, Blog, Post

EMPTY_DIAGNOSTIC = "html-empty-dropped"
#: Sanitizing removes an embed from a host not on the allow-list and says so in ``script-removed``
#: ("Removed 1 iframe from maps.example.com from the post ...").
_EMBEDS_REMOVED = re.compile(r"(\d+) (?:iframe|object)s? from ")


@dataclass
class Written:
    """One post as written: where, its Markdown, and the writer's diagnostics for it."""

    source: str
    name: str
    post: Post
    markdown: str
    codes: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def bodies_archive(paths: list[Path]) -> Archive:
    """An archive with one published post per HTML body file (title and slug: its stem)."""
    start = datetime(2020, 1, 1, tzinfo=timezone.utc)
    posts = tuple(Post(id=p.stem, kind="post", status="published", title=p.stem, slug=p.stem, url=None,
                       published=start + timedelta(minutes=i), content_html=p.read_text(encoding="utf-8"))
                  for i, p in enumerate(paths))
    return Archive(blog=Blog(title="bodies", timezone="UTC"), posts=posts)


def write_posts(site: Path, source: str, archive: Archive, flavor: str) -> list[Written]:
    """Write each published post of ``archive`` as ``<content>/<source>/<nnn>.md``."""
    written: list[Written] = []
    for number, post in enumerate(p for p in archive.posts if p.is_public and p.kind in POST_KINDS):
        diagnostics = Diagnostics()
        files = importer.write(replace(archive, posts=(post,)), flavor, diagnostics=diagnostics)
        (markdown,) = [f for f in files if f.path.endswith(".md") and f.path != "SITE-NOTES.md"]
        name = f"{number:03d}"
        text = markdown.data.decode("utf-8")
        if flavor == "pelican":  # one folder per source; the slug names the output file
            text = re.sub(r"(?m)^Slug: .*$", f"Slug: {source}-{name}", text, count=1)
        target = site / "content" / source / f"{name}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(Written(source, name, post, text, [d.code for d in diagnostics],
                               [d.message for d in diagnostics if d.code == "script-removed"]))
    return written


def main_html(page: Path) -> BeautifulSoup:
    """The body of a built page: what the test templates put in ``<main>``."""
    match = re.search(r"<main>(.*)</main>", page.read_text(encoding="utf-8"), re.S)
    assert match, f"{page} has no <main>"
    return soup(match.group(1))


def _snippet(text: str, at: int) -> str:
    return text[max(0, at - 50):at + 50]


def _explain(written: Written, expected: str, got: str) -> str:
    """Where the page's text departs from the source's, with the Markdown line that made it."""
    shorter = min(len(expected), len(got))
    at = next((i for i in range(shorter) if expected[i] != got[i]), shorter)
    words = re.findall(r"\w{4,}", expected[max(0, at - 40):at + 10]) or re.findall(r"\w+", expected[:at])[-1:]
    lines = written.markdown.splitlines()
    line = next((ln for w in reversed(words) for ln in lines if w in ln), "(not found)")
    ratio = difflib.SequenceMatcher(a=expected, b=got, autojunk=False).ratio()
    return (f"{written.source}/{written.name} '{written.post.title or written.post.id}': text ratio "
            f"{ratio:.3f}\n  source:   …{_snippet(expected, at)}…\n  page:     …{_snippet(got, at)}…\n"
            f"  markdown: {line}")


def compare(written: Written, built: BeautifulSoup, emphasis: bool = False) -> list[str]:
    """Problems of one built post against its source (empty when the page says what it said)."""
    source = soup(written.post.content_html)
    expected, got = visible_text(source), visible_text(built)
    problems: list[str] = []
    extra = Counter(literal_markers(got)) - Counter(literal_markers(expected))
    if extra:
        problems.append(f"literal Markdown markers {sorted(extra)} in the page; "
                        + _explain(written, expected, got))
    elif got != expected:
        problems.append(_explain(written, expected, got))
    if emphasis and styled_chars(built) != styled_chars(source):
        problems.append(f"{written.source}/{written.name}: bold/italic differ\n"
                        f"  markdown: {written.markdown}")
    empty = {k: v for k, v in empty_elements(source).items() if v}
    if empty and EMPTY_DIAGNOSTIC not in written.codes:
        problems.append(f"{written.source}/{written.name}: {empty} left out without {EMPTY_DIAGNOSTIC}")
    want = {k: v - empty.get(k, 0) for k, v in counts(source).items()}
    sanitized = sum(int(n) for m in written.messages for n in _EMBEDS_REMOVED.findall(m))
    want["embeds"] = len(source.find_all(["iframe", "object"])) - sanitized
    have = {**counts(built), "embeds": len(built.find_all(["iframe", "object"]))}
    if have != want:
        diff = {k: (want[k], have[k]) for k in want if want[k] != have[k]}
        problems.append(f"{written.source}/{written.name}: counts (source, page) {diff}")
    return problems
