"""``convert()``: read an input, write an output, and account for every entry.

This is the library call behind ``blogimport convert``; the CLI only parses flags into these
arguments and turns errors into exit codes.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from importer.checks.accounting import Accounting, check_conversion
from importer.diagnostics import Diagnostics
from importer.errors import OutputError, UsageError
from importer.io import write_file, write_tree
from importer.model import Archive
from importer.options import ReadOptions
from importer.readers import read
from importer.writers import get_writer

if TYPE_CHECKING:
    from importer.web import WebOptions, WebReport

#: ``progress(phase, done, total)``: phases ``reading`` (bytes), ``converting`` (post bodies),
#: ``checking`` (checks run) and ``images`` (images downloaded), in that order.
Progress = Callable[[str, int, int], None]
_O = TypeVar("_O")


def with_progress(options: _O, phase: str, progress: Progress | None) -> _O:
    """``options`` with its ``progress`` field calling ``progress(phase, …)``, when it has one unset."""
    if progress is None or not dataclasses.is_dataclass(options) or isinstance(options, type):
        return options
    if getattr(options, "progress", "absent") is not None:
        return options  # no such field, or the caller set one
    return dataclasses.replace(options, progress=functools.partial(progress, phase))


@dataclass
class ConvertResult:
    """What a conversion did: the archive read, the files written and the diagnostics."""

    archive: Archive
    written: list[Path] = field(default_factory=list)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    web: WebReport | None = None
    """Links rewritten, images brought home, redirects written (see ``importer.web``)."""
    accounting: Accounting | None = None
    """Entries read, written and skipped with reasons (read = written + skipped)."""


def convert(
    source: str | Path,
    output: str | Path,
    to: str,
    *,
    from_format: str | None = None,
    read_options: ReadOptions | None = None,
    write_options: Any = None,
    force: bool = False,
    diagnostics: Diagnostics | None = None,
    web: WebOptions | None = None,
    progress: Progress | None = None,
) -> ConvertResult:
    """Convert ``source`` to format ``to`` at ``output`` (a file, ``-`` or a folder).

    ``write_options`` is the writer's options dataclass, or None for the flavor's defaults.
    Nothing is written when reading fails; files are written atomically and never silently
    overwritten (``force`` allows replacing what is not ours).
    ``web`` asks for redirect maps, image downloads and link rewriting (``importer.web``); links
    between posts are rewritten for Markdown and WXR even without it.

    >>> convert("fixtures/blog-fi/legacy.xml", "out/blog.json", to="json")  # doctest: +SKIP
    """
    diags = diagnostics if diagnostics is not None else Diagnostics()
    spec = get_writer(to)
    options = with_progress(write_options if write_options is not None else spec.make_options(),
                            "converting", progress)
    if str(output) == "-" and spec.layout == "tree":
        # Without this check a folder named "-" was created and the user saw nothing on stdout.
        raise UsageError(f"--to {to} writes a folder of files; give a folder with -o, not -")
    if web is not None and web.image_url and spec.layout == "tree":
        # Ignored before: the images of a site tree are placed beside the posts, not at a URL.
        raise UsageError(f"--image-url applies to json, jsonl and wxr, not --to {to} (a site tree "
                         "keeps downloaded images in its own folders)")
    read_start = len(diags)
    archive = read(source, format=from_format, diagnostics=diags,
                   options=with_progress(read_options or ReadOptions(), "reading", progress))
    read_end = len(diags)
    from importer.web import WebOptions, apply_web, beside

    web = with_progress(web or WebOptions(), "images", progress)
    extra = apply_web(archive, spec, options, web, diags, output=output, source=source)
    outputs = list(spec.write(extra.archive, options, diags))
    accounting = check_conversion(extra.archive, diags, (read_start, read_end), (read_end, len(diags)),
                                  spec.preset.get("flavor", to),
                                  progress=functools.partial(progress, "checking") if progress else None)
    if str(output) == "-" and len(outputs) > 1:
        # Several documents (a split WXR) one after the other on stdout are no valid file.
        raise UsageError(f"--to {to} gives {len(outputs)} files here (--split-size); give a file name "
                         "with -o, not -")
    try:
        if spec.layout == "tree":
            written = write_tree([*outputs, *extra.files], Path(output), force=force)
        else:
            written = write_file(outputs, output, force=force)
            for out, target in beside(extra.files, output):
                written += write_file([out], target, force=force)
    except OSError as error:  # no space, no permission, a file where a folder should be...
        raise OutputError(_os_error_text(error), file=str(output)) from None
    return ConvertResult(archive=archive, written=written, diagnostics=diags, web=extra.report,
                         accounting=accounting)


def _os_error_text(error: OSError) -> str:
    """``cannot write: No space left on device`` (naming the path when it is not a temporary file)."""
    text = f"cannot write: {error.strerror or error}"
    name = error.filename
    if name is not None and not str(name).endswith(".tmp"):
        text += f" ({name})"
    return text
