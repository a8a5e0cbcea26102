"""Post bodies to Markdown: sanitized, then converted, in this process or in worker processes.

The process pool (``multiprocessing``, ``concurrent.futures``) is imported only when an archive is
big enough to use it: a small conversion's start-up should not pay for it. Output order and bytes
do not depend on where a body was converted.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from importer.model import Post
from importer.writers.markdown.options import MarkdownOptions
from importer.writers.markdown.presets import PRESETS

if TYPE_CHECKING:  # imported where used: a JSON run should not load the converter
    from concurrent.futures import Future, ProcessPoolExecutor

    from importer.html.markdown import ConvertedBody
    from importer.html.sanitize import Removed

#: The summary marker each flavor's generator reads (Pelican: none; its ``Summary`` is a field).
MORE = {"hugo": "<!--more-->", "jekyll": "<!--more-->", "zola": "<!-- more -->", "pelican": "",
        "markdown": "<!--more-->", **{name: preset.more for name, preset in PRESETS.items()}}
#: Below this many posts, conversion stays in this process (starting workers costs more).
PARALLEL_THRESHOLD = 200
_CHUNK = 50

ConvertJob = tuple[str, str, str | None, bool, bool, bool]
Converted = tuple["ConvertedBody", "Removed"]
_Call = tuple[Callable[..., list[Converted]], tuple[Any, ...]]


def _convert_chunk(jobs: Sequence[ConvertJob]) -> list[Converted]:
    """Sanitize and convert each body, with what was removed (with ``--keep-scripts``: what would
    have been). The sanitizer runs on the HTML before the converter, so nothing it removes can
    reach the Markdown."""
    from importer.html.markdown import html_to_markdown
    from importer.html.sanitize import find_removed, sanitize

    done: list[Converted] = []
    for html, more, shortcode, hugo, ids, clean in jobs:
        html, removed = sanitize(html) if clean else (html, find_removed(html))
        done.append((html_to_markdown(html, more_marker=more, youtube_shortcode=shortcode, hugo=hugo,
                                      heading_ids=ids), removed))
    return done


def convert_bodies(posts: Sequence[Post], options: MarkdownOptions) -> list[Converted]:
    """Markdown of every post body with what sanitizing removed, in order; in worker processes
    when there are many.

    Where processes can be forked, the workers find the bodies in the memory they share with this
    process (copy-on-write) and are sent only index ranges: pickling every body to them cost CPU
    and held chunks of bodies twice. Elsewhere the chunks themselves are sent.
    """
    flavor = options.flavor
    shortcode = "{{{{< youtube {id} >}}}}" if flavor == "hugo" and options.embeds == "shortcode" else None
    # {#id} on headings: Hugo, Jekyll, Pelican, Zola and MkDocs (attr_list) read it; CommonMark,
    # Eleventy's markdown-it, Astro's remark and Hexo's marked would show it as text.
    ids = PRESETS[flavor].heading_ids if flavor in PRESETS else flavor != "markdown"
    jobs: list[ConvertJob] = [(p.content_html, MORE[flavor], shortcode, flavor == "hugo", ids,
                               not options.keep_scripts) for p in posts]
    workers = options.jobs or os.cpu_count() or 1
    bodies: list[Converted] = []
    if workers <= 1 or len(jobs) < PARALLEL_THRESHOLD:
        for start in range(0, len(jobs), _CHUNK):
            bodies += _convert_chunk(jobs[start:start + _CHUNK])
            _tell(options, len(bodies), len(jobs))
        return bodies
    return _in_workers(jobs, workers, options)


def _in_workers(jobs: list[ConvertJob], workers: int, options: MarkdownOptions) -> list[Converted]:
    """``jobs`` converted by a pool of ``workers`` processes, in order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    bodies: list[Converted] = []
    ranges = [(i, min(i + _CHUNK, len(jobs))) for i in range(0, len(jobs), _CHUNK)]
    _load_converter()  # once here, not once per forked worker (each paid the imports again)
    global _SHARED_JOBS
    calls: list[_Call] = [(_convert_chunk, (jobs[start:end],)) for start, end in ranges]
    context = None
    if "fork" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("fork")
        calls = [(_convert_shared, (start, end)) for start, end in ranges]
        _SHARED_JOBS = jobs
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for converted in _bounded_map(pool, calls, 2 * workers):
                bodies += converted
                _tell(options, len(bodies), len(jobs))
    finally:
        _SHARED_JOBS = None
    return bodies


def _load_converter() -> None:
    import importer.html.markdown
    import importer.html.sanitize  # noqa: F401


def _tell(options: MarkdownOptions, done: int, total: int) -> None:
    if options.progress is not None:
        options.progress(done, total)


#: The jobs of the running ``convert_bodies``, inherited by forked workers.
_SHARED_JOBS: list[ConvertJob] | None = None


def _convert_shared(start: int, end: int) -> list[Converted]:
    assert _SHARED_JOBS is not None, "forked worker without the parent's jobs"
    return _convert_chunk(_SHARED_JOBS[start:end])


def _bounded_map(pool: ProcessPoolExecutor, calls: Sequence[_Call], in_flight: int,
                 ) -> Iterator[list[Converted]]:
    """The results of ``calls`` in order, with at most ``in_flight`` of them submitted at a time.

    ``Executor.map`` submits everything up front: for a large archive that was a second copy of
    all bodies waiting in the queue.
    """
    pending: deque[Future[list[Converted]]] = deque()
    for function, arguments in calls:
        pending.append(pool.submit(function, *arguments))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
