"""Output formats of ``blogimport validate``: text, JSON, GitHub workflow annotations, JUnit XML.

- text: one ``file:location: severity[code]: message`` line per diagnostic, then a summary line.
- json: ``{"schema": "validate-report/1", "diagnostics": [...], "files": [...], "summary": {...}}``,
  described by ``importer/schema/validate-report.schema.json``.
- github: ``::error file=…,line=…,title=…::message`` lines (notice for info); property values
  escape ``% \\r \\n : ,`` and messages ``% \\r \\n`` as the workflow-command syntax requires.
- junit: one ``testcase`` per input, with a ``failure`` when a diagnostic is at or above
  ``--fail-on`` (the others go to ``system-out``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from lxml import etree

from importer.checks.report import FileResult, ValidationReport
from importer.diagnostics import Diagnostic, Severity, plural

REPORT_SCHEMA = "validate-report/1"
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def format_text(report: ValidationReport, fail_on: Severity | None = None) -> str:
    """Diagnostic lines as compilers write them, then the summary line."""
    lines = [str(d) for d in report.diagnostics()]
    lines.append(report.summary_line())
    return "\n".join(lines) + "\n"


def format_json(report: ValidationReport, fail_on: Severity | None = None) -> str:
    """One JSON document: every diagnostic as an object, per-file results and the summary."""
    document = {
        "schema": REPORT_SCHEMA,
        "diagnostics": [d.to_dict() for d in report.diagnostics()],
        "files": [
            {"path": f.path, "format": f.format, "readable": f.readable, "posts": f.posts,
             "comments": f.comments, "worst": str(f.worst()) if f.worst() else None}
            for f in report.files
        ],
        "summary": {**report.summary(), "fail_on": str(fail_on) if fail_on else None,
                    "failed": report.fails(fail_on)},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def escape_github_data(text: str) -> str:
    """Escape a workflow-command message (``%``, ``\\r``, ``\\n``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_github_property(text: str) -> str:
    """Escape a workflow-command property value (the message escapes plus ``:`` and ``,``)."""
    return escape_github_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(diagnostic: Diagnostic) -> str:
    """``::warning file=export.xml,title=date-unparsed::entry[7]: Could not parse …``."""
    properties = []
    if diagnostic.file:
        properties.append(f"file={escape_github_property(diagnostic.file)}")
    if diagnostic.line is not None:
        properties.append(f"line={diagnostic.line}")
    properties.append(f"title={escape_github_property(f'blogimport {diagnostic.code}')}")
    where = f"entry[{diagnostic.entry}]: " if diagnostic.entry is not None else ""
    level = _GITHUB_LEVEL[diagnostic.severity]
    return f"::{level} {','.join(properties)}::{escape_github_data(where + diagnostic.message)}"


def format_github(report: ValidationReport, fail_on: Severity | None = None) -> str:
    """One workflow annotation per diagnostic, then the summary as a notice."""
    lines = [github_line(d) for d in report.diagnostics()]
    lines.append(f"::notice title=blogimport validate::{escape_github_data(report.summary_line())}")
    return "\n".join(lines) + "\n"


def _xml_text(text: str) -> str:
    return _XML_ILLEGAL.sub("\ufffd", text)


def _testcase(result: FileResult, fail_on: Severity | None) -> etree._Element:
    case = etree.Element("testcase", classname="blogimport.validate", name=_xml_text(result.path))
    failing = result.at_or_above(fail_on) if fail_on is not None else []
    if failing:
        codes = sorted({d.code for d in failing})
        failure = etree.SubElement(case, "failure", type=codes[0],
                                   message=_xml_text(f"{plural(len(failing), 'diagnostic')} at or above "
                                                     f"{fail_on}: {', '.join(codes)}"))
        failure.text = _xml_text("\n".join(str(d) for d in failing))
    others = [d for d in result.diagnostics if d not in failing]
    if others:
        etree.SubElement(case, "system-out").text = _xml_text("\n".join(str(d) for d in others))
    return case


def format_junit(report: ValidationReport, fail_on: Severity | None = None) -> str:
    """A JUnit XML report: one testsuite, one testcase per input."""
    cases = [_testcase(result, fail_on) for result in report.files]
    failures = sum(1 for case in cases if case.find("failure") is not None)
    attributes = {"name": "blogimport validate", "tests": str(len(cases)), "failures": str(failures),
                  "errors": "0", "skipped": "0"}
    suites = etree.Element("testsuites", **attributes)
    suite = etree.SubElement(suites, "testsuite", **attributes)
    suite.extend(cases)
    etree.SubElement(suite, "system-out").text = report.summary_line()
    data: bytes = etree.tostring(suites, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data.decode("utf-8")


Formatter = Callable[[ValidationReport, "Severity | None"], str]

#: Report formats by ``--format`` name.
FORMATS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "junit": format_junit,
}
