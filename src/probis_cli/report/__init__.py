"""Reporters: one module per output format, chosen by name through :data:`REPORTERS`.

A reporter is a pure function ``(Result, ReportContext) -> str``; it never prints or writes.
"""

from __future__ import annotations

from probis_cli.i18n import Lang
from probis_cli.lint.docs import describe_all
from probis_cli.report import github, gitlab, json_, junit, sarif, text
from probis_cli.report._base import ReportContext, Reporter, RuleInfo, platform_prefix

REPORTERS: dict[str, Reporter] = {
    "text": text.report,
    "json": json_.report,
    "github": github.report,
    "sarif": sarif.report,
    "junit": junit.report,
    "gitlab": gitlab.report,
}


def rule_infos(lang: Lang) -> dict[str, RuleInfo]:
    """Metadata of every lint rule for the reporters that describe rules (SARIF)."""
    out: dict[str, RuleInfo] = {}
    for view in describe_all(lang):
        out[view.code] = RuleInfo(view.code, view.name, view.summary, help_text=f"{view.why}\n\n{view.fix}")
    return out


__all__ = ["REPORTERS", "ReportContext", "Reporter", "RuleInfo", "platform_prefix", "rule_infos"]
