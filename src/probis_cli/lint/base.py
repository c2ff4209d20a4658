"""What a lint rule is: code, name, default severity, typed options, bilingual docs, check().

A rule is a pure function of the repository index: it yields :class:`Hit` objects (where
and what). The engine stamps code, name and the effective severity from configuration,
applies suppressions and the baseline. Rules never print, never read files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from probis_cli.findings import Location, Message, Severity
from probis_cli.i18n import Lang
from probis_cli.index import Index

CODE_RE = re.compile(r"^[TKM]\d{3}$")  # T tumpang tindih, K keterkaitan, M mutu/SOP
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class NoOptions(BaseModel):
    """Options of a rule that has none."""

    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True, slots=True)
class Hit:
    """One place a rule fires."""

    location: Location
    message: Message
    related: tuple[Location, ...] = ()
    # Extra identity for the baseline when message args alone are not unique.
    key: str = ""


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """Documentation of a rule in one language."""

    summary: str  # one line
    why: str  # why it matters (a paragraph)
    fix: str  # what to do instead


class Rule:
    """Base class of lint rules; subclasses set the class attributes and implement check()."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    Options: ClassVar[type[BaseModel]] = NoOptions
    # The rule's own messages, ``{lang: {message id: template}}`` (ids ``lint.<CODE>.*``);
    # the registry hands them to the i18n catalogue.
    messages: ClassVar[dict[str, dict[str, str]]] = {}
    docs: ClassVar[dict[Lang, RuleDoc]]
    # Small repositories (several files) showing the problem and the fix. Format: files
    # separated by lines "# file: relative/path.yaml"; a test loads each and asserts that
    # the rule fires on `bad` and not on `good`.
    bad: ClassVar[str]
    good: ClassVar[str]

    def check(self, index: Index, options: Any) -> Iterable[Hit]:
        """Yield the hits of this rule on ``index`` with validated ``options``."""
        raise NotImplementedError


def validate_rule_class(rule: type[Rule]) -> None:
    """Raise ValueError when a rule's code, name or docs are malformed (checked at registration)."""
    if not CODE_RE.match(rule.code):
        raise ValueError(f"bad rule code {rule.code!r}")
    if not NAME_RE.match(rule.name):
        raise ValueError(f"bad rule name {rule.name!r}")
    for lang in ("id", "en"):
        if lang not in rule.docs:
            raise ValueError(f"{rule.code}: docs missing for {lang}")
    if not rule.bad.strip() or not rule.good.strip():
        raise ValueError(f"{rule.code}: bad/good examples required")
