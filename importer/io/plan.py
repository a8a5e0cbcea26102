"""What a write would do, found without writing: the comparison behind ``convert --dry-run``.

``plan_tree`` and ``plan_file`` make the refusals ``write_tree`` and ``write_file`` make (the same
errors, raised the same way) and then compare each file to write with what is on disk now. They
only read: no staging folder, no temporary file, no lock, no journal recovery (a journal left by a
killed run is finished by the next real run, which this plan does not count).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from importer.io.files import _stale_parts, check_file_target, is_ours, part_paths
from importer.io.tree import _plan, _read_manifest, _stale, check_tree_target
from importer.outputs import OutputFile

_READ = 64 * 1024


@dataclass(frozen=True)
class WritePlan:
    """Files a real run would write or remove, each path as it would be on disk.

    Our own bookkeeping (the folder's manifest) is left out: it changes whenever a file does.
    """

    new: tuple[str, ...] = ()
    """Files that do not exist yet."""
    changed: tuple[str, ...] = ()
    """Files that exist and would get other bytes."""
    unchanged: tuple[str, ...] = ()
    """Files that exist and would be rewritten with the very same bytes."""
    removed: tuple[str, ...] = ()
    """Files of ours an earlier run wrote that this run no longer writes (removed by a real run)."""
    images_to_download: int = 0
    """Images ``--download-images`` would fetch (not in its folder yet; none fetched)."""
    images_cached: int = 0
    """Images ``--download-images`` finds in its folder already."""
    image_folder: str | None = None
    """The ``--download-images`` folder, when one was given."""

    @property
    def writes(self) -> int:
        """Files a real run would create or change."""
        return len(self.new) + len(self.changed)

    def __add__(self, other: WritePlan) -> WritePlan:
        """Both plans in one (outputs, extra files and reports of one run)."""
        return WritePlan(self.new + other.new, self.changed + other.changed,
                         self.unchanged + other.unchanged, self.removed + other.removed,
                         self.images_to_download + other.images_to_download,
                         self.images_cached + other.images_cached,
                         self.image_folder or other.image_folder)


@dataclass
class _Sorter:
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def add(self, path: Path, chunks: Iterable[bytes]) -> None:
        if not path.is_file() and not path.is_symlink():
            self.new.append(str(path))
        elif _same_bytes(path, chunks):
            self.unchanged.append(str(path))
        else:
            self.changed.append(str(path))

    def plan(self, removed: Iterable[Path]) -> WritePlan:
        return WritePlan(tuple(self.new), tuple(self.changed), tuple(self.unchanged),
                         tuple(str(path) for path in removed))


def _same_bytes(path: Path, chunks: Iterable[bytes]) -> bool:
    """True when ``path`` holds exactly ``chunks`` (read piece by piece: a big file is never whole)."""
    try:
        with path.open("rb") as handle:
            for chunk in chunks:
                view = memoryview(chunk)
                while view:
                    piece = handle.read(min(len(view), _READ))
                    if not piece or piece != view[:len(piece)]:
                        return False
                    view = view[len(piece):]
            return handle.read(1) == b""
    except OSError:
        return False


def plan_tree(files: Iterable[OutputFile], folder: Path, *, force: bool = False) -> WritePlan:
    """What ``write_tree(files, folder, force=force)`` would do; raises what it would raise."""
    outputs = list(files)
    check_tree_target(folder, force=force)
    previous = (_read_manifest(folder) or {}) if folder.is_dir() else {}
    planned = _plan(outputs, folder, previous, force)
    delete, _kept = _stale(folder, previous, planned)
    sorter = _Sorter()
    for rel, data in planned.items():
        sorter.add(folder / rel, [data])
    return sorter.plan(folder / rel for rel in delete)


def plan_file(files: Iterable[OutputFile], target: str | Path, *, force: bool = False) -> WritePlan:
    """What ``write_file(files, target, force=force)`` would do; raises what it would raise.

    Stdout (``-``) has nothing to compare with: its plan is empty.
    """
    outputs = list(files)
    if str(target) == "-":
        return WritePlan()
    targets = part_paths(Path(target), len(outputs))
    for path, out in zip(targets, outputs, strict=True):
        check_file_target(path, out.signature, force=force)
    signature = outputs[0].signature if outputs else None
    stale = _stale_parts(Path(target), set(targets), signature)
    if len(outputs) > 1 and is_ours(Path(target), signature):
        stale.append(Path(target))  # the single file an unsplit run wrote before
    sorter = _Sorter()
    for path, out in zip(targets, outputs, strict=True):
        sorter.add(path, out.chunks())
    return sorter.plan(stale)
