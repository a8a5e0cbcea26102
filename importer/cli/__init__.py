"""The ``blogimport`` command line: a thin click layer over the library.

This package is the only place that imports click, prints, or decides exit codes:
0 ok · 1 fatal error · 2 usage error · 3 diagnostics at or above ``--fail-on``.
Each command lives in its own module and is registered explicitly in ``COMMANDS``.
"""

from __future__ import annotations

import warnings
from importlib import import_module

import click

from importer import __version__

# Libraries' advice to programmers, such as BeautifulSoup's "looks like a URL" and "looks like
# XML", would reach the user as multi-line Python warnings about a post body that is just a link,
# or about a file forced with --from; what matters of it is reported as diagnostics instead. They
# are attributed to our module that called the library (matched by name, so BeautifulSoup need not
# be imported just to name its warning classes: that alone cost 0.1 s of every start).
warnings.filterwarnings("ignore", category=UserWarning, module=r"importer\.")

#: Commands in the order ``--help`` lists them: (module, function, the one-line help ``--help``
#: shows). Modules are imported when their command runs, so ``blogimport --help`` does not load
#: every reader and writer; a test checks these lines against the commands' own help.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "convert": ("importer.cli.convert", "convert",
                "Convert INPUT (an export, a Takeout folder or zip, saved..."),
    "date": ("importer.cli.date", "date",
             "Parse TEXT strictly and print its ISO 8601 value and precision."),
    "formats": ("importer.cli.convert", "formats", "List the input and output formats."),
    "info": ("importer.cli.convert", "info", "Show what INPUT holds: format, blog, counts by kind and..."),
    "validate": ("importer.cli.validate", "validate",
                 "Check exports, Takeouts, saved pages and JSON archives (files..."),
}


class _LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, name, _short = COMMANDS[cmd_name]
        command = getattr(import_module(module), name)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="blogimport")
@click.option("--debug", is_flag=True,
              help="Show the Python traceback of an internal error (for a bug report).")
def main(debug: bool) -> None:
    """Move a blog's whole archive out of Blogger, intact.

    \b
    Example:
      blogimport convert blog-06-10-2010.xml --to hugo -o site/
    """
