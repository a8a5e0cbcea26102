"""``build_report``: everything a conversion did, as one JSON-ready document (``convert-report/1``).

``schema``, ``diagnostics``, ``files`` and ``summary`` mean what they mean in ``blogimport validate
--format json`` (a reader of validate's JSON reads a convert report's diagnostics unchanged); the
other keys are the conversion's own. Described by ``importer/schema/convert-report-1.schema.json``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from importer.checks.report import FileResult, ValidationReport
from importer.diagnostics import Diagnostic
from importer.model import Archive
from importer.report.choice import parse_views
from importer.report.entries import EntryContext, LeftOut, entry_rows, file_locator
from importer.report.views import output_bodies
from importer.result import ConvertResult
from importer.stats import summarize
from importer.version import __version__
from importer.writers import get_writer

REPORT_SCHEMA = "convert-report/1"


def build_report(result: ConvertResult, *, source: str | Path, output: str | Path, to: str,
                 views: str | Collection[str] = "problems") -> dict[str, Any]:
    """The migration report of one ``convert()`` run (see the module docstring for its keys).

    ``views`` says which entries carry a side-by-side view (both bodies and their text
    difference): ``problems`` (default), ``all`` or a collection of entry ids.
    """
    wanted = parse_views(views)
    spec = get_writer(to)
    flavor = str(spec.preset.get("flavor", to))
    archive = result.archive
    diagnostics = list(result.diagnostics)
    site = result.site
    post_files = dict(site.files) if site is not None else {}
    tree = spec.layout == "tree"
    left_out = LeftOut.split(result.accounting.left_out if result.accounting is not None else {})
    context = EntryContext(
        archive=archive,
        output_bodies={p.id: p.content_html for p in (result.output_archive or archive).posts},
        diagnostics=diagnostics, left_out=left_out, site=site,
        output_file=file_locator(output, tree, len(result.files), post_files),
        body_of=output_bodies(result.output_archive or archive, result.files, post_files, flavor, tree),
    )
    entries = entry_rows(context, wanted)
    stats = summarize(archive)
    return {
        **validate_parts(str(source), archive, diagnostics),
        "generator": _generator(),
        "input": {"path": str(source), "format": archive.source_format},
        "output": {"path": str(output), "format": to, "flavor": flavor, "layout": spec.layout,
                   "files": [str(path) for path in result.written]},
        "blog": stats["blog"],
        "accounting": _accounting(result),
        "stats": {key: value for key, value in stats.items() if key not in ("blog", "format")},
        "tally": tally(archive, left_out),
        "web": result.web.to_dict() if result.web is not None else None,
        "images": _images(entries, result),
        "posts_per_year": posts_per_year(archive, left_out),
        "diagnostics_by_code": diagnostics_by_code(diagnostics),
        "views": wanted if isinstance(wanted, str) else sorted(wanted),
        "entries": entries,
    }


def validate_parts(path: str, archive: Archive, diagnostics: Sequence[Diagnostic]) -> dict[str, Any]:
    """``schema``, ``diagnostics``, ``files`` and ``summary`` as ``validate --format json`` has them."""
    checked = FileResult(path=path, format=archive.source_format, posts=len(archive.posts),
                         comments=archive.comment_count, diagnostics=tuple(diagnostics))
    worst = checked.worst()
    return {
        "schema": REPORT_SCHEMA,
        "diagnostics": [d.to_dict() for d in diagnostics],
        "files": [{"path": checked.path, "format": checked.format, "readable": True,
                   "posts": checked.posts, "comments": checked.comments,
                   "worst": str(worst) if worst else None}],
        # convert's --fail-on is the command line's business: the report never fails by itself
        "summary": {**ValidationReport([checked]).summary(), "fail_on": None, "failed": False},
    }


def _generator() -> str:
    return f"blogimport {__version__}"


def _accounting(result: ConvertResult) -> dict[str, Any] | None:
    accounting = result.accounting
    if accounting is None:
        return None
    return {"read": accounting.read, "written": accounting.written,
            "skipped": dict(sorted(accounting.skipped.items())), "balanced": accounting.balanced,
            "line": accounting.line()}


def tally(archive: Archive, left_out: LeftOut) -> dict[str, list[dict[str, Any]]]:
    """Entries by kind and status, and comments by status: read, written and skipped."""
    entries: Counter[tuple[str, str, str]] = Counter()
    comments: Counter[tuple[str, str]] = Counter()
    for post in archive.posts:
        post_out = post.id in left_out.posts
        entries[(post.kind, post.status, "skipped" if post_out else "written")] += 1
        for comment in post.comments:
            out = post_out or comment.id in left_out.comments
            comments[(comment.status, "skipped" if out else "written")] += 1
    kinds = sorted({(kind, status) for kind, status, _ in entries})
    statuses = sorted({status for status, _ in comments})
    return {
        "entries": [{"kind": k, "status": s, "read": entries[(k, s, "written")] + entries[(k, s, "skipped")],
                     "written": entries[(k, s, "written")], "skipped": entries[(k, s, "skipped")]}
                    for k, s in kinds],
        "comments": [{"status": s, "read": comments[(s, "written")] + comments[(s, "skipped")],
                      "written": comments[(s, "written")], "skipped": comments[(s, "skipped")]}
                     for s in statuses],
    }


def _images(entries: list[dict[str, Any]], result: ConvertResult) -> dict[str, int]:
    web = result.web
    return {
        "references": sum(e["images"] for e in entries),
        "on_blogger_hosts": sum(e["images_remote"] for e in entries),
        "downloaded": len(web.images_local) if web is not None else 0,
        "failed": len(web.images_failed) if web is not None else 0,
    }


def posts_per_year(archive: Archive, left_out: LeftOut) -> dict[str, dict[str, int]]:
    """Posts (kind ``post``, any status) per year of publication: read, and written."""
    before = Counter(f"{p.published:%Y}" for p in archive.posts if p.kind == "post")
    after = Counter(f"{p.published:%Y}" for p in archive.posts
                    if p.kind == "post" and p.id not in left_out.posts)
    return {"before": dict(sorted(before.items())), "after": dict(sorted(after.items()))}


def diagnostics_by_code(diagnostics: Sequence[Diagnostic]) -> list[dict[str, Any]]:
    """``[{code, severity, count}]``, worst severity first, then by count."""
    counts = Counter((d.code, d.severity) for d in diagnostics)
    ordered = sorted(counts.items(), key=lambda item: (-item[0][1], -item[1], item[0][0]))
    return [{"code": code, "severity": str(severity), "count": n} for (code, severity), n in ordered]
