"""``blogimport validate``: check export files and fixture folders, with output CI understands."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from importer.checks import validate_paths
from importer.checks.docs import render_json, render_markdown, render_text
from importer.checks.formats import FORMATS
from importer.cli.common import (
    EXIT_DIAGNOSTICS,
    FAIL_ON,
    VERBOSE,
    debug_enabled,
    handle_errors,
    options_from_dataclasses,
    pick,
)
from importer.cli.terminal import report_lines
from importer.diagnostics import Severity
from importer.errors import UsageError
from importer.options import ReadOptions

_CATALOGUE_FORMATS = ("text", "json", "markdown")


def _list_checks(output_format: str) -> None:
    if output_format not in _CATALOGUE_FORMATS:
        raise UsageError(f"--list-checks prints text, json or markdown, not {output_format}")
    if output_format == "markdown":
        click.echo(render_markdown(), nl=False)
    elif output_format == "json":
        click.echo(json.dumps(render_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(), nl=False)


@click.command()
@click.argument("paths", metavar="PATH...", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice([*FORMATS, "markdown"]), default="text",
              show_default=True, help="Report format (markdown: only with --list-checks).")
@FAIL_ON
@click.option("--list-checks", is_flag=True, help="Print the catalogue of checks and codes, then exit.")
@VERBOSE
@options_from_dataclasses([ReadOptions])
@handle_errors
def validate(paths: tuple[str, ...], output_format: str, fail_on: str, list_checks: bool,
             verbose: bool, **values: Any) -> None:
    """Check exports, Takeouts, saved pages and JSON archives (files or folders) for problems.

    Each input's format is detected from its content. Exit code 3 when a diagnostic is at or
    above --fail-on (an unreadable file is an error), 0 otherwise. The text format prints the
    first few diagnostics of each code and the totals by code (--verbose: every diagnostic); the
    other formats always hold every diagnostic.

    \b
    Examples:
      blogimport validate blog-06-10-2010.xml
      blogimport validate fixtures/blog-fi --format github --fail-on warning
      blogimport validate --list-checks --format markdown > docs/checks.md
    """
    if list_checks:
        if paths:
            raise UsageError("--list-checks takes no PATH")
        _list_checks(output_format)
        return
    if not paths:
        raise UsageError("give at least one PATH to validate (or --list-checks)")
    if output_format == "markdown":
        raise UsageError("--format markdown is only for --list-checks")
    threshold = None if fail_on == "never" else Severity.parse(fail_on)
    report = validate_paths(paths, ReadOptions(**pick(values, ReadOptions)), debug=debug_enabled())
    if output_format == "text":
        for line in report_lines(list(report.diagnostics()), verbose=verbose):
            click.echo(line)
        click.echo(report.summary_line())
    else:
        click.echo(FORMATS[output_format](report, threshold), nl=False)
    if report.fails(threshold):
        sys.exit(EXIT_DIAGNOSTICS)
