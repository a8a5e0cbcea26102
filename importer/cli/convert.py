"""``blogimport convert``, ``info`` and ``formats``."""

from __future__ import annotations

import dataclasses
import json
import sys
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
from importer.cli.progress import terminal_progress
from importer.diagnostics import Diagnostics
from importer.errors import OptionError
from importer.options import ReadOptions
from importer.outputs import WriterSpec
from importer.pipeline import convert as convert_archive
from importer.readers import READERS, read, reader_names
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
@QUIET
@VERBOSE
@FAIL_ON
@options_from_dataclasses([ReadOptions])
@options_from_dataclasses([*_WRITER_OPTION_CLASSES, WebOptions])
@handle_errors
def convert(input_path: str, to: str, output: str, from_format: str | None, force: bool,
            quiet: bool, verbose: bool, fail_on: str, **values: Any) -> None:
    """Convert INPUT (an export, a Takeout folder or zip, saved pages) to another format.

    \b
    Examples:
      blogimport convert blog-06-10-2010.xml --to json -o blog.json
      blogimport convert takeout-20240101.zip --blog "Sosmedia ja muuta" --to hugo -o site/
    """
    check_verbosity(quiet, verbose)
    spec = get_writer(to)
    read_options = _read_options(values)  # every value is checked before the input is opened
    write_options = spec.make_options(**pick(values, spec.options_class))
    web_options = WebOptions(**pick(values, WebOptions))
    _refuse_foreign(values, spec)
    diagnostics = Diagnostics()
    # on stdout the output itself would run into the bar
    progress = terminal_progress(quiet or output == "-", sys.stderr)
    try:
        result = convert_archive(
            input_path, output, to, from_format=from_format,
            read_options=read_options, write_options=write_options,
            force=force, diagnostics=diagnostics, web=web_options, progress=progress,
        )
    finally:
        if progress is not None:
            progress.close()
    echo_diagnostics(diagnostics, quiet=quiet, verbose=verbose)
    if result.web is not None and web_options.active:
        for line in result.web.summary_lines():
            click.echo(line, err=True)
    counts = summarize(result.archive)["counts"]
    if output != "-":
        click.echo(
            f"{_n(counts['posts'], 'post')}, {_n(counts['pages'], 'page')}, "
            f"{_n(counts['comments'], 'comment')} read; "
            f"{_n(len(result.written), 'file')} written to {output}", err=True)
    if result.accounting is not None:  # read = written + skipped, with the reasons
        click.echo(result.accounting.line(), err=True)
    exit_for(diagnostics, fail_on)


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

    \b
    Example:
      blogimport info blog-06-10-2010.xml --json
    """
    check_verbosity(quiet, verbose)
    diagnostics = Diagnostics()
    archive = read(input_path, format=from_format, options=_read_options(values),
                   diagnostics=diagnostics)
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
