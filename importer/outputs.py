"""What writers produce and how they are registered: ``OutputFile`` and ``WriterSpec``.

This module sits below readers, writers, ``web``, ``checks`` and ``io``, so each of them can
name an output file or a writer without importing the writers package (readers and writers are
siblings; nothing imports a writer's internals but the writer itself).
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from importer.diagnostics import Diagnostics
from importer.errors import OptionError
from importer.model import Archive
from importer.site import SiteUrls


class OutputFile:
    """One file a writer produces: a relative POSIX path inside the output, and its bytes.

    ``OutputFile(path, data)`` holds the bytes. ``OutputFile.streamed(path, make)`` holds a
    function that makes them piece by piece instead, for a one-file output as large as the archive
    (a 70 MB blog's JSON): ``io`` writes each piece as it comes, so the document is never held
    whole. Either way ``data`` is the complete bytes (a streamed file makes them again each time it
    is read) and ``chunks()`` the pieces.
    """

    __slots__ = ("_data", "_make", "path", "signature")

    path: str
    signature: bytes | None
    """Bytes near the start of every file of this kind that blogimport writes (a generator mark);
    ``io`` replaces an existing file holding them on a re-run without ``force``."""

    _data: bytes | None
    _make: Callable[[], Iterable[bytes]] | None

    def __init__(self, path: str, data: bytes, signature: bytes | None = None) -> None:
        for name, value in (("path", path), ("signature", signature), ("_data", data), ("_make", None)):
            object.__setattr__(self, name, value)

    @classmethod
    def streamed(cls, path: str, make: Callable[[], Iterable[bytes]],
                 signature: bytes | None = None) -> OutputFile:
        """A file whose bytes ``make()`` yields piece by piece, each time it is called."""
        out = cls(path, b"", signature)
        object.__setattr__(out, "_data", None)
        object.__setattr__(out, "_make", make)
        return out

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"OutputFile is immutable (cannot set {name!r})")

    @property
    def is_streamed(self) -> bool:
        """True when the bytes are made on demand (see ``streamed``)."""
        return self._make is not None

    @property
    def data(self) -> bytes:
        """The whole file (a streamed one is made again, into one buffer: no second copy)."""
        if self._data is not None:
            return self._data
        buffer = io.BytesIO()
        for chunk in self.chunks():
            buffer.write(chunk)
        return buffer.getvalue()

    def chunks(self) -> Iterator[bytes]:
        """The bytes in pieces, in order (one piece for a file that holds its bytes)."""
        if self._data is not None:
            yield self._data
        elif self._make is not None:
            yield from self._make()

    def whole(self) -> OutputFile:
        """This file with its bytes made and held (itself when it holds them already)."""
        return self if self._make is None else OutputFile(self.path, self.data, self.signature)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OutputFile):
            return NotImplemented
        return (self.path, self.signature, self.data) == (other.path, other.signature, other.data)

    def __hash__(self) -> int:
        return hash((self.path, self.signature))

    def __repr__(self) -> str:
        what = "streamed" if self._make is not None else f"{len(self._data or b'')} bytes"
        return f"OutputFile({self.path!r}, {what}, signature={self.signature!r})"


Opts = TypeVar("Opts")


@dataclass(frozen=True)
class WriterSpec(Generic[Opts]):
    """A registered writer (or a flavor preset of one), typed by its options class ``Opts``."""

    name: str
    """What ``--to`` takes."""
    description: str
    write: Callable[[Archive, Opts, Diagnostics, SiteUrls | None], Iterable[OutputFile]]
    """Renders an archive; given the plan ``site_urls`` made (None: the writer makes it)."""
    options_class: type[Opts]
    """A frozen dataclass of the writer's options; the CLI mirrors its fields as flags."""
    site_urls: Callable[[Archive, Opts, Diagnostics], SiteUrls]
    """The writer's URL plan: where each post, page and tag page will live (reports renamings)."""
    layout: Literal["file", "tree"] = "file"
    """``file``: the output is one file (``-o FILE`` or ``-o -``); ``tree``: a folder."""
    preset: Mapping[str, Any] = field(default_factory=dict)
    """Option values this flavor fixes (e.g. ``{"flavor": "hugo"}``)."""
    signature: bytes | None = None
    """What every one-file output of this writer carries near its start (see ``OutputFile``)."""
    rewrites_links: bool = True
    """Whether links between posts are rewritten to the new URLs by default (not in JSON, which
    keeps the archive as it was)."""

    @property
    def flavor(self) -> str:
        """The flavor this entry stands for (``hugo``), or the writer's name."""
        return str(self.preset.get("flavor", self.name))

    def option_names(self) -> set[str]:
        """The keywords this writer's options accept."""
        return {f.name for f in dataclasses.fields(self.options_class)}  # type: ignore[arg-type]

    def make_options(self, **values: Any) -> Opts:
        """Options for this writer: the preset, overridden by ``values`` (None means default).

        Raises ``OptionError`` for a keyword this writer does not take, a value its preset fixes
        otherwise, or a value the options class refuses.
        """
        given = {k: v for k, v in values.items() if v is not None}
        unknown = sorted(set(given) - self.option_names())
        if unknown:
            raise OptionError(unknown[0], given[unknown[0]], f"does not apply to {self.name} output")
        for key, value in sorted(given.items()):
            if key in self.preset and value != self.preset[key]:  # `--to hugo --flavor jekyll`
                raise OptionError(key, value, f"{self.name} output fixes it to {self.preset[key]!r}")
        return self.options_class(**{**self.preset, **given})
