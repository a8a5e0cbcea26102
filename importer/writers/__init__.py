"""Writers: one module per output format, an ordered registry, and ``write()``.

Every writer has the signature ``write_<format>(archive, options, diagnostics, site=None)`` and
returns an iterable of ``OutputFile`` (a relative POSIX path and the bytes); its registry entry
also names its options class and its URL plan (``site_urls``). Writers never touch the disk:
``importer.io`` places the files, keeps them inside the output folder and writes atomically.
Format flavors (``hugo``, ``jekyll``...) are presets of one writer, as in pandoc.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from importer.diagnostics import Diagnostics
from importer.errors import OptionError
from importer.model import Archive
from importer.outputs import OutputFile, WriterSpec
from importer.writers.json_writer import SIGNATURE as JSON_SIGNATURE
from importer.writers.json_writer import JsonOptions
from importer.writers.markdown.options import MarkdownOptions
from importer.writers.wxr.options import WXR_SIGNATURE, WxrOptions

__all__ = ["WRITERS", "OutputFile", "WriterSpec", "get_writer", "write", "writer_names"]


def _deferred(module: str, name: str) -> Callable[..., Any]:
    """``module.name``, imported when first called: every run names every writer in this registry,
    and a run of one format has no use for the others' modules (a JSON run loading the Markdown
    writer's PyYAML, process pool and HTML converter was a third of a small run's start-up)."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(import_module(module), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"``{module}.{name}``, imported on first use."
    return call


write_json = _deferred("importer.writers.json_writer", "write_json")
write_wxr = _deferred("importer.writers.wxr.writer", "write_wxr")
write_markdown = _deferred("importer.writers.markdown.writer", "write_markdown")
json_site_urls = _deferred("importer.writers.json_urls", "json_site_urls")
wxr_site_urls = _deferred("importer.writers.wxr.urls", "wxr_site_urls")
markdown_site_urls = _deferred("importer.writers.markdown.urls", "markdown_site_urls")


_MARKDOWN_FLAVORS = [
    ("markdown", "Markdown files with YAML front matter (generic)"),
    ("hugo", "a Hugo content tree (content/posts, data/comments, aliases)"),
    ("jekyll", "a Jekyll site tree (_posts/YYYY-MM-DD-slug.md, _data/comments, redirect_from)"),
    ("pelican", "a Pelican content folder (Key: value headers, Summary, Alias)"),
    ("zola", "a Zola content tree (TOML front matter, taxonomies, aliases)"),
    ("eleventy", "an Eleventy input tree (posts/, directory data, _data/comments, old-URL pages)"),
    ("astro", "an Astro content collection (src/content/blog, redirect pages in public/)"),
    ("hexo", "a Hexo source tree (source/_posts, source/_drafts, alias, source/_data)"),
    ("mkdocs", "Material for MkDocs' blog plugin (docs/blog/posts, redirect_maps)"),
]

WRITERS: list[WriterSpec[Any]] = [
    WriterSpec("json", "one blog-archive/1 JSON document", write_json, JsonOptions, json_site_urls,
               signature=JSON_SIGNATURE, rewrites_links=False),
    WriterSpec("jsonl", "JSON lines: the blog, then one post per line", write_json, JsonOptions,
               json_site_urls, preset={"lines": True}, signature=JSON_SIGNATURE, rewrites_links=False),
    WriterSpec("wxr", "WordPress WXR 1.2 for WordPress's importer (--split-size for big blogs)",
               write_wxr, WxrOptions, wxr_site_urls, signature=WXR_SIGNATURE),
    *[WriterSpec(flavor, description, write_markdown, MarkdownOptions, markdown_site_urls,
                 layout="tree", preset={"flavor": flavor})
      for flavor, description in _MARKDOWN_FLAVORS],
]


def writer_names() -> list[str]:
    """Names accepted by ``--to``, in registry order."""
    return [spec.name for spec in WRITERS]


def get_writer(name: str) -> WriterSpec[Any]:
    """The writer called ``name``; raises ``OptionError`` (for ``to``) listing the known names."""
    for spec in WRITERS:
        if spec.name == name:
            return spec
    raise OptionError("to", name, f"no such output format; known: {', '.join(writer_names())}")


def write(
    archive: Archive,
    format: str,
    options: Any = None,
    diagnostics: Diagnostics | None = None,
) -> list[OutputFile]:
    """Render ``archive`` in ``format``; returns the files with their bytes (nothing is written to
    disk).

    ``options`` is the writer's options dataclass (or None for the flavor's defaults).
    """
    spec = get_writer(format)
    opts = options if options is not None else spec.make_options()
    files = spec.write(archive, opts, diagnostics if diagnostics is not None else Diagnostics(), None)
    return [out.whole() for out in files]  # a streamed file's bytes made once, here
