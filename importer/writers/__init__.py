"""Writers: one module per output format, an ordered registry, and ``write()``.

Every writer has the signature ``write_<format>(archive, options, diagnostics)`` and returns an
iterable of ``OutputFile`` (a relative POSIX path and the bytes). Writers never touch the disk:
``importer.io`` places the files, keeps them inside the output folder and writes atomically.
Format flavors (``hugo``, ``jekyll``...) are presets of one writer, as in pandoc.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from importer.diagnostics import Diagnostics
from importer.errors import UsageError
from importer.model import Archive


class OutputFile(NamedTuple):
    """One file a writer produces: a relative POSIX path inside the output, and its bytes."""

    path: str
    data: bytes


WriteFunction = Callable[[Archive, Any, Diagnostics], Iterable[OutputFile]]


@dataclass(frozen=True)
class WriterSpec:
    """A registered writer (or a flavor preset of one)."""

    name: str
    """What ``--to`` takes."""
    description: str
    write: WriteFunction
    options_class: type
    """A frozen dataclass of the writer's options; the CLI mirrors its fields as flags."""
    layout: str = "file"
    """``file``: the output is one file (``-o FILE`` or ``-o -``); ``tree``: a folder."""
    preset: Mapping[str, Any] = field(default_factory=dict)
    """Option values this flavor fixes (e.g. ``{"flavor": "hugo"}``)."""

    def make_options(self, **values: Any) -> Any:
        """Options for this writer: the preset, overridden by ``values`` (None means default)."""
        given = {k: v for k, v in values.items() if v is not None}
        known = {f.name for f in dataclasses.fields(self.options_class)}
        unknown = sorted(set(given) - known)
        if unknown:
            raise UsageError(f"option(s) {', '.join(unknown)} do not apply to --to {self.name}")
        fixed = sorted(k for k, v in given.items() if k in self.preset and v != self.preset[k])
        if fixed:  # `--to hugo --flavor jekyll` wrote a Jekyll tree where Hugo was asked for
            raise UsageError(", ".join(f"--to {self.name} fixes {k} to {self.preset[k]!r}, not {given[k]!r}"
                                       for k in fixed))
        return self.options_class(**{**self.preset, **given})


def _writers() -> list[WriterSpec]:
    from importer.writers import json_writer, wxr
    from importer.writers.markdown import MarkdownOptions, write_markdown

    return [
        WriterSpec("json", "one blog-archive/1 JSON document", json_writer.write_json,
                   json_writer.JsonOptions),
        WriterSpec("jsonl", "JSON lines: the blog, then one post per line", json_writer.write_json,
                   json_writer.JsonOptions, preset={"lines": True}),
        WriterSpec("wxr", "WordPress WXR 1.2 for WordPress's importer (--split-size for big blogs)",
                   wxr.write_wxr, wxr.WxrOptions, layout="file"),
        *[WriterSpec(flavor, description, write_markdown, MarkdownOptions, layout="tree",
                     preset={"flavor": flavor})
          for flavor, description in [
              ("markdown", "Markdown files with YAML front matter (generic)"),
              ("hugo", "a Hugo content tree (content/posts, data/comments, aliases)"),
              ("jekyll", "a Jekyll site tree (_posts/YYYY-MM-DD-slug.md, _data/comments, redirect_from)"),
              ("pelican", "a Pelican content folder (Key: value headers, Summary, Alias)"),
              ("zola", "a Zola content tree (TOML front matter, taxonomies, aliases)"),
              ("eleventy", "an Eleventy input tree (posts/, directory data, _data/comments, old-URL pages)"),
              ("astro", "an Astro content collection (src/content/blog, redirect pages in public/)"),
              ("hexo", "a Hexo source tree (source/_posts, source/_drafts, alias, source/_data)"),
              ("mkdocs", "Material for MkDocs' blog plugin (docs/blog/posts, redirect_maps)"),
          ]],
    ]


WRITERS: list[WriterSpec] = _writers()


def writer_names() -> list[str]:
    """Names accepted by ``--to``, in registry order."""
    return [spec.name for spec in WRITERS]


def get_writer(name: str) -> WriterSpec:
    """The writer called ``name``; raises ``UsageError`` listing the known names."""
    for spec in WRITERS:
        if spec.name == name:
            return spec
    raise UsageError(f"unknown output format {name!r}; known: {', '.join(writer_names())}")


def write(
    archive: Archive,
    format: str,
    options: Any = None,
    diagnostics: Diagnostics | None = None,
) -> list[OutputFile]:
    """Render ``archive`` in ``format``; returns the files (nothing is written to disk).

    ``options`` is the writer's options dataclass (or None for the flavor's defaults).
    """
    spec = get_writer(format)
    opts = options if options is not None else spec.make_options()
    return list(spec.write(archive, opts, diagnostics if diagnostics is not None else Diagnostics()))
