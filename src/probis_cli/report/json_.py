"""Machine-readable output with a stable, versioned shape (``version`` bumps on a breaking change).

Shape (keys always present, in this order; findings sorted by file, line, column, code)::

    {
      "version": 1,
      "tool": {"name": "probis", "version": "0.1.0"},
      "root": "kota-contoh",
      "lang": "id",
      "summary": {"files_checked": 45, "documents_checked": 45, "files_with_findings": 2,
                  "findings": 4, "error": 3, "peringatan": 1, "info": 0,
                  "suppressed": 0, "baselined": 0},
      "findings": [
        {"code": "T003", "name": "kegiatan-ganda", "severity": "error",
         "message": "...", "path": "opd/dinkes.yaml", "line": 3, "column": 5,
         "end_line": null, "end_column": null,
         "related": [{"path": "...", "line": 1, "column": 1, "end_line": null, "end_column": null}],
         "fingerprint": "<sha256 hex of the line-independent identity>"}
      ]
    }

``severity`` is the canonical Indonesian label (error | peringatan | info) whatever the
language; ``message`` is in ``lang``; line and column are 1-based or null for a whole file.
"""

from __future__ import annotations

import json
from typing import Any

from probis_cli.findings import Finding, Location, Result, Severity
from probis_cli.report._base import TOOL_NAME, ReportContext, clean, files_with_findings, fingerprint_hash

SCHEMA_VERSION = 1


def _location(loc: Location) -> dict[str, Any]:
    return {
        "path": clean(loc.path),
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
    }


def _finding(finding: Finding, ctx: ReportContext) -> dict[str, Any]:
    return {
        "code": clean(finding.code),
        "name": clean(finding.name),
        "severity": finding.severity.label,
        "message": clean(finding.text(ctx.lang)),
        **_location(finding.location),
        "related": [_location(r) for r in finding.related],
        "fingerprint": fingerprint_hash(finding),
    }


def document(result: Result, ctx: ReportContext) -> dict[str, Any]:
    """The report as a JSON-ready dict (what :func:`report` serialises)."""
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": ctx.tool_version},
        "root": clean(ctx.root_name),
        "lang": ctx.lang,
        "summary": {
            "files_checked": result.files_checked,
            "documents_checked": result.documents_checked,
            "files_with_findings": len(files_with_findings(result)),
            "findings": len(result.findings),
            **{s.label: result.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)},
            "suppressed": result.suppressed,
            "baselined": result.baselined,
        },
        "findings": [_finding(f, ctx) for f in result.sorted()],
    }


def report(result: Result, ctx: ReportContext) -> str:
    """Render ``result`` as indented JSON with a trailing newline."""
    return json.dumps(document(result, ctx), indent=2, ensure_ascii=False) + "\n"
