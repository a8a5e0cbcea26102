"""How a run's diagnostics look in the terminal: a few of each code, then totals by code.

The library keeps every diagnostic (``--report`` and ``validate --format json`` hold them all);
a person reading stderr gets, per code, the first few (``LIMIT``) and one line saying how many
more there are, so 20,000 ``display-time-mismatch`` lines become six. The same code reported
several times for one entry is said once (the count of the others is added to the line).
``--verbose`` prints every diagnostic as it was reported; ``--quiet`` keeps the details of errors
only. Either way the run ends with the totals by code, so nothing is hidden without being counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from importer.diagnostics import Diagnostic, Severity

#: How many diagnostics of one code are printed before the "… and N more" line.
LIMIT = 5


@dataclass
class _Group:
    """What is printed for one code: its first lines, and how many diagnostics it holds."""

    code: str
    severity: Severity
    total: int = 0
    lines: list[str] = field(default_factory=list)
    represented: int = 0
    """Diagnostics the printed lines stand for (a line may stand for repeats on one entry)."""
    by_entry: dict[tuple[str | None, str], int] = field(default_factory=dict)
    """(file, entry) -> index in ``lines``, to say a repeat for one entry once."""
    repeats: dict[int, int] = field(default_factory=dict)
    """Index in ``lines`` -> how many more times the code was reported for that entry."""


def plural(count: int, word: str, many: str | None = None) -> str:
    """``plural(1, "post") == "1 post"``, ``plural(20000, "post") == "20,000 posts"``."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def _groups(diagnostics: Iterable[Diagnostic], limit: int | None) -> list[_Group]:
    groups: dict[str, _Group] = {}
    for diagnostic in diagnostics:
        group = groups.get(diagnostic.code)
        if group is None:
            group = groups[diagnostic.code] = _Group(diagnostic.code, diagnostic.severity)
        group.total += 1
        group.severity = max(group.severity, diagnostic.severity)
        if limit is None:
            group.lines.append(str(diagnostic))
            group.represented += 1
            continue
        key = (diagnostic.file, diagnostic.entry) if diagnostic.entry is not None else None
        if key is not None and key in group.by_entry:
            index = group.by_entry[key]
            group.repeats[index] = group.repeats.get(index, 0) + 1
            group.represented += 1
        elif len(group.lines) < limit:
            if key is not None:
                group.by_entry[key] = len(group.lines)
            group.lines.append(str(diagnostic))
            group.represented += 1
    return list(groups.values())


def detail_lines(diagnostics: Iterable[Diagnostic], *, limit: int | None = LIMIT,
                 least: Severity = Severity.INFO) -> list[str]:
    """The diagnostics at or above ``least``, grouped by code (first seen first), ``limit`` each.

    ``limit=None`` gives every diagnostic in the order reported (``--verbose``).
    """
    chosen = [d for d in diagnostics if d.severity >= least]
    if limit is None:
        return [str(d) for d in chosen]
    lines: list[str] = []
    for group in _groups(chosen, limit):
        for index, line in enumerate(group.lines):
            more = group.repeats.get(index, 0)
            lines.append(line + (f" (and {plural(more, 'more time')} for this entry)" if more else ""))
        hidden = group.total - group.represented
        if hidden:
            lines.append(f"  … and {hidden:,} more {group.code}")
    return lines


def totals_lines(diagnostics: Sequence[Diagnostic]) -> list[str]:
    """``diagnostics by code:`` and one line per code (worst severity first) with its total."""
    groups = _groups(diagnostics, 0)
    if not groups:
        return []
    groups.sort(key=lambda g: (-g.severity, g.code))
    width = max(len(g.code) for g in groups)
    digits = max(len(f"{g.total:,}") for g in groups)
    counts = {s: sum(g.total for g in groups if g.severity == s) for s in Severity}
    head = ", ".join(plural(counts[s], str(s), "info" if s == Severity.INFO else None)
                     for s in sorted(Severity, reverse=True) if counts[s])
    return [f"diagnostics: {head}"] + [
        f"  {g.severity!s:<7}  {g.code:<{width}}  {g.total:>{digits},}" for g in groups]


def report_lines(diagnostics: Sequence[Diagnostic], *, verbose: bool = False,
                 quiet: bool = False) -> list[str]:
    """What a run prints about its diagnostics: the details, then the totals by code.

    ``quiet`` keeps only the details of errors (the totals still count everything); ``verbose``
    prints every diagnostic.
    """
    least = Severity.ERROR if quiet else Severity.INFO
    details = detail_lines(diagnostics, limit=None if verbose else LIMIT, least=least)
    totals = totals_lines(diagnostics)
    shown = sum(1 for line in details if not line.startswith("  … and "))
    if totals and shown < len(diagnostics):
        totals[0] += " (--verbose prints every one)"
    return details + totals
