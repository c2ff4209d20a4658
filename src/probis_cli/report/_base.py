"""What every reporter shares: the context it is given, rule metadata and small text helpers."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from probis_cli.findings import Finding, Result
from probis_cli.i18n import Lang


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """Metadata of one rule, for formats that describe their rules (SARIF)."""

    code: str
    name: str
    description: str  # one line, already in the user's language
    help_text: str = ""
    help_uri: str | None = None


@dataclass(frozen=True)
class ReportContext:
    """Everything a reporter needs besides the result itself."""

    lang: Lang
    sources: Mapping[str, str]  # relative path -> file text, to show the offending line
    root_name: str  # e.g. "kota-contoh"
    tool_version: str
    color: bool = False
    rules: Mapping[str, RuleInfo] = field(default_factory=dict)


Reporter = Callable[[Result, ReportContext], str]

TOOL_NAME = "probis"

_SURROGATES = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """Replace lone surrogates (they cannot be encoded as UTF-8) with U+FFFD."""
    return _SURROGATES.sub("\ufffd", text)


def fingerprint_hash(finding: Finding) -> str:
    """A stable hex digest of the finding's line-independent identity."""
    return hashlib.sha256(clean(finding.fingerprint()).encode("utf-8")).hexdigest()


def files_with_findings(result: Result) -> list[str]:
    """The distinct paths that have at least one finding, sorted."""
    return sorted({f.location.path for f in result.findings})
