"""What writers produce and how they are registered: ``OutputFile`` and ``WriterSpec``.

This module sits below readers, writers, ``web``, ``checks`` and ``io``, so each of them can
name an output file or a writer without importing the writers package (readers and writers are
siblings; nothing imports a writer's internals but the writer itself).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, NamedTuple, TypeVar

from importer.diagnostics import Diagnostics
from importer.errors import OptionError
from importer.model import Archive
from importer.site import SiteUrls


class OutputFile(NamedTuple):
    """One file a writer produces: a relative POSIX path inside the output, and its bytes."""

    path: str
    data: bytes
    signature: bytes | None = None
    """Bytes near the start of every file of this kind that blogimport writes (a generator mark);
    ``io`` replaces an existing file holding them on a re-run without ``force``."""


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
