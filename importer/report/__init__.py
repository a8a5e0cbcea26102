"""The migration report: what a conversion did, post by post, as JSON and as one HTML page.

``build_report(result, source=, output=, to=)`` turns a ``ConvertResult`` into one JSON-ready
document (``convert-report/1``, schema in ``importer/schema/convert-report-1.schema.json``);
``render_json`` and ``render_html`` give its bytes. The HTML page is a view of that document:
self-contained (no network, inline style and script under a strict Content-Security-Policy),
with post bodies only inside sandboxed frames. Nothing here touches the disk: ``convert(...,
report=, report_html=)`` writes the files through ``importer.io``.
"""

from __future__ import annotations

import json
from typing import Any

from importer.lazy import lazy_names
from importer.report.choice import parse_views

#: Loaded when first used: building a report needs markdown-it and the view renderers, which a
#: conversion without ``--report`` must not pay for at start-up.
_LAZY = {"REPORT_SCHEMA": "importer.report.build", "build_report": "importer.report.build",
         "render_html": "importer.report.page"}


__getattr__ = lazy_names(__name__, _LAZY)

__all__ = ["REPORT_SCHEMA", "build_report", "parse_views", "render_html", "render_json"]


def render_json(report: dict[str, Any]) -> bytes:
    """The report as UTF-8 JSON: one top-level key per line, and one line per diagnostic and entry.

    (Readable with grep and diff, and written by json's C encoder: an indented 50 MB report took
    the pure-Python one several seconds.)
    """
    lines = []
    for key, value in report.items():
        if isinstance(value, list) and value:
            items = ",\n  ".join(json.dumps(item, ensure_ascii=False) for item in value)
            lines.append(f"{json.dumps(key)}: [\n  {items}\n ]")
        else:
            lines.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    text = "{" + ",\n ".join(lines) + "}\n"
    return text.encode("utf-8", errors="replace")
