"""One run at a time per output: an exclusive lock file beside the output (never inside it).

``.<name>.blogimport-lock`` in the output's parent folder is locked with ``flock`` for the whole
run and holds who took it (process id, host, start time), so a second run can say who is busy.
The kernel releases the lock when its holder dies, however it dies; the file is removed when the
run ends. Platforms without ``fcntl`` run unlocked.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from importer.errors import OutputError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def lock_path(output: Path) -> Path:
    """Where the lock of ``output`` (a file or a folder) lives."""
    absolute = output.absolute()
    return absolute.parent / f".{absolute.name}.blogimport-lock"


def _host() -> str:
    """This machine's name (``socket.gethostname``, without loading the socket module)."""
    return os.uname().nodename if hasattr(os, "uname") else "this machine"


def _holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "another run"
    except OSError:
        return "another run"


def _open_locked(path: Path) -> int:
    """An open descriptor of ``path`` holding its lock; ``OutputError`` when another run holds it."""
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            output = path.parent / path.name[1:].removesuffix(".blogimport-lock")
            raise OutputError(f"is being written by {_holder(path)}; wait for that run to end",
                              file=str(output)) from None
        # The holder before us may have removed the file between our open and our lock:
        # then we hold a lock on a file nobody else sees, and must take the new one.
        with contextlib.suppress(FileNotFoundError):
            if os.stat(path).st_ino == os.fstat(fd).st_ino:
                return fd
        os.close(fd)


@contextlib.contextmanager
def output_lock(output: str | Path | None) -> Iterator[None]:
    """Hold the lock of ``output`` for the duration (nothing for stdout, ``-`` or None)."""
    if output is None or str(output) == "-" or fcntl is None:
        yield
        return
    path = lock_path(Path(output))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = _open_locked(path)
    except OSError as error:  # a file where the output's folder should be, no permission...
        raise OutputError(f"cannot write: {error.strerror or error} ({error.filename or path.parent})",
                          file=str(output)) from None
    try:
        os.ftruncate(fd, 0)
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        os.write(fd, f"blogimport (process {os.getpid()} on {_host()}, since {stamp})\n"
                 .encode())
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(fd)
