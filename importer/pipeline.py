"""``convert()``: read an input, write an output, and account for every entry.

This is the library call behind ``blogimport convert``; the CLI only parses flags into these
arguments and turns errors into exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from importer.checks.accounting import Accounting, check_conversion
from importer.diagnostics import Diagnostics
from importer.errors import OptionError, OutputError
from importer.io import output_lock, preflight, write_file, write_tree
from importer.model import Archive
from importer.options import ReadOptions
from importer.outputs import OutputFile, WriterSpec
from importer.readers import read
from importer.site import SiteUrls
from importer.web import WebOptions, WebReport, apply_web, beside
from importer.writers import get_writer


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
    site: SiteUrls | None = None
    """The writer's URL plan: every entry's new URL (and output file, for site trees)."""


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
) -> ConvertResult:
    """Convert ``source`` to format ``to`` at ``output`` (a file, ``-`` or a folder).

    ``write_options`` is the writer's options dataclass, or None for the flavor's defaults.
    Options are checked when they are made, and the output (a foreign file or folder in the way)
    before the input is opened. Nothing is written when reading fails; files are written
    atomically and never silently overwritten (``force`` allows replacing what is not ours).
    ``web`` asks for redirect maps, image downloads and link rewriting (``importer.web``); links
    between posts are rewritten for Markdown and WXR even without it.

    >>> convert("fixtures/blog-fi/legacy.xml", "out/blog.json", to="json")  # doctest: +SKIP
    """
    diags = diagnostics if diagnostics is not None else Diagnostics()
    spec = get_writer(to)
    options = write_options if write_options is not None else spec.make_options()
    web = web or WebOptions()
    _check_output_options(spec, output, web)
    target = Path(output) if str(output) != "-" else None
    with output_lock(target):
        preflight(target, spec.layout, spec.signature, force=force)
        return _convert(source, output, spec, options, from_format, read_options, web, force, diags)


def _convert(source: str | Path, output: str | Path, spec: WriterSpec[Any], options: Any,
             from_format: str | None, read_options: ReadOptions | None, web: WebOptions, force: bool,
             diags: Diagnostics) -> ConvertResult:
    """Read, plan, apply the web options, write and account (the output is locked and checked)."""
    read_start = len(diags)
    archive = read(source, format=from_format, options=read_options, diagnostics=diags)
    read_end = len(diags)
    site = spec.site_urls(archive, options, diags)
    extra = apply_web(archive, spec, site, web, diags, output=output, source=source)
    outputs = list(spec.write(extra.archive, options, diags, site))
    accounting = check_conversion(extra.archive, diags, (read_start, read_end), (read_end, len(diags)),
                                  spec.name)
    if str(output) == "-" and len(outputs) > 1:
        # Several documents (a split WXR) one after the other on stdout are no valid file.
        raise OptionError("output", "-", f"the output is split into {len(outputs)} files here; give "
                          "a file name, not stdout")
    written = _write(spec.layout, outputs, extra.files, output, force)
    return ConvertResult(archive=archive, written=written, diagnostics=diags, web=extra.report,
                         accounting=accounting, site=site)


def _check_output_options(spec: WriterSpec[Any], output: str | Path, web: WebOptions) -> None:
    """What the output and the options ask together that cannot work, said before reading."""
    if str(output) == "-" and spec.layout == "tree":
        # Without this check a folder named "-" was created and the user saw nothing on stdout.
        raise OptionError("output", "-", f"{spec.name} output is a folder of files; give a folder, "
                          "not stdout")
    if web.image_url and spec.layout == "tree":
        # Ignored before: the images of a site tree are placed beside the posts, not at a URL.
        raise OptionError("image_url", web.image_url, f"applies to json, jsonl and wxr output, not "
                          f"{spec.name} (a site tree keeps downloaded images in its own folders)")
    if str(output) == "-" and (web.redirects or web.download_images or web.image_inventory):
        raise OptionError("output", "-", "redirect maps, image downloads and the image inventory "
                          "need an output file or folder, not stdout")


def _write(layout: str, outputs: list[OutputFile], extra: list[OutputFile], output: str | Path,
           force: bool) -> list[Path]:
    """Put the writer's files and the extra ones (maps, images) in place, through ``io``."""
    try:
        if layout == "tree":
            return write_tree([*outputs, *extra], Path(output), force=force)
        written = write_file(outputs, output, force=force)
        for out, target in beside(extra, output):
            written += write_file([out], target, force=force)
        return written
    except OSError as error:  # no space, no permission, a file where a folder should be...
        raise OutputError(_os_error_text(error), file=str(output)) from None


def _os_error_text(error: OSError) -> str:
    """``cannot write: No space left on device`` (naming the path when it is not a temporary file)."""
    text = f"cannot write: {error.strerror or error}"
    name = error.filename
    if name is not None and not str(name).endswith(".tmp"):
        text += f" ({name})"
    return text
