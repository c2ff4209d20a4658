"""The resolved repository's views: every document by code, and the helpers rules use.

Built by :func:`probis_cli.index.build.build_index`; rules and renderers read only this
(never ruamel or raw dicts).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from probis_cli.findings import Location
from probis_cli.model.build import Broken, Document
from probis_cli.model.opd import Kegiatan, Opd, SubKegiatan
from probis_cli.model.pemda import Pemda
from probis_cli.model.proses import Proses
from probis_cli.model.rpjmd import ProgramDaerah, Rpjmd, Sasaran
from probis_cli.model.sop import Sop

ActorKind = Literal["opd", "unit", "jabatan", "luar"]


@dataclass(frozen=True, slots=True)
class Actor:
    """What a pelaksana / pemilik / dari / untuk reference points to."""

    ref: str
    kind: ActorKind
    opd: str | None  # owning OPD code, None for external parties
    nama: str

    @property
    def internal(self) -> bool:
        """Whether the actor belongs to the Pemda."""
        return self.kind != "luar"


@dataclass(frozen=True, slots=True)
class KegiatanEntry:
    """A Renstra kegiatan as claimed by one OPD."""

    opd: str
    doc: Document[Opd]
    index: int

    @property
    def kegiatan(self) -> Kegiatan:
        """The kegiatan model."""
        return self.doc.model.kegiatan[self.index]

    def loc(self, *rest: str | int) -> Location:
        """Location of the kegiatan (or a part of it)."""
        return self.doc.loc("kegiatan", self.index, *rest)


@dataclass(frozen=True, slots=True)
class SubKegiatanEntry:
    """A Renstra sub kegiatan as claimed by one OPD."""

    opd: str
    doc: Document[Opd]
    index: int
    sub_index: int

    @property
    def sub_kegiatan(self) -> SubKegiatan:
        """The sub kegiatan model."""
        return self.doc.model.kegiatan[self.index].sub_kegiatan[self.sub_index]

    def loc(self, *rest: str | int) -> Location:
        """Location of the sub kegiatan (or a part of it)."""
        return self.doc.loc("kegiatan", self.index, "sub_kegiatan", self.sub_index, *rest)


@dataclass
class Index:
    """Read-only views of the whole repository."""

    root: Path
    pemda: Document[Pemda] | None = None
    rpjmd: Document[Rpjmd] | None = None
    opd: dict[str, Document[Opd]] = field(default_factory=dict)
    proses: dict[str, Document[Proses]] = field(default_factory=dict)
    sop: dict[str, Document[Sop]] = field(default_factory=dict)
    program: dict[str, int] = field(default_factory=dict)  # code -> index in rpjmd.program
    sasaran: dict[str, int] = field(default_factory=dict)
    tujuan: dict[str, int] = field(default_factory=dict)
    misi: dict[str, int] = field(default_factory=dict)
    kegiatan: dict[str, list[KegiatanEntry]] = field(default_factory=dict)
    sub_kegiatan: dict[str, list[SubKegiatanEntry]] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)
    level: dict[str, int] = field(default_factory=dict)
    sop_by_proses: dict[str, list[str]] = field(default_factory=dict)
    documents: list[Document[Any]] = field(default_factory=list)
    # Documents that failed validation (already reported): jenis -> codes, and every code
    # found inside them; references into them are not reported as missing.
    broken: dict[str, set[str]] = field(default_factory=dict)
    broken_codes: set[str] = field(default_factory=set)
    # Every document that failed to load (or lost to a duplicate code), with the links that
    # can still be read of it: rules that look for a missing link consult it through
    # failed_links / failed_codes, so that one mistake gives one finding.
    failed: list[Broken] = field(default_factory=list)
    _failed_memo: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict, repr=False)

    def failed_links(self, jenis: str, key: str) -> frozenset[str]:
        """Values under ``key`` (a dotted key path such as ``induk`` or ``keluaran.nama``) in
        the failed documents of kind ``jenis`` or of a kind that could not be read."""
        memo = self._failed_memo.get((jenis, key))
        if memo is None:
            memo = frozenset(v for b in self.failed if b.jenis in (jenis, None) for v in b.link(key))
            self._failed_memo[(jenis, key)] = memo
        return memo

    def failed_codes(self, jenis: str) -> frozenset[str]:
        """The codes of failed documents of kind ``jenis`` (or of an unreadable kind)."""
        return self.failed_links(jenis, "kode")

    # -- helpers used by rules and renderers ---------------------------------------------
    def program_model(self, kode: str) -> ProgramDaerah | None:
        """The RPJMD program with ``kode``."""
        if self.rpjmd is None or kode not in self.program:
            return None
        return self.rpjmd.model.program[self.program[kode]]

    def sasaran_model(self, kode: str) -> Sasaran | None:
        """The RPJMD sasaran with ``kode``."""
        if self.rpjmd is None or kode not in self.sasaran:
            return None
        return self.rpjmd.model.sasaran[self.sasaran[kode]]

    def actor(self, ref: str) -> Actor | None:
        """Resolve an OPD, OPD/unit, OPD/jabatan or external-party reference."""
        return self.actors.get(ref)

    def opd_of(self, ref: str) -> str | None:
        """The OPD code a reference belongs to (None for external or unknown)."""
        actor = self.actors.get(ref)
        return actor.opd if actor else None

    def owners(self, kode: str) -> list[str]:
        """OPD codes owning process ``kode`` (deduplicated, in declared order)."""
        doc = self.proses.get(kode)
        if doc is None:
            return []
        out: list[str] = []
        for ref in doc.model.pemilik:
            opd = self.opd_of(ref) or ref.split("/")[0]
            if opd not in out:
                out.append(opd)
        return out

    def ancestors(self, kode: str) -> list[str]:
        """Parent chain of a process, nearest first; stops at a cycle or unknown parent."""
        out: list[str] = []
        seen = {kode}
        current = self.proses.get(kode)
        while current is not None and current.model.induk:
            parent = current.model.induk
            if parent in seen or parent not in self.proses:
                break
            out.append(parent)
            seen.add(parent)
            current = self.proses[parent]
        return out

    def effective_kegiatan(self, kode: str) -> list[str]:
        """Kegiatan codes a process carries out, directly or through its parents."""
        out: list[str] = []
        for k in [kode, *self.ancestors(kode)]:
            for code in self.proses[k].model.kegiatan:
                if code not in out:
                    out.append(code)
        return out

    def is_leaf(self, kode: str) -> bool:
        """Whether a process has no children (lowest level)."""
        return not self.children.get(kode)

    def without(self, excluded: Sequence[Document[Any]]) -> Index:
        """A copy of the index with ``excluded`` documents (and everything inside them) left out.

        The engine uses it to run a rule again past a document it crashed on.
        """
        gone = {id(d) for d in excluded}

        def keep(table: dict[str, Document[Any]]) -> dict[str, Any]:
            return {k: d for k, d in table.items() if id(d) not in gone}

        proses, sop, opd = keep(self.proses), keep(self.sop), keep(self.opd)
        return dataclasses.replace(
            self,
            pemda=None if self.pemda is not None and id(self.pemda) in gone else self.pemda,
            rpjmd=None if self.rpjmd is not None and id(self.rpjmd) in gone else self.rpjmd,
            opd=opd,
            proses=proses,
            sop=sop,
            program={} if self.rpjmd is not None and id(self.rpjmd) in gone else self.program,
            kegiatan={k: kept for k, v in self.kegiatan.items() if (kept := [e for e in v if id(e.doc) not in gone])},
            sub_kegiatan={
                k: subs for k, v in self.sub_kegiatan.items() if (subs := [e for e in v if id(e.doc) not in gone])
            },
            actors={k: a for k, a in self.actors.items() if a.opd is None or a.opd in opd},
            children={k: [c for c in v if c in proses] for k, v in self.children.items() if k in proses},
            level={k: v for k, v in self.level.items() if k in proses},
            sop_by_proses={k: [s for s in v if s in sop] for k, v in self.sop_by_proses.items() if k in proses},
            documents=[d for d in self.documents if id(d) not in gone],
        )

    def top_level(self) -> list[str]:
        """Processes without a (resolvable) parent, sorted by code."""
        return sorted(k for k, d in self.proses.items() if not d.model.induk or d.model.induk not in self.proses)
