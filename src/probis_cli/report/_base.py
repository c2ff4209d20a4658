"""What every reporter shares: the context it is given, rule metadata and small text helpers."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from probis_cli.findings import Result
from probis_cli.i18n import Lang

# One fingerprint for the baseline and every report (JSON, SARIF, GitLab): they must agree.
from probis_cli.lint.baseline import fingerprint_hash as fingerprint_hash


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
    # Folder of the repository root inside the git work tree ('' or 'data/probis/'): formats
    # a platform resolves against the git checkout (github, sarif, gitlab) put it before paths.
    path_prefix: str = ""

    def platform_path(self, path: str) -> str:
        """``path`` (relative to the repository root) relative to the git top folder."""
        return self.path_prefix + path


Reporter = Callable[[Result, ReportContext], str]

TOOL_NAME = "probis"

_SURROGATES = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """Replace lone surrogates (they cannot be encoded as UTF-8) with U+FFFD."""
    return _SURROGATES.sub("\ufffd", text)


def platform_prefix(root: Path, cwd: Path | None = None) -> str:
    """Where the repository root sits in the git work tree (nearest folder at or above it
    holding ``.git``), or below ``cwd`` outside git: '' or a posix folder ending in '/'."""
    root = root.resolve()
    top = next((c for c in (root, *root.parents) if (c / ".git").exists()), None)
    if top is None:
        top = (cwd or Path.cwd()).resolve()
        if not root.is_relative_to(top):
            return ""
    rel = root.relative_to(top).as_posix()
    return "" if rel in ("", ".") else rel + "/"


def files_with_findings(result: Result) -> list[str]:
    """The distinct paths that have at least one finding, sorted."""
    return sorted({f.location.path for f in result.findings})
