"""Markdown for static site generators: one writer, flavors ``hugo``, ``jekyll``, ``pelican``, ``zola``...

``write_markdown`` is the writer; ``plan`` (in ``layout``) tells where each post goes and the URL
it will be served at, for other writers (redirect maps, link rewriting) to build on. The writer
and the layout are imported on first use: the registry names them for every run, and a JSON or
WXR run has no use for their modules (PyYAML, the process pool, the HTML converter).
"""

from importer.lazy import lazy_names
from importer.writers.markdown.options import FLAVORS, MarkdownOptions

__all__ = ["FLAVORS", "MarkdownOptions", "PlannedPost", "plan", "write_markdown"]

_LAZY = {"write_markdown": "importer.writers.markdown.writer", "plan": "importer.writers.markdown.layout",
         "PlannedPost": "importer.writers.markdown.layout"}


__getattr__ = lazy_names(__name__, _LAZY)
