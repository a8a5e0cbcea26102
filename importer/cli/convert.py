"""``blogimport convert``, ``info`` and ``formats``."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from importer.cli.common import (
    FAIL_ON,
    echo_diagnostics,
    exit_for,
    handle_errors,
    options_from_dataclasses,
    pick,
)
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
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr when it is a terminal; None otherwise."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=1, label="Reading", file=sys.stderr) as bar:
        def update(done: int, total: int) -> None:
            bar.length = max(total, 1)
            bar.update(done - bar.pos)
        yield update


def _image_progress() -> Callable[[int, int], None] | None:
    """Image download progress on stderr when it is a terminal (one line, rewritten in place)."""
    if not sys.stderr.isatty():
        return None

    def update(done: int, total: int) -> None:
        click.echo(f"\rImages {done}/{total}", err=True, nl=done >= total)

    return update


def _read_options(values: dict[str, Any], progress: Callable[[int, int], None] | None) -> ReadOptions:
    return ReadOptions(**pick(values, ReadOptions), progress=progress)


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
@click.option("-q", "--quiet", is_flag=True, help="Do not print info diagnostics.")
@FAIL_ON
@options_from_dataclasses([ReadOptions])
@options_from_dataclasses([*_WRITER_OPTION_CLASSES, WebOptions])
@handle_errors
def convert(input_path: str, to: str, output: str, from_format: str | None, force: bool,
            quiet: bool, fail_on: str, **values: Any) -> None:
    """Convert INPUT (an export, a Takeout folder or zip, saved pages) to another format.

    \b
    Examples:
      blogimport convert blog-06-10-2010.xml --to json -o blog.json
      blogimport convert takeout-20240101.zip --blog "Sosmedia ja muuta" --to hugo -o site/
    """
    spec = get_writer(to)
    read_options = _read_options(values, None)  # every value is checked before the input is opened
    write_options = spec.make_options(**pick(values, spec.options_class))
    web_options = WebOptions(**pick(values, WebOptions), progress=_image_progress())
    _refuse_foreign(values, spec)
    diagnostics = Diagnostics()
    with _progress(output != "-") as progress:
        result = convert_archive(
            input_path, output, to, from_format=from_format,
            read_options=dataclasses.replace(read_options, progress=progress), write_options=write_options,
            force=force, diagnostics=diagnostics, web=web_options,
        )
    echo_diagnostics(diagnostics, quiet=quiet)
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
@options_from_dataclasses([ReadOptions])
@handle_errors
def info(input_path: str, from_format: str | None, as_json: bool, **values: Any) -> None:
    """Show what INPUT holds: format, blog, counts by kind and status, labels, date range.

    \b
    Example:
      blogimport info blog-06-10-2010.xml --json
    """
    diagnostics = Diagnostics()
    archive = read(input_path, format=from_format, options=_read_options(values, None),
                   diagnostics=diagnostics)
    summary = summarize(archive)
    summary["diagnostics"] = diagnostics.counts()
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    echo_diagnostics(diagnostics, quiet=True)
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
