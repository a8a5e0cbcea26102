"""The ``blogimport`` command line: a thin click layer over the library.

This package is the only place that imports click, prints, or decides exit codes:
0 ok · 1 fatal error · 2 usage error · 3 diagnostics at or above ``--fail-on``.
Each command lives in its own module and is registered explicitly below the group.
"""

from __future__ import annotations

import warnings

import click
from bs4 import MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

from importer import __version__
from importer.cli import convert as _convert
from importer.cli import date as _date
from importer.cli import validate as _validate

# BeautifulSoup's advice to programmers ("looks like a URL", "looks like XML") would reach the
# user as multi-line Python warnings about a post body that is just a link, or about a file
# forced with --from; what matters of it is reported as diagnostics instead.
warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)
warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="blogimport")
@click.option("--debug", is_flag=True,
              help="Show the Python traceback of an internal error (for a bug report).")
def main(debug: bool) -> None:
    """Move a blog's whole archive out of Blogger, intact.

    \b
    Example:
      blogimport convert blog-06-10-2010.xml --to hugo -o site/
    """


for _command in (_convert.convert, _convert.info, _convert.formats, _date.date, _validate.validate):
    main.add_command(_command)
