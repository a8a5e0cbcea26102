"""Side-by-side views: each entry's original body next to our output rendered back to HTML.

"Our output" is what was written, read back: a Markdown file has its front matter (YAML ``---``,
TOML ``+++`` or Pelican's ``Key: value`` lines) removed and the rest rendered with markdown-it-py
(CommonMark with tables and strikethrough, plus the ``{#id}`` heading attribute every generator
reads); JSON and WXR carry the HTML body as it is. The view holds both bodies and the word-level
difference of their visible text.
"""

from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from importer.model import Archive
from importer.outputs import OutputFile
from importer.report.text import visible_words, word_diff

#: Below this many views, they are made in this process (starting workers costs more).
PARALLEL_THRESHOLD = 200
_CHUNK = 50

ViewJob = tuple[str, "str | None", str]
"""(original HTML, our output as written or None, where it came from: markdown, html, not-written)."""

_HEADING_ID = re.compile(r"\s*\{#([A-Za-z0-9_:.-]+)\}\s*$")
_FENCES = {"---": "---", "+++": "+++"}


def _heading_ids(state: StateCore) -> None:
    """``### Title {#id}`` -> ``<h3 id="id">Title</h3>``, as Hugo, Jekyll, Pelican and Zola read it."""
    for opening, inline in zip(state.tokens, state.tokens[1:], strict=False):
        if opening.type != "heading_open" or not inline.children:
            continue
        last = inline.children[-1]
        match = _HEADING_ID.search(last.content) if last.type == "text" else None
        if match:
            last.content = last.content[:match.start()]
            opening.attrSet("id", match.group(1))


def _renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.core.ruler.push("heading_ids", _heading_ids)
    return md


_MARKDOWN = _renderer()


def strip_front_matter(text: str, flavor: str) -> str:
    """The Markdown body of a file we wrote: front matter (or Pelican's header) removed."""
    first, _, rest = text.partition("\n")
    fence = _FENCES.get(first.strip())
    if fence is not None:
        end = re.search(rf"^{re.escape(fence)}[ \t]*$", rest, re.MULTILINE)
        return rest[end.end():].lstrip("\n") if end else rest
    if flavor == "pelican":
        _, _, body = text.partition("\n\n")
        return body
    return text


def render_markdown(text: str) -> str:
    """Markdown rendered to HTML the way the site generators read ours."""
    return str(_MARKDOWN.render(text))


def output_bodies(output_archive: Archive | None, files: list[OutputFile], post_files: Mapping[str, str],
                  flavor: str, tree: bool) -> Callable[[str], tuple[str | None, str]]:
    """A function giving, for a post id, our output as written and what it is.

    ``("…markdown…", "markdown")`` for a Markdown file (front matter removed), ``("…", "html")``
    for a JSON or WXR body, ``(None, "not-written")`` when the entry has no output.
    """
    by_path = {out.path: out for out in files}
    bodies = {post.id: post.content_html for post in output_archive.posts} if output_archive else {}

    def body(post_id: str) -> tuple[str | None, str]:
        if not tree:
            found = bodies.get(post_id)
            return (found, "html") if found is not None else (None, "not-written")
        out = by_path.get(post_files.get(post_id, ""))
        if out is None:
            return None, "not-written"
        return strip_front_matter(out.data.decode("utf-8", errors="replace"), flavor), "markdown"

    return body


def make_views(jobs: Sequence[ViewJob]) -> list[dict[str, Any]]:
    """The views of many entries, in order; in worker processes when there are many."""
    workers = os.cpu_count() or 1
    markdown = sum(1 for _original, _ours, source in jobs if source == "markdown")
    if workers <= 1 or markdown < PARALLEL_THRESHOLD:  # HTML bodies: cheaper here than shipped
        return _view_chunk(jobs)
    chunks = [jobs[i:i + _CHUNK] for i in range(0, len(jobs), _CHUNK)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        views = [view for chunk in _bounded(pool, chunks, 2 * workers) for view in chunk]
    for view, (original, _ours, _source) in zip(views, jobs, strict=True):
        view["original_html"] = original  # not sent back: the parent has it
    return views


def _bounded(pool: ProcessPoolExecutor, chunks: Sequence[Sequence[ViewJob]],
             in_flight: int) -> Iterator[list[dict[str, Any]]]:
    """Results in order, with at most ``in_flight`` chunks (and their bodies) queued at a time."""
    pending: deque[Future[list[dict[str, Any]]]] = deque()
    for chunk in chunks:
        pending.append(pool.submit(_view_chunk_in_worker, chunk))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _view_chunk(jobs: Sequence[ViewJob]) -> list[dict[str, Any]]:
    views = []
    for original, ours, source in jobs:
        rendered = render_markdown(ours) if source == "markdown" and ours is not None else ours
        views.append(make_view(original, rendered, source))
    return views


def _view_chunk_in_worker(jobs: Sequence[ViewJob]) -> list[dict[str, Any]]:
    """``_view_chunk`` without the originals, which the parent process already holds."""
    views = _view_chunk(jobs)
    for view in views:
        view["original_html"] = None
    return views


def make_view(original: str, ours: str | None, source: str) -> dict[str, Any]:
    """The view of one entry: both bodies (ours left out when identical) and the text difference.

    ``ours`` is our output as HTML (Markdown already rendered back), None when not written.
    """
    before = visible_words(original)
    after = before if ours == original else visible_words(ours) if ours is not None else []
    ops, cut = word_diff(before, after) if ours is not None else ([], False)
    return {
        "original_html": original,
        "output_html": None if ours == original else ours,
        "output_from": "identical" if ours == original else source,
        "words": [len(before), len(after)],
        "diff": [list(op) for op in ops],
        "diff_cut": cut,
    }
