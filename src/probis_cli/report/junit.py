"""JUnit XML, so CI dashboards list the files with findings as failing test cases.

One test suite ``probis``; one test case per file with findings (classname and name are the
path). Each error or peringatan finding is a ``<failure>`` (type = rule code); info findings
go to the case's ``<system-out>`` and do not fail it. A clean run gets one passing case,
``probis validate``, so the dashboard still shows that the check ran.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby

from probis_cli.findings import Finding, Result, Severity
from probis_cli.i18n import Lang
from probis_cli.report._base import TOOL_NAME, ReportContext

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _describe(finding: Finding, lang: Lang) -> str:
    lines = [
        f"{finding.location}  {finding.severity.text(lang).upper()}  {finding.code}  "
        f"{finding.text(lang)}  [{finding.name}]"
    ]
    lines.extend(f"    = {related}" for related in finding.related)
    return _xml("\n".join(lines))


def report(result: Result, ctx: ReportContext) -> str:
    """Render ``result`` as a JUnit XML document."""
    cases: list[ET.Element] = []
    failing = 0
    for path, group in groupby(result.sorted(), key=lambda f: f.location.path):
        case = ET.Element("testcase", {"classname": _xml(path), "name": _xml(path)})
        out: list[str] = []
        failed = False
        for finding in group:
            if finding.severity >= Severity.WARNING:
                failure = ET.SubElement(
                    case, "failure", {"message": _xml(finding.text(ctx.lang)), "type": _xml(finding.code)}
                )
                failure.text = _describe(finding, ctx.lang)
                failed = True
            else:
                out.append(_describe(finding, ctx.lang))
        if out:
            ET.SubElement(case, "system-out").text = "\n".join(out)
        failing += failed
        cases.append(case)
    if not result.findings:
        cases.append(ET.Element("testcase", {"classname": TOOL_NAME, "name": f"{TOOL_NAME} validate"}))

    counts = {"tests": str(len(cases)), "failures": str(failing), "errors": "0", "skipped": "0"}
    root = ET.Element("testsuites", {"name": TOOL_NAME, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": TOOL_NAME, **counts})
    suite.extend(cases)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
