"""Work done on two cores: jobs shared between this process and one forked child.

``SharedJobs(jobs)`` forks a child that starts on the jobs at once, on the memory it shares with
this process (copy-on-write: nothing is pickled on the way in), while this process goes on with
its own work; ``results()`` then takes the jobs still left here too, collects what the child
did (pickled back through a pipe) and returns every result in job order. Each job is done once,
by whichever process takes its ticket first, so the results never depend on who did what. Put
the longest jobs first: the child starts on them.

Where no child can be forked (no ``os.fork``, other threads running, or not asked for), and for
every job a failed or dead child did not finish, ``results()`` does the job here instead, so the
outcome (and any error, with its traceback) is the one a run without a child would give.

The child restores the default action of SIGINT and SIGTERM, so Ctrl-C (sent to the whole
process group) ends it at once; it leaves by ``os._exit`` (no stdio flush, no exit handlers of
the parent run twice). ``close()`` (or leaving the ``with`` block) kills and reaps a child whose
results were not collected, so an error or an interrupt never leaves one running.
"""

from __future__ import annotations

import contextlib
import copyreg
import gc
import io
import os
import pickle
import signal
import threading
from collections.abc import Callable, Mapping, Sequence
from types import TracebackType
from typing import Any, BinaryIO, Generic, NoReturn, TypeVar

T = TypeVar("T")
#: ``tell(done, total)``: how many jobs are done.
Tell = Callable[[int, int], None]
_TICKET = 4  # bytes per job number in the ticket pipe (written whole, so read whole)


def can_fork() -> bool:
    """True where a child can be forked safely: POSIX, and no other thread is running here."""
    return (hasattr(os, "fork") and threading.active_count() == 1
            and threading.current_thread() is threading.main_thread())


class SharedJobs(Generic[T]):
    """``jobs`` done by a forked child and by this process (see the module docstring)."""

    def __init__(self, jobs: Sequence[Callable[[], T]], *, fork: bool = True,
                 reducers: Mapping[type, Callable[[Any], tuple[Any, ...]]] | None = None) -> None:
        self._jobs = list(jobs)
        self._reducers = dict(reducers or {})
        self._done: dict[int, T] = {}
        self._pid: int | None = None
        self._tickets: int | None = None
        self._pipe: BinaryIO | None = None
        # Every ticket is in the pipe before the fork: its buffer (64 KiB) holds 16,384 of them.
        if fork and 0 < len(self._jobs) <= 16_384 and can_fork():
            self._start()

    def _start(self) -> None:
        tickets, tickets_in = os.pipe()
        os.write(tickets_in, b"".join(n.to_bytes(_TICKET, "little") for n in range(len(self._jobs))))
        os.close(tickets_in)  # the last ticket taken, a read finds the end of the pipe
        results, results_in = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(results)
            _run_child(self._jobs, tickets, results_in, self._reducers)
        os.close(results_in)
        self._pid, self._tickets, self._pipe = pid, tickets, os.fdopen(results, "rb")

    @property
    def forked(self) -> bool:
        """True while a child shares the jobs."""
        return self._pid is not None

    def results(self, progress: Tell | None = None) -> list[T]:
        """Every job's result, in job order: this process takes the jobs left, then collects the
        child's; ``progress(done, total)`` is told as jobs are done or collected."""
        total = len(self._jobs)

        def finished(number: int, value: T) -> None:
            self._done[number] = value
            if progress is not None:
                progress(len(self._done), total)

        while (number := self._take()) is not None:
            finished(number, self._jobs[number]())
        self._collect(finished)
        for number, job in enumerate(self._jobs):
            if number not in self._done:  # no child, or it failed before finishing this one
                finished(number, job())
        return [self._done[number] for number in range(total)]

    def _take(self) -> int | None:
        """The next job number nobody has taken, or None."""
        if self._tickets is None:
            return None
        ticket = os.read(self._tickets, _TICKET)
        return int.from_bytes(ticket, "little") if ticket else None

    def _collect(self, finished: Callable[[int, T], None]) -> None:
        """The child's results, until it ends (however it ends); then the child is reaped."""
        if self._pipe is None:
            return
        with contextlib.suppress(EOFError, OSError, pickle.UnpicklingError):
            while True:
                number, value = pickle.load(self._pipe)
                finished(number, value)
        self.close()

    def close(self) -> None:
        """Kill the child if it still runs, and reap it (idempotent)."""
        pid, pipe, tickets = self._pid, self._pipe, self._tickets
        self._pid = self._pipe = self._tickets = None
        if pipe is not None:
            pipe.close()
        if tickets is not None:
            os.close(tickets)
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)

    def __enter__(self) -> SharedJobs[T]:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


def _run_child(jobs: Sequence[Callable[[], object]], tickets: int, results: int,
               reducers: Mapping[type, Callable[[Any], tuple[Any, ...]]]) -> NoReturn:
    """The child's whole life: take tickets, then send every result, and leave without cleanup.

    The results are held here until the tickets run out: sent at once, a large one would fill
    the pipe and stop the child until this process, busy with jobs of its own, read it.
    ``reducers`` pickle some classes faster (e.g. frozen dataclasses as their fields).
    """
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        # Collecting would walk (and so copy) every object shared with the parent; the child is brief.
        gc.disable()
        frames = []
        while ticket := os.read(tickets, _TICKET):
            number = int.from_bytes(ticket, "little")
            frame = io.BytesIO()
            pickler = pickle.Pickler(frame, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.dispatch_table = {**copyreg.dispatch_table, **reducers}
            pickler.dump((number, jobs[number]()))
            frames.append(frame.getvalue())
        with os.fdopen(results, "wb") as pipe:
            for frame_bytes in frames:
                pipe.write(frame_bytes)
        code = 0
    finally:
        os._exit(code)
