"""Running the checks of the registry on one archive."""

from __future__ import annotations

from collections.abc import Iterable

from importer.checks.base import OUTPUT_FLAVORS, CheckContext
from importer.checks.registry import CHECKS, Check
from importer.diagnostics import Diagnostics
from importer.model import Archive


def validate(
    archive: Archive,
    *,
    diagnostics: Diagnostics | None = None,
    file: str | None = None,
    targets: Iterable[str] = OUTPUT_FLAVORS,
    locale: str | None = None,
    checks: Iterable[Check] | None = None,
) -> Diagnostics:
    """Run every check (or ``checks``) on ``archive``; returns the diagnostics they reported.

    ``file`` names the source in each diagnostic; ``targets`` limits the output checks to some
    flavors (``convert`` passes its own); ``locale`` overrides the blog's for date texts.
    """
    diags = diagnostics if diagnostics is not None else Diagnostics(file=file)
    context = CheckContext(file=file if file is not None else diags.file,
                           targets=tuple(targets), locale=locale)
    for check in checks if checks is not None else CHECKS:
        for finding in check.function(archive, context):
            diags.report(check.code, finding.message, entry=finding.entry, file=context.file)
    return diags
