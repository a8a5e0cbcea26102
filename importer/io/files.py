"""Single files: safe relative paths, atomic writes with sane permissions, one-file outputs.

A one-file output (``blog.json``, ``wordpress.xml`` and its split parts ``wordpress-001.xml``...)
is replaced on a re-run when the existing file is one blogimport wrote (it carries the writer's
``signature`` near its start); a foreign file is refused unless ``force``; a device, pipe or other
non-regular file never is replaced. All parts are staged under temporary names first and renamed
into place together, so an interrupt leaves the previous output (or, once the renames began, the
new one) whole. A streamed file (``OutputFile.streamed``) is written piece by piece into its
staged file as its writer makes it, so a large document is never held whole; on stdout it is
made whole first, so a run that fails half way prints nothing.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import sys
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

from importer.errors import Interrupted, OutputError
from importer.outputs import OutputFile

#: How far into an existing file its writer's signature is looked for (WXR names its generator
#: after the authors and terms, which a big blog makes long).
_SIGNATURE_WINDOW = 16 * 1024**2
_CHUNK = 64 * 1024
#: Pieces of a streamed file are gathered up to this size before each write call.
_WRITE_BUFFER = 256 * 1024


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


def file_mode() -> int:
    """The mode a plainly created file gets (0666 less the umask); mkstemp would give 0600."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _new_temp(target: Path, created: list[Path]) -> int:
    """A new temporary file beside ``target``, open for writing; its path goes into ``created``
    BEFORE the file exists, so an interrupt at any moment leaves nothing unnamed to clean up
    (``mkstemp`` returns the name only after creating the file)."""
    for _ in range(100):
        tmp = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
        created.append(tmp)
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
        except FileExistsError:
            created.remove(tmp)  # another file's name: not ours to remove
    raise FileExistsError(f"no free temporary name beside {target}")


def _write_temp(target: Path, data: bytes | Iterable[bytes], mode: int | None, sync: bool,
                created: list[Path]) -> Path:
    """``data`` (bytes, or pieces of them) in a new temporary file beside ``target``; its path.

    The path is added to ``created`` before the file is made (see ``_new_temp``); the caller
    removes what ``created`` names when it gives up.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = _new_temp(target, created)
    os.fchmod(fd, file_mode() if mode is None else mode)
    with os.fdopen(fd, "wb", buffering=_WRITE_BUFFER) as handle:
        for chunk in [data] if isinstance(data, bytes) else data:
            handle.write(chunk)
        if sync:
            handle.flush()
            os.fsync(handle.fileno())
    return created[-1]


def _remove(paths: Iterable[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def write_atomic(target: Path, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to ``target`` through a temporary file and a rename.

    The file gets ``mode`` (default: what the umask gives a new file), so a web server or a
    site generator running as another user can read it.
    """
    created: list[Path] = []
    try:
        os.replace(_write_temp(target, data, mode, True, created), target)
    except BaseException:
        _remove(created)
        raise


def is_ours(path: Path, signature: bytes | None) -> bool:
    """True when ``path`` is a regular file whose start carries ``signature`` (we wrote it)."""
    if signature is None or not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            tail = b""
            for _ in range(_SIGNATURE_WINDOW // _CHUNK):
                chunk = handle.read(_CHUNK)
                if not chunk:
                    return False
                if signature in tail + chunk:
                    return True
                tail = chunk[-len(signature):]
    except OSError:
        return False
    return False


def check_file_target(path: Path, signature: bytes | None, *, force: bool) -> None:
    """Refuse ``path`` as a one-file output when something is in the way (see the module doc)."""
    if path.is_dir():
        raise OutputError("is a folder; this format writes one file", file=str(path))
    if path.exists() and not path.is_file():
        raise OutputError("exists and is not a regular file; choose another name", file=str(path))
    if path.exists() and not force and not is_ours(path, signature):
        raise OutputError("exists; pass --force to replace it (blogimport did not write it)",
                          file=str(path))


def part_paths(base: Path, count: int) -> list[Path]:
    """``base`` itself for one file; ``name-001.ext``, ``name-002.ext``... beside it for several."""
    if count == 1:
        return [base]
    return [base.with_name(f"{base.stem}-{i:03d}{base.suffix}") for i in range(1, count + 1)]


def _stale_parts(base: Path, keep: set[Path], signature: bytes | None) -> list[Path]:
    """Parts of an earlier, longer split of ``base`` that we wrote and this run does not."""
    pattern = re.compile(re.escape(base.stem) + r"-\d{3}" + re.escape(base.suffix) + "$")
    if not base.parent.is_dir():
        return []
    return sorted(p for p in base.parent.iterdir()
                  if pattern.match(p.name) and p not in keep and is_ours(p, signature))


def write_file(files: Iterable[OutputFile], target: str | Path, *, force: bool = False,
               before_commit: Callable[[], None] | None = None) -> list[Path]:
    """Write a one-file output to ``target`` (``-`` is stdout); returns the paths written.

    A writer that splits its output (several files) gets ``name-001.ext``... beside ``target``;
    parts of an earlier, longer split that we wrote are removed. ``before_commit()`` is called
    once every part is staged (or made, for stdout) and before any is put in place: an error or
    an interrupt it raises leaves the previous output as it was.
    """
    outputs = list(files)
    if str(target) == "-":
        documents = [out.data for out in outputs]  # whole: a run that fails half way prints nothing
        if before_commit is not None:
            before_commit()
        for data in documents:
            sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return []
    targets = part_paths(Path(target), len(outputs))
    signature = outputs[0].signature if outputs else None
    for path, out in zip(targets, outputs, strict=True):
        check_file_target(path, out.signature, force=force)
    stale = _stale_parts(Path(target), set(targets), signature)
    if len(outputs) > 1 and is_ours(Path(target), signature):
        stale.append(Path(target))  # the single file an unsplit run wrote before
    _stage_and_commit(list(zip(targets, outputs, strict=True)), stale, before_commit)
    return targets


def _stage_and_commit(pairs: list[tuple[Path, OutputFile]], stale: list[Path],
                      before_commit: Callable[[], None] | None = None) -> None:
    """Temporary files for every part first; then the renames (finished even when interrupted)."""
    staged: list[tuple[Path, Path]] = []
    created: list[Path] = []
    mode = file_mode()
    try:
        for path, out in pairs:
            staged.append((_write_temp(path, out.chunks(), mode, True, created), path))
        if before_commit is not None:
            before_commit()
    except BaseException as stop:
        _remove(created)
        if isinstance(stop, Interrupted):
            stop.settle(pairs[0][0] if pairs else "", "unchanged")
        raise
    try:
        _commit(staged, stale)
    except (KeyboardInterrupt, Interrupted) as stop:
        _commit(staged, stale)  # idempotent: what the interrupt cut short is finished
        if isinstance(stop, Interrupted):
            stop.settle(pairs[0][0] if pairs else "", "completed")
        raise


def _commit(staged: list[tuple[Path, Path]], stale: list[Path]) -> None:
    for tmp, path in staged:
        if tmp.exists():
            os.replace(tmp, path)
    for path in stale:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
