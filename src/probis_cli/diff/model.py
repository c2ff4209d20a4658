"""What ``probis diff`` finds: changes in the domain's words and the findings a change makes or fixes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from probis_cli.findings import Finding, Message, Severity

Kind = Literal["pemda", "rpjmd", "sasaran", "program", "opd", "kegiatan", "proses", "sop"]
Action = Literal["ditambah", "dihapus", "diubah", "dipindah"]

KINDS: tuple[Kind, ...] = ("pemda", "rpjmd", "sasaran", "program", "opd", "kegiatan", "proses", "sop")
ACTIONS: tuple[Action, ...] = ("ditambah", "dihapus", "diubah", "dipindah")


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field that differs; values rendered compactly (None: absent on that side)."""

    field: str
    before: str | None
    after: str | None


@dataclass(frozen=True, slots=True)
class Change:
    """One entity added, removed, changed or moved (kode changed, same content)."""

    kind: Kind
    action: Action
    kode: str
    nama: str
    opd: str  # the OPD this belongs to ('' for Pemda-wide documents: probis.yaml, rpjmd.yaml)
    path: str
    kode_lama: str | None = None  # dipindah: the kode before
    nama_lama: str | None = None  # renamed: the nama before
    path_lama: str | None = None  # the file before, when it differs
    fields: tuple[FieldChange, ...] = ()
    highlights: tuple[Message, ...] = ()  # what a reviewer must not miss

    def sort_key(self) -> tuple[str, int, str, int]:
        """Group (OPD), kind, kode, action: deterministic order."""
        return (self.opd, KINDS.index(self.kind), self.kode, ACTIONS.index(self.action))


@dataclass(frozen=True, slots=True)
class State:
    """One side of the diff: what the user named, the commit (None: the working tree)."""

    label: str
    commit: str | None
    files: int


@dataclass
class DiffResult:
    """Everything ``probis diff`` reports."""

    base: State
    head: State
    changes: list[Change] = field(default_factory=list)
    introduced: list[Finding] = field(default_factory=list)  # in HEAD, not in BASE (located in HEAD)
    resolved: list[Finding] = field(default_factory=list)  # in BASE, not in HEAD (located in BASE)
    opd_names: dict[str, str] = field(default_factory=dict)  # kode -> short name, both states

    def exit_code(self, fail_on: Severity) -> int:
        """1 when the change introduces a finding at or above ``fail_on``."""
        return 1 if any(f.severity >= fail_on for f in self.introduced) else 0

    def highlights(self) -> list[tuple[Change, Message]]:
        """Every highlight with its change, in report order."""
        return [(c, h) for c in self.changes for h in c.highlights]
