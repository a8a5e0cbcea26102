"""The ordered catalogue of checks ``validate`` runs.

Each ``Check`` pairs a function with its code in ``importer.diagnostics.CODES``: the default
severity, the one-line explanation and the fix live there (one catalogue for readers, writers
and validate); the check adds a realistic example of what it reports. ``docs/checks.md`` and
``blogimport validate --list-checks`` are generated from this list.
"""

from __future__ import annotations

from dataclasses import dataclass

from importer.checks import content, output, structure, times
from importer.checks.base import CheckFunction
from importer.diagnostics import CODES, DiagnosticCode, Severity


@dataclass(frozen=True)
class Check:
    """One rule: its catalogue code, an example diagnostic and the function that finds it."""

    code: DiagnosticCode
    """A code of ``importer.diagnostics.CODES``."""
    example: str
    """A diagnostic this check could report, as ``blogimport validate`` prints it."""
    function: CheckFunction
    """``check_<rule>(archive, context)`` yielding ``Finding``s."""

    @property
    def predicts_output(self) -> bool:
        """True for checks that predict what a writer will do (the writer reports it itself)."""
        return self.function.__module__ == output.__name__

    @property
    def name(self) -> str:
        """The rule's name: the function name without ``check_``."""
        return self.function.__name__.removeprefix("check_")

    @property
    def severity(self) -> Severity:
        """The default severity (from the catalogue)."""
        return CODES[self.code].severity

    @property
    def explanation(self) -> str:
        """One line: what the problem is (from the catalogue)."""
        return CODES[self.code].explanation

    @property
    def fix(self) -> str:
        """One line: what to do about it (from the catalogue)."""
        return CODES[self.code].fix


_F = "export.xml"

#: Every check, in the order they run and are listed.
CHECKS: list[Check] = [
    Check("entry-duplicate-id", f"{_F}:entry[7000000000000000002]: error[entry-duplicate-id]: "
          "2 posts share the id '7000000000000000002'.", structure.check_duplicate_ids),
    Check("kind-unknown", f"{_F}:entry[7000000000000000009]: warning[kind-unknown]: Entry 'Sivupalkki' "
          "has kind 'widget', not post or page.", structure.check_unknown_kinds),
    Check("status-unknown", f"{_F}:entry[7000000000000000001]: warning[status-unknown]: Post 'Orkut' "
          "has the unknown status 'soft_trashed'; it is treated as not public.",
          structure.check_unknown_statuses),
    Check("body-empty", f"{_F}:entry[7000000000000000004]: warning[body-empty]: Post 'Kevät' of "
          "2010-03-28 has an empty body.", structure.check_empty_bodies),
    Check("title-missing", f"{_F}:entry[7000000000000000003]: info[title-missing]: The post of "
          "2010-05-20 21:47 (http://sosmedia-ja-muuta.blogspot.com/2010/05/blog-post.html) has no title.",
          structure.check_missing_titles),
    Check("comment-orphaned", f"{_F}:entry[8000000000000000001]: warning[comment-orphaned]: Comment by "
          "'Ilkka' belongs to post '7000000000000000099', which is not in the archive, but is stored "
          "under post '7000000000000000001'.", structure.check_orphaned_comments),
    Check("comment-parent-missing", f"{_F}:entry[8000000000000000002]: warning[comment-parent-missing]: "
          "Reply by 'Pirjo' answers comment '8000000000000000099', which is not on post "
          "'7000000000000000001'.", structure.check_missing_parents),
    Check("comment-thread-cycle", f"{_F}:entry[8000000000000000001]: error[comment-thread-cycle]: "
          "Comments on post '7000000000000000001' reply to each other in a cycle: "
          "8000000000000000001 -> 8000000000000000002 -> 8000000000000000001.",
          structure.check_thread_cycles),
    Check("date-naive", "archive.json:entry[7000000000000000001]: error[date-naive]: The post 'Orkut' "
          "published date 2010-06-10T14:35:00 has no time zone or offset.", times.check_naive_dates),
    Check("date-nonexistent", f"{_F}:entry[7000000000000000004]: warning[date-nonexistent]: The post "
          "'' published time 2010-03-28T03:30:00+02:00 shows 03:30 on 2010-03-28, a time that does "
          "not exist in Europe/Helsinki.", times.check_impossible_times),
    Check("date-unparsed", f"{_F}:entry[8000000000000000001]: warning[date-unparsed]: Could not parse "
          "the displayed time 'perjantai 10. kesäkuuta 2010 klo 16.02' (locale fi): the weekday "
          "'perjantai' does not match 2010-06-10, which is a Thursday.", times.check_unparsed_date_texts),
    Check("display-time-mismatch", f"{_F}:entry[8000000000000000001]: warning[display-time-mismatch]: "
          "The displayed time '10. kesäkuuta 2010 klo 19.02' says 2010-06-10 19:02 but the timestamp "
          "is 2010-06-10 16:02 (Europe/Helsinki).", times.check_display_times),
    Check("label-merged", f"{_F}: warning[label-merged]: Labels 'Koodi' (1 post), 'koodi' (1 post) "
          "differ only by case or accent; outputs merge them into one.", content.check_label_variants),
    Check("link-unresolved", f"{_F}:entry[7000000000000000002]: warning[link-unresolved]: 'Kesäkuun "
          "kuulumiset' links to http://sosmedia-ja-muuta.blogspot.com/2010/02/poistettu.html, which is "
          "not in the archive.", content.check_unresolved_links),
    Check("image-remote", f"{_F}: info[image-remote]: 3 images in 2 posts are still on Blogger's hosts "
          "(1.bp.blogspot.com, blogger.googleusercontent.com).", content.check_remote_images),
    Check("entries-not-public", f"{_F}: info[entries-not-public]: Not public: 1 draft, 1 pending "
          "comment, 1 spam comment.", content.check_not_public_counts),
    Check("slug-collision", f"{_F}:entry[7000000000000000004]: warning[slug-collision]: 'blog-post' is "
          "also used by entry 7000000000000000003; this entry is written as 'blog-post-2010-03' (in hugo, "
          "jekyll, pelican, zola, wxr).", output.check_slug_collisions),
    Check("html-raw-kept", f"{_F}:entry[7000000000000000002]: info[html-raw-kept]: 1 piece of HTML "
          "in 'Kesäkuun kuulumiset' has no Markdown form and would stay raw HTML (iframe).",
          output.check_raw_html),
]


def get_check(code: str) -> Check | None:
    """The check reporting ``code``, or None when no archive check does."""
    return next((check for check in CHECKS if check.code == code), None)
