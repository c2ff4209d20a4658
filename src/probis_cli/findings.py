"""Severity, Location, Finding and Result: the one shape every check reports in."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from probis_cli.i18n import Lang, translate


class Severity(enum.IntEnum):
    """How bad a finding is; ordered so that ``>=`` compares badness.

    Member names are English code identifiers (``INFO``, ``WARNING``, ``ERROR``), as all of
    probis's identifiers except domain nouns; what users read and write is ``label``
    (Indonesian, canonical: info / peringatan / error, in probis.yaml, baselines and every
    report) or ``text(lang)``.
    """

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """The Indonesian (canonical) name used in config and output."""
        return {1: "info", 2: "peringatan", 3: "error"}[int(self)]

    def text(self, lang: Lang) -> str:
        """The name in the user's language."""
        if lang == "en":
            return {1: "info", 2: "warning", 3: "error"}[int(self)]
        return self.label

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Accept Indonesian and English names; raise ValueError otherwise."""
        names = {
            "info": cls.INFO,
            "peringatan": cls.WARNING,
            "warning": cls.WARNING,
            "error": cls.ERROR,
            "galat": cls.ERROR,
        }
        try:
            return names[value.strip().lower()]
        except KeyError:
            raise ValueError(value) from None


@dataclass(frozen=True, order=True, slots=True)
class Location:
    """Where a finding points: a path relative to the repository root, 1-based line/column."""

    path: str
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.path
        if self.column is None:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Message:
    """A message id from the catalogue and the values it is formatted with."""

    id: str
    args: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, id: str, **args: Any) -> Message:  # noqa: A002 - mirrors the catalogue term
        """Build a message; argument order is normalised so equal messages compare equal."""
        return cls(id, tuple(sorted(args.items())))

    def text(self, lang: Lang) -> str:
        """Render in ``lang``."""
        return translate(self.id, lang, **dict(self.args))


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing wrong (or worth knowing) about the repository."""

    code: str
    name: str
    severity: Severity
    location: Location
    message: Message
    # Optional extra location-free context, e.g. the other OPD in an overlap.
    related: tuple[Location, ...] = ()
    fingerprint_extra: str = ""

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Deterministic order: file, line, column, code, message."""
        loc = self.location
        return (loc.path, loc.line or 0, loc.column or 0, self.code, self.message.id + repr(self.message.args))

    def text(self, lang: Lang) -> str:
        """The message in ``lang``."""
        return self.message.text(lang)

    def fingerprint(self) -> str:
        """A line-independent identity used by the baseline (survives edits elsewhere in a file)."""
        return f"{self.code}|{self.location.path}|{self.message.id}|{self.message.args!r}|{self.fingerprint_extra}"


@dataclass(slots=True)
class Result:
    """Everything a run produced: findings (sorted), files checked, suppressed count."""

    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0
    documents_checked: int = 0
    suppressed: int = 0
    baselined: int = 0

    def sorted(self) -> list[Finding]:
        """Findings in deterministic order."""
        return sorted(self.findings, key=Finding.sort_key)

    def count(self, severity: Severity) -> int:
        """How many findings have exactly ``severity``."""
        return sum(1 for f in self.findings if f.severity == severity)

    def exit_code(self, fail_on: Severity) -> int:
        """0 when nothing reaches ``fail_on``, 1 otherwise."""
        return 1 if any(f.severity >= fail_on for f in self.findings) else 0
