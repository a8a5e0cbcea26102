"""A folder holding several inputs: which one is read, and saying so.

A Takeout folder and a saved-pages mirror are each ONE input, whatever they contain. Any other
folder is looked at one level down: each file or subfolder that an input format recognises
(``detect.detect_format``) is an input. Saved-pages folders count as one input together (the
saved-pages reader reads every page under the folder). When the folder holds more than one input
(``fixtures/blog-fi``: an export, a feed, a WXR, a Takeout and saved pages), nothing is picked
silently: without ``--from`` the read stops and lists them; with ``--from FORMAT`` the one input
of that format is read and the others are named (``inputs-ignored``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from importer.diagnostics import Diagnostics
from importer.errors import ImporterError, UsageError
from importer.readers.detect import detect_format, is_blogger_page, read_head
from importer.readers.takeout_source import takeout_feeds, takeout_zips

_PAGES = "blogger-html"


def folder_inputs(folder: Path) -> list[tuple[str, Path]]:
    """``(format, path)`` of each input one level inside ``folder``; [] when the folder is itself
    one input (a Takeout, its zips, or a mirror with Blogger pages at its top)."""

    if takeout_feeds(folder) or takeout_zips(folder):
        return []
    found: list[tuple[str, Path]] = []
    for child in sorted(folder.iterdir(), key=lambda p: p.name):
        if child.name.startswith("."):
            continue
        if child.is_file() and ".htm" in child.name.lower():
            if is_blogger_page(read_head(child, 64 * 1024)):
                return []  # a mirror's own pages: the folder is the input
            continue
        try:
            found.append((detect_format(child), child))
        except ImporterError:
            continue  # notes, goldens, files no reader knows
    return found


def _described(inputs: list[tuple[str, Path]]) -> str:
    return ", ".join(f"{path.name}{'/' if path.is_dir() else ''} ({name})" for name, path in inputs)


def pick_input(folder: Path, format: str | None, diagnostics: Diagnostics) -> Path:
    """The path to read for ``folder``: the folder itself, or the one input of ``format`` in it.

    Raises ``UsageError`` listing the inputs when the choice is not clear.
    """
    inputs = folder_inputs(folder)
    formats = {name for name, _path in inputs}
    pages_only = formats == {_PAGES}
    if len(inputs) <= 1 or pages_only:
        return folder
    if format is None:
        raise UsageError(f"{folder} holds several inputs: {_described(inputs)}; give one of them "
                         "as INPUT, or choose one with --from")
    chosen = [path for name, path in inputs if name == format]
    if len(chosen) > 1 and format != _PAGES:
        raise UsageError(f"{folder} holds several {format} inputs: {_described(inputs)}; give one "
                         "of them as INPUT")
    target = folder if format == _PAGES or not chosen else chosen[0]
    others = [(name, path) for name, path in inputs if name != format]
    if others and chosen:
        diagnostics.report("inputs-ignored", f"Read {_read_what(chosen, format)}; also in {folder.name} "
                           f"and not read: {_described(others)}.", file=str(folder))
    return target


def _read_what(chosen: list[Path], format: str) -> str:
    names: Iterator[str] = (path.name for path in chosen)
    return f"the saved pages ({', '.join(names)})" if format == _PAGES else chosen[0].name
