"""Non-fatal problems: a closed catalogue of codes, and a collector readers and writers report to.

A diagnostic names what was affected (quoted), says what was done and how to fix it, and where
(file, entry id or line). Text form, as compilers write it::

    export.xml:entry[123]: warning[date-unparsed]: Could not parse '31. helmikuuta 2010' (locale fi)

Codes are stable kebab-case names. Every code a module reports must be in ``CODES``; a test
checks that, so the catalogue (and the validate docs generated from it) cannot drift.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from enum import IntEnum
from typing import Literal

logger = logging.getLogger(__name__)


def plural(count: int, word: str, many: str | None = None) -> str:
    """``plural(1, "post") == "1 post"``, ``plural(2, "post") == "2 posts"``: messages never say
    ``piece(s)`` or ``1 posts``."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


class Severity(IntEnum):
    """How bad a diagnostic is; ordered so that ``max()`` gives the worst."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        """``"warning"`` -> ``Severity.WARNING``; raises ValueError for other words."""
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}") from None


@dataclass(frozen=True)
class Code:
    """One entry of the catalogue: a stable code, its default severity and what it means."""

    code: DiagnosticCode
    severity: Severity
    explanation: str
    """One line: what the problem is."""
    fix: str = ""
    """One line: what the user can do about it."""
    skips_entry: bool = False
    """True when each diagnostic of this code means one entry (its ``entry`` id) was left out of
    the output; end-of-run accounting (read = written + skipped) counts these."""
    skips: str = ""
    """What a writer's diagnostic of this code leaves out: ``post`` (a post, page or other entry,
    with its comments) or ``comment``; entry ids are unique only within one of those kinds."""
    covers: tuple[DiagnosticCode, ...] = ()
    """Codes this one makes redundant for the same entry: ``kind-skipped`` says all that
    ``kind-unknown`` would, so a conversion reports only the former."""


def _c(code: DiagnosticCode, severity: Severity, explanation: str, fix: str = "",
       skips_entry: bool = False, skips: str = "", covers: tuple[DiagnosticCode, ...] = ()) -> Code:
    return Code(code, severity, explanation, fix, skips_entry, skips, covers)


#: Every code of the catalogue, as a type: a code mistyped at a ``report`` call is a mypy error.
#: (A test checks that this list and ``CODES`` hold the same codes.)
DiagnosticCode = Literal[
    "prefix-undeclared",
    "feed-incomplete",
    "entry-unknown-kind",
    "entry-invalid",
    "entry-duplicate-id",
    "status-unknown",
    "timezone-missing",
    "timezone-unknown",
    "encoding-suspect",
    "url-invalid",
    "url-reconstructed",
    "comment-orphaned",
    "comment-parent-missing",
    "comment-thread-cycle",
    "display-time-mismatch",
    "date-unparsed",
    "date-nonexistent",
    "date-ambiguous",
    "dates-unreadable",
    "entries-none",
    "inputs-ignored",
    "blogs-several",
    "slug-collision",
    "html-raw-kept",
    "script-removed",
    "script-kept",
    "html-empty-dropped",
    "draft-skipped",
    "kind-skipped",
    "comment-not-public",
    "title-added",
    "old-url-unsafe",
    "label-merged",
    "link-unresolved",
    "image-failed",
    "image-remote",
    "link-old-host",
    "page-layout-unknown",
    "post-truncated",
    "encoding-repaired",
    "page-skipped",
    "page-dynamic-views",
    "pages-limits",
    "file-unreadable",
    "kind-unknown",
    "body-empty",
    "title-missing",
    "date-naive",
    "entries-not-public",
    "kind-custom",
    "control-chars-removed",
    "entry-id-renamed",
    "menu-id-renamed",
    "split-oversize",
    "post-password-withheld",
    "featured-image-missing",
]


_I, _W, _E = Severity.INFO, Severity.WARNING, Severity.ERROR

#: The closed catalogue. Add a code here before reporting it.
CODES: dict[DiagnosticCode, Code] = {
    c.code: c
    for c in [
        # reading: the file as a whole
        _c("prefix-undeclared", _W, "The XML uses a namespace prefix it never declares "
           "(a known defect of some Blogger exports); it was read as if declared.",
           "Nothing to do; re-export from Blogger if you can."),
        _c("feed-incomplete", _W, "A public Blogger feed holds published posts only: no drafts, "
           "pages or comments, and bodies may be truncated.",
           "Export the blog from Blogger (Settings > Back up, or Google Takeout) instead."),
        _c("entry-unknown-kind", _W, "An entry of a kind the reader does not know was skipped.",
           "Report the entry so support can be added.", skips_entry=True),
        _c("entry-invalid", _E, "An entry lacks a required field (id, date) or has a broken one "
           "and was skipped; the rest of the archive converted.",
           "Fix the entry in the export, or accept that it is left out.", skips_entry=True),
        _c("entry-duplicate-id", _E, "Two entries share one id; the later one was skipped.",
           "Remove the duplicate entry from the input.", skips_entry=True),
        _c("status-unknown", _W, "An entry has a status the reader does not know; it is kept "
           "with that status and treated as not public.", "Check the entry by hand."),
        _c("timezone-missing", _W, "The blog's time zone is unknown; times are kept in the "
           "offset the source gives (UTC for Takeout).", "Pass --timezone, e.g. Europe/Helsinki."),
        _c("timezone-unknown", _W, "The blog's time zone setting names no known zone; it was ignored.",
           "Pass --timezone with an IANA zone name."),
        _c("encoding-suspect", _W, "The input declares ISO-8859-1 or Windows-1252 but its bytes "
           "are valid UTF-8 with non-ASCII characters: read as declared, every accented letter "
           "is probably mojibake ('PÃ¤ivÃ¤Ã¤' for 'Päivää').",
           "Check the text; if it is mojibake, convert again with --encoding utf-8."),
        _c("url-invalid", _W, "An entry's permalink cannot be parsed as a URL (such as "
           "'http://[x/'); the entry converted without it, so it gets no alias or redirect. The "
           "text is kept in the entry's extra fields as url_invalid.",
           "Fix the permalink in the input if the old address should redirect."),
        _c("url-reconstructed", _I, "Posts had no permalink in the export; one was rebuilt from "
           "the title and date and flagged as such.",
           "Check the rebuilt URLs against the live blog before relying on redirects."),
        _c("comment-orphaned", _W, "A comment's post is not in the archive; the comment cannot "
           "be placed and is left out.", "Check whether the post was deleted.",
           skips_entry=True),
        _c("comment-parent-missing", _W, "A reply's parent comment is not in the archive; it is "
           "kept as a top-level comment.", "Nothing to do unless the thread order matters."),
        _c("comment-thread-cycle", _E, "Comments reply to each other in a cycle; the cycle was "
           "broken by making one of them top level.", "Fix the comments' parents in the input."),
        _c("display-time-mismatch", _W, "A comment's displayed time text does not match its "
           "timestamp.", "Check the blog's time zone setting (--timezone)."),
        _c("date-unparsed", _W, "A date or time text could not be parsed.",
           "Pass --locale for the page language, or report the text."),
        _c("date-nonexistent", _W, "A local time does not exist in the blog's zone (daylight-saving "
           "gap).", "Check the time and the blog's time zone."),
        _c("date-ambiguous", _W, "A local time happens twice in the blog's zone (daylight-saving "
           "end); the first occurrence was used.", "Check the time and the blog's time zone."),
        _c("dates-unreadable", _E, "Most date or time texts of the input could not be read, so most "
           "entries were left out or are placed wrongly: the input's language is not the one "
           "they were read in.", "Drop --locale, or give the language the pages are written in "
           "(the message names it)."),
        _c("entries-none", _E, "A non-empty input gave no posts or pages at all; every entry was "
           "left out or nothing in it is a post.", "Read the diagnostics it names; check --from, "
           "--locale and --blog."),
        _c("inputs-ignored", _I, "The folder given holds several inputs; the one of the format "
           "chosen with --from was read, the others were not.",
           "Give another of them as INPUT to read it instead."),
        _c("blogs-several", _I, "The input holds several blogs; only one was read.",
           "Pass --blog NAME to choose another."),
        # writing
        _c("slug-collision", _W, "Two entries would have the same output name; the later one got "
           "a distinct, deterministic name.", "Rename one of the posts if the new name matters."),
        _c("html-raw-kept", _I, "Some HTML could not be expressed in Markdown and was kept as raw "
           "HTML.", "Enable raw HTML in the site generator (see SITE-NOTES.md)."),
        _c("script-removed", _W, "A post or comment held HTML that can run script or load active "
           "content (a <script>, an event handler such as onerror, a javascript:, vbscript: or non-image "
           "data: URL, an embed from a host not on the allow-list, a form); sanitizing removed it.",
           "Nothing to do for comments; for a post body you trust, --keep-scripts writes it as it is."),
        _c("script-kept", _I, "A post body holds HTML that can run script, and was written as it is "
           "because --keep-scripts was given.", "Drop --keep-scripts unless you trust every post."),
        _c("html-empty-dropped", _I, "Elements that show nothing (a link with neither text nor "
           "image, an empty heading, code block or list item) were left out of the Markdown.",
           "Nothing to do: the page shows the same; add text in the source to keep them."),
        _c("draft-skipped", _I, "Drafts were left out of the output as asked (--no-drafts).", "",
           skips_entry=True, skips="post"),
        _c("kind-skipped", _I, "An entry of a kind a site generator has no place for (a WordPress "
           "attachment or menu item) was left out of the Markdown output.",
           "Convert to json or wxr to keep it.", skips_entry=True, skips="post",
           covers=("kind-unknown", "status-unknown", "body-empty", "title-missing")),
        _c("comment-not-public", _I, "Comments that are not published (pending, spam, deleted) were "
           "left out of public output.", "Pass --all-comments to keep them.", skips_entry=True,
           skips="comment"),
        _c("title-added", _W, "An untitled entry, or one sharing title and date with another, was "
           "given a title or time so the target does not merge it.", "", covers=("title-missing",)),
        _c("old-url-unsafe", _W, "An entry's old Blogger path cannot be a file name (an empty, '.' "
           "or '..' segment, a backslash); no redirect page was written for it.",
           "Add a redirect for that path on the new site by hand."),
        _c("label-merged", _W, "Labels that differ only by case or accent were merged into one term.",
           "Rename the labels in the source if they should stay apart."),
        _c("link-unresolved", _W, "A link points to a post of this blog that is not in the archive; "
           "it was left as it is.", "Check whether the post was deleted or renamed."),
        _c("image-failed", _W, "An image could not be downloaded; its remote URL was kept.",
           "Re-run later; the cache keeps what already arrived."),
        _c("image-remote", _I, "Images are still served from Blogger's hosts.",
           "Use --download-images DIR to bring them home."),
        _c("link-old-host", _W, "Links still point at the old blog's address (home, archive or "
           "search pages that have no counterpart in the output).",
           "Edit those links by hand, or add redirects for them on the new site."),
        # saved pages
        _c("page-layout-unknown", _W, "A saved page has a layout the reader does not know; it was "
           "not guessed at.", "Report the page so its template can be supported."),
        _c("post-truncated", _W, "A post is known only from a listing page cut at the jump break.",
           "Add the post's permalink page to the mirror."),
        _c("encoding-repaired", _W, "A page's declared encoding was wrong (mojibake); it was "
           "decoded differently.", ""),
        _c("page-skipped", _W, "A file among the saved pages is not a Blogger page, or cannot be "
           "read, and was skipped.", "Check the file; remove it from the folder if it is not a page."),
        _c("page-dynamic-views", _W, "A saved page uses Dynamic Views, which loads posts by "
           "JavaScript: the page holds almost nothing to read.",
           "Save the pages with ?m=1 (mobile view) or use an export."),
        _c("pages-limits", _I, "Saved pages cannot carry drafts, unpublished comments or, on some "
           "templates, exact times.", "Use an export if you still have access to the blog."),
        # validate (importer.checks)
        _c("file-unreadable", _E, "A file could not be read at all (missing, empty, truncated, not "
           "a blog export); nothing in it was checked.", "Re-export the file or remove it."),
        _c("kind-unknown", _W, "An entry has a kind other than post or page; writers may leave it "
           "out.", "Change the entry's kind to post or page if it should be published."),
        _c("body-empty", _W, "A post, page or comment has no text, image or embed in its body.",
           "Check whether the body was lost in the export; delete the entry if it is meant to be empty."),
        _c("title-missing", _I, "A post or page has no title (common on Blogger); outputs show it "
           "by its date.", "Give it a title in the source if it should have one."),
        _c("date-naive", _E, "A date carries no time zone or UTC offset, so its instant is unknown.",
           "Give the date an offset (RFC 3339, e.g. 2010-06-10T14:35:00+03:00)."),
        _c("entries-not-public", _I, "The archive holds entries that are not public (drafts, "
           "scheduled posts, pending, spam or deleted comments).",
           "Nothing to do; public outputs leave them out unless asked."),
        # generic
        _c("kind-custom", _I, "Entries of a custom post type were kept with that kind.", ""),
        _c("control-chars-removed", _W, "The input held control characters XML forbids (pasted "
           "from word processors); they were removed before parsing.", ""),
        _c("entry-id-renamed", _W, "Two entries share one id (a known WordPress.com export "
           "defect); the later one was kept under a distinct id.", "Check the entry by hand."),
        _c("menu-id-renamed", _I, "Two navigation menu items share one id, as WordPress.com "
           "exports write them when a menu entry is in two menus; the later one was kept under a "
           "distinct id.", ""),
        _c("split-oversize", _W, "One entry with its comments and attachments is larger than "
           "--split-size; it was written alone in a file over that size.",
           "Raise --split-size or the upload limit of the WordPress host."),
        _c("post-password-withheld", _W, "A password-protected WordPress post was written as a "
           "draft, without its password: a static site cannot protect a page, "
           "and publishing it openly would show what the author kept behind the password.",
           "To publish it anyway, remove the draft mark in its front matter (draft: true, "
           "published: false, Status: draft); WXR and JSON keep the post with its password."),
        _c("featured-image-missing", _W, "A WordPress post names a featured image (_thumbnail_id) "
           "that is not an attachment in the export; the post was kept without it.",
           "Export the attachments too (WordPress: Tools > Export > All content), or set the "
           "featured image again after the import."),
    ]
}


@dataclass(frozen=True)
class Diagnostic:
    """One non-fatal problem, with where it happened."""

    code: DiagnosticCode
    severity: Severity
    message: str
    file: str | None = None
    entry: str | None = None
    """Entry id (post or comment id) the problem concerns."""
    line: int | None = None

    @property
    def location(self) -> str:
        """``file:entry[id]`` / ``file:line`` / ``file`` / ``""``."""
        parts = [self.file] if self.file else []
        if self.entry is not None:
            parts.append(f"entry[{self.entry}]")
        elif self.line is not None:
            parts.append(str(self.line))
        return ":".join(parts)

    def __str__(self) -> str:
        prefix = f"{self.location}: " if self.location else ""
        return f"{prefix}{self.severity}[{self.code}]: {self.message}"

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping of this diagnostic."""
        return {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "file": self.file,
            "entry": self.entry,
            "line": self.line,
        }


class Diagnostics:
    """Collects diagnostics during a read, a write or a validation.

    ``file`` is the default location for what is reported; readers set it to the input's name.
    Every diagnostic is also logged at debug level (never printed).
    """

    def __init__(self, file: str | None = None) -> None:
        self.file = file
        self._items: list[Diagnostic] = []

    def report(
        self,
        code: DiagnosticCode,
        message: str,
        *,
        entry: str | None = None,
        line: int | None = None,
        file: str | None = None,
        severity: Severity | None = None,
    ) -> Diagnostic:
        """Record one diagnostic of a catalogued ``code`` and return it."""
        known = CODES.get(code)
        if known is None:
            raise KeyError(f"diagnostic code {code!r} is not in the catalogue")
        diagnostic = Diagnostic(
            code=code,
            severity=severity or known.severity,
            message=message,
            file=file if file is not None else self.file,
            entry=entry,
            line=line,
        )
        self._items.append(diagnostic)
        logger.debug("%s", diagnostic)
        return diagnostic

    def extend(self, other: Diagnostics) -> None:
        """Append everything ``other`` collected."""
        self._items.extend(other)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def codes(self) -> list[str]:
        """The codes reported, in order (handy in tests)."""
        return [d.code for d in self._items]

    def worst(self) -> Severity | None:
        """The highest severity reported, or None when nothing was."""
        return max((d.severity for d in self._items), default=None)

    def counts(self) -> dict[str, int]:
        """Number of diagnostics per severity name, all three always present."""
        counter = Counter(str(d.severity) for d in self._items)
        return {str(s): counter.get(str(s), 0) for s in Severity}
