"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers (one run, no timestamps).

Artifact URIs are relative to ``%SRCROOT%``, the git top folder (``ReportContext.path_prefix``
puts the repository's subfolder in front), described in ``originalUriBaseIds``.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from probis_cli.findings import Finding, Location, Result, Severity
from probis_cli.report._base import TOOL_NAME, ReportContext, RuleInfo, clean, fingerprint_hash

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "probis/v1"
SRCROOT = "%SRCROOT%"
PROBISROOT = "PROBISROOT"

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    # A relative URI reference: posix separators, everything outside the unreserved set escaped.
    return quote(clean(path).replace("\\", "/"), safe="/")


def _physical(loc: Location, ctx: ReportContext) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(ctx.platform_path(loc.path)), "uriBaseId": SRCROOT}}
    if loc.line is not None and loc.line >= 1:
        region: dict[str, Any] = {"startLine": loc.line}
        if loc.column is not None and loc.column >= 1:
            region["startColumn"] = loc.column
        if loc.end_line is not None and loc.end_line >= loc.line:
            region["endLine"] = loc.end_line
            if loc.end_column is not None and loc.end_column >= 1 and loc.column is not None:
                region["endColumn"] = loc.end_column
        physical["region"] = region
    return physical


def _rule(code: str, name: str, info: RuleInfo | None) -> dict[str, Any]:
    rule: dict[str, Any] = {"id": clean(code), "name": clean(info.name if info else name)}
    if info is not None:
        if info.description:
            rule["shortDescription"] = {"text": clean(info.description)}
        if info.help_text:
            rule["help"] = {"text": clean(info.help_text)}
        if info.help_uri:
            rule["helpUri"] = info.help_uri
    return rule


def _result(finding: Finding, index: int, ctx: ReportContext) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": clean(finding.code),
        "ruleIndex": index,
        "level": _LEVEL[finding.severity],
        "message": {"text": clean(finding.text(ctx.lang))},
        "locations": [{"physicalLocation": _physical(finding.location, ctx)}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint_hash(finding)},
    }
    if finding.related:
        out["relatedLocations"] = [
            {"id": i, "physicalLocation": _physical(loc, ctx)} for i, loc in enumerate(finding.related)
        ]
    return out


def _base_ids(ctx: ReportContext) -> dict[str, Any]:
    """%SRCROOT% is the git top folder (where GitHub code scanning resolves relative URIs; its
    absolute location is left to the consumer, so the log is the same on every machine);
    PROBISROOT, when it differs, is the probis repository folder inside it."""
    ids: dict[str, Any] = {
        SRCROOT: {"description": {"text": "The top folder of the git work tree (the working directory outside git)."}}
    }
    if ctx.path_prefix:
        ids[PROBISROOT] = {
            "uri": _uri(ctx.path_prefix.rstrip("/") + "/"),
            "uriBaseId": SRCROOT,
            "description": {"text": "The probis repository (the folder holding probis.yaml)."},
        }
    return ids


def document(result: Result, ctx: ReportContext) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    findings = result.sorted()
    names: dict[str, str] = {}
    for finding in findings:
        names.setdefault(finding.code, finding.name)
    codes = sorted(names)
    index = {code: i for i, code in enumerate(codes)}
    driver: dict[str, Any] = {
        "name": TOOL_NAME,
        "version": ctx.tool_version,
        "rules": [_rule(code, names[code], ctx.rules.get(code)) for code in codes],
    }
    return {
        "$schema": SCHEMA_URI,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": _base_ids(ctx),
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index[f.code], ctx) for f in findings],
            }
        ],
    }


def report(result: Result, ctx: ReportContext) -> str:
    """Render ``result`` as a SARIF 2.1.0 log."""
    return json.dumps(document(result, ctx), indent=2, ensure_ascii=False) + "\n"
