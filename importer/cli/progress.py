"""Progress on stderr while a run works: reading, converting, checking, images.

Shown only on a terminal, never with ``--quiet``, and only once the run has taken about a second
(a quick run prints no bar at all). Each phase gets one ``click.progressbar`` line; updates are
drawn at most ten times a second, so the cost stays far below the 3% the project allows.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TextIO

import click

#: How each phase of ``importer.pipeline.Progress`` is labelled.
LABELS = {"reading": "Reading", "converting": "Converting posts", "checking": "Checking",
          "images": "Downloading images"}
#: Seconds a run works before progress appears.
DELAY = 1.0
_REDRAW = 0.1


class TerminalProgress:
    """A ``progress(phase, done, total)`` callback drawing one bar per phase on ``stream``."""

    def __init__(self, stream: TextIO, *, delay: float | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._stream, self._clock = stream, clock
        self._delay = DELAY if delay is None else delay
        self._start = clock()
        self._bar: Any = None
        self._phase: str | None = None
        self._drawn = 0.0

    def __call__(self, phase: str, done: int, total: int) -> None:
        now = self._clock()
        if now - self._start < self._delay:
            return
        if phase != self._phase:
            self.close()
            self._phase = phase
            self._bar = click.progressbar(length=max(total, 1), label=LABELS.get(phase, phase),
                                          file=self._stream)
            self._bar.__enter__()
        elif now - self._drawn < _REDRAW and done < total:
            return
        self._drawn = now
        self._bar.length = max(total, 1)
        self._bar.update(max(done, 0) - self._bar.pos)

    def close(self) -> None:
        """Finish the bar on screen (the next output starts on a line of its own)."""
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None
            self._phase = None


def terminal_progress(quiet: bool, stream: TextIO) -> TerminalProgress | None:
    """A progress callback when ``stream`` is a terminal and the run is not ``--quiet``."""
    if quiet or not stream.isatty():
        return None
    return TerminalProgress(stream)
