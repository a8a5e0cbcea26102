"""Folder outputs (site trees): staged, then committed through a journal; a manifest of ours.

- Every path a writer returns must stay inside the output folder (no ``..``, no absolute paths,
  no drive letters, no NUL, no symlinked escape).
- A folder output records what it wrote in ``.blogimport-manifest.json``. Re-running into a
  folder of ours replaces our own files and removes those of ours this run no longer writes
  (unless edited since); a non-empty folder that is not ours, a file in it that we did not
  write, or one of ours edited since, is refused unless ``force``.
- New files are first written into ``.blogimport-staging/`` inside the folder. An interrupt then
  removes the staging folder: the previous output stays whole (a folder we created is removed
  again). Then a journal (``.blogimport-journal.json``) lists the renames, deletions and the new
  manifest, and the renames run; an interrupt there finishes them first, and a run killed outright
  is finished by the next run, which reads the journal. Files are synced once, not one by one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from importer.errors import Interrupted, OutputError
from importer.io.files import file_mode, safe_relative_path, write_atomic
from importer.outputs import OutputFile

MANIFEST = ".blogimport-manifest.json"
STAGING = ".blogimport-staging"
JOURNAL = ".blogimport-journal.json"


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


def check_tree_target(folder: Path, *, force: bool) -> None:
    """Refuse ``folder`` as a site-tree output when something is in the way (see the module doc)."""
    if folder.exists() and not folder.is_dir():
        raise OutputError("exists and is not a folder", file=str(folder))
    if not folder.is_dir() or force or _read_manifest(folder) is not None:
        return
    if any(child.name not in (STAGING, JOURNAL) for child in folder.iterdir()):
        raise OutputError("the output folder is not empty and was not written by blogimport; "
                          "choose another folder or pass --force", file=str(folder))


def fresh_staging(folder: Path) -> Path:
    """Where a run writing a folder that does not exist yet stages it: beside it, so that one
    rename makes the whole folder appear at once."""
    return folder.parent / f".{folder.name}.blogimport-staging"


def recover(folder: Path) -> None:
    """Finish the commit of a run that was killed while committing; drop a killed run's staging."""
    sibling = fresh_staging(folder)
    if sibling.is_symlink():
        sibling.unlink()
    elif sibling.exists():
        shutil.rmtree(sibling)
    if not folder.is_dir():
        return
    journal = folder / JOURNAL
    staging = folder / STAGING
    if journal.is_file():
        try:
            entries = json.loads(journal.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise OutputError("an interrupted run left a damaged journal; remove it and re-run",
                              file=str(journal)) from None
        _apply(folder, entries)
    elif staging.is_symlink():
        staging.unlink()
    elif staging.exists():
        shutil.rmtree(staging)


def _changed_since(target: Path, digest: str, new: bytes) -> bool:
    """True when ``target`` no longer holds what we wrote (``digest``) nor what we are writing."""
    try:
        current = target.read_bytes()
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return hashlib.sha256(current).hexdigest() != digest and current != new


def _inside(folder: Path, rel: str, resolved: dict[Path, Path] | None = None) -> bool:
    """True when ``rel`` is a safe path whose folders stay inside ``folder`` (symlinks resolved).

    ``resolved`` caches each parent folder's resolution for a run over many files (a site tree's
    thousands of files live in a handful of folders). A symlink as the last part is never followed:
    files are renamed over it, not written through it, and deletions skip symlinks.
    """
    try:
        safe_relative_path(rel)
    except OutputError:
        return False
    cache = resolved if resolved is not None else {}
    root = cache.get(folder) or cache.setdefault(folder, folder.resolve())
    parent = (folder / rel).parent
    real = cache.get(parent) or cache.setdefault(parent, parent.resolve())
    return real == root or root in real.parents


def _plan(outputs: list[OutputFile], folder: Path, previous: dict[str, str],
          force: bool) -> dict[str, bytes]:
    """Relative path -> bytes of every file to write, after the safety checks."""
    planned: dict[str, bytes] = {}
    resolved: dict[Path, Path] = {}
    for out in outputs:
        rel = str(safe_relative_path(out.path))
        if rel.split("/", 1)[0] in (STAGING, JOURNAL, MANIFEST):
            raise OutputError(f"unsafe output path {rel!r}", file=str(folder))
        if rel in planned:
            raise OutputError(f"two outputs share the path {rel!r}", file=str(folder))
        if folder.exists() and not _inside(folder, rel, resolved):
            raise OutputError(f"output path {rel!r} leaves the output folder", file=str(folder))
        target = folder / rel
        if target.exists() and rel not in previous and not force:
            raise OutputError(f"{rel!r} exists and was not written by blogimport; pass --force to "
                              "replace it", file=str(folder))
        if rel in previous and not force and _changed_since(target, previous[rel], out.data):
            raise OutputError(f"{rel!r} was edited after blogimport wrote it; pass --force to "
                              "replace it", file=str(folder))
        planned[rel] = out.data
    return planned


def _stale(folder: Path, previous: dict[str, str],
           planned: dict[str, bytes]) -> tuple[list[str], dict[str, str]]:
    """Files an earlier run wrote that this one does not (to delete when unedited), and the
    manifest entries to keep: a stale file edited by hand stays, and stays ours."""
    delete: list[str] = []
    kept: dict[str, str] = {}
    for rel, digest in previous.items():
        if rel in planned or not _inside(folder, rel):
            continue  # a damaged or hand-made manifest never deletes outside the folder
        target = folder / rel
        if not target.is_file() or target.is_symlink():
            continue
        if _changed_since(target, digest, b""):
            kept[rel] = digest
        else:
            delete.append(rel)
    return delete, kept


def _stage(staging: Path, planned: dict[str, bytes]) -> None:
    mode = file_mode()
    made: set[Path] = set()
    for rel, data in planned.items():
        target = staging / rel
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        with open(target, "wb") as handle:
            handle.write(data)
        os.chmod(target, mode)
    if hasattr(os, "sync"):
        os.sync()  # once for the whole tree: a sync per file made big sites 20 s slower


def _apply(folder: Path, journal: dict[str, Any]) -> None:
    """Carry out a journal: renames from staging, deletions, the manifest. Idempotent."""
    staging = folder / STAGING
    resolved: dict[Path, Path] = {}
    made: set[Path] = set()
    for rel in journal["moves"]:
        source, target = staging / rel, folder / rel
        if source.is_file() and _inside(folder, rel, resolved):
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            os.replace(source, target)
    for rel in journal["delete"]:
        target = folder / rel
        if _inside(folder, rel) and target.is_file() and not target.is_symlink():
            target.unlink()
            _prune_empty_parents(target.parent, folder)
    write_atomic(folder / MANIFEST, _manifest(journal["manifest"]))
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(staging)
    with contextlib.suppress(FileNotFoundError):
        (folder / JOURNAL).unlink()


def _manifest(digests: dict[str, str]) -> bytes:
    text = json.dumps({"tool": "blogimport", "files": digests}, indent=1, sort_keys=True)
    return text.encode("utf-8") + b"\n"


def _prune_empty_parents(directory: Path, root: Path) -> None:
    while directory != root and root in directory.parents:
        try:
            directory.rmdir()
        except OSError:
            return
        directory = directory.parent


def _write_new(folder: Path, planned: dict[str, bytes]) -> list[Path]:
    """A folder that did not exist: staged beside it with its manifest, then renamed into place
    (one step instead of a rename per file); an interrupt before that leaves no folder at all."""
    staging = fresh_staging(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        _stage(staging, planned)
        write_atomic(staging / MANIFEST, _manifest(
            dict(sorted((rel, hashlib.sha256(data).hexdigest()) for rel, data in planned.items()))))
    except BaseException as stop:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(stop, Interrupted):
            stop.settle(folder, "unchanged")
        raise
    os.rename(staging, folder)
    return [folder / rel for rel in planned]


def write_tree(files: Iterable[OutputFile], folder: Path, *, force: bool = False) -> list[Path]:
    """Write ``files`` under ``folder`` safely and as a whole; returns the paths written, in order."""
    outputs = list(files)
    recover(folder)
    check_tree_target(folder, force=force)
    if not folder.exists():
        return _write_new(folder, _plan(outputs, folder, {}, force))
    previous = _read_manifest(folder) or {}
    planned = _plan(outputs, folder, previous, force)
    try:
        _stage(folder / STAGING, planned)
    except BaseException as stop:
        shutil.rmtree(folder / STAGING, ignore_errors=True)
        if isinstance(stop, Interrupted):
            stop.settle(folder, "unchanged")
        raise
    delete, kept = _stale(folder, previous, planned)
    digests = {**kept, **{rel: hashlib.sha256(data).hexdigest() for rel, data in planned.items()}}
    journal = {"moves": list(planned), "delete": delete, "manifest": dict(sorted(digests.items()))}
    write_atomic(folder / JOURNAL, json.dumps(journal).encode("utf-8"))
    try:
        _apply(folder, journal)
    except (KeyboardInterrupt, Interrupted) as stop:
        _apply(folder, journal)  # idempotent: what the interrupt cut short is finished
        if isinstance(stop, Interrupted):
            stop.settle(folder, "completed")
        raise
    return [folder / rel for rel in planned]
