"""Work done on a second core: one function run in a forked child while this process goes on.

``Background(work)`` forks a child that runs ``work(tell)`` on the memory it shares with this
process (copy-on-write: nothing is pickled on the way in) and sends back its pickled result;
``result()`` collects it, replaying the child's ``tell(done, total)`` progress on the way. Where
no child can be forked (no ``os.fork``, other threads running, or not asked for), and whenever
the child fails or dies, ``result()`` runs ``work`` here instead, so the outcome (and any error,
with its traceback) is the one a run without a child would give.

The child restores the default action of SIGINT and SIGTERM, so Ctrl-C (sent to the whole
process group) ends it at once; it leaves by ``os._exit`` (no stdio flush, no exit handlers of
the parent run twice). ``close()`` (or leaving the ``with`` block) kills and reaps a child whose
result was not collected, so an error or an interrupt never leaves one running.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import threading
from collections.abc import Callable
from types import TracebackType
from typing import BinaryIO, Generic, NoReturn, TypeVar

T = TypeVar("T")
#: ``tell(done, total)``: how far the work has come.
Tell = Callable[[int, int], None]


def can_fork() -> bool:
    """True where a child can be forked safely: POSIX, and no other thread is running here."""
    return (hasattr(os, "fork") and threading.active_count() == 1
            and threading.current_thread() is threading.main_thread())


def _ignore(done: int, total: int) -> None:
    del done, total


class Background(Generic[T]):
    """``work(tell)`` running in a forked child (when ``fork`` and ``can_fork()``); see the module."""

    def __init__(self, work: Callable[[Tell], T], *, fork: bool = True) -> None:
        self._work = work
        self._pid: int | None = None
        self._pipe: BinaryIO | None = None
        if fork and can_fork():
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: never returns
                os.close(read_end)
                _run_child(work, write_end)
            os.close(write_end)
            self._pid, self._pipe = pid, os.fdopen(read_end, "rb")

    @property
    def forked(self) -> bool:
        """True while a child is doing the work."""
        return self._pid is not None

    def result(self, progress: Tell | None = None) -> T:
        """The work's result: the child's, or (no child, or it failed) ``work`` run here."""
        tell = progress or _ignore
        if self._pipe is not None:
            received = self._receive(tell)
            self.close()
            if received is not None:
                return received[0]
        return self._work(tell)

    def _receive(self, tell: Tell) -> tuple[T] | None:
        """The child's result (in a 1-tuple), or None when it ended without one."""
        assert self._pipe is not None
        try:
            while True:
                kind, payload = pickle.load(self._pipe)
                if kind == "progress":
                    tell(*payload)
                elif kind == "result":
                    return (payload,)
        except (EOFError, OSError, pickle.UnpicklingError):
            return None  # it failed or was killed: the caller runs the work here

    def close(self) -> None:
        """Kill the child if it still runs, and reap it (idempotent)."""
        pid, pipe = self._pid, self._pipe
        self._pid = self._pipe = None
        if pipe is not None:
            pipe.close()
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)

    def __enter__(self) -> Background[T]:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


def _run_child(work: Callable[[Tell], object], write_end: int) -> NoReturn:
    """The child's whole life: do the work, send progress and the result, leave without cleanup."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        # Collecting would walk (and so copy) every object shared with the parent; the child is brief.
        gc.disable()
        with os.fdopen(write_end, "wb") as pipe:

            def tell(done: int, total: int) -> None:
                pickle.dump(("progress", (done, total)), pipe)
                pipe.flush()

            value = work(tell)
            pickle.dump(("result", value), pipe, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    finally:
        os._exit(code)
