"""The result of validating files: one ``FileResult`` per input, and totals over all of them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from importer.diagnostics import Diagnostic, Severity


@dataclass(frozen=True)
class FileResult:
    """What validating one input (a file, a Takeout folder or zip) found."""

    path: str
    """The input as shown in diagnostics (the path given, or found under a given folder)."""
    format: str | None
    """The input format detected, or None when the file could not be recognised."""
    posts: int = 0
    """Posts, pages and other entries read."""
    comments: int = 0
    """Comments read."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """Everything reported while reading and checking it."""
    readable: bool = True
    """False when the input could not be read at all (see ``file-unreadable``)."""

    def worst(self) -> Severity | None:
        """The highest severity reported for this input, or None."""
        return max((d.severity for d in self.diagnostics), default=None)

    def at_or_above(self, threshold: Severity) -> list[Diagnostic]:
        """The diagnostics at or above ``threshold``."""
        return [d for d in self.diagnostics if d.severity >= threshold]


@dataclass
class ValidationReport:
    """Per-file results of one validation run, with totals."""

    files: list[FileResult] = field(default_factory=list)

    def diagnostics(self) -> Iterator[Diagnostic]:
        """Every diagnostic, file by file."""
        for result in self.files:
            yield from result.diagnostics

    def counts(self) -> dict[str, int]:
        """Number of diagnostics per severity name, all three always present."""
        counter = Counter(str(d.severity) for d in self.diagnostics())
        return {str(s): counter.get(str(s), 0) for s in sorted(Severity, reverse=True)}

    def worst(self) -> Severity | None:
        """The highest severity over all files, or None when nothing was reported."""
        return max((d.severity for d in self.diagnostics()), default=None)

    def fails(self, fail_on: Severity | None) -> bool:
        """True when a diagnostic is at or above ``fail_on`` (None never fails)."""
        worst = self.worst()
        return fail_on is not None and worst is not None and worst >= fail_on

    def summary(self) -> dict[str, object]:
        """Totals: files, unreadable files, posts, comments and diagnostics by severity."""
        return {
            "files": len(self.files),
            "unreadable": sum(not f.readable for f in self.files),
            "posts": sum(f.posts for f in self.files),
            "comments": sum(f.comments for f in self.files),
            "diagnostics": self.counts(),
        }

    def summary_line(self) -> str:
        """``3 files (1 unreadable), 7 posts, 5 comments: 1 error, 2 warnings, 0 info``."""
        counts = self.counts()
        unreadable = sum(not f.readable for f in self.files)
        files = _count(len(self.files), "file") + (f" ({unreadable} unreadable)" if unreadable else "")
        return (f"{files}, {_count(sum(f.posts for f in self.files), 'post')}, "
                f"{_count(sum(f.comments for f in self.files), 'comment')}: "
                f"{_count(counts['error'], 'error')}, {_count(counts['warning'], 'warning')}, "
                f"{counts['info']} info")


def _count(number: int, word: str) -> str:
    return f"{number} {word if number == 1 else word + 's'}"
