"""Validating files and folders: find the inputs, read each (format detected per file), check it.

A folder is one input when it is a Takeout (``feed.atom``, ``Blogger/Blogs/`` or
``Takeout/Blogger/`` inside) or a saved-pages mirror (an ``index.html`` at its top); any other
folder is searched, in name order, for files that can hold a blog (``.xml .atom .json .jsonl
.zip .html .htm``; other files, such as notes and CSV, are passed over). Files named on the
command line are always read, whatever their name. Which reader reads an input is decided by
its content alone (``importer.readers.read`` detects it).

An input that cannot be read becomes one ``file-unreadable`` error, and the run goes on. A file
met while searching a folder whose content is no blog format at all (a generator's data file, a
JSON that is not ours) is passed over, not failed: only files named on the command line must be
inputs.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from importer.checks.engine import validate
from importer.checks.report import FileResult, ValidationReport
from importer.diagnostics import Diagnostic, Diagnostics
from importer.errors import FormatDetectionError, ImporterError, clip
from importer.options import ReadOptions
from importer.readers import read
from importer.readers.detect import detect_format
from importer.readers.sniff import is_blogger_page, looks_like_html, read_head
from importer.readers.takeout_source import takeout_feeds

logger = logging.getLogger(__name__)

#: Suffixes of files searched for in folders (case-insensitive).
INPUT_SUFFIXES = frozenset({".xml", ".atom", ".json", ".jsonl", ".zip", ".html", ".htm"})


def is_single_input_folder(folder: Path) -> bool:
    """True for a folder read as one input: a Takeout (the reader's own shape rule), or a
    saved-pages mirror root."""
    return (folder / "index.html").is_file() or bool(takeout_feeds(folder))


def find_inputs(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The inputs under ``paths``: given files (even missing ones) and what folders hold."""
    for given in paths:
        path = Path(given)
        if path.is_dir() and not is_single_input_folder(path):
            yield from (found for found in _search(path) if _is_blog_input(found))
        else:
            yield path


def _is_blog_input(path: Path) -> bool:
    """False for a file found in a folder whose content no reader recognises (it is passed over).

    An HTML page that is not a saved Blogger page (a site's redirect page, a built page) is passed
    over too; named on its own it is still an error.
    """
    if path.is_file() and path.suffix.lower() in (".html", ".htm"):
        head = read_head(path)
        if looks_like_html(head) and not is_blogger_page(head):
            logger.info("passed over %s: an HTML page, not a saved Blogger page", path)
            return False
    try:
        detect_format(path)
    except FormatDetectionError:
        logger.info("passed over %s: not a blog export", path)
        return False
    except ImporterError:
        return True  # empty, unreadable...: validate_file reports it
    return True


def _search(folder: Path) -> Iterator[Path]:
    for child in sorted(folder.iterdir(), key=lambda p: p.name):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            if is_single_input_folder(child):
                yield child
            else:
                yield from _search(child)
        elif child.suffix.lower() in INPUT_SUFFIXES:
            yield child


def validate_file(path: Path, options: ReadOptions | None = None, *, debug: bool = False) -> FileResult:
    """Read and check one input; an unreadable input gives a ``file-unreadable`` result.

    An exception that is not an ``ImporterError`` is a bug of ours: it becomes a one-line
    ``file-unreadable`` too (its trace is logged at debug level), unless ``debug`` re-raises it.
    """
    shown = path.as_posix()
    diagnostics = Diagnostics(file=shown)
    try:
        archive = read(path, options=options, diagnostics=diagnostics)  # detected from content
    except ImporterError as error:
        diagnostics.report("file-unreadable", f"Cannot read: {error.message}", line=error.line)
        return FileResult(shown, None, diagnostics=tuple(diagnostics), readable=False)
    except Exception as error:  # a reader bug must not stop a CI run over many files
        if debug:
            raise
        logger.debug("reading %s failed", shown, exc_info=True)
        first = (str(error).strip().splitlines() or [""])[0]
        diagnostics.report("file-unreadable", f"internal error: {type(error).__name__}: "
                           f"{clip(first, 200)} (run with --debug for the trace, please report it)")
        return FileResult(shown, None, diagnostics=tuple(diagnostics), readable=False)
    validate(archive, diagnostics=diagnostics, file=shown)
    return FileResult(shown, archive.source_format, posts=len(archive.posts), comments=archive.comment_count,
                      diagnostics=tuple(_located(d, path) for d in diagnostics))


def _located(diagnostic: Diagnostic, path: Path) -> Diagnostic:
    """``diagnostic`` with its file as a path CI can find, not relative to the input.

    Readers name a page of a saved-pages input relative to it (``2010/05/blog-post.html``); a
    GitHub annotation or JUnit report needs the path from where ``validate`` was run.
    """
    name = diagnostic.file
    if name is None or Path(name).exists():  # absolute, or already relative to where we run
        return diagnostic
    found = (path if path.is_dir() else path.parent) / name
    if not found.exists():
        return diagnostic
    return dataclasses.replace(diagnostic, file=found.as_posix())


def validate_paths(paths: Iterable[str | Path], options: ReadOptions | None = None, *,
                   debug: bool = False) -> ValidationReport:
    """Validate every input found under ``paths`` (files or folders); never raises for bad inputs
    (``debug`` re-raises an internal error with its trace, see ``validate_file``).

    Raises ``ImporterError`` only when ``paths`` hold no input at all (nothing would be checked).
    """
    given = list(paths)
    inputs = list(find_inputs(given))
    if not inputs:
        names = ", ".join(str(p) for p in given) or "(none)"
        raise ImporterError(f"no inputs to validate under {names}")
    return ValidationReport([validate_file(path, options, debug=debug) for path in inputs])
