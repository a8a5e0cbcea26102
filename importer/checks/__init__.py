"""``validate``: CI-grade checks of a blog archive, and of export files and fixture folders.

``validate(archive)`` runs the small ``check_<rule>`` functions of ``registry.CHECKS`` and
reports what they find, with catalogued codes, into a ``Diagnostics``. ``validate_paths(paths)``
reads files and folders (any input format, detected per file) and validates each, turning files
that cannot be read into ``file-unreadable`` diagnostics instead of exceptions.

>>> from importer.checks import validate_paths
>>> report = validate_paths(["fixtures/blog-fi"])  # doctest: +SKIP
>>> report.worst()                                 # doctest: +SKIP
"""

from __future__ import annotations

from importer.checks.base import OUTPUT_FLAVORS, CheckContext, Finding
from importer.checks.engine import validate
from importer.checks.files import validate_paths
from importer.checks.registry import CHECKS, Check
from importer.checks.report import FileResult, ValidationReport

__all__ = [
    "CHECKS",
    "OUTPUT_FLAVORS",
    "Check",
    "CheckContext",
    "FileResult",
    "Finding",
    "ValidationReport",
    "validate",
    "validate_paths",
]
