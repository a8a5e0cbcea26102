"""The entry table (one row per post, page and draft; problems first) and the per-entry sections.

The table is a header table and chunks of ``CHUNK`` rows, each a table of the same fixed column
widths; the page's script moves rows between chunks when sorting and parks filtered-out rows in a
hidden table. Rows carry ``data-problems`` for the "problems" filter and ``data-v`` sort keys; sections list
an entry's diagnostics, the marked difference of its visible text, and a side-by-side view whose
two bodies wait in the page's one JSON data block until the view is opened.
"""

from __future__ import annotations

import json
from datetime import datetime
from html import escape
from typing import Any

from importer.report.sanitize import frame_document, safe_href

#: Diagnostics listed per entry section; the JSON report holds every one.
MAX_LISTED = 50
#: Rows per chunk of the entry table. Each chunk is its own table with ``content-visibility:
#: auto``, so Chromium lays out only the chunks on screen (one 5,000-row table cost it 1.5 s).
CHUNK = 100
_RANK = {"error": 3, "warning": 2, "info": 1, None: 0}
_HEAD = [("Title", ""), ("Kind / status", ""), ("Published", "n"), ("Old URL", ""),
         ("New URL / file", ""), ("Comments", "n"), ("Images", "n"), ("Diagnostics", "n")]


def ordered(entries: list[dict[str, Any]]) -> list[tuple[int, dict[str, Any]]]:
    """``(index, entry)`` with problems first: errors, then warnings, then info, then the rest."""
    return sorted(enumerate(entries), key=lambda pair: (-_RANK[pair[1]["worst"]], pair[0]))


def _has_section(entry: dict[str, Any]) -> bool:
    return bool(entry["diagnostics"]) or entry["view"] is not None


def _title(entry: dict[str, Any]) -> str:
    return escape(entry["title"]) if entry["title"] else '<span class="untitled">(untitled)</span>'


def _link(url: str | None) -> str:
    if not url:
        return ""
    if safe_href(url) and url.lower().startswith(("http://", "https://")):
        return f'<a href="{escape(url)}" rel="noreferrer">{escape(url)}</a>'
    return escape(url)


def _published(entry: dict[str, Any]) -> tuple[str, str]:
    """Display text (``2010-06-10 14:35 +03:00``) and a numeric sort key (seconds since 1970)."""
    moment = datetime.fromisoformat(entry["published"])
    offset = moment.strftime("%z")
    shown = f"{moment:%Y-%m-%d %H:%M} {offset[:3]}:{offset[3:]}" if offset else f"{moment:%Y-%m-%d %H:%M}"
    return shown, f"{moment.timestamp():.0f}"


def _badges(entry: dict[str, Any], report: dict[str, Any]) -> tuple[str, int]:
    counts: dict[tuple[str, str], int] = {}
    for index in entry["diagnostics"]:
        found = report["diagnostics"][index]
        counts[(found["severity"], found["code"])] = counts.get((found["severity"], found["code"]), 0) + 1
    ordered_codes = sorted(counts.items(), key=lambda item: (-_RANK[item[0][0]], item[0][1]))
    html = "".join(f'<span class="sev {escape(s)}">{escape(c)}{f" &times;{n}" if n > 1 else ""}</span>'
                   for (s, c), n in ordered_codes)
    return html, _RANK[entry["worst"]] * 1_000_000 + len(entry["diagnostics"])


def _row(index: int, entry: dict[str, Any], report: dict[str, Any]) -> str:
    problems = bool(entry["diagnostics"])
    title = _title(entry)
    if _has_section(entry):
        title = f'<a href="#e-{index}">{title}</a>'
    shown, when = _published(entry)
    status = f"{escape(entry['kind'])} &middot; {escape(entry['status'])}"
    if entry["skipped"]:
        status += f' &middot; <b>not written</b> ({escape(entry["skipped"])})'
    target = _link(entry["new_url"]) + (f'<br><span class="muted">{escape(entry["file"])}</span>'
                                        if entry["file"] else "")
    comments = str(entry["comments"]) if entry["comments"] == entry["comments_written"] else \
        f"{entry['comments_written']} of {entry['comments']}"
    images = str(entry["images"]) + (f' <span class="muted">({entry["images_remote"]} on Blogger)</span>'
                                     if entry["images_remote"] else "")
    badges, rank = _badges(entry, report)
    css = f' class="problem sev-{escape(entry["worst"])}"' if problems else ""
    return (f'<tr{css} data-problems="{int(problems)}"><td data-v="{escape(entry["title"].lower())}">{title}'
            f'<br><span class="id">{escape(entry["id"])}</span></td><td>{status}</td>'
            f'<td class=n data-v="{when}">{escape(shown)}</td><td>{_link(entry["old_url"])}</td>'
            f'<td>{target}</td><td class=n data-v="{entry["comments"]}">{comments}</td>'
            f'<td class=n data-v="{entry["images"]}">{images}</td>'
            f'<td class=n data-v="{rank}">{badges}</td></tr>')


def entry_table(report: dict[str, Any]) -> str:
    """The sortable, filterable table of every entry, rows with problems first."""
    entries = report["entries"]
    problems = sum(1 for e in entries if e["diagnostics"])
    head = "".join(f'<th{f" class={css}" if css else ""}><button type="button">{name}</button></th>'
                   for name, css in _HEAD)
    rows = [_row(index, entry, report) for index, entry in ordered(entries)]
    chunks = "".join(f'<div class="chunk"><table><tbody>{"".join(rows[i:i + CHUNK])}</tbody></table></div>'
                     for i in range(0, len(rows), CHUNK))
    controls = ('<div class="controls"><label>Show <select id="filter"><option value="all">all entries'
                f'</option><option value="problems">with problems ({problems})</option><option value="clean">'
                'without problems</option></select></label><label>Filter <input id="search" type="search" '
                'placeholder="title, URL, code…"></label><span id="shown" class="muted"></span></div>')
    return (f'<section id="entries"><h2>Entries ({len(entries)})</h2>{controls}'
            f'<div id="entries-table" class="entries" data-chunk="{CHUNK}"><table class="head"><thead>'
            f'<tr>{head}</tr></thead></table>{chunks}<table class="parked" hidden><tbody></tbody></table>'
            "</div></section>")


def entry_sections(report: dict[str, Any]) -> str:
    """One section per entry with diagnostics or a requested view."""
    sections = [_section(index, entry, report) for index, entry in ordered(report["entries"])
                if _has_section(entry)]
    if not sections:
        return ""
    return (f'<section id="details"><h2>Entries in detail ({len(sections)})</h2>'
            f'{"".join(sections)}</section>')


def views_block(report: dict[str, Any]) -> list[str]:
    """Every view's two frame documents in ONE inert JSON data block, keyed ``v-<index>``, in pieces.

    One block, not one per view: Chromium took seconds longer to parse 5,000 script elements than
    one holding the same text. The page's script parses it when the first view is opened. The
    pieces are one per view, so a big report is never held as one more copy of all bodies.
    """
    pieces = [f'"v-{index}":' + _inert_json(_view_data(entry))
              for index, entry in enumerate(report["entries"]) if entry["view"] is not None]
    if not pieces:
        return []
    return ['<script type="application/json" id="views">{', pieces[0],
            *("," + piece for piece in pieces[1:]), "}</script>"]


def _inert_json(value: Any) -> str:
    """JSON that cannot end its ``<script>`` data block: every ``<`` written as ``\\u003c``."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def _section(index: int, entry: dict[str, Any], report: dict[str, Any]) -> str:
    shown, _ = _published(entry)
    listed = entry["diagnostics"][:MAX_LISTED]
    items = "".join(_diagnostic_item(report["diagnostics"][i]) for i in listed)
    if len(entry["diagnostics"]) > MAX_LISTED:
        items += f"<li>… and {len(entry['diagnostics']) - MAX_LISTED} more in the JSON report</li>"
    parts = [f'<article class="entry" id="e-{index}"><h3>{_title(entry)} <span class="id">'
             f'{escape(entry["id"])}</span></h3><p class="muted">{escape(entry["kind"])} &middot; '
             f'{escape(entry["status"])} &middot; {escape(shown)}</p>']
    if items:
        parts.append(f"<ul>{items}</ul>")
    if entry["view"] is not None:
        parts.append(_view(index, entry))
    parts.append("</article>")
    return "".join(parts)


def _diagnostic_item(found: dict[str, Any]) -> str:
    return (f'<li><span class="sev {escape(found["severity"])}">{escape(found["severity"])}</span>'
            f'<b>{escape(found["code"])}</b> {escape(found["message"])}</li>')


def _view_data(entry: dict[str, Any]) -> dict[str, Any]:
    """The two sanitized frame documents of a view (``output`` None: same as the original, or
    not written, then ``note`` says so)."""
    view = entry["view"]
    return {
        "original": frame_document(view["original_html"]),
        "output": frame_document(view["output_html"]) if view["output_html"] is not None else None,
        "note": f"Not written ({entry['skipped']})." if view["output_from"] == "not-written" else "",
    }


def _view(index: int, entry: dict[str, Any]) -> str:
    return (f'{diff_html(entry["view"], entry)}<details class="side" data-view="v-{index}"><summary>'
            "Side by side: original and our output</summary></details>")


def diff_html(view: dict[str, Any], entry: dict[str, Any]) -> str:
    """The visible-text difference: ``<del>`` only in the original, ``<ins>`` only in ours."""
    before, after = view["words"]
    if view["output_from"] == "not-written":
        return f'<p class="diff">Not written ({escape(entry["skipped"] or "no output")}).</p>'
    cut = " (first 20,000 words compared)" if view["diff_cut"] else ""
    if not view["diff"]:
        return f'<p class="diff">Visible text identical: {before} words{cut}.</p>'
    marks = {"-": "del", "+": "ins"}
    pieces = []
    for op, text in view["diff"]:
        if op == "…":
            pieces.append('<span class="gap">…</span>')
        elif op in marks:
            pieces.append(f"<{marks[op]}>{escape(text)}</{marks[op]}>")
        else:
            pieces.append(escape(text))
    return (f'<p class="diff" title="visible text: {before} words in the original, {after} in ours{cut}">'
            f'{" ".join(pieces)}</p>')
