"""Reporters: one module per output format, chosen by name through :data:`REPORTERS`.

A reporter is a pure function ``(Result, ReportContext) -> str``; it never prints or writes.
"""

from __future__ import annotations

from probis_cli.report import github, gitlab, json_, junit, sarif, text
from probis_cli.report._base import ReportContext, Reporter, RuleInfo

REPORTERS: dict[str, Reporter] = {
    "text": text.report,
    "json": json_.report,
    "github": github.report,
    "sarif": sarif.report,
    "junit": junit.report,
    "gitlab": gitlab.report,
}

__all__ = ["REPORTERS", "ReportContext", "Reporter", "RuleInfo"]
