"""``ConvertResult``: what one conversion did, for the CLI's run report and the migration report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from importer.checks.accounting import Accounting
from importer.diagnostics import Diagnostics
from importer.io.plan import WritePlan
from importer.model import Archive
from importer.outputs import OutputFile
from importer.site import SiteUrls
from importer.web.report import WebReport


@dataclass
class ConvertResult:
    """What a conversion did: the archive read, the files written and the diagnostics."""

    archive: Archive
    written: list[Path] = field(default_factory=list)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    web: WebReport | None = None
    """Links rewritten, images brought home, redirects written (see ``importer.web``)."""
    accounting: Accounting | None = None
    """Entries read, written and skipped with reasons (read = written + skipped)."""
    site: SiteUrls | None = None
    """The writer's URL plan: every entry's new URL (and output file, for site trees)."""
    output_archive: Archive | None = None
    """The archive as the writer got it: links and image references rewritten."""
    files: list[OutputFile] = field(default_factory=list)
    """The writer's files (relative paths and bytes), before ``io`` placed them; a streamed one
    (JSON) holds no bytes and makes them again when its ``data`` is read."""
    plan: WritePlan | None = None
    """Set by a dry run only (``convert(..., dry_run=True)``): the files a real run would write new,
    change, leave unchanged and remove, and the images it would download; nothing was written."""
