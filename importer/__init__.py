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

__version__ = "0.1.0"

import sys
import types
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

if TYPE_CHECKING:
    from importer.diagnostics import CODES, Diagnostic, Diagnostics, Severity
    from importer.model import Archive, Author, Blog, Comment, Location, Post
    from importer.options import ReadOptions
    from importer.pipeline import ConvertResult, convert
    from importer.readers import READERS, read
    from importer.readers.detect import detect_format
    from importer.stats import summarize
    from importer.validate import validate
    from importer.writers import WRITERS, OutputFile, write

# The public names are imported on first use (PEP 562): ``import importer`` and ``blogimport
# --help`` must not load every reader and writer (lxml, BeautifulSoup, markdownify, YAML...).
_LAZY = {
    "CODES": "importer.diagnostics", "Diagnostic": "importer.diagnostics",
    "Diagnostics": "importer.diagnostics", "Severity": "importer.diagnostics",
    "Archive": "importer.model", "Author": "importer.model", "Blog": "importer.model",
    "Comment": "importer.model", "Location": "importer.model", "Post": "importer.model",
    "ReadOptions": "importer.options", "ConvertResult": "importer.pipeline",
    "convert": "importer.pipeline", "READERS": "importer.readers", "read": "importer.readers",
    "detect_format": "importer.readers.detect", "summarize": "importer.stats",
    "validate": "importer.validate", "WRITERS": "importer.writers",
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


class _Package(types.ModuleType):
    """Keeps ``importer.validate`` the function once the ``importer.validate`` package is imported.

    Importing a submodule sets it as an attribute of its package; the eager imports used to bind
    the function last. (Not needed once the checks package no longer shares the function's name.)
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "validate" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


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
