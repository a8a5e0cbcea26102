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

from importer.checks import validate
from importer.diagnostics import CODES, Diagnostic, DiagnosticCode, Diagnostics, Severity
from importer.errors import (
    DateParseError,
    FormatDetectionError,
    ImporterError,
    InputError,
    OutputError,
    SchemaError,
    UsageError,
)
from importer.model import Archive, Author, Blog, Comment, Location, Post
from importer.options import ReadOptions
from importer.pipeline import convert
from importer.readers import READERS, read
from importer.readers.detect import detect_format
from importer.result import ConvertResult
from importer.stats import summarize
from importer.version import __version__
from importer.writers import WRITERS, OutputFile, write

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
