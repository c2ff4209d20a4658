"""The resolved repository: every document by code, every reference checked.

Rules and renderers read only this (never ruamel or raw dicts). Building it reports
duplicate codes and unresolved references as findings; what does resolve is available
through plain dictionaries and a few helpers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from probis_cli.findings import Finding, Location
from probis_cli.model.build import Broken, Document, core_finding, links_of
from probis_cli.model.opd import Kegiatan, Opd, SubKegiatan
from probis_cli.model.pemda import Pemda
from probis_cli.model.proses import Proses
from probis_cli.model.rpjmd import ProgramDaerah, Rpjmd, Sasaran
from probis_cli.model.sop import Sop
from probis_cli.suggest import suggest

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


def _unresolved(location: Location, *, expected: str, value: str, choices: list[str] | set[str]) -> Finding:
    hint = suggest(value, sorted(choices)) if choices else None
    if hint:
        return core_finding("S008", location, "ref.unresolved_hint", expected_id=expected, value=value, hint=hint)
    return core_finding("S008", location, "ref.unresolved", expected_id=expected, value=value)


def _duplicate(location: Location, *, what: str, value: str, first: Location) -> Finding:
    return core_finding("S007", location, "ref.duplicate", what_id=what, value=value, first=str(first))


def build_index(
    root: Path, documents: list[Document[Any]], broken: Sequence[Broken] = ()
) -> tuple[Index, list[Finding]]:
    """Index ``documents`` and check codes and references; return the index and findings.

    References into ``broken`` documents (which failed validation and were reported) are not
    reported again as missing: a single wrong value in an OPD must not make every process
    that names that OPD an error.
    """
    index = Index(root=root, documents=documents)
    for b in broken:
        index.failed.append(b)
        if b.kode is not None:
            index.broken.setdefault(b.jenis or "", set()).add(b.kode)
        index.broken_codes.update(b.codes)
    findings: list[Finding] = []
    # Deterministic: documents arrive sorted by path, then position.
    for doc in documents:
        model = doc.model
        if isinstance(model, Pemda):
            if index.pemda is not None:
                findings.append(
                    core_finding("S009", doc.loc(), "ref.single_doc", jenis="pemda", first=str(index.pemda.loc()))
                )
            else:
                index.pemda = doc
        elif isinstance(model, Rpjmd):
            if index.rpjmd is not None:
                findings.append(
                    core_finding("S009", doc.loc(), "ref.single_doc", jenis="rpjmd", first=str(index.rpjmd.loc()))
                )
            else:
                index.rpjmd = doc
        elif isinstance(model, (Opd, Proses, Sop)):
            table: dict[str, Any] = (
                index.opd if isinstance(model, Opd) else index.proses if isinstance(model, Proses) else index.sop
            )
            what = "what.opd" if isinstance(model, Opd) else "what.proses" if isinstance(model, Proses) else "what.sop"
            if model.kode in table:
                findings.append(
                    _duplicate(doc.loc("kode"), what=what, value=model.kode, first=table[model.kode].loc("kode"))
                )
                # The repeat is left out of the index; what it links to is not unlinked.
                jenis = "opd" if isinstance(model, Opd) else "proses" if isinstance(model, Proses) else "sop"
                data = model.model_dump(mode="json")
                index.failed.append(Broken(jenis, None, frozenset(), doc.path, links_of(data)))
            else:
                table[model.kode] = doc

    # A probis.yaml or rpjmd.yaml that failed to load is reported where it is wrong, not as missing.
    failed_kinds = {b.jenis for b in index.failed}
    if index.pemda is None and documents and "pemda" not in failed_kinds:
        findings.append(core_finding("S010", Location("probis.yaml"), "ref.missing_pemda"))
    if index.rpjmd is None and documents and "rpjmd" not in failed_kinds:
        findings.append(
            core_finding("S010", Location(index.pemda.path if index.pemda else "probis.yaml"), "ref.missing_rpjmd")
        )

    _index_pemda(index, findings)
    _index_rpjmd(index, findings)
    _index_opd(index, findings)
    _index_proses(index, findings)
    _index_sop(index, findings)
    if index.failed:
        findings = [f for f in findings if not (f.code == "S008" and _points_into_broken(index, f))]
    return index, findings


def _points_into_broken(index: Index, finding: Finding) -> bool:
    """Whether an unresolved reference names a broken document or something inside one."""
    value = str(dict(finding.message.args).get("value", ""))
    head = value.split("/")[0]
    return value in index.broken_codes or any(value in codes or head in codes for codes in index.broken.values())


def _unique(
    items: list[Any], doc: Document[Any], list_key: str, what: str, findings: list[Finding], attr: str = "kode"
) -> dict[str, int]:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        value = str(getattr(item, attr))
        if value in seen:
            findings.append(
                _duplicate(
                    doc.loc(list_key, i, attr), what=what, value=value, first=doc.loc(list_key, seen[value], attr)
                )
            )
        else:
            seen[value] = i
    return seen


def _index_pemda(index: Index, findings: list[Finding]) -> None:
    if index.pemda is None:
        return
    doc = index.pemda
    for kode, i in _unique(doc.model.pihak_luar, doc, "pihak_luar", "what.pihak_luar", findings).items():
        index.actors[kode] = Actor(kode, "luar", None, doc.model.pihak_luar[i].nama)


def _index_rpjmd(index: Index, findings: list[Finding]) -> None:
    if index.rpjmd is None:
        return
    doc = index.rpjmd
    r = doc.model
    index.misi = _unique(r.misi, doc, "misi", "what.misi", findings)
    index.tujuan = _unique(r.tujuan, doc, "tujuan", "what.tujuan", findings)
    index.sasaran = _unique(r.sasaran, doc, "sasaran", "what.sasaran", findings)
    index.program = _unique(r.program, doc, "program", "what.program", findings)
    if index.pemda is not None and index.pemda.model.periode != r.periode:
        findings.append(
            core_finding(
                "S004", doc.loc("periode"), "ref.periode_mismatch", rpjmd=r.periode, pemda=index.pemda.model.periode
            )
        )
    for i, t in enumerate(r.tujuan):
        if t.misi not in index.misi:
            findings.append(
                _unresolved(doc.loc("tujuan", i, "misi"), expected="what.misi", value=t.misi, choices=set(index.misi))
            )
    for i, s in enumerate(r.sasaran):
        if s.tujuan not in index.tujuan:
            findings.append(
                _unresolved(
                    doc.loc("sasaran", i, "tujuan"), expected="what.tujuan", value=s.tujuan, choices=set(index.tujuan)
                )
            )
    # program -> sasaran and -> opd are checked after OPD are indexed (see _index_opd).


def _index_opd(index: Index, findings: list[Finding]) -> None:
    for kode in sorted(index.opd):
        doc = index.opd[kode]
        o = doc.model
        if kode in index.actors:
            findings.append(
                _duplicate(
                    doc.loc("kode"),
                    what="what.opd",
                    value=kode,
                    first=index.pemda.loc("pihak_luar") if index.pemda else doc.loc(),
                )
            )
            continue
        index.actors[kode] = Actor(kode, "opd", kode, o.nama)
        units = _unique(o.unit, doc, "unit", "what.unit", findings)
        jabatan = _unique(o.jabatan, doc, "jabatan", "what.jabatan", findings)
        for j_kode, j in jabatan.items():
            if j_kode in units:
                findings.append(
                    _duplicate(
                        doc.loc("jabatan", j, "kode"),
                        what="what.unit",
                        value=j_kode,
                        first=doc.loc("unit", units[j_kode], "kode"),
                    )
                )
        for u_kode, i in units.items():
            index.actors[f"{kode}/{u_kode}"] = Actor(f"{kode}/{u_kode}", "unit", kode, o.unit[i].nama)
            parent = o.unit[i].induk
            if parent is not None and parent not in units:
                findings.append(
                    _unresolved(doc.loc("unit", i, "induk"), expected="what.unit", value=parent, choices=set(units))
                )
        for j_kode, i in jabatan.items():
            index.actors.setdefault(f"{kode}/{j_kode}", Actor(f"{kode}/{j_kode}", "jabatan", kode, o.jabatan[i].nama))
            unit = o.jabatan[i].unit
            if unit is not None and unit not in units:
                findings.append(
                    _unresolved(doc.loc("jabatan", i, "unit"), expected="what.unit", value=unit, choices=set(units))
                )
        seen_k: dict[str, int] = {}
        for i, k in enumerate(o.kegiatan):
            if k.kode in seen_k:
                findings.append(
                    _duplicate(
                        doc.loc("kegiatan", i, "kode"),
                        what="what.kegiatan",
                        value=k.kode,
                        first=doc.loc("kegiatan", seen_k[k.kode], "kode"),
                    )
                )
                continue
            seen_k[k.kode] = i
            index.kegiatan.setdefault(k.kode, []).append(KegiatanEntry(kode, doc, i))
            seen_s: set[str] = set()
            for j, s in enumerate(k.sub_kegiatan):
                if s.kode in seen_s:
                    findings.append(
                        _duplicate(
                            doc.loc("kegiatan", i, "sub_kegiatan", j, "kode"),
                            what="what.sub_kegiatan",
                            value=s.kode,
                            first=doc.loc("kegiatan", i, "kode"),
                        )
                    )
                    continue
                seen_s.add(s.kode)
                if not s.kode.startswith(k.kode + "."):
                    findings.append(
                        core_finding(
                            "S005",
                            doc.loc("kegiatan", i, "sub_kegiatan", j, "kode"),
                            "ref.sub_prefix",
                            value=s.kode,
                            parent=k.kode,
                        )
                    )
                index.sub_kegiatan.setdefault(s.kode, []).append(SubKegiatanEntry(kode, doc, i, j))

    if index.rpjmd is not None:
        rdoc = index.rpjmd
        for i, p in enumerate(rdoc.model.program):
            for j, sasaran in enumerate(p.sasaran):
                if sasaran not in index.sasaran:
                    findings.append(
                        _unresolved(
                            rdoc.loc("program", i, "sasaran", j),
                            expected="what.sasaran",
                            value=sasaran,
                            choices=set(index.sasaran),
                        )
                    )
            for j, ref in enumerate(p.opd):
                if ref not in index.opd:
                    findings.append(
                        _unresolved(
                            rdoc.loc("program", i, "opd", j), expected="what.opd", value=ref, choices=set(index.opd)
                        )
                    )


def _check_actor(
    index: Index,
    doc: Document[Any],
    path: tuple[str | int, ...],
    ref: str,
    findings: list[Finding],
    *,
    internal_only: bool = False,
) -> None:
    actor = index.actors.get(ref)
    if actor is None or (internal_only and not actor.internal):
        choices = {k for k, a in index.actors.items() if a.internal or not internal_only}
        if internal_only:
            findings.append(_unresolved(doc.loc(*path), expected="what.pemilik", value=ref, choices=choices))
            return
        # A party outside the Pemda (a ministry, the public, a bank) is declared once in
        # probis.yaml; say so, with the closest known name when there is one.
        hint = suggest(ref, sorted(choices)) if choices else None
        if hint:
            findings.append(core_finding("S008", doc.loc(*path), "ref.unresolved_actor_hint", value=ref, hint=hint))
        else:
            findings.append(core_finding("S008", doc.loc(*path), "ref.unresolved_actor", value=ref))


def _index_proses(index: Index, findings: list[Finding]) -> None:
    plan_codes = set(index.kegiatan) | set(index.sub_kegiatan)
    for kode in sorted(index.proses):
        doc = index.proses[kode]
        p = doc.model
        if p.induk is not None:
            if p.induk in index.proses:
                index.children.setdefault(p.induk, []).append(kode)
            else:
                findings.append(
                    _unresolved(doc.loc("induk"), expected="what.proses", value=p.induk, choices=set(index.proses))
                )
        for i, ref in enumerate(p.pemilik):
            _check_actor(index, doc, ("pemilik", i), ref, findings, internal_only=True)
        for i, code in enumerate(p.kegiatan):
            if code not in plan_codes:
                findings.append(
                    _unresolved(doc.loc("kegiatan", i), expected="what.kegiatan", value=code, choices=plan_codes)
                )
        for i, m in enumerate(p.masukan):
            if m.dari is not None:
                _check_actor(index, doc, ("masukan", i, "dari"), m.dari, findings)
        for i, k in enumerate(p.keluaran):
            for j, ref in enumerate(k.untuk):
                _check_actor(index, doc, ("keluaran", i, "untuk", j), ref, findings)
        aktivitas = _unique(p.aktivitas, doc, "aktivitas", "what.aktivitas", findings)
        for i, a in enumerate(p.aktivitas):
            _check_actor(index, doc, ("aktivitas", i, "pelaksana"), a.pelaksana, findings)
            for j, nxt in enumerate(a.lanjut or []):
                if nxt not in aktivitas:
                    findings.append(
                        _unresolved(
                            doc.loc("aktivitas", i, "lanjut", j),
                            expected="what.aktivitas",
                            value=nxt,
                            choices=set(aktivitas),
                        )
                    )
        for i, s in enumerate(p.sop):
            if s not in index.sop:
                findings.append(_unresolved(doc.loc("sop", i), expected="what.sop", value=s, choices=set(index.sop)))
    for parent in index.children:
        index.children[parent].sort()
    # Levels: 1 for top processes, parent + 1 below; a cycle leaves its members unlevelled
    # (the cycle rule reports it), and they are levelled as if top-level.
    for kode in sorted(index.proses):
        index.level[kode] = len(index.ancestors(kode)) + 1


def _index_sop(index: Index, findings: list[Finding]) -> None:
    for kode in sorted(index.sop):
        doc = index.sop[kode]
        s = doc.model
        if s.proses is not None:
            if s.proses in index.proses:
                index.sop_by_proses.setdefault(s.proses, []).append(kode)
            else:
                findings.append(
                    _unresolved(doc.loc("proses"), expected="what.proses", value=s.proses, choices=set(index.proses))
                )
        if s.unit is not None:
            _check_actor(index, doc, ("unit",), s.unit, findings, internal_only=True)
        pelaksana = _unique(s.pelaksana, doc, "pelaksana", "what.pelaksana", findings)
        for i, pl in enumerate(s.pelaksana):
            if pl.jabatan is not None:
                actor = index.actors.get(pl.jabatan)
                if actor is None or actor.kind not in ("jabatan", "unit"):
                    choices = {k for k, a in index.actors.items() if a.kind == "jabatan"}
                    findings.append(
                        _unresolved(
                            doc.loc("pelaksana", i, "jabatan"),
                            expected="what.jabatan",
                            value=pl.jabatan,
                            choices=choices,
                        )
                    )
        numbers = _unique(s.langkah, doc, "langkah", "what.langkah", findings, attr="no")
        number_keys = set(numbers)
        for i, step in enumerate(s.langkah):
            if step.pelaksana not in pelaksana:
                hint = suggest(step.pelaksana, sorted(pelaksana)) if pelaksana else None
                findings.append(
                    core_finding(
                        "S008",
                        doc.loc("langkah", i, "pelaksana"),
                        "ref.unresolved_pelaksana_hint" if hint else "ref.unresolved_pelaksana",
                        value=step.pelaksana,
                        hint=hint or "",
                        allowed=", ".join(sorted(pelaksana)) or "-",
                    )
                )
            targets: list[tuple[tuple[str | int, ...], int]] = []
            if step.lanjut is not None:
                targets.append((("lanjut",), step.lanjut))
            if step.ya is not None:
                targets.append((("ya",), step.ya))
            if step.tidak is not None:
                targets.append((("tidak",), step.tidak))
            for j, c in enumerate(step.cabang or []):
                targets.append((("cabang", j, "ke"), c.ke))
            for path, target in targets:
                if str(target) not in number_keys:
                    findings.append(
                        _unresolved(
                            doc.loc("langkah", i, *path),
                            expected="what.langkah",
                            value=str(target),
                            choices=number_keys,
                        )
                    )
    # Processes list their SOPs; an SOP names its process. Keep both directions in one view.
    for kode, pdoc in index.proses.items():
        for sop_kode in pdoc.model.sop:
            if sop_kode in index.sop:
                lst = index.sop_by_proses.setdefault(kode, [])
                if sop_kode not in lst:
                    lst.append(sop_kode)
    for lst in index.sop_by_proses.values():
        lst.sort()
