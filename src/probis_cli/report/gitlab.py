"""GitLab Code Quality report (``artifacts:reports:codequality``): a JSON array of issues.

Shape (docs.gitlab.com, "Code Quality report format"): ``description``, ``check_name``,
``fingerprint`` (unique per issue: GitLab compares the merge request's report with the
target branch's by fingerprint), ``severity`` (info, minor, major, critical, blocker) and
``location.path`` + ``location.lines.begin``. Paths are relative to the git top folder.
The fingerprint is the baseline's line-independent one; a repeated identical finding gets
its occurrence number mixed in, so the second is not mistaken for the first.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from probis_cli.findings import Finding, Result, Severity
from probis_cli.lint.baseline import fingerprint_hash
from probis_cli.report._base import ReportContext, clean

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _issue(finding: Finding, fingerprint: str, ctx: ReportContext) -> dict[str, Any]:
    loc = finding.location
    return {
        "type": "issue",
        "check_name": f"{finding.code} {finding.name}",
        "description": clean(f"{finding.code} {finding.text(ctx.lang)}"),
        "categories": ["Style"],
        "severity": _SEVERITY[finding.severity],
        "fingerprint": fingerprint,
        "location": {"path": clean(ctx.platform_path(loc.path)), "lines": {"begin": loc.line or 1}},
    }


def report(result: Result, ctx: ReportContext) -> str:
    """Render ``result`` as a GitLab Code Quality JSON array."""
    seen: dict[str, int] = {}
    issues: list[dict[str, Any]] = []
    for finding in result.sorted():
        base = fingerprint_hash(finding)
        n = seen.get(base, 0)
        seen[base] = n + 1
        fingerprint = base if n == 0 else hashlib.sha256(f"{base}:{n}".encode()).hexdigest()
        issues.append(_issue(finding, fingerprint, ctx))
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
