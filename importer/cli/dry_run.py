"""The end of a ``convert --dry-run``: what a real run would do to the output, grouped and short."""

from __future__ import annotations

import click

from importer.io import WritePlan

#: Paths shown per group without ``--verbose``.
EXAMPLES = 3


def _files(count: int) -> str:
    return f"{count:,} file" if count == 1 else f"{count:,} files"


def plan_lines(plan: WritePlan, *, verbose: bool, quiet: bool = False) -> list[str]:
    """The plan as lines: each group with a few example paths (``--verbose``: every path,
    ``--quiet``: none, the counts only)."""
    groups = [("new", plan.new), ("changed", plan.changed), ("removed (ours, no longer written)",
              plan.removed)]
    if verbose:
        groups.append(("unchanged", plan.unchanged))
    lines: list[str] = []
    for name, paths in groups:
        if not paths:
            continue
        lines.append(f"{name}: {_files(len(paths))}")
        shown = paths if verbose else () if quiet else paths[:EXAMPLES]
        lines.extend(f"  {path}" for path in shown)
        if shown and len(paths) > len(shown):
            lines.append(f"  … and {len(paths) - len(shown):,} more")
    if plan.unchanged and not verbose:
        lines.append(f"unchanged: {_files(len(plan.unchanged))} (--verbose lists them)")
    if plan.image_folder is not None:
        lines.append(f"images: {plan.images_to_download:,} would be downloaded into "
                     f"{plan.image_folder} ({plan.images_cached:,} already there; none fetched now)")
    return lines


def final_line(plan: WritePlan, output: str) -> str:
    """``dry run: nothing was written (a real run would write 12 new, 3 changed, 1 removed files in out)``."""
    if output == "-":
        return "dry run: nothing was written (a real run would print the output on stdout)"
    if not plan.writes and not plan.removed:
        return (f"dry run: nothing was written (a real run would change nothing in {output}: "
                f"{_files(len(plan.unchanged))} unchanged)")
    parts = [f"{len(plan.new):,} new", f"{len(plan.changed):,} changed"]
    if plan.removed:
        parts.append(f"{len(plan.removed):,} removed")
    total = len(plan.new) + len(plan.changed) + len(plan.removed)
    noun = "file" if total == 1 else "files"
    return f"dry run: nothing was written (a real run would write {', '.join(parts)} {noun} in {output})"


def echo_plan(plan: WritePlan, output: str, *, quiet: bool, verbose: bool) -> None:
    """The plan on stderr (``quiet``: counts without paths)."""
    for line in plan_lines(plan, verbose=verbose, quiet=quiet):
        click.echo(line, err=True)
    click.echo(final_line(plan, output), err=True)
