"""``convert()``: read an input, write an output, and account for every entry (``ConvertResult``).

This is the library call behind ``blogimport convert``; the CLI only parses flags into these
arguments and turns errors into exit codes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import importer.report as reports_module
from importer.checks.accounting import JobFindings, check_conversion, check_jobs, merge_findings
from importer.diagnostics import Diagnostic, Diagnostics
from importer.errors import OptionError, OutputError
from importer.forked import SharedJobs
from importer.io import WritePlan, output_lock, plan_file, plan_tree, preflight, write_file, write_tree
from importer.model import Archive
from importer.options import ReadOptions
from importer.outputs import OutputFile, WriterSpec
from importer.readers import blog_titles, read
from importer.report import parse_views
from importer.result import ConvertResult
from importer.slugs import slugify
from importer.web import WebOptions, apply_web, beside
from importer.writers import get_writer

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


#: What the start of each report we write carries (see ``OutputFile.signature``).
REPORT_SIGNATURES = {"json": b'"schema": "convert-report/',
                     "html": b'<meta name="generator" content="blogimport'}


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
    progress: Progress | None = None,
    dry_run: bool = False,
) -> ConvertResult:
    """Convert ``source`` to format ``to`` at ``output`` (a file, ``-`` or a folder).

    ``write_options`` is the writer's options dataclass, or None for the flavor's defaults.
    Options are checked when they are made, and the output (a foreign file or folder in the way)
    before the input is opened. Nothing is written when reading fails; files are written
    atomically and never silently overwritten (``force`` allows replacing what is not ours).
    ``web`` asks for redirect maps, image downloads and link rewriting (``importer.web``); links
    between posts are rewritten for Markdown and WXR even without it.
    ``report`` and ``report_html`` write the migration report (``importer.report``) as JSON and as
    one HTML page; ``report_views`` says which entries get side-by-side views there (``problems``,
    ``all`` or comma-separated entry ids). ``progress(phase, done, total)`` is told how each
    phase goes on (see ``Progress``).
    ``dry_run`` does all of it but change the disk: no lock, staging or temporary file, no report
    written, no image fetched; ``result.plan`` says what a real run would write, change and remove.

    >>> convert("fixtures/blog-fi/legacy.xml", "out/blog.json", to="json")  # doctest: +SKIP
    """
    diags = diagnostics if diagnostics is not None else Diagnostics()
    spec = get_writer(to)
    options = with_progress(write_options if write_options is not None else spec.make_options(),
                            "converting", progress)
    web = with_progress(web or WebOptions(), "images", progress)
    _check_output_options(spec, output, web)
    read_options = with_progress(read_options or ReadOptions(), "reading", progress)
    reports = _report_targets(output, report, report_html)
    _not_the_input(source, output, reports)
    views = _views(report_views) if reports or report_views != "problems" else "problems"
    target = Path(output) if str(output) != "-" else None
    with output_lock(target) if not dry_run else contextlib.nullcontext():
        preflight(target, spec.layout, spec.signature, force=force, read_only=dry_run)
        for kind, path in reports.items():
            if path != "-":
                preflight(Path(path), "file", REPORT_SIGNATURES[kind], force=force)
        result = _convert(source, output, spec, options, from_format, read_options,
                          _dry_web(web, spec) if dry_run else web, force, diags,
                          functools.partial(progress, "checking") if progress else None, dry_run)
        if dry_run:
            result.plan = _dry_plan(result, web, reports)
        elif reports:
            _write_reports(result, reports, source=source, output=output, to=to, views=views, force=force)
        return result


def _convert(source: str | Path, output: str | Path, spec: WriterSpec[Any], options: Any,
             from_format: str | None, read_options: ReadOptions, web: WebOptions, force: bool,
             diags: Diagnostics, checking: Callable[[int, int], None] | None,
             dry_run: bool = False) -> ConvertResult:
    """Read, plan, apply the web options, write and account (the output is locked and checked).

    A one-file output (JSON, WXR) is written while validate's checks run on the other core, and
    this process shares the checks left once the output is staged (a Markdown writer keeps both
    cores busy itself); their findings are reported after the writer's, in check order, as when
    they ran one after the other.
    """
    read_start = len(diags)
    archive = read(source, format=from_format, options=read_options, diagnostics=diags)
    read_end = len(diags)
    findings: list[Diagnostic] = []
    with contextlib.ExitStack() as stack:
        # With no links to rewrite and no web options the writer gets the archive as read: the
        # checks can start now, while the URLs are planned.
        early = _keeps_archive(spec, web)
        shared = stack.enter_context(_shared_checks(archive, diags, spec)) if early else None
        site = spec.site_urls(archive, options, diags)
        extra = apply_web(archive, spec, site, web, diags, output=output, source=source)
        if shared is None or extra.archive is not archive:  # the checks see what the writer gets
            if shared is not None:
                shared.close()
            shared = stack.enter_context(_shared_checks(extra.archive, diags, spec))
        outputs = list(spec.write(extra.archive, options, diags, site))
        if str(output) == "-" and len(outputs) > 1:
            # Several documents (a split WXR) one after the other on stdout are no valid file.
            raise OptionError("output", "-", f"the output is split into {len(outputs)} files here; "
                              "give a file name, not stdout")
        # The checks' findings are in before the output is put in place, as when they ran first.
        checked = shared
        put = _plan_write if dry_run else _write
        written = put(spec.layout, outputs, extra.files, output, force,
                      lambda: findings.extend(merge_findings(checked.results(checking))))
    write_end = len(diags)
    accounting = check_conversion(extra.archive, diags, (read_start, read_end), (read_end, write_end),
                                  spec.name, findings=findings)
    plan = written if isinstance(written, WritePlan) else None
    return ConvertResult(archive=archive, written=written if isinstance(written, list) else [],
                         diagnostics=diags, web=extra.report, accounting=accounting, site=site,
                         output_archive=extra.archive, files=outputs, plan=plan)


def _keeps_archive(spec: WriterSpec[Any], web: WebOptions) -> bool:
    """True when ``apply_web`` gives the writer the archive as read (nothing to rewrite or fetch);
    ``_convert`` checks it all the same."""
    rewrite = web.rewrite_links if web.rewrite_links is not None else spec.rewrites_links
    return not rewrite and not web.active


def _shared_checks(archive: Archive, diags: Diagnostics, spec: WriterSpec[Any]) -> SharedJobs[JobFindings]:
    """validate's checks of ``archive`` as jobs, started in a forked worker for a one-file output
    (a Markdown writer keeps both cores busy itself) of at least ``SHARED_ENTRIES`` entries."""
    return SharedJobs(check_jobs(archive, diags.file, spec.name),
                      fork=spec.layout == "file" and _entries(archive) >= SHARED_ENTRIES)


#: Entries (posts and comments) from which the checks of a one-file output are shared with a
#: forked worker: below it the fork costs more than it saves.
SHARED_ENTRIES = 1000


def _entries(archive: Archive) -> int:
    return len(archive.posts) + archive.comment_count


#: ``ReadOptions.blog`` value that asks for every blog of a Takeout (``convert --blog all``).
ALL_BLOGS = "all"


def blog_output(output: str | Path, title: str, layout: str) -> Path:
    """Where one blog of several goes: a subfolder of a folder output, or a suffixed file name
    (``blog.json`` -> ``blog-sosmedia-ja-muuta.json``)."""

    name = slugify(title, None) or "blog"
    path = Path(output)
    return path / name if layout == "tree" else path.with_name(f"{path.stem}-{name}{path.suffix}")


def convert_each_blog(source: str | Path, output: str | Path, to: str, *,
                      read_options: ReadOptions | None = None,
                      **kwargs: Any) -> list[tuple[str, Path, ConvertResult]]:
    """``convert`` every blog of a Takeout into its own output (see ``blog_output``).

    Returns ``(blog title, output, result)`` per blog, each with its own diagnostics; the other
    keyword arguments are ``convert``'s (but ``diagnostics``); reports get the blog's name too.
    """

    spec = get_writer(to)
    if "-" in (str(output), str(kwargs.get("report")), str(kwargs.get("report_html"))):
        raise OptionError("output", "-", "several blogs are written to several outputs; give a file "
                          "or folder name, not stdout")
    options = read_options or ReadOptions()
    titles = blog_titles(source, kwargs.get("from_format"), options)
    if not titles:
        raise OptionError("blog", ALL_BLOGS, "applies to a Google Takeout; this input holds one blog")
    runs = []
    for title in titles:
        target = blog_output(output, title, spec.layout)
        reports = {key: blog_output(kwargs[key], title, "file") for key in ("report", "report_html")
                   if kwargs.get(key) is not None}
        each = dataclasses.replace(options, blog=title, each_blog=True)
        result = convert(source, target, to, read_options=each, **{**kwargs, **reports})
        runs.append((title, target, result))
    return runs


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
           force: bool, before_commit: Callable[[], None]) -> list[Path]:
    """Put the writer's files and the extra ones (maps, images) in place, through ``io``;
    ``before_commit()`` runs before anything is put in place."""
    try:
        if layout == "tree":
            before_commit()
            return write_tree([*outputs, *extra], Path(output), force=force)
        written = write_file(outputs, output, force=force, before_commit=before_commit)
        for out, target in beside(extra, output):
            written += write_file([out], target, force=force)
        return written
    except OSError as error:  # no space, no permission, a file where a folder should be...
        raise OutputError(_os_error_text(error), file=str(output)) from None


def _plan_write(layout: str, outputs: list[OutputFile], extra: list[OutputFile], output: str | Path,
                force: bool, before_commit: Callable[[], None]) -> WritePlan:
    """What ``_write`` would do, found by reading only; it refuses what ``_write`` refuses."""
    before_commit()  # the checks run as in a real run
    try:
        if layout == "tree":
            return plan_tree([*outputs, *extra], Path(output), force=force)
        plan = plan_file(outputs, output, force=force)
        for out, target in beside(extra, output):
            plan += plan_file([out], target, force=force)
        return plan
    except OSError as error:  # a folder that cannot be read...
        raise OutputError(_os_error_text(error), file=str(output)) from None


def _dry_web(web: WebOptions, spec: WriterSpec[Any]) -> WebOptions:
    """A dry run's web options: images are counted (``_dry_plan``), not fetched; a one-file
    output still gets the inventory a download writes beside it."""
    if not web.download_images:
        return web
    return dataclasses.replace(web, download_images=None,
                               image_inventory=web.image_inventory or spec.layout == "file")


def _dry_plan(result: ConvertResult, web: WebOptions, reports: dict[str, str]) -> WritePlan:
    """The dry run's plan with the reports (always rewritten) and the images to download."""
    plan = result.plan or WritePlan()
    files = [Path(path) for path in reports.values() if path != "-"]
    plan += WritePlan(new=tuple(str(p) for p in files if not p.exists()),
                      changed=tuple(str(p) for p in files if p.exists()))
    if web.download_images and result.output_archive is not None:
        from importer.web.download import _load_index  # the cache index, read only
        from importer.web.images import image_inventory

        folder = Path(web.download_images)
        index = _load_index(folder)
        wanted = list(image_inventory(result.output_archive).images)
        names = [index.get(url, {}).get("file") for url in wanted]
        cached = sum(1 for name in names if name and (folder / name).is_file())
        plan += WritePlan(images_to_download=len(wanted) - cached, images_cached=cached,
                          image_folder=web.download_images)
    return plan


def _report_targets(output: str | Path, report: str | Path | None,
                    report_html: str | Path | None) -> dict[str, str]:
    """``{"json"|"html": path}`` of the reports asked for; what cannot work is said before reading."""
    targets = {kind: str(path) for kind, path in (("json", report), ("html", report_html)) if path}
    if sum(path == "-" for path in (str(output), *targets.values())) > 1:
        raise OptionError("output", "-", "only one of the output and the reports can go to stdout")
    if len(set(targets.values())) < len(targets) or str(output) in targets.values():
        raise OptionError("report", report or report_html, "the output and the reports must be "
                          "different files")
    return targets


def _not_the_input(source: str | Path, output: str | Path, reports: dict[str, str]) -> None:
    """Refuse an output or a report that is the input itself, ``force`` or not: the export being
    read would be replaced by what was made from it (``-o blog.xml --force`` on ``blog.xml``)."""
    keywords = {"json": "report", "html": "report_html"}
    for keyword, path in (("output", str(output)), *((keywords[k], p) for k, p in reports.items())):
        if path != "-" and Path(path).exists() and Path(source).exists() and os.path.samefile(path, source):
            raise OptionError(keyword, path, "is the input itself; give another name (the input "
                              "is never replaced, not even with --force)")


def _views(report_views: str) -> str | frozenset[str]:
    """``report_views`` checked before reading (by a light module: the report's builders and
    renderers are loaded only when a report is asked for)."""
    return parse_views(report_views)


def _write_reports(result: ConvertResult, targets: dict[str, str], *, source: str | Path,
                   output: str | Path, to: str, views: str | frozenset[str], force: bool) -> None:
    """Build the migration report once and write it as JSON and/or HTML through ``io``."""
    document = reports_module.build_report(result, source=source, output=output, to=to, views=views)
    for kind, path in targets.items():
        data = (reports_module.render_json(document) if kind == "json"
                else reports_module.render_html(document))
        name = Path(path).name if path != "-" else f"report.{kind}"
        try:
            write_file([OutputFile(name, data, REPORT_SIGNATURES[kind])], path, force=force)
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
