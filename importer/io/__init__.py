"""The one place that writes to disk: safe paths, atomic files and trees, no silent overwrites.

- ``write_file``: one-file outputs (and their split parts), replaced on a re-run when they are
  ours (the writer's signature), refused when foreign unless ``force``.
- ``write_tree``: site trees, staged and committed through a journal, with a manifest of ours.
- ``preflight``: the same refusals, checked before any input is read.
- ``output_lock``: one run at a time per output.
- ``plan_file``, ``plan_tree``: what those writes would do, found by reading only (``WritePlan``).
- ``write_atomic``: any other file (downloaded images, caches): temp file + rename, sane mode.
Files get the permissions a new file gets under the umask (not ``mkstemp``'s 0600).
"""

from __future__ import annotations

from pathlib import Path

from importer.io.files import check_file_target, safe_relative_path, write_atomic, write_file
from importer.io.lock import output_lock
from importer.io.plan import WritePlan, plan_file, plan_tree
from importer.io.tree import MANIFEST, check_tree_target, recover, write_tree

__all__ = ["MANIFEST", "WritePlan", "output_lock", "plan_file", "plan_tree", "preflight",
           "safe_relative_path", "write_atomic", "write_file", "write_tree"]


def preflight(output: Path | None, layout: str, signature: bytes | None, *, force: bool,
              read_only: bool = False) -> None:
    """Refuse an output that a write would refuse, before anything is read (None: stdout).

    A tree left half-committed by a killed run is finished first, so it is judged as it is meant
    to be; ``read_only`` (a dry run) leaves it as it is and judges what is there.
    """
    if output is None:
        return
    if layout == "tree":
        if not read_only:
            recover(output)
        check_tree_target(output, force=force)
    else:
        check_file_target(output, signature, force=force)
