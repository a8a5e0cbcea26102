"""End-of-run accounting for ``convert``: entries read = entries written + entries skipped, always.

"Skipped" is derived from the diagnostics, never counted separately: every catalogue code with
``skips_entry`` means one entry left out. Reading and writing are told apart because they skip
differently: a reader leaves an entry out of the archive (so each such diagnostic is one more
entry read), a writer leaves out an entry of the archive (named by its id; a post's comments go
with it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from importer.diagnostics import CODES, Diagnostic, Diagnostics
from importer.model import Archive


@dataclass(frozen=True)
class Accounting:
    """Entries (posts, pages and comments) read, written and skipped, with the reasons."""

    read: int
    written: int
    skipped: dict[str, int] = field(default_factory=dict)
    """Number of entries left out per reason (a catalogue code)."""

    @property
    def skipped_total(self) -> int:
        """All entries left out."""
        return sum(self.skipped.values())

    @property
    def balanced(self) -> bool:
        """True when read = written + skipped (always, unless a writer misreports)."""
        return self.read == self.written + self.skipped_total

    def line(self) -> str:
        """``entries: 9 read, 7 written, 2 skipped (1 draft-skipped, 1 entry-invalid)``."""
        reasons = ", ".join(f"{n} {code}" for code, n in sorted(self.skipped.items()))
        return (f"entries: {self.read} read, {self.written} written, {self.skipped_total} skipped"
                + (f" ({reasons})" if reasons else ""))


def _skips(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.code in CODES and CODES[d.code].skips_entry]


def account(archive: Archive, read_diagnostics: Iterable[Diagnostic],
            write_diagnostics: Iterable[Diagnostic]) -> Accounting:
    """Accounting of one conversion from its archive and the diagnostics of each phase."""
    skipped_reading: Counter[str] = Counter(d.code for d in _skips(read_diagnostics))
    left_out: dict[str, str] = {}
    for diagnostic in _skips(write_diagnostics):
        if diagnostic.entry is not None:
            left_out.setdefault(diagnostic.entry, diagnostic.code)
    skipped_writing: Counter[str] = Counter()
    in_archive = 0
    for post in archive.posts:
        in_archive += 1 + len(post.comments)
        post_reason = left_out.get(post.id)
        for entry_id in (post.id, *(c.id for c in post.comments)):
            reason = post_reason or left_out.get(entry_id)
            if reason is not None:
                skipped_writing[reason] += 1
    return Accounting(read=in_archive + skipped_reading.total(),
                      written=in_archive - skipped_writing.total(),
                      skipped=dict(skipped_reading + skipped_writing))


def check_conversion(archive: Archive, diagnostics: Diagnostics, read_span: tuple[int, int],
                     write_span: tuple[int, int], target: str) -> Accounting:
    """What ``convert`` does after writing: validate's checks, then the accounting.

    The archive checks run (not the output checks: the writer reported what it did itself), and a
    finding is dropped when reading or writing already reported that code for that entry.
    ``read_span`` and ``write_span`` are the index ranges of ``diagnostics`` each phase reported.
    """
    from importer.checks.engine import validate
    from importer.checks.registry import CHECKS

    items = list(diagnostics)
    seen = {(d.code, d.entry) for d in items}
    # The writer has just reported what it did to its own output; predicting it again would
    # convert every body a second time.
    checks = [check for check in CHECKS if not check.predicts_output]
    for found in validate(archive, file=diagnostics.file, targets=(target,), checks=checks):
        if (found.code, found.entry) not in seen:
            diagnostics.report(found.code, found.message, entry=found.entry, line=found.line,
                               file=found.file, severity=found.severity)
    return account(archive, items[read_span[0]:read_span[1]], items[write_span[0]:write_span[1]])
