"""Markdown for static site generators: one writer, flavors ``hugo``, ``jekyll``, ``pelican``, ``zola``.

``write_markdown`` is the writer; ``plan`` (in ``layout``) tells where each post goes and the URL
it will be served at, for other writers (redirect maps, link rewriting) to build on.
"""

from importer.writers.markdown.layout import PlannedPost, plan
from importer.writers.markdown.options import FLAVORS, MarkdownOptions
from importer.writers.markdown.writer import write_markdown

__all__ = ["FLAVORS", "MarkdownOptions", "PlannedPost", "plan", "write_markdown"]
