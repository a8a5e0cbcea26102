"""SITE-NOTES.md sections for Eleventy, Astro, Hexo and Material for MkDocs.

Each block of code here is what the site-build tests write into their minimal sites, so the notes
are proved by real builds (``tests/test_site_builds_js.py``). Quirks behind them (OUTPUTS.md):
Eleventy and Astro store dates as instants and show them in UTC unless told the zone (hence the
small ``blogDate`` helper, standard ``Intl`` only); Eleventy runs ``.html`` files as templates unless
ignored; Hexo shifts dates that carry offsets when ``timezone:`` is also set, and keeps the case of
tag slugs unless ``filename_case: 1``; mkdocs-redirects writes the pages for ``.html`` keys but warns
on each, so ``mkdocs build --strict`` fails with them.
"""

from __future__ import annotations

import json

from importer.writers.markdown.options import MarkdownOptions

_BLOG_DATE = """\
/** A date as RFC 3339 in the blog's time zone (the generator keeps dates as instants). */
function blogDate(date, timeZone = "{zone}") {{
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-CA", {{
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "longOffset",
  }}).formatToParts(date).map((part) => [part.type, part.value]));
  const offset = parts.timeZoneName === "GMT" ? "+00:00" : parts.timeZoneName.slice(3);
  const day = `${{parts.year}}-${{parts.month}}-${{parts.day}}`;
  return `${{day}}T${{parts.hour}}:${{parts.minute}}:${{parts.second}}${{offset}}`;
}}"""

_ELEVENTY_CONFIG = """\
import {{ IdAttributePlugin }} from "@11ty/eleventy";

{blog_date}

export default function (eleventyConfig) {{
  eleventyConfig.addPassthroughCopy({{ "old-urls": "/" }});  // redirect pages at the old Blogger paths
  eleventyConfig.addPassthroughCopy("images");             // --download-images puts images here
  eleventyConfig.ignores.add("old-urls/**");               // copied as they are, not run as templates
  eleventyConfig.ignores.add("redirects/**");
  eleventyConfig.ignores.add("SITE-NOTES.md");
  eleventyConfig.addPlugin(IdAttributePlugin);             // heading ids, for links to #fragments
  eleventyConfig.addFilter("blogDate", (date) => blogDate(date));
}}"""


def _eleventy(zone: str) -> list[str]:
    config = _ELEVENTY_CONFIG.format(blog_date=_BLOG_DATE.format(zone=zone))
    return [
        "## Eleventy", "",
        "Posts are in `posts/`, pages in `pages/`. Their directory data files set `layout: post` "
        "(and `page`), put posts in `collections.posts`, and set `templateEngineOverride: md`, so "
        "`{{ }}` in posts stays text instead of being run as Liquid.", "",
        "Add `eleventy.config.mjs` (or the same lines in your own config):", "",
        "```js", config, "```", "",
        "Create `_includes/post.njk` and `_includes/page.njk` (any template language). They get "
        "`title`, `date` (show it with `{{ date | blogDate }}`: Eleventy keeps instants and prints UTC), "
        "`updated`, `tags` (minus `posts`), `excerpt` (the text before Blogger's jump break), `author` "
        "and `content`; a post's comments are `comments[slug]` (`_data/comments/<slug>.json`: "
        "`count` and a `comments` tree with `replies`).",
        "Drafts carry `draft: true`, `permalink: false` and `eleventyExcludeFromCollections: true`: "
        "no build writes them. Remove `permalink: false` from one to preview it.",
        "Old Blogger paths are redirect pages in `old-urls/`, copied to the site root by the "
        "passthrough copy above.",
    ]


_ASTRO_CONFIG = """\
import { defineCollection, z } from "astro:content";
import { glob } from "astro/loaders";

const entry = z.object({
  title: z.string(),
  pubDate: z.coerce.date(),
  updatedDate: z.coerce.date().optional(),
  description: z.string().optional(),
  tags: z.array(z.string()).default([]),
  draft: z.boolean().default(false),
  author: z.string().optional(),
});

const markdown = (base: string) => glob({ base, pattern: "**/*.md" });

export const collections = {
  blog: defineCollection({ loader: markdown("./src/content/blog"), schema: entry }),
  pages: defineCollection({ loader: markdown("./src/content/pages"), schema: entry }),
  comments: defineCollection({ loader: glob({ base: "./src/data/comments", pattern: "*.json" }) }),
};"""

_ASTRO_ROUTE = """\
---
import {{ getCollection, render }} from "astro:content";
import {{ blogDate }} from "{lib}";

export async function getStaticPaths() {{
  const entries = await getCollection("{collection}", ({{ data }}) => import.meta.env.DEV || !data.draft);
  return entries.map((entry) => ({{ params: {{ slug: entry.id }}, props: {{ entry }} }}));
}}
const {{ entry }} = Astro.props;
const {{ Content }} = await render(entry);
const comments = (await getCollection("comments")).find((thread) => thread.id === entry.id);
---
<html lang="{lang}"><head><meta charset="utf-8"><title>{{entry.data.title}}</title></head><body>
<h1>{{entry.data.title}}</h1>
<time datetime={{blogDate(entry.data.pubDate)}}></time>
<ul class="tags">{{entry.data.tags.map((tag) => <li>{{tag}}</li>)}}</ul>
<div class="summary">{{entry.data.description}}</div>
{{comments && <p class="comments">{{comments.data.count}}</p>}}
<main><Content /></main>
</body></html>"""


def _astro(zone: str, lang: str) -> list[str]:
    helper = "export " + _BLOG_DATE.format(zone=zone).replace("(date, timeZone", "(date: Date, timeZone")
    return [
        "## Astro", "",
        "Posts are the `blog` content collection in `src/content/blog/`, pages the `pages` collection "
        "in `src/content/pages/`, comments the `comments` collection in `src/data/comments/` (one "
        "JSON file per post, its id the post's slug). Field names follow Astro's blog starter.", "",
        "Add `src/content.config.ts`:", "", "```ts", _ASTRO_CONFIG, "```", "",
        "Add `src/lib/blog-date.ts` (Astro keeps dates as instants; this shows them in the blog's zone):",
        "", "```ts", helper, "```", "",
        "Add `src/pages/blog/[slug].astro` (posts at `/blog/<slug>/`, the URLs links were rewritten to; "
        "put the markup in your own layout):", "",
        "```astro", _ASTRO_ROUTE.format(lib="../../lib/blog-date", collection="blog", lang=lang), "```", "",
        "Add `src/pages/[slug].astro` (pages at `/<slug>/`):", "",
        "```astro", _ASTRO_ROUTE.format(lib="../lib/blog-date", collection="pages", lang=lang), "```", "",
        "Drafts carry `draft: true`; the routes above leave them out of `astro build` and show them "
        "in `astro dev`. Old Blogger paths are redirect pages in `public/` (Astro's `redirects` "
        "config cannot write `x.html` files).",
    ]


def _hexo(zone: str) -> list[str]:
    return [
        "## Hexo", "",
        "Posts are in `source/_posts/`, drafts in `source/_drafts/` (built only with `--draft`), "
        "pages in `source/<slug>/index.md`. Each post pins its URL with `permalink` "
        "(`/:year/:month/:day/:slug/` in the blog's zone).", "",
        "Install the plugins the posts use:", "",
        "```sh", "npm install hexo-generator-alias hexo-renderer-marked hexo-generator-tag", "```", "",
        "Add to `_config.yml`:", "",
        "```yaml",
        "filename_case: 1        # tag pages at /tags/<lowercase-slug>/, where links were pointed",
        "marked:",
        "  modifyAnchors: 1      # lowercase heading ids, as Blogger's #fragments are",
        "```", "",
        f"Do not set `timezone:` there: the dates carry their offsets and Hexo shifts them when both "
        f"are set. To show a date in the blog's zone in a theme: `page.date.clone().tz(\"{zone}\")`.",
        "`alias` makes hexo-generator-alias write a redirect page at each old Blogger path. "
        "`disableNunjucks: true` keeps `{{ }}` in a post as text. Comments are "
        "`site.data[\"comments/<slug>\"]` (`source/_data/comments/<slug>.json`).",
    ]


def _mkdocs(redirects: list[tuple[str, str]]) -> list[str]:
    lines = ["theme:", "  name: material", "plugins:", "  - blog:",
             '      post_url_format: "{slug}"   # posts at /blog/<slug>/, where links were pointed']
    if redirects:
        lines += ["  - redirects:", "      redirect_maps:"]
        lines += [f"        {json.dumps(old, ensure_ascii=False)}: {json.dumps(new, ensure_ascii=False)}"
                  for old, new in redirects]
    lines += ["markdown_extensions:", "  - attr_list           # {#id} after headings"]
    return [
        "## Material for MkDocs (blog plugin)", "",
        "Posts are in `docs/blog/posts/`, pages in `docs/`.",
        "Install: `pip install mkdocs-material mkdocs-redirects`.", "",
        "Add to `mkdocs.yml`:", "", "```yaml", *lines, "```", "",
        "mkdocs-redirects writes a page at each old `.html` path but warns on each, so "
        "`mkdocs build --strict` fails while the map is there.",
        "Drafts carry `draft: true` and are left out of `mkdocs build`. The author is kept as `author`; "
        "Material shows `authors:` only for ids declared in `docs/blog/.authors.yml`.",
        "Comments are in `comments/<slug>.json`, outside `docs/`: MkDocs reads no data files, so "
        "show them with a theme override or a `hooks:` script that reads these files.",
    ]


def preset_notes(flavor: str, options: MarkdownOptions, zone: str, lang: str | None,
                 redirects: list[tuple[str, str]]) -> list[str]:
    """The SITE-NOTES.md lines for a preset flavor (``redirects``: MkDocs' redirect map)."""
    if flavor == "eleventy":
        lines = _eleventy(zone)
    elif flavor == "astro":
        lines = _astro(zone, lang or "en")
    elif flavor == "hexo":
        lines = _hexo(zone)
    else:
        lines = _mkdocs(redirects)
    if options.site_url:
        lines += ["", f"The site's address is {options.site_url}; redirect pages point there."]
    return lines
