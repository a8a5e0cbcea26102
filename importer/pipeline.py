"""``convert()``: read an input, write an output, and account for every entry.

This is the library call behind ``blogimport convert``; the CLI only parses flags into these
arguments and turns errors into exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from importer.diagnostics import Diagnostics
from importer.errors import OutputError, UsageError
from importer.io import write_file, write_tree
from importer.model import Archive
from importer.options import ReadOptions
from importer.readers import read
from importer.validate.accounting import Accounting, check_conversion
from importer.writers import OutputFile, get_writer

if TYPE_CHECKING:
    from importer.web import WebOptions, WebReport
    from importer.web.targets import SiteUrls


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
    """The new URL (and, for Markdown, the file) of every post and page."""
    output_archive: Archive | None = None
    """The archive as the writer got it: links and image references rewritten."""
    files: list[OutputFile] = field(default_factory=list)
    """The writer's files (relative paths and bytes), before ``io`` placed them."""


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
    report: str | Path | None = None,
    report_html: str | Path | None = None,
    report_views: str = "problems",
) -> ConvertResult:
    """Convert ``source`` to format ``to`` at ``output`` (a file, ``-`` or a folder).

    ``write_options`` is the writer's options dataclass, or None for the flavor's defaults.
    Nothing is written when reading fails; files are written atomically and never silently
    overwritten (``force`` allows replacing what is not ours).
    ``web`` asks for redirect maps, image downloads and link rewriting (``importer.web``); links
    between posts are rewritten for Markdown and WXR even without it.
    ``report`` and ``report_html`` write the migration report (``importer.report``) as JSON and as
    one HTML page; ``report_views`` says which entries get side-by-side views there (``problems``,
    ``all`` or comma-separated entry ids).

    >>> convert("fixtures/blog-fi/legacy.xml", "out/blog.json", to="json")  # doctest: +SKIP
    """
    diags = diagnostics if diagnostics is not None else Diagnostics()
    spec = get_writer(to)
    options = write_options if write_options is not None else spec.make_options()
    if str(output) == "-" and spec.layout == "tree":
        # Without this check a folder named "-" was created and the user saw nothing on stdout.
        raise UsageError(f"--to {to} writes a folder of files; give a folder with -o, not -")
    if web is not None and web.image_url and spec.layout == "tree":
        # Ignored before: the images of a site tree are placed beside the posts, not at a URL.
        raise UsageError(f"--image-url applies to json, jsonl and wxr, not --to {to} (a site tree "
                         "keeps downloaded images in its own folders)")
    reports = _report_targets(output, report, report_html, force)
    if reports:
        from importer.report import parse_views

        parse_views(report_views)  # a bad value is a usage error before any work
    read_start = len(diags)
    archive = read(source, format=from_format, options=read_options, diagnostics=diags)
    read_end = len(diags)
    from importer.web import WebOptions, apply_web, beside

    extra = apply_web(archive, spec, options, web or WebOptions(), diags, output=output, source=source)
    outputs = list(spec.write(extra.archive, options, diags))
    accounting = check_conversion(extra.archive, diags, (read_start, read_end), (read_end, len(diags)),
                                  spec.preset.get("flavor", to))
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
    result = ConvertResult(archive=archive, written=written, diagnostics=diags, web=extra.report,
                           accounting=accounting, site=extra.site, output_archive=extra.archive,
                           files=outputs)
    if reports:
        _write_reports(result, reports, source=source, output=output, to=to, views=report_views,
                       force=force)
    return result


def _report_targets(output: str | Path, report: str | Path | None, report_html: str | Path | None,
                    force: bool) -> dict[str, str]:
    """``{"json"|"html": path}`` of the reports asked for, checked before any work is done."""
    targets = {kind: str(path) for kind, path in (("json", report), ("html", report_html)) if path}
    to_stdout = [path for path in (str(output), *targets.values()) if path == "-"]
    if len(to_stdout) > 1:
        raise UsageError("only one of -o, --report and --report-html can be - (stdout)")
    if len(set(targets.values())) < len(targets) or str(output) in targets.values():
        raise UsageError("--report, --report-html and -o must name different files")
    for path in targets.values():
        if path != "-" and Path(path).exists() and not force:
            raise OutputError("exists; pass --force to replace it", file=path)
    return targets


def _write_reports(result: ConvertResult, targets: dict[str, str], *, source: str | Path,
                   output: str | Path, to: str, views: str, force: bool) -> None:
    """Build the migration report once and write it as JSON and/or HTML through ``io``."""
    from importer.report import build_report, render_html, render_json

    document = build_report(result, source=source, output=output, to=to, views=views)
    for kind, path in targets.items():
        data = render_json(document) if kind == "json" else render_html(document)
        name = Path(path).name if path != "-" else f"report.{kind}"
        try:
            write_file([OutputFile(name, data)], path, force=force)
        except OSError as error:
            raise OutputError(_os_error_text(error), file=path) from None
        del data  # a big archive's report is tens of MB: never hold both renderings at once


def _os_error_text(error: OSError) -> str:
    """``cannot write: No space left on device`` (naming the path when it is not a temporary file)."""
    text = f"cannot write: {error.strerror or error}"
    name = error.filename
    if name is not None and not str(name).endswith(".tmp"):
        text += f" ({name})"
    return text
