"""SITE-NOTES.md: the site settings the generated files rely on, per flavor.

Each note exists because a generator silently misbehaves without it (OUTPUTS.md): Jekyll
re-expresses dates in the build machine's zone and ignores ``redirect_from`` without
jekyll-redirect-from; Hugo's Goldmark drops raw HTML unless ``unsafe`` is on; Zola ignores tags
not declared as a taxonomy; Pelican needs the pelican-alias plugin for ``Alias`` (its module is
``pelican_alias``: an old-style plugin, not in the ``pelican.plugins`` namespace). Hugo's goldmark
(typographer, linkify) and Jekyll's kramdown (smart quotes, typographic symbols) change text by
default: ``'`` ``"`` ``--`` ``...`` and minute marks like ``25'`` become curly quotes, dashes and
ellipses, and Hugo links bare e-mail and ``www.`` addresses; the notes give the lines that keep the
text as written. ``typographer = false`` is read by every Hugo (0.112 turned it into a table but
still accepts the boolean). Python-Markdown (Pelican) and Zola change nothing by default. Passing
raw HTML through is safe only because bodies were sanitized; the Scripts section says so, or, with
``--keep-scripts``, says what the user took on.
"""

from __future__ import annotations

import unicodedata

from importer.model import Blog
from importer.writers.markdown.options import MarkdownOptions
from importer.writers.markdown.preset_notes import preset_notes
from importer.writers.markdown.presets import PRESET_FLAVORS

#: Hugo settings that keep the text as typed (see the module docstring).
HUGO_FAITHFUL = ("[markup.goldmark.extensions]", "  linkify = false      # bare addresses stay text",
                 "  typographer = false  # quotes, dashes and dots stay as typed")
#: kramdown (Jekyll) settings that keep quotes, dashes and dots as typed.
KRAMDOWN_FAITHFUL = ("kramdown:", '  smart_quotes: ["apos", "apos", "quot", "quot"]',
                     '  typographic_symbols: {hellip: "...", mdash: "---", ndash: "--", laquo: "<<", '
                     'raquo: ">>", laquo_space: "<< ", raquo_space: " >>"}')


def _hugo(options: MarkdownOptions, raw_html: bool) -> list[str]:
    settings = []
    if options.site_url:
        settings.append(f'baseURL = "{options.site_url}"')
    if options.permalink:
        settings += ["[permalinks]", f'  posts = "{options.permalink}"']
    if raw_html:
        settings += ["[markup.goldmark.renderer]",
                     "  unsafe = true  # raw HTML kept (iframes, tables); see Scripts below"]
    lines = ["## Hugo", ""]
    if settings:  # an empty block would read as "add this" with nothing to add
        lines += ["Add to `hugo.toml`:", "", "```toml", *settings, "```", ""]
    else:
        lines += ["The posts need no settings in `hugo.toml`.", ""]
    lines += ["By default Hugo changes text the posts hold as typed: its typographer turns `'` `\"` `--` "
              "`...` (and minute marks like `25'`) into curly quotes, dashes and an ellipsis, and linkify "
              "makes links of bare e-mail and `www.` addresses. For a faithful copy add:", "",
              "```toml", *HUGO_FAITHFUL, "```", "",
              "Comments are in `data/comments/<slug>.json` (`.Site.Data.comments`).",
              "`aliases` write redirect pages at the old Blogger paths."]
    return lines


def _jekyll(timezone: str, options: MarkdownOptions) -> list[str]:
    lines = ["## Jekyll", "", "Add to `_config.yml`:", "", "```yaml", f"timezone: {timezone}",
             "plugins:", "  - jekyll-redirect-from"]
    if options.site_url:
        lines.append(f'url: "{options.site_url}"')
    if options.permalink:
        lines.append(f"permalink: {options.permalink}")
    lines += ["```", "", "and `gem \"jekyll-redirect-from\"` to the Gemfile: without it `redirect_from` is "
              "ignored silently. Without `timezone` Jekyll moves dates into the build machine's zone.", "",
              "By default kramdown turns `'` `\"` `--` `---` `...` `<<` `>>` into curly quotes, dashes, an "
              "ellipsis and guillemets. For a faithful copy add to `_config.yml`:", "",
              "```yaml", *KRAMDOWN_FAITHFUL, "```", "",
              "Comments are in `_data/comments/<slug>.json` (`site.data.comments`)."]
    return lines


def _zola(options: MarkdownOptions) -> list[str]:
    lines = ["## Zola", "", "Add to `config.toml` (undeclared taxonomies are ignored silently):", "",
             "```toml"]
    if options.site_url:
        lines.append(f'base_url = "{options.site_url}"')
    lines += ["taxonomies = [", '  { name = "tags", feed = true },', "]", "```", "",
              "Comments are in `<post>.comments.json` next to each post."]
    return lines


def _pelican(options: MarkdownOptions) -> list[str]:
    lines = ["## Pelican", "", "In `pelicanconf.py`:", "", "```python",
             '# pip install pelican-alias: writes a redirect page at each `Alias:` (old Blogger path)',
             'PLUGINS = ["pelican_alias"]']
    if options.site_url:
        lines.append(f'SITEURL = "{options.site_url}"')
    lines += ["```", "", "Summaries are in the `Summary:` header (Pelican ignores `<!--more-->`).",
              "Comments are in `<post>.comments.json` next to each post."]
    return lines


def _scripts(options: MarkdownOptions) -> list[str]:
    lines = ["", "## Scripts", ""]
    if options.keep_scripts:
        return [
            *lines, "Post bodies were written as they were (--keep-scripts): a `<script>`, an event handler "
            "(`onerror=`...) or a `javascript:` link in a post runs on your site, since the renderer passes "
            "raw HTML through (Hugo with `unsafe = true`, the others by default). The script-kept "
            "diagnostics name those posts. Comments were sanitized all the same."]
    return [
        *lines, "Post bodies and comments were sanitized: scripts, event handlers (`onerror=`...), "
        "`javascript:`, `vbscript:` and non-image `data:` URLs, and embeds from hosts other than "
        "YouTube, Vimeo, Google Maps and Blogger were removed; the script-removed diagnostics name each "
        "post and comment. That is what makes passing raw HTML through safe (Hugo with `unsafe = true`, "
        "the others by default). `--keep-scripts` writes post bodies as they are, for a blog whose "
        "every post you trust."]


def _one_line(text: str) -> str:
    """``text`` fit for a heading: control characters and line breaks (a NUL, an escape sequence,
    U+2028) become spaces, runs of spaces one."""
    return " ".join("".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
                            for ch in text).split())


def site_notes(blog: Blog, options: MarkdownOptions, raw_html: bool,
               redirects: list[tuple[str, str]] | None = None) -> bytes:
    """The SITE-NOTES.md bytes for ``blog`` written with ``options``.

    ``redirects`` (old path, new source file) is the redirect map of flavors that keep old URLs
    in the site's config (MkDocs).
    """
    timezone = blog.timezone or "UTC"
    lines = [f"# Site notes for {_one_line(blog.title) or 'the converted blog'}", "",
             f"Converted by blogimport for {options.flavor}. Dates carry their offsets; the blog's "
             f"time zone is {timezone}.", ""]
    if options.flavor == "hugo":
        lines += _hugo(options, raw_html)
    elif options.flavor == "jekyll":
        lines += _jekyll(timezone, options)
    elif options.flavor == "zola":
        lines += _zola(options)
    elif options.flavor == "pelican":
        lines += _pelican(options)
    elif options.flavor in PRESET_FLAVORS:
        lines += preset_notes(options.flavor, options, timezone, blog.locale, redirects or [])
    else:
        lines += ["Posts are in `posts/`, pages in `pages/`, comments in `<post>.comments.json`."]
    if raw_html:
        lines += ["", "Some posts keep raw HTML (see the html-raw-kept diagnostics); the renderer must "
                  "pass HTML through."]
    lines += _scripts(options)
    return ("\n".join(lines) + "\n").encode("utf-8")
