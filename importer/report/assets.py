"""The report page's own style and script, inline; the page's policy allows them by their hashes.

The script only filters and sorts the entry table and, when a side-by-side view is opened, puts
the two bodies into ``iframe``s that are ``sandbox``ed (no scripts, no same origin) and given
``srcdoc`` from the page's JSON data block. It never inserts text from the report as HTML into the page.
"""

from __future__ import annotations

import base64
import hashlib

CSS = """
:root{--bad:#b3261e;--warn:#8a5a00;--info:#1f5f99;--ok:#2e7d32;--line:#d8d8d8;--soft:#f6f6f6}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1400px;
padding:0 16px 48px;color:#1b1b1b}
h1{margin:20px 0 4px;font-size:26px}
h2{margin:28px 0 10px;font-size:20px;border-bottom:1px solid var(--line)}
h3{margin:0 0 6px;font-size:16px}.sub{color:#555;margin:0;overflow-wrap:anywhere}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 12px;background:#fff;min-width:200px}
.card h3{font-size:14px;color:#444}table{border-collapse:collapse}
td,th{border-bottom:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
td.n,th.n{text-align:right}.entries table{width:100%;font-size:14px;table-layout:fixed}
.chunk{content-visibility:auto;contain-intrinsic-size:auto 6000px}
.entries :is(th,td):nth-child(1){width:18%}.entries :is(th,td):nth-child(2){width:9%}
.entries :is(th,td):nth-child(3){width:9%}.entries :is(th,td):nth-child(4){width:20%}
.entries :is(th,td):nth-child(5){width:20%}.entries :is(th,td):nth-child(6){width:7%}
.entries :is(th,td):nth-child(7){width:7%}.entries :is(th,td):nth-child(8){width:10%}
.entries td{overflow-wrap:anywhere}
.entries th button{font:inherit;font-weight:600;border:0;background:none;padding:0;cursor:pointer}
th[aria-sort=ascending] button::after{content:" \\25B2"}
th[aria-sort=descending] button::after{content:" \\25BC"}
tr.problem td:first-child{box-shadow:inset 3px 0 var(--warn)}
tr.sev-error td:first-child{box-shadow:inset 3px 0 var(--bad)}
.controls{display:flex;gap:12px;align-items:center;margin:0 0 8px;flex-wrap:wrap}
.sev{display:inline-block;font-size:12px;border-radius:3px;padding:0 5px;margin:1px 2px 1px 0;color:#fff}
.sev-error .sev,.sev.error{background:var(--bad)}.sev.warning{background:var(--warn)}
.sev.info{background:var(--info)}.muted{color:#666}.untitled{font-style:italic;color:#666}
.id{color:#777;font-size:12px}
.entry{border:1px solid var(--line);border-radius:6px;padding:10px 12px;margin:0 0 14px;
content-visibility:auto;contain-intrinsic-size:auto 200px}
.entry ul{margin:4px 0 8px;padding-left:20px}
.diff{background:var(--soft);padding:6px 8px;border-radius:4px;overflow-wrap:anywhere}
del{background:#fbd3d0;text-decoration:line-through}ins{background:#cdebd0;text-decoration:none}
.gap{color:#888;padding:0 4px}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:10px;margin-top:8px}.pair figure{margin:0}
.pair figcaption{font-weight:600;font-size:13px}
.pair iframe{width:100%;height:300px;border:1px solid var(--line);border-radius:4px;background:#fff}
summary{cursor:pointer;color:var(--info)}svg text{font-size:11px;fill:#333}.bar-before{fill:#b9b9b9}
.bar-after{fill:#3b78c2}.legend{font-size:13px}
.swatch{display:inline-block;width:10px;height:10px;margin:0 4px}
.swatch.bar-before{background:#b9b9b9}.swatch.bar-after{background:#3b78c2}
"""

JS = """
(function () {
  "use strict";
  var box = document.getElementById("entries-table");
  if (!box) { return; }
  var size = Number(box.getAttribute("data-chunk"));
  var bodies = Array.prototype.slice.call(box.querySelectorAll(".chunk tbody"));
  var parked = box.querySelector(".parked tbody");
  var rows = Array.prototype.slice.call(box.querySelectorAll(".chunk tr"));
  var order = rows.slice();
  var filter = document.getElementById("filter");
  var search = document.getElementById("search");
  var shown = document.getElementById("shown");
  function keep(row, mode, needle) {
    var problem = row.getAttribute("data-problems") === "1";
    return (mode === "all" || (mode === "problems") === problem) &&
      (!needle || row.textContent.toLowerCase().indexOf(needle) !== -1);
  }
  function place(list, body) {
    var fragment = document.createDocumentFragment();
    list.forEach(function (row) { fragment.appendChild(row); });
    body.appendChild(fragment);
  }
  function apply() {
    var mode = filter.value, needle = search.value.trim().toLowerCase(), on = [], off = [];
    order.forEach(function (row) { (keep(row, mode, needle) ? on : off).push(row); });
    bodies.forEach(function (body, index) {
      place(on.slice(index * size, (index + 1) * size), body);
      body.parentNode.parentNode.hidden = index * size >= on.length;
    });
    place(off, parked);
    shown.textContent = on.length + " of " + rows.length + " shown";
  }
  function key(row, column) {
    var cell = row.cells[column];
    return cell.hasAttribute("data-v") ? cell.getAttribute("data-v") : cell.textContent;
  }
  function sortBy(th, column) {
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var numeric = th.classList.contains("n");
    Array.prototype.forEach.call(th.parentNode.cells, function (other) {
      other.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    order.sort(function (a, b) {
      var x = key(a, column), y = key(b, column);
      var result = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return ascending ? result : -result;
    });
    apply();
  }
  Array.prototype.forEach.call(box.querySelector(".head").rows[0].cells, function (th, column) {
    var button = th.querySelector("button");
    if (button) { button.addEventListener("click", function () { sortBy(th, column); }); }
  });
  filter.addEventListener("change", apply);
  search.addEventListener("input", apply);
  function frame(caption, documentText) {
    var figure = document.createElement("figure");
    var label = document.createElement("figcaption");
    label.textContent = caption;
    figure.appendChild(label);
    var iframe = document.createElement("iframe");
    iframe.setAttribute("sandbox", "");
    iframe.setAttribute("referrerpolicy", "no-referrer");
    iframe.setAttribute("title", caption);
    iframe.srcdoc = documentText;
    figure.appendChild(iframe);
    return figure;
  }
  var views = null;
  function build(details) {
    if (views === null) { views = JSON.parse(document.getElementById("views").textContent); }
    var data = views[details.getAttribute("data-view")];
    var pair = document.createElement("div");
    pair.className = "pair";
    pair.appendChild(frame("Original (Blogger)", data.original));
    if (data.output === null && data.note) {
      var note = document.createElement("p");
      note.textContent = data.note;
      pair.appendChild(note);
    } else {
      var ours = data.output === null ? data.original : data.output;
      pair.appendChild(frame("Our output, rendered back", ours));
    }
    details.appendChild(pair);
    details.setAttribute("data-built", "1");
  }
  Array.prototype.forEach.call(document.querySelectorAll("details.side"), function (details) {
    details.addEventListener("toggle", function () {
      if (details.open && !details.hasAttribute("data-built")) { build(details); }
    });
  });
  if (filter.value !== "all" || search.value) {
    apply();  // a reload that kept the form's state
  } else {
    shown.textContent = rows.length + " of " + rows.length + " shown";
  }
}());
"""


def csp_hash(text: str) -> str:
    """``'sha256-…'``: a Content-Security-Policy source allowing exactly this inline text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(frame_css: str) -> str:
    """The page's policy: nothing from the network, only its own script and styles (by hash).

    Frames created from ``srcdoc`` inherit it, so a post's scripts are refused a second time (the
    sandbox already forbids them); ``style-src-attr`` lets a post keep its inline ``style``
    attributes, which cannot run anything.
    """
    return (f"default-src 'none'; script-src {csp_hash(JS)}; "
            f"style-src {csp_hash(CSS)} {csp_hash(frame_css)}; style-src-attr 'unsafe-inline'; "
            "img-src data:; base-uri 'none'; form-action 'none'")
