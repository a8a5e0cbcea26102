"""``blogimport convert``, ``info`` and ``formats``."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

import click

from importer.cli.common import (
    FAIL_ON,
    QUIET,
    VERBOSE,
    check_verbosity,
    echo_diagnostics,
    exit_for,
    handle_errors,
    options_from_dataclasses,
    pick,
)
from importer.cli.dry_run import echo_plan
from importer.cli.progress import terminal_progress
from importer.diagnostics import Diagnostics
from importer.errors import OptionError
from importer.options import ReadOptions
from importer.outputs import WriterSpec
from importer.pipeline import ALL_BLOGS, convert_each_blog, with_progress
from importer.pipeline import convert as convert_archive
from importer.readers import READERS, blog_titles, read, reader_names
from importer.result import ConvertResult
from importer.stats import summarize
from importer.web import WebOptions
from importer.writers import WRITERS, get_writer, writer_names

_WRITER_OPTION_CLASSES = list(dict.fromkeys(spec.options_class for spec in WRITERS))


def _n(count: int, noun: str) -> str:
    """``_n(1, "page") == "1 page"``, ``_n(2, "page") == "2 pages"``."""
    return f"{count} {noun}" if count == 1 else f"{count:,} {noun}s"


def _read_options(values: dict[str, Any]) -> ReadOptions:
    return ReadOptions(**pick(values, ReadOptions))


def _refuse_foreign(values: dict[str, Any], spec: WriterSpec[Any]) -> None:
    """A writer flag given for an output it does not apply to is a usage error, not ignored."""
    taken = {f.name for cls in (ReadOptions, WebOptions, spec.options_class) for f in dataclasses.fields(cls)}
    for name, value in values.items():
        if value is not None and name not in taken:
            raise OptionError(name, value, f"does not apply to {spec.name} output")


@click.command()
@click.argument("input_path", metavar="INPUT", type=click.Path())
@click.option("--to", "to", required=True, type=click.Choice(writer_names()), help="Output format.")
@click.option("-o", "--output", required=True,
              help="Output file (`-` for stdout) or folder, depending on the format.")
@click.option("--from", "from_format", type=click.Choice(reader_names()),
              help="Force the input format instead of detecting it.")
@click.option("--force", is_flag=True, help="Replace existing files that blogimport did not write.")
@click.option("--dry-run", "dry_run", is_flag=True,
              help="Do everything but write: say which files a real run would add, change and remove.")
@QUIET
@VERBOSE
@click.option("--report", "report", metavar="FILE",
              help="Also write the migration report as JSON: every diagnostic and every entry.")
@click.option("--report-html", "report_html", metavar="FILE",
              help="Also write the migration report as one HTML page to look at (works offline).")
@click.option("--report-views", "report_views", default="problems", show_default=True,
              help="Entries shown side by side in the report: problems, all, or entry ids (a,b).")
@FAIL_ON
@options_from_dataclasses([ReadOptions])
@options_from_dataclasses([*_WRITER_OPTION_CLASSES, WebOptions])
@handle_errors
def convert(input_path: str, to: str, output: str, from_format: str | None, force: bool,
            dry_run: bool, quiet: bool, verbose: bool, report: str | None, report_html: str | None,
            report_views: str, fail_on: str, **values: Any) -> None:
    """Convert INPUT (an export, a Takeout folder or zip, saved pages) to another format.

    \b
    Examples:
      blogimport convert blog-06-10-2010.xml --to json -o blog.json
      blogimport convert takeout-20240101.zip --blog "Sosmedia ja muuta" --to hugo -o site/
      blogimport convert Takeout/ --blog all --to hugo -o sites/   # each blog in sites/<blog>/
      blogimport convert blog.xml --to hugo -o site/ --report-html report.html
      blogimport convert blog.xml --to hugo -o site/ --dry-run   # what would change in site/
    """
    check_verbosity(quiet, verbose)
    spec = get_writer(to)
    read_options = _read_options(values)  # every value is checked before the input is opened
    write_options = spec.make_options(**pick(values, spec.options_class))
    web_options = WebOptions(**pick(values, WebOptions))
    _refuse_foreign(values, spec)
    # on stdout the output itself would run into the bar
    progress = terminal_progress(quiet or output == "-", sys.stderr)
    common: dict[str, Any] = {"from_format": from_format, "write_options": write_options,
                              "force": force, "web": web_options, "progress": progress,
                              "report": report, "report_html": report_html,
                              "report_views": report_views, "dry_run": dry_run}
    try:
        if read_options.blog == ALL_BLOGS:
            runs = convert_each_blog(input_path, output, to, read_options=read_options, **common)
        else:
            result = convert_archive(input_path, output, to, read_options=read_options,
                                     diagnostics=Diagnostics(), **common)
            runs = [("", Path(output), result)]
    finally:
        if progress is not None:
            progress.close()
    every = Diagnostics()
    for title, target, result in runs:
        if title:
            click.echo(f"== {title} -> {target}", err=True)
        _print_run(result, output if not title else str(target), web_options, quiet=quiet,
                   verbose=verbose)
        every.extend(result.diagnostics)
    exit_for(every, fail_on)


def _print_run(result: ConvertResult, output: str, web_options: WebOptions, *, quiet: bool,
               verbose: bool) -> None:
    """The end-of-run report of one conversion on stderr: diagnostics, totals, where it went."""
    echo_diagnostics(result.diagnostics, quiet=quiet, verbose=verbose)
    if result.web is not None and web_options.active:
        for line in result.web.summary_lines():
            click.echo(line, err=True)
    counts = summarize(result.archive)["counts"]
    if result.plan is not None:
        click.echo(f"{_n(counts['posts'], 'post')}, {_n(counts['pages'], 'page')}, "
                   f"{_n(counts['comments'], 'comment')} read", err=True)
        if result.accounting is not None:
            click.echo(result.accounting.line(written="to write"), err=True)
        echo_plan(result.plan, output, quiet=quiet, verbose=verbose)
        return
    if output != "-":
        click.echo(
            f"{_n(counts['posts'], 'post')}, {_n(counts['pages'], 'page')}, "
            f"{_n(counts['comments'], 'comment')} read; "
            f"{_n(len(result.written), 'file')} written to {output}", err=True)
    if result.accounting is not None:  # read = written + skipped, with the reasons
        click.echo(result.accounting.line(), err=True)


@click.command()
@click.argument("input_path", metavar="INPUT", type=click.Path())
@click.option("--from", "from_format", type=click.Choice(reader_names()),
              help="Force the input format instead of detecting it.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@QUIET
@VERBOSE
@options_from_dataclasses([ReadOptions])
@handle_errors
def info(input_path: str, from_format: str | None, as_json: bool, quiet: bool, verbose: bool,
         **values: Any) -> None:
    """Show what INPUT holds: format, blog, counts by kind and status, labels, date range.

    A Takeout with several blogs lists every blog with its counts (--blog NAME shows one).

    \b
    Example:
      blogimport info blog-06-10-2010.xml --json
    """
    check_verbosity(quiet, verbose)
    options = _read_options(values)
    titles = blog_titles(input_path, from_format, options) if options.blog in (None, ALL_BLOGS) else []
    if len(titles) > 1 or (titles and options.blog == ALL_BLOGS):
        _info_blogs(input_path, from_format, options, titles, as_json, quiet=quiet, verbose=verbose)
        return
    diagnostics = Diagnostics()
    progress = terminal_progress(quiet, sys.stderr)
    try:
        archive = read(input_path, format=from_format, diagnostics=diagnostics,
                       options=with_progress(options, "reading", progress))
    finally:
        if progress is not None:
            progress.close()
    summary = summarize(archive)
    summary["diagnostics"] = diagnostics.counts()
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    echo_diagnostics(diagnostics, quiet=quiet, verbose=verbose)
    blog, counts = summary["blog"], summary["counts"]
    click.echo(f"format:    {summary['format']}")
    click.echo(f"blog:      {blog['title']} ({blog['url'] or 'no address'})")
    click.echo(f"locale:    {blog['locale'] or 'unknown'}    time zone: {blog['timezone'] or 'unknown'}")
    click.echo(f"entries:   {_n(counts['posts'], 'post')}, {_n(counts['pages'], 'page')}, "
               f"{_n(counts['drafts'], 'draft')}, {_n(counts['comments'], 'comment')}")
    for status, number in summary["entries_by_status"].items():
        click.echo(f"  {status}: {number}")
    for status, number in summary["comments_by_status"].items():
        click.echo(f"  comments {status}: {number}")
    click.echo(f"labels:    {len(summary['labels'])}")
    if summary["first_date"] is None:
        click.echo("dates:     none (no posts or pages)")
    else:
        click.echo(f"dates:     {summary['first_date']} .. {summary['last_date']}")


def _info_blogs(input_path: str, from_format: str | None, options: ReadOptions, titles: list[str],
                as_json: bool, *, quiet: bool, verbose: bool) -> None:
    """``info`` on a Takeout holding several blogs: every blog with its counts."""
    diagnostics = Diagnostics()
    summaries = []
    for title in titles:
        each = dataclasses.replace(options, blog=title, each_blog=True)  # all are listed: none "also held"
        archive = read(input_path, format=from_format, options=each, diagnostics=diagnostics)
        summaries.append(summarize(archive))
    if as_json:
        click.echo(json.dumps({"format": summaries[0]["format"], "blogs": summaries,
                               "diagnostics": diagnostics.counts()}, ensure_ascii=False, indent=2))
        return
    echo_diagnostics(diagnostics, quiet=quiet, verbose=verbose)
    click.echo(f"format:    {summaries[0]['format']}")
    click.echo(f"blogs:     {len(titles)} (--blog NAME shows one; convert --blog all writes each)")
    for title, summary in zip(titles, summaries, strict=True):
        counts = summary["counts"]
        dates = (f"{summary['first_date'][:10]} .. {summary['last_date'][:10]}"
                 if summary["first_date"] else "no dates")
        click.echo(f"  {title}: {_n(counts['posts'], 'post')}, {_n(counts['pages'], 'page')}, "
                   f"{_n(counts['drafts'], 'draft')}, {_n(counts['comments'], 'comment')}; {dates}")


@click.command()
def formats() -> None:
    """List the input and output formats.

    \b
    Example:
      blogimport formats
    """
    click.echo("Input formats (--from; detected from content when omitted):")
    for reader in READERS:
        click.echo(f"  {reader.name:<16} {reader.description}")
    click.echo("Output formats (--to):")
    for writer in WRITERS:
        click.echo(f"  {writer.name:<16} {writer.description}")
