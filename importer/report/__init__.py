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

from importer.report.build import REPORT_SCHEMA, build_report, parse_views
from importer.report.page import render_html

__all__ = ["REPORT_SCHEMA", "build_report", "parse_views", "render_html", "render_json"]


def render_json(report: dict[str, Any]) -> bytes:
    """The report as UTF-8 JSON (indented, non-ASCII kept)."""
    return json.dumps(report, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
