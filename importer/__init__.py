"""blog-archive-importer: move a blog's whole archive out of Blogger, intact.

Readers turn an input (legacy Blogger export, Google Takeout, saved pages, WXR, our JSON) into
one ``Archive``; writers turn an ``Archive`` into files (JSON, Markdown flavors, WXR).

>>> import importer
>>> archive = importer.read("fixtures/blog-fi/legacy.xml")          # doctest: +SKIP
>>> files = importer.write(archive, "json")                          # doctest: +SKIP
>>> importer.convert("fixtures/blog-fi/legacy.xml", "out.json", to="json")  # doctest: +SKIP
>>> for diagnostic in importer.validate(archive): print(diagnostic)  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from importer.errors import (
    DateParseError,
    FormatDetectionError,
    ImporterError,
    InputError,
    OutputError,
    SchemaError,
    UsageError,
)
from importer.version import __version__

if TYPE_CHECKING:
    from importer.checks import validate
    from importer.diagnostics import CODES, Diagnostic, DiagnosticCode, Diagnostics, Severity
    from importer.model import Archive, Author, Blog, Comment, Location, Post
    from importer.options import ReadOptions
    from importer.pipeline import convert
    from importer.readers import READERS, read
    from importer.readers.detect import detect_format
    from importer.result import ConvertResult
    from importer.stats import summarize
    from importer.writers import WRITERS, OutputFile, write

# The public names are imported on first use (PEP 562): ``import importer`` and ``blogimport
# --help`` must not load every reader and writer (lxml, BeautifulSoup, markdownify, YAML...).
_LAZY = {
    "validate": "importer.checks",
    "CODES": "importer.diagnostics", "Diagnostic": "importer.diagnostics",
    "DiagnosticCode": "importer.diagnostics", "Diagnostics": "importer.diagnostics",
    "Severity": "importer.diagnostics",
    "Archive": "importer.model", "Author": "importer.model", "Blog": "importer.model",
    "Comment": "importer.model", "Location": "importer.model", "Post": "importer.model",
    "ReadOptions": "importer.options", "convert": "importer.pipeline",
    "READERS": "importer.readers", "read": "importer.readers",
    "detect_format": "importer.readers.detect", "ConvertResult": "importer.result",
    "summarize": "importer.stats", "WRITERS": "importer.writers",
    "OutputFile": "importer.writers", "write": "importer.writers",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'importer' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "CODES",
    "READERS",
    "WRITERS",
    "Archive",
    "Author",
    "Blog",
    "Comment",
    "ConvertResult",
    "DateParseError",
    "Diagnostic",
    "DiagnosticCode",
    "Diagnostics",
    "FormatDetectionError",
    "ImporterError",
    "InputError",
    "Location",
    "OutputError",
    "OutputFile",
    "Post",
    "ReadOptions",
    "SchemaError",
    "Severity",
    "UsageError",
    "__version__",
    "convert",
    "detect_format",
    "read",
    "summarize",
    "validate",
    "write",
]
