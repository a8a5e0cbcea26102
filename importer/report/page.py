"""``render_html``: the report document as one self-contained page (summary, entry table, views).

Every value from the report (titles, URLs, messages) is escaped; post bodies appear only inside
one inert JSON data block whose entries the page's script hands to sandboxed ``srcdoc`` frames. The page loads
nothing: its style and script are inline and allowed by hash in its Content-Security-Policy.
"""

from __future__ import annotations

from html import escape
from typing import Any

from importer.report.assets import CSS, JS, content_security_policy
from importer.report.chart import year_chart
from importer.report.sanitize import FRAME_CSS
from importer.report.table import entry_sections, entry_table, views_block


def render_html(report: dict[str, Any]) -> bytes:
    """The report as one HTML page (UTF-8 bytes) that works from ``file://`` without network."""
    title = report["blog"]["title"] or report["input"]["path"]
    policy = escape(content_security_policy(FRAME_CSS), quote=False)
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        f'<meta name="generator" content="{escape(report["generator"])}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Migration report: {escape(title)}</title><style>{CSS}</style></head><body>",
        _header(report, title),
        _summary(report),
        entry_table(report),
        entry_sections(report),
        _general_diagnostics(report),
        *views_block(report),
        f"<script>{JS}</script></body></html>\n",
    ]
    # parts encoded one by one: the joined text of a 5,000-post page would be one more 57 MB copy
    return b"".join(part.encode("utf-8", errors="replace") for part in parts)


def _header(report: dict[str, Any], title: str) -> str:
    source, output = report["input"], report["output"]
    return (f"<header><h1>Migration report: {escape(title)}</h1>"
            f'<p class="sub">{escape(source["path"])} ({escape(source["format"] or "unknown format")}) '
            f'&rarr; {escape(output["path"])} ({escape(output["format"])}) &middot; '
            f"{escape(report['generator'])}</p></header>")


def _table(head: list[str], rows: list[list[Any]], numeric_from: int = 1) -> str:
    cells = "".join(f'<th{" class=n" if i >= numeric_from else ""}>{escape(h)}</th>'
                    for i, h in enumerate(head))
    body = "".join(
        "<tr>" + "".join(f'<td{" class=n" if i >= numeric_from else ""}>{escape(str(v))}</td>'
                         for i, v in enumerate(row)) + "</tr>"
        for row in rows)
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"


def _card(heading: str, content: str) -> str:
    return f'<div class="card"><h3>{escape(heading)}</h3>{content}</div>'


def _summary(report: dict[str, Any]) -> str:
    tally, images, web = report["tally"], report["images"], report["web"] or {}
    accounting = report["accounting"]
    cards = [
        _card("Entries", (f"<p>{escape(accounting['line'])}</p>" if accounting else "")
              + _table(["kind", "status", "read", "written", "skipped"],
                       [[t["kind"], t["status"], t["read"], t["written"], t["skipped"]]
                        for t in tally["entries"]], numeric_from=2)),
        _card("Comments", _table(["status", "read", "written", "skipped"],
                                 [[t["status"], t["read"], t["written"], t["skipped"]]
                                  for t in tally["comments"]]) if tally["comments"] else "<p>none</p>"),
        _card("Images and links", _table(["", "count"], [
            ["images in the posts", images["references"]],
            ["of those still on Blogger's hosts", images["on_blogger_hosts"]],
            ["downloaded", images["downloaded"]],
            ["failed", images["failed"]],
            ["links rewritten", web.get("links_rewritten", 0)],
            ["links still to the old blog", len(web.get("leftover_links", []))],
            ["redirects written", web.get("redirects", 0)],
        ])),
        _card("Diagnostics", _diagnostic_counts(report)),
        _card("Posts per year", year_chart(report["posts_per_year"]["before"],
                                           report["posts_per_year"]["after"]) or "<p>no posts</p>"),
    ]
    return f'<section id="summary"><h2>Summary</h2><div class="cards">{"".join(cards)}</div></section>'


def _diagnostic_counts(report: dict[str, Any]) -> str:
    rows = report["diagnostics_by_code"]
    if not rows:
        return "<p>none</p>"
    body = "".join(f'<tr><td><span class="sev {escape(r["severity"])}">{escape(r["severity"])}</span></td>'
                   f'<td>{escape(r["code"])}</td><td class=n>{r["count"]}</td></tr>' for r in rows)
    return f"<table><thead><tr><th>severity</th><th>code</th><th class=n>count</th></tr></thead>" \
           f"<tbody>{body}</tbody></table>"


def _general_diagnostics(report: dict[str, Any]) -> str:
    """Diagnostics that name no entry of the table (the blog as a whole, entries left out)."""
    tied = {index for entry in report["entries"] for index in entry["diagnostics"]}
    others = [d for index, d in enumerate(report["diagnostics"]) if index not in tied]
    if not others:
        return ""
    items = "".join(
        f'<li><span class="sev {escape(d["severity"])}">{escape(d["severity"])}</span>'
        f'<b>{escape(d["code"])}</b> {escape(_where(d))}{escape(d["message"])}</li>' for d in others)
    return (f'<section id="general"><h2>Diagnostics about the blog as a whole ({len(others)})</h2>'
            f"<ul>{items}</ul></section>")


def _where(diagnostic: dict[str, Any]) -> str:
    if diagnostic.get("entry") is not None:
        return f"entry[{diagnostic['entry']}]: "
    if diagnostic.get("line") is not None:
        return f"line {diagnostic['line']}: "
    return ""
