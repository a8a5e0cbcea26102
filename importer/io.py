"""The one place that writes output to disk: safe paths, atomic files, no silent overwrites.

- Every path a writer returns must stay inside the output folder (no ``..``, no absolute
  paths, no drive letters, no NUL, no symlinked escape).
- Each file is written to a temporary name beside its target and renamed into place, so a
  crash never leaves a half-written file.
- A folder output records what it wrote in ``.blogimport-manifest.json``. Re-running into a
  folder of ours replaces our own files and removes those of ours this run no longer writes
  (unless edited since); a non-empty folder that is not ours, a file in it that we did not
  write, or one of ours edited since, is refused unless ``force``.
- A single-file output that already exists is refused unless ``force``; a device, pipe or
  other non-regular file never is replaced.
- Files get the permissions a new file gets under the umask (not ``mkstemp``'s 0600).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from importer.errors import OutputError
from importer.writers import OutputFile

MANIFEST = ".blogimport-manifest.json"


def safe_relative_path(relpath: str) -> PurePosixPath:
    """Validate a writer's relative path; raises ``OutputError`` when it could escape."""
    if not relpath or "\x00" in relpath or "\\" in relpath:
        raise OutputError(f"unsafe output path {relpath!r}")
    pure = PurePosixPath(relpath)
    if pure.is_absolute() or any(part in ("..", ".", "") for part in relpath.split("/")):
        raise OutputError(f"unsafe output path {relpath!r}")
    if ":" in pure.parts[0]:
        raise OutputError(f"unsafe output path {relpath!r}")
    return pure


def _file_mode() -> int:
    """The mode a plainly created file gets (0666 less the umask); mkstemp would give 0600."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(target: Path, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to ``target`` through a temporary file and a rename.

    The file gets ``mode`` (default: what the umask gives a new file), so a web server or a
    site generator running as another user can read it.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, _file_mode() if mode is None else mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _read_manifest(folder: Path) -> dict[str, str] | None:
    path = folder / MANIFEST
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"]
        return {str(k): str(v) for k, v in files.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise OutputError("the output manifest is damaged", file=str(path)) from None


def _changed_since(target: Path, digest: str, new: bytes) -> bool:
    """True when ``target`` no longer holds what we wrote (``digest``) nor what we are writing."""
    try:
        current = target.read_bytes()
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return hashlib.sha256(current).hexdigest() != digest and current != new


def write_tree(files: Iterable[OutputFile], folder: Path, *, force: bool = False) -> list[Path]:
    """Write ``files`` under ``folder`` safely; returns the paths written, in order."""
    outputs = list(files)
    manifest = _read_manifest(folder) if folder.exists() else None
    if folder.exists() and not folder.is_dir():
        raise OutputError("exists and is not a folder", file=str(folder))
    if manifest is None and folder.exists() and any(folder.iterdir()) and not force:
        raise OutputError(
            "the output folder is not empty and was not written by blogimport; "
            "choose another folder or pass --force",
            file=str(folder),
        )
    previous = manifest or {}
    root = folder.resolve()
    planned: dict[str, bytes] = {}
    for out in outputs:
        rel = str(safe_relative_path(out.path))
        if rel in planned:
            raise OutputError(f"two outputs share the path {rel!r}", file=str(folder))
        target = (folder / rel).resolve()
        if root not in target.parents:
            raise OutputError(f"output path {rel!r} leaves the output folder", file=str(folder))
        if target.exists() and rel not in previous and not force:
            raise OutputError(
                f"{rel!r} exists and was not written by blogimport; pass --force to replace it",
                file=str(folder),
            )
        if rel in previous and not force and _changed_since(target, previous[rel], out.data):
            raise OutputError(
                f"{rel!r} was edited after blogimport wrote it; pass --force to replace it",
                file=str(folder),
            )
        planned[rel] = out.data
    written = []
    mode = _file_mode()
    for rel, data in planned.items():
        target = folder / rel
        write_atomic(target, data, mode)
        written.append(target)
    digests = _remove_stale(folder, previous, planned)
    digests.update((rel, hashlib.sha256(data).hexdigest()) for rel, data in planned.items())
    digests = dict(sorted(digests.items()))
    manifest_bytes = json.dumps({"tool": "blogimport", "files": digests}, indent=1, sort_keys=True)
    write_atomic(folder / MANIFEST, manifest_bytes.encode("utf-8") + b"\n")
    return written


def _remove_stale(folder: Path, previous: dict[str, str], planned: dict[str, bytes]) -> dict[str, str]:
    """Delete files an earlier run wrote that this run does not (a post since removed, a draft
    now left out), when they still hold what we wrote; returns the manifest entries to keep.

    A stale file edited by hand is kept, and stays in the manifest so it is never taken for a
    foreign file.
    """
    kept: dict[str, str] = {}
    for rel, digest in previous.items():
        if rel in planned:
            continue
        target = folder / rel
        if not _inside(folder, rel) or not target.is_file() or target.is_symlink():
            continue  # a damaged or hand-made manifest never deletes outside the folder
        if _changed_since(target, digest, b""):
            kept[rel] = digest
            continue
        target.unlink()
        _prune_empty_parents(target.parent, folder)
    return kept


def _inside(folder: Path, rel: str) -> bool:
    """True when the manifest entry ``rel`` is a safe path that stays inside ``folder``."""
    try:
        safe_relative_path(rel)
    except OutputError:
        return False
    return folder.resolve() in (folder / rel).resolve().parents


def _prune_empty_parents(directory: Path, root: Path) -> None:
    while directory != root and root in directory.parents:
        try:
            directory.rmdir()
        except OSError:
            return
        directory = directory.parent


def write_file(files: Iterable[OutputFile], target: str | Path, *, force: bool = False) -> list[Path]:
    """Write a one-file output to ``target`` (``-`` is stdout).

    A writer that splits its output (several files) gets ``name-001.ext``, ``name-002.ext``...
    beside ``target``. Existing files are refused unless ``force``.
    """
    outputs = list(files)
    if str(target) == "-":
        for out in outputs:
            sys.stdout.buffer.write(out.data)
        sys.stdout.buffer.flush()
        return []
    base = Path(target)
    if len(outputs) == 1:
        targets = [base]
    else:
        targets = [base.with_name(f"{base.stem}-{i:03d}{base.suffix}") for i in range(1, len(outputs) + 1)]
    for path in targets:
        if path.is_dir():
            raise OutputError("is a folder; this format writes one file", file=str(path))
        if path.exists() and not path.is_file():
            raise OutputError("exists and is not a regular file; choose another name", file=str(path))
        if path.exists() and not force:
            raise OutputError("exists; pass --force to replace it", file=str(path))
    mode = _file_mode()
    for path, out in zip(targets, outputs, strict=True):
        write_atomic(path, out.data, mode)
    return targets
