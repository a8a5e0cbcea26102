"""A large Atom export read on two cores: cut at entry boundaries into pieces parsed on their own.

Reading costs about three times a bare XML parse, all of it on one core. A file above
``PARALLEL_BYTES`` is cut into ``PIECES`` byte ranges, each starting at an ``<entry`` that follows
a closed tag; a piece is parsed as a document of its own: the file's prolog and root start tag
before it (the first piece has them already), the root's end tag after it (the last one too).
This process and a forked one (``importer.forked``) take pieces as they get free; the caller
puts their results back together in file order, so they come out as one pass would give them.

A cut that lands somewhere odd (inside a comment or CDATA, below the root) makes some piece
malformed; then, and for any other problem of the input, the caller reads the file in one
pass, which reports what is wrong exactly as it always did.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TypeVar, cast

from importer.forked import SharedJobs, can_fork
from importer.model import Author, Comment, Location, Post
from importer.readers.blogger_common import root_tag_end
from importer.readers.encoding import suspect_declaration

T = TypeVar("T")

#: Files smaller than this are read in one pass: cutting and forking would cost more than it saves.
PARALLEL_BYTES = 8 * 1024**2
#: Pieces per file: enough for the two processes to even out (posts cost less per byte than
#: comments), few enough that the per-piece costs stay small.
PIECES = 16
_PROLOG_LIMIT = 1024 * 1024
_WINDOW = 256 * 1024
_ENTRY = re.compile(rb">\s*(<entry[\s>/])")
_ROOT_NAME = re.compile(rb"<([^\s/>]+)")


@dataclass(frozen=True)
class Piece:
    """Bytes ``start`` to ``end`` of the file, with what makes them a document of their own."""

    start: int
    end: int
    prefix: bytes
    suffix: bytes

    def open(self, path: Path) -> BinaryIO:
        """A read-only stream of ``prefix``, the file's bytes ``start``..``end``, ``suffix``."""
        return cast(BinaryIO, _PieceStream(path, self))  # what the parser uses of a file: read()


class _PieceStream:
    """``read(size)`` over a piece: what an XML parser asks of a file."""

    def __init__(self, path: Path, piece: Piece) -> None:
        self._file = path.open("rb")
        self._file.seek(piece.start)
        self._left = piece.end - piece.start
        self._before, self._after = piece.prefix, piece.suffix

    def read(self, size: int = -1) -> bytes:
        if size < 0:
            size = self._left + len(self._before) + len(self._after)
        if self._before:
            chunk, self._before = self._before[:size], self._before[size:]
            return chunk
        if self._left > 0:
            chunk = self._file.read(min(size, self._left))
            self._left -= len(chunk)
            if chunk:
                return chunk
            self._left = 0
        chunk, self._after = self._after[:size], self._after[size:]
        return chunk

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> _PieceStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def cut(path: Path, size: int) -> list[Piece] | None:
    """The pieces of ``path`` (``size`` bytes), or None when it is read in one pass: too small,
    no root start tag in its first megabyte, entity declarations or a declared single-byte
    encoding (the one-pass reader refuses or watches those), or no entry to cut at."""
    if size < PARALLEL_BYTES:
        return None
    with path.open("rb") as handle:
        head = handle.read(_PROLOG_LIMIT)
        end = root_tag_end(head)
        if end is None or b"<!ENTITY" in head[:end].upper() or suspect_declaration(head):
            return None
        root = _ROOT_NAME.match(head, head.rfind(b"<", 0, end))
        if root is None:
            return None
        cuts: list[int] = []
        for number in range(1, PIECES):
            at = _entry_at_or_after(handle, max(end, cuts[-1] + 1 if cuts else 0, size * number // PIECES))
            if at is not None and (not cuts or at > cuts[-1]):
                cuts.append(at)
    if not cuts:
        return None
    prolog, closing = head[:end], b"</" + root.group(1) + b">"
    bounds = [0, *cuts, size]
    return [Piece(start, stop, prolog if start else b"", closing if stop < size else b"")
            for start, stop in itertools.pairwise(bounds)]


def _entry_at_or_after(handle: BinaryIO, offset: int) -> int | None:
    """Where the first ``<entry`` that follows a ``>`` begins, at or after ``offset``."""
    handle.seek(max(offset - 1, 0))
    window, base = b"", max(offset - 1, 0)
    while True:
        more = handle.read(_WINDOW)
        if not more:
            return None
        window += more
        found = _ENTRY.search(window)
        if found is not None:
            return base + found.start(1)
        keep = window[-64:]  # a match may straddle two reads
        base += len(window) - len(keep)
        window = keep


def _as_fields(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    names = tuple(field.name for field in dataclasses.fields(cls))
    return lambda obj: (cls, tuple(getattr(obj, name) for name in names))


#: Model objects pickled as their fields (a frozen dataclass's own pickling sets each field
#: through ``object.__setattr__``: three times slower to load, and loading is on the critical path).
MODEL_REDUCERS: dict[type, Callable[[Any], tuple[Any, ...]]] = {
    cls: _as_fields(cls) for cls in (Post, Comment, Author, Location)}


def read_pieces(pieces: Sequence[Piece], job: Callable[[Piece], T],
                reducers: Mapping[type, Callable[[Any], tuple[Any, ...]]],
                progress: Callable[[int, int], None] | None = None) -> list[T]:
    """``job(piece)`` for every piece, shared with a forked process, results in piece order.

    ``progress(bytes done, bytes in all)`` is told as pieces are done.
    """
    total = pieces[-1].end if pieces else 0
    sizes = [piece.end - piece.start for piece in pieces]

    def tell(done: int, _count: int) -> None:
        if progress is not None:
            progress(min(total, sum(sizes[:done])), total)

    jobs = [(lambda piece=piece: job(piece)) for piece in pieces]
    with SharedJobs(jobs, fork=can_fork(), reducers=reducers) as shared:
        return shared.results(tell)


def line_offsets(path: Path, pieces: Sequence[Piece]) -> list[int]:
    """What to add to a line number of each piece to get the file's line number."""
    offsets, line, position = [], 0, 0
    with path.open("rb") as handle:
        for piece in pieces:
            while position < piece.start:
                chunk = handle.read(min(1024 * 1024, piece.start - position))
                if not chunk:
                    break
                line += chunk.count(b"\n")
                position += len(chunk)
            offsets.append(line - piece.prefix.count(b"\n"))
    return offsets
