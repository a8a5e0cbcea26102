"""``write_markdown``: posts and pages as Markdown files with front matter, comment data, site notes.

Quirks handled: drafts are marked as drafts in each generator's own way (Hugo/Zola ``draft: true``,
Jekyll ``published: false``, Pelican ``Status: draft``) or left out with ``--no-drafts`` (one
``draft-skipped`` per entry); aliases carry the old Blogger path with its leading slash; Jekyll
gets ``render_with_liquid: false`` when a body has ``{{``/``{%``; untitled entries get their date
in the blog's language as title in every flavor (Pelican cannot build an untitled article, the
others would list it as a blank; ``title-added``); front matter dates are whole seconds (Blogger's
millisecond tie-breakers stay in JSON). Labels whose slugs
agree (``Koodi``/``koodi``) are one tag page in Hugo, Pelican and Zola but two tags in Jekyll, so
every flavor writes them as one spelling: the one used on most posts, on a tie the oldest post's
(the WXR writer's rule), reported as ``label-merged``. Bodies are converted
by ``bodies.convert_bodies``: in worker processes in chunks when the archive is big (``jobs``);
output order and bytes do not depend on it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from importer.dates import format_date
from importer.diagnostics import Diagnostics, Severity, plural
from importer.errors import UsageError
from importer.model import POST_KINDS, Archive, Blog, Post
from importer.outputs import OutputFile
from importer.site import SiteUrls
from importer.slugs import slugify
from importer.writers.markdown.bodies import MORE, convert_bodies
from importer.writers.markdown.comments import comments_file, comments_path, kept_comments
from importer.writers.markdown.frontmatter import toml_front_matter, yaml_front_matter
from importer.writers.markdown.heads import classic_head, featured_image
from importer.writers.markdown.layout import PlannedPost, local_time
from importer.writers.markdown.notes import site_notes
from importer.writers.markdown.options import MarkdownOptions
from importer.writers.markdown.presets import (
    PRESETS,
    EntryFacts,
    Written,
    old_url_targets,
    preset_files,
    preset_front_matter,
)
from importer.writers.markdown.urls import markdown_site_urls, planned_posts
from importer.writers.protected import withhold_passwords
from importer.writers.sanitized import report_removed, sanitize_comments
from importer.writers.zone import blog_zone

if TYPE_CHECKING:  # imported where used: a JSON run should not load markdownify and PyYAML
    from importer.html.markdown import ConvertedBody


def _posts(count: int) -> str:
    return f"{count} post" if count == 1 else f"{count} posts"


def merged_labels(posts: Iterable[Post], locale: str | None, diagnostics: Diagnostics) -> dict[str, str]:
    """``{label: spelling written}``: labels with the same slug become the most used spelling.

    On a tie the spelling of the oldest post wins, so the result does not depend on input order.
    Each merged spelling is reported once as ``label-merged``.
    """
    uses: Counter[str] = Counter()
    for post in sorted(posts, key=lambda p: (p.published, p.id)):
        uses.update(dict.fromkeys(post.labels, 1))
    groups: dict[str, list[str]] = {}
    for label in uses:  # first seen = on the oldest post
        groups.setdefault(slugify(label, locale) or label, []).append(label)
    spelling: dict[str, str] = {}
    for slug, labels in groups.items():
        winner = max(labels, key=lambda label: uses[label])  # max keeps the first on ties
        for label in labels:
            spelling[label] = winner
            if label != winner:
                diagnostics.report("label-merged", f"Label '{label}' ({_posts(uses[label])}) is written as "
                                   f"'{winner}' ({_posts(uses[winner])}): both are tag '{slug}'.")
    return spelling


def old_path(post: Post) -> str | None:
    """The path part of the Blogger permalink (``/2010/06/slug.html``), the alias to keep."""
    if not post.url or not post.is_public:
        return None
    path = urlsplit(post.url).path
    return path if path.startswith("/") and path != "/" else None


def date_title(post: Post, blog: Blog) -> str:
    """The title an untitled entry is shown by: its date in the blog's language (``20.5.2010``)."""
    day = local_time(post.published, blog).date()
    if blog.locale:
        try:
            return format_date(day, blog.locale, "medium")
        except (UsageError, ValueError):
            pass
    return day.isoformat()


def _title(post: Post, archive: Archive, diagnostics: Diagnostics) -> str:
    """The entry's title; an untitled one gets its date (generators list it by its title, and
    Pelican does not build an untitled article at all)."""
    if post.title.strip():
        return post.title
    title = date_title(post, archive.blog)
    diagnostics.report("title-added", f"The untitled {post.kind} of {post.published:%Y-%m-%d} is "
                       f"shown by its date: '{title}'.", entry=post.id, severity=Severity.INFO)
    return title


def _front_date(moment: datetime, blog: Blog) -> datetime:
    """``moment`` in the blog's zone to the second: Blogger's millisecond tie-breakers (``.001`` on
    a whole minute, to order posts of one minute) stay in JSON, not in front matter."""
    return local_time(moment, blog).replace(microsecond=0)


def front_matter(post: Post, planned: PlannedPost, body: ConvertedBody, options: MarkdownOptions,
                 archive: Archive, title: str, labels: dict[str, str] | None = None) -> str:
    """The front matter block of one post in the flavor's syntax and keys.

    ``labels`` maps a label to the spelling written (``merged_labels``); unmapped labels stay.
    """
    blog = archive.blog
    facts = EntryFacts(
        title, planned.slug, planned.url_path, _front_date(post.published, blog),
        _front_date(post.updated, blog) if post.updated else None, not post.is_public,
        list(dict.fromkeys((labels or {}).get(label, label) for label in post.labels)), old_path(post),
        post.author.name if post.author else None, body.summary,
        "{{" in body.markdown or "{%" in body.markdown, featured_image(post))
    flavor = options.flavor
    if flavor in PRESETS:
        return yaml_front_matter(preset_front_matter(flavor, facts, post.kind == "page"))
    own_url = bool(options.permalink) and post.kind == "post"
    return classic_head(flavor, facts, is_page=post.kind == "page", own_url=own_url,
                        toml=options.front_matter == "toml", more=MORE["jekyll"])


def _skip_drafts(archive: Archive, options: MarkdownOptions, diagnostics: Diagnostics) -> None:
    for post in archive.posts:
        if post.kind not in POST_KINDS:  # reported, so the end-of-run account does not count it written
            diagnostics.report("kind-skipped", f"'{post.title or post.id}' has kind '{post.kind}', which "
                               "Markdown output has no place for; left out.", entry=post.id)
        elif not options.drafts and not post.is_public:
            diagnostics.report("draft-skipped", f"'{post.title or post.id}' is {post.status}; left out "
                               "(--no-drafts).", entry=post.id)


def write_markdown(archive: Archive, options: MarkdownOptions, diagnostics: Diagnostics,
                   site: SiteUrls | None = None) -> list[OutputFile]:
    """Render ``archive`` as a site tree for ``options.flavor``: posts, pages, comment data, notes.

    ``site`` is the plan ``markdown_site_urls`` made for this archive and options (made here when
    None). Returns the files in a stable order; the same archive and options always give the same
    bytes.
    """
    if options.flavor == "zola" and options.front_matter != "toml":
        options = _replace(options, front_matter="toml")
    _skip_drafts(archive, options, diagnostics)
    archive = withhold_passwords(archive, diagnostics, report=options.drafts,
                                 how="remove the draft mark from its front matter")
    blog_zone(archive.blog, diagnostics)  # an unknown zone is said once, not silently ignored
    planned = planned_posts(site if site is not None else markdown_site_urls(archive, options, diagnostics))
    posts = [p for p in archive.posts if p.id in planned]
    labels = merged_labels(posts, archive.blog.locale, diagnostics)
    bodies = convert_bodies(posts, options)
    files: list[OutputFile] = []
    raw_anywhere = False
    for post, (body, removed) in zip(posts, bodies, strict=True):
        where = planned[post.id]
        report_removed(diagnostics, removed, post, kept=options.keep_scripts)
        if body.raw_kept:
            raw_anywhere = True
            diagnostics.report("html-raw-kept", f"{plural(body.raw_kept, 'piece')} of HTML kept as raw "
                               "HTML in "
                               f"'{post.title or where.slug}' ({', '.join(body.raw_tags)}).", entry=post.id)
        if body.dropped:
            diagnostics.report("html-empty-dropped", f"Left out of '{post.title or where.slug}' as they show "
                               f"nothing: {', '.join(f'empty <{t}>' for t in body.dropped)}.", entry=post.id)
        title = _title(post, archive, diagnostics)
        head = front_matter(post, where, body, options, archive, title, labels)
        files.append(OutputFile(where.path, (head + ("\n" if options.flavor != "pelican" else "")
                                             + body.markdown).encode("utf-8")))
        comments = sanitize_comments(post, kept_comments(post, options.all_comments, diagnostics),
                                     diagnostics)
        if comments:
            files.append(OutputFile(comments_path(options.flavor, where),
                                    comments_file(post, where, comments, options.all_comments)))
    redirect_map: list[tuple[str, str]] = []
    if options.flavor in PRESETS:
        written = [Written(p.id, p.kind, old_path(p), planned[p.id].url_path) for p in posts]
        files += [OutputFile(path, data) for path, data in preset_files(
            options.flavor, written, archive.blog.locale, options.site_url, diagnostics)]
        if options.flavor == "mkdocs":  # mkdocs-redirects maps an old path to the post's source file
            redirect_map = [(old, planned[entry.id].path.removeprefix("docs/"))
                            for entry, old in old_url_targets(written, diagnostics)]
    if options.flavor == "zola" and any(p.kind == "post" for p in posts):
        files.append(OutputFile("content/posts/_index.md", toml_front_matter(
            {"title": archive.blog.title or "Posts", "sort_by": "date"}).encode("utf-8")))
    files.append(OutputFile("SITE-NOTES.md", site_notes(archive.blog, options, raw_anywhere, redirect_map)))
    return sorted(files, key=lambda f: f.path)


def _replace(options: MarkdownOptions, **changes: Any) -> MarkdownOptions:
    from dataclasses import replace

    return replace(options, **changes)
