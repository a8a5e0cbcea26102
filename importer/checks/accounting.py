"""End-of-run accounting for ``convert``: entries read = entries written + entries skipped, always.

"Skipped" is derived from the diagnostics, never counted separately: every catalogue code with
``skips_entry`` means one entry left out. Reading and writing are told apart because they skip
differently: a reader leaves an entry out of the archive (so each such diagnostic is one more
entry read), a writer leaves out an entry of the archive (named by its id; a post's comments go
with it).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from importer.checks.engine import validate
from importer.checks.registry import CHECKS, Check
from importer.diagnostics import CODES, Diagnostic, Diagnostics
from importer.model import Archive


@dataclass(frozen=True)
class Accounting:
    """Entries (posts, pages and comments) read, written and skipped, with the reasons."""

    read: int
    written: int
    skipped: dict[str, int] = field(default_factory=dict)
    """Number of entries left out per reason (a catalogue code)."""
    left_out: dict[tuple[str, str], str] = field(default_factory=dict, compare=False)
    """(``post`` or ``comment``, id) of each entry of the archive the writer left out -> the reason
    (a catalogue code); a post's comments go with it without being listed."""

    @property
    def skipped_total(self) -> int:
        """All entries left out."""
        return sum(self.skipped.values())

    @property
    def balanced(self) -> bool:
        """True when read = written + skipped (always, unless a writer misreports)."""
        return self.read == self.written + self.skipped_total

    def line(self, written: str = "written") -> str:
        """``entries: 9 read, 7 written, 2 skipped (1 draft-skipped, 1 entry-invalid)``; a dry run
        says ``7 to write`` (``written="to write"``)."""
        reasons = ", ".join(f"{n:,} {code}" for code, n in sorted(self.skipped.items()))
        return (f"entries: {self.read:,} read, {self.written:,} {written}, {self.skipped_total:,} skipped"
                + (f" ({reasons})" if reasons else ""))


def _skips(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.code in CODES and CODES[d.code].skips_entry]


def _left_out(write_diagnostics: Iterable[Diagnostic]) -> dict[tuple[str, str], str]:
    """``{(kind, id): code}`` of what the writer left out; kind is ``post`` or ``comment``.

    Keyed by kind as well as id: a WordPress comment and a post may share an id (the theme unit
    test's comment 1016 and post 1016), and skipping one must not count the other.
    """
    left_out: dict[tuple[str, str], str] = {}
    for diagnostic in _skips(write_diagnostics):
        kind = CODES[diagnostic.code].skips or "post"
        if diagnostic.entry is not None:
            left_out.setdefault((kind, diagnostic.entry), diagnostic.code)
    return left_out


def account(archive: Archive, read_diagnostics: Iterable[Diagnostic],
            write_diagnostics: Iterable[Diagnostic]) -> Accounting:
    """Accounting of one conversion from its archive and the diagnostics of each phase."""
    skipped_reading: Counter[str] = Counter(d.code for d in _skips(read_diagnostics))
    left_out = _left_out(write_diagnostics)
    skipped_writing: Counter[str] = Counter()
    in_archive = 0
    for post in archive.posts:
        in_archive += 1 + len(post.comments)
        post_reason = left_out.get(("post", post.id))
        if post_reason is not None:  # a post left out takes its comments with it
            skipped_writing[post_reason] += 1 + len(post.comments)
            continue
        for comment in post.comments:
            reason = left_out.get(("comment", comment.id))
            if reason is not None:
                skipped_writing[reason] += 1
    return Accounting(read=in_archive + skipped_reading.total(),
                      written=in_archive - skipped_writing.total(),
                      skipped=dict(skipped_reading + skipped_writing), left_out=left_out)


def covered(diagnostics: Iterable[Diagnostic]) -> set[tuple[str, str | None]]:
    """``(code, entry)`` pairs already said: each diagnostic's own, and the codes it ``covers``."""
    said: set[tuple[str, str | None]] = set()
    for diagnostic in diagnostics:
        said.add((diagnostic.code, diagnostic.entry))
        known = CODES.get(diagnostic.code)
        if known is not None and diagnostic.entry is not None:
            said.update((code, diagnostic.entry) for code in known.covers)
    return said


#: Checks that read one shared pass over the archive (their module keeps it for the last
#: archive), so each group is one job, done in one process. They are also the longest (every
#: body's links; every displayed date), so they come first (see ``check_jobs``).
_SHARED_PASSES: tuple[frozenset[str], ...] = (frozenset({"link-unresolved", "image-remote"}),
                                              frozenset({"date-unparsed", "display-time-mismatch"}))

#: One job's findings: ``(check number in the registry, its findings)`` per check it ran.
JobFindings = list[tuple[int, list[Diagnostic]]]


def check_jobs(archive: Archive, file: str | None, target: str) -> list[Callable[[], JobFindings]]:
    """validate's archive checks of ``archive`` converted to ``target``, as jobs that can run in
    any process, in any order (the longest first); ``merge_findings`` puts their findings back
    in check order.

    The output checks are left out: the writer reports what it does to its own output itself,
    and predicting it again would convert every body a second time.
    """
    numbered = [(n, check) for n, check in enumerate(CHECKS) if not check.predicts_output]
    groups = [[(n, check) for n, check in numbered if check.code in codes] for codes in _SHARED_PASSES]
    grouped = {n for group in groups for n, _check in group}
    groups += [[(n, check)] for n, check in numbered if n not in grouped]

    def job(group: list[tuple[int, Check]]) -> JobFindings:
        return [(n, list(validate(archive, file=file, targets=(target,), checks=[check])))
                for n, check in group]

    return [functools.partial(job, group) for group in groups if group]


def merge_findings(results: Iterable[JobFindings]) -> list[Diagnostic]:
    """The findings of every job, in the order of the checks that made them."""
    pairs = sorted((pair for result in results for pair in result), key=lambda pair: pair[0])
    return [found for _n, findings in pairs for found in findings]


def run_checks(archive: Archive, file: str | None, target: str,
               progress: Callable[[int, int], None] | None = None) -> list[Diagnostic]:
    """What validate's archive checks find in ``archive`` converted to ``target``, in check order
    (``check_jobs`` run here, one after the other); ``progress(done, total)`` after each job."""
    jobs = check_jobs(archive, file, target)
    results = []
    for done, job in enumerate(jobs, 1):
        results.append(job())
        if progress is not None:
            progress(done, len(jobs))
    return merge_findings(results)


def check_conversion(archive: Archive, diagnostics: Diagnostics, read_span: tuple[int, int],
                     write_span: tuple[int, int], target: str,
                     progress: Callable[[int, int], None] | None = None,
                     findings: Iterable[Diagnostic] | None = None) -> Accounting:
    """What ``convert`` does after writing: validate's checks, then the accounting.

    The checks' findings (``run_checks``; ``findings`` when they were run elsewhere, e.g. in a
    worker while the output was written) are reported, but a finding is dropped when reading or
    writing already reported that code for that entry, or a code that covers it (``kind-skipped``
    covers ``kind-unknown``: one entry, one thing said). ``read_span`` and ``write_span`` are the
    index ranges of ``diagnostics`` each phase reported; ``progress(done, total)`` is called after
    each check run here.
    """

    items = list(diagnostics)
    seen = covered(items)
    if findings is None:
        findings = run_checks(archive, diagnostics.file, target, progress)
    for found in findings:
        if (found.code, found.entry) not in seen:
            diagnostics.report(found.code, found.message, entry=found.entry, line=found.line,
                               file=found.file, severity=found.severity)
    return account(archive, items[read_span[0]:read_span[1]], items[write_span[0]:write_span[1]])
