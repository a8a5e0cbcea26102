"""Options of the Markdown writer and its flavors (``--to hugo``, ``eleventy``... see ``FLAVORS``).

Every field with help text is also a ``convert`` flag (``--front-matter``, ``--no-drafts``...).
The site address is ``site_url`` rather than ``base_url`` because ``--base-url`` already names the
*old* blog's address among the read options.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from importer.options import PermalinkOption, SiteUrlOption, at_least, option

FLAVORS = ("markdown", "hugo", "jekyll", "pelican", "zola", "eleventy", "astro", "hexo", "mkdocs")


@dataclass(frozen=True)
class MarkdownOptions(SiteUrlOption, PermalinkOption):
    """What the Markdown writer accepts; a flavor fixes ``flavor`` and leaves the rest to the user."""

    flavor: str = option("markdown", "Static site generator the Markdown is written for.", choices=FLAVORS)
    front_matter: str = option(
        "yaml", "Front matter syntax: yaml or toml (Hugo may choose; Zola is always toml, Pelican "
        "always its own Key: value header).", choices=("yaml", "toml"))
    bundles: bool = option(False, "Hugo: write page bundles (content/posts/<slug>/index.md).")
    embeds: str = option(
        "html", "YouTube embeds as an iframe (html) or the generator's shortcode where it has one "
        "(Hugo: {{< youtube ID >}}).", choices=("html", "shortcode"))
    drafts: bool = option(True, "Write drafts and other unpublished posts, marked as drafts "
                                "(--no-drafts leaves them out).")
    all_comments: bool = option(False, "Also keep pending, spam and deleted comments in the comment "
                                       "data files (marked with their status).")
    jobs: int = option(0, "Processes converting post bodies (0: one per CPU core; 1: no extra "
                          "processes).", check=at_least(0))
    progress: Callable[[int, int], None] | None = field(default=None, compare=False, repr=False)
    """Called with (bodies converted, bodies in all) as conversion goes on (no flag)."""
