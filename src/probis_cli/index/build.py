"""Building the index: register every document by code, check codes and references.

Building reports duplicate codes and unresolved references as findings. The tables (codes,
actors, parents, SOP links) are rebuilt on every call, which is cheap; the reference checks of
processes and SOPs, which are most of the work, are kept in an :class:`IndexCache` and reused
for a document whose file is unchanged while the symbol tables it is checked against are too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from probis_cli.findings import Finding, Location
from probis_cli.index.core import Actor, Index, KegiatanEntry, SubKegiatanEntry
from probis_cli.index.refs import (
    duplicate,
    points_into_broken,
    proses_findings,
    proses_refs,
    sop_findings,
    sop_refs,
    unique,
    unresolved,
)
from probis_cli.model.build import Broken, Document, core_finding, links_of
from probis_cli.model.opd import Opd
from probis_cli.model.pemda import Pemda
from probis_cli.model.proses import Proses
from probis_cli.model.rpjmd import Rpjmd
from probis_cli.model.sop import Sop

DocKey = tuple[str, int, int, str]  # path, line, column, content digest of the file
# findings, the codes the document names, whether a finding depends on whole tables
Entry = tuple[list[Finding], frozenset[str], bool]


@dataclass
class IndexCache:
    """Reference findings of processes and SOPs from the last build, for the next one.

    ``digests`` (relative path -> content digest of the file) is set by the caller before each
    build; a document whose file has no digest there is always checked again.
    """

    digests: Mapping[str, str] = field(default_factory=dict)
    tables: Tables = field(default_factory=lambda: Tables())  # what the entries were checked against
    entries: dict[DocKey, Entry] = field(default_factory=dict)
    reused: int = 0  # documents whose findings came from the cache in the last build

    def key(self, doc: Document[Any]) -> DocKey | None:
        """The cache key of ``doc``, None when its file's digest is unknown."""
        digest = self.digests.get(doc.path)
        return None if not digest else (doc.path, doc.line, doc.column, digest)


def build_index(
    root: Path, documents: list[Document[Any]], broken: Sequence[Broken] = (), *, cache: IndexCache | None = None
) -> tuple[Index, list[Finding]]:
    """Index ``documents`` and check codes and references; return the index and findings.

    References into ``broken`` documents (which failed validation and were reported) are not
    reported again as missing: a single wrong value in an OPD must not make every process
    that names that OPD an error. With ``cache``, unchanged documents are not checked again.
    """
    index = Index(root=root, documents=documents)
    for b in broken:
        index.failed.append(b)
        if b.kode is not None:
            index.broken.setdefault(b.jenis or "", set()).add(b.kode)
        index.broken_codes.update(b.codes)
    findings = _register(index, documents)
    _index_pemda(index, findings)
    _index_rpjmd(index, findings)
    for kode in sorted(index.opd):
        _index_opd(index, kode, findings)
    _program_refs(index, findings)
    _link_tables(index)
    _checks(index, findings, cache)
    if index.failed:
        findings = [f for f in findings if not (f.code == "S008" and _points_into_broken(index, f))]
    return index, findings


def _register(index: Index, documents: list[Document[Any]]) -> list[Finding]:
    """Put every document in its table; S009/S007 for a second pemda/rpjmd or a repeated code."""
    findings: list[Finding] = []
    # Deterministic: documents arrive sorted by path, then position.
    for doc in documents:
        model = doc.model
        if isinstance(model, (Pemda, Rpjmd)):
            jenis = "pemda" if isinstance(model, Pemda) else "rpjmd"
            first = getattr(index, jenis)
            if first is not None:
                findings.append(core_finding("S009", doc.loc(), "ref.single_doc", jenis=jenis, first=str(first.loc())))
            else:
                setattr(index, jenis, doc)
        elif isinstance(model, (Opd, Proses, Sop)):
            jenis = "opd" if isinstance(model, Opd) else "proses" if isinstance(model, Proses) else "sop"
            table: dict[str, Any] = getattr(index, jenis)
            if model.kode in table:
                first_loc = table[model.kode].loc("kode")
                findings.append(duplicate(doc.loc("kode"), what=f"what.{jenis}", value=model.kode, first=first_loc))
                # The repeat is left out of the index; what it links to is not unlinked.
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
    return findings


def _points_into_broken(index: Index, finding: Finding) -> bool:
    """Whether an unresolved reference names a broken document or something inside one."""
    return points_into_broken(index, str(dict(finding.message.args).get("value", "")))


def _index_pemda(index: Index, findings: list[Finding]) -> None:
    if index.pemda is None:
        return
    doc = index.pemda
    for kode, i in unique(doc.model.pihak_luar, doc, "pihak_luar", "what.pihak_luar", findings).items():
        index.actors[kode] = Actor(kode, "luar", None, doc.model.pihak_luar[i].nama)


def _index_rpjmd(index: Index, findings: list[Finding]) -> None:
    if index.rpjmd is None:
        return
    doc = index.rpjmd
    r = doc.model
    index.misi = unique(r.misi, doc, "misi", "what.misi", findings)
    index.tujuan = unique(r.tujuan, doc, "tujuan", "what.tujuan", findings)
    index.sasaran = unique(r.sasaran, doc, "sasaran", "what.sasaran", findings)
    index.program = unique(r.program, doc, "program", "what.program", findings)
    if index.pemda is not None and index.pemda.model.periode != r.periode:
        findings.append(
            core_finding(
                "S004", doc.loc("periode"), "ref.periode_mismatch", rpjmd=r.periode, pemda=index.pemda.model.periode
            )
        )
    for i, t in enumerate(r.tujuan):
        if t.misi not in index.misi:
            findings.append(
                unresolved(doc.loc("tujuan", i, "misi"), expected="what.misi", value=t.misi, choices=set(index.misi))
            )
    for i, s in enumerate(r.sasaran):
        if s.tujuan not in index.tujuan:
            findings.append(
                unresolved(
                    doc.loc("sasaran", i, "tujuan"), expected="what.tujuan", value=s.tujuan, choices=set(index.tujuan)
                )
            )
    # program -> sasaran and -> opd are checked after OPD are indexed (see _program_refs).


def _index_opd(index: Index, kode: str, findings: list[Finding]) -> None:
    """One OPD: the OPD, its units and jabatan as actors; its kegiatan and sub kegiatan."""
    doc = index.opd[kode]
    o = doc.model
    if kode in index.actors:
        first = index.pemda.loc("pihak_luar") if index.pemda else doc.loc()
        findings.append(duplicate(doc.loc("kode"), what="what.opd", value=kode, first=first))
        return
    index.actors[kode] = Actor(kode, "opd", kode, o.nama)
    units = unique(o.unit, doc, "unit", "what.unit", findings)
    jabatan = unique(o.jabatan, doc, "jabatan", "what.jabatan", findings)
    for j_kode, j in jabatan.items():
        if j_kode in units:
            first = doc.loc("unit", units[j_kode], "kode")
            findings.append(duplicate(doc.loc("jabatan", j, "kode"), what="what.unit", value=j_kode, first=first))
    for u_kode, i in units.items():
        index.actors[f"{kode}/{u_kode}"] = Actor(f"{kode}/{u_kode}", "unit", kode, o.unit[i].nama)
        parent = o.unit[i].induk
        if parent is not None and parent not in units:
            findings.append(
                unresolved(doc.loc("unit", i, "induk"), expected="what.unit", value=parent, choices=set(units))
            )
    for j_kode, i in jabatan.items():
        index.actors.setdefault(f"{kode}/{j_kode}", Actor(f"{kode}/{j_kode}", "jabatan", kode, o.jabatan[i].nama))
        unit = o.jabatan[i].unit
        if unit is not None and unit not in units:
            findings.append(
                unresolved(doc.loc("jabatan", i, "unit"), expected="what.unit", value=unit, choices=set(units))
            )
    _index_kegiatan(index, kode, doc, findings)


def _index_kegiatan(index: Index, kode: str, doc: Document[Opd], findings: list[Finding]) -> None:
    """The Renstra kegiatan and sub kegiatan of one OPD."""
    seen_k: dict[str, int] = {}
    for i, k in enumerate(doc.model.kegiatan):
        if k.kode in seen_k:
            first = doc.loc("kegiatan", seen_k[k.kode], "kode")
            findings.append(duplicate(doc.loc("kegiatan", i, "kode"), what="what.kegiatan", value=k.kode, first=first))
            continue
        seen_k[k.kode] = i
        index.kegiatan.setdefault(k.kode, []).append(KegiatanEntry(kode, doc, i))
        seen_s: set[str] = set()
        for j, s in enumerate(k.sub_kegiatan):
            where = doc.loc("kegiatan", i, "sub_kegiatan", j, "kode") if s.kode in seen_s else None
            if where is not None:
                first = doc.loc("kegiatan", i, "kode")
                findings.append(duplicate(where, what="what.sub_kegiatan", value=s.kode, first=first))
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


def _program_refs(index: Index, findings: list[Finding]) -> None:
    """RPJMD programs -> sasaran and -> OPD (once the OPD are indexed)."""
    if index.rpjmd is None:
        return
    rdoc = index.rpjmd
    for i, p in enumerate(rdoc.model.program):
        for j, sasaran in enumerate(p.sasaran):
            if sasaran not in index.sasaran:
                findings.append(
                    unresolved(
                        rdoc.loc("program", i, "sasaran", j),
                        expected="what.sasaran",
                        value=sasaran,
                        choices=set(index.sasaran),
                    )
                )
        for j, ref in enumerate(p.opd):
            if ref not in index.opd:
                findings.append(
                    unresolved(rdoc.loc("program", i, "opd", j), expected="what.opd", value=ref, choices=set(index.opd))
                )


def _link_tables(index: Index) -> None:
    """Parents and children, levels, and the SOPs of each process (both directions)."""
    for kode in sorted(index.proses):
        induk = index.proses[kode].model.induk
        if induk is not None and induk in index.proses:
            index.children.setdefault(induk, []).append(kode)
    for parent in index.children:
        index.children[parent].sort()
    # Levels: 1 for top processes, parent + 1 below; a cycle leaves its members unlevelled
    # (the cycle rule reports it), and they are levelled as if top-level.
    for kode in sorted(index.proses):
        index.level[kode] = len(index.ancestors(kode)) + 1
    for kode in sorted(index.sop):
        proses = index.sop[kode].model.proses
        if proses is not None and proses in index.proses:
            index.sop_by_proses.setdefault(proses, []).append(kode)
    # Processes list their SOPs; an SOP names its process. Keep both directions in one view.
    for kode, pdoc in index.proses.items():
        for sop_kode in pdoc.model.sop:
            if sop_kode in index.sop:
                lst = index.sop_by_proses.setdefault(kode, [])
                if sop_kode not in lst:
                    lst.append(sop_kode)
    for lst in index.sop_by_proses.values():
        lst.sort()


@dataclass(frozen=True)
class Tables:
    """The symbol tables the reference checks of a process or SOP read besides the document."""

    proses: frozenset[str] = frozenset()
    sop: frozenset[str] = frozenset()
    plan: frozenset[str] = frozenset()
    actors: frozenset[tuple[str, str]] = frozenset()  # (reference, kind)
    # what failed to load: an unresolved reference into it is dropped, and gets no suggestion
    broken: frozenset[str] = frozenset()

    @classmethod
    def of(cls, index: Index) -> Tables:
        """The tables of ``index``."""
        return cls(
            frozenset(index.proses),
            frozenset(index.sop),
            frozenset(index.kegiatan) | frozenset(index.sub_kegiatan),
            frozenset((ref, actor.kind) for ref, actor in index.actors.items()),
            frozenset(index.broken_codes)
            | {f"{jenis}\x01{kode}" for jenis, codes in index.broken.items() for kode in codes},
        )

    def changed(self, other: Tables) -> set[str]:
        """The codes present in one of the tables and not the other (or of another kind)."""
        out = set(self.proses ^ other.proses) | (self.sop ^ other.sop) | (self.plan ^ other.plan)
        out.update(ref for ref, _ in self.actors ^ other.actors)
        out.update(self.broken ^ other.broken)
        return out


def _checks(index: Index, findings: list[Finding], cache: IndexCache | None) -> None:
    """The reference checks of every process and SOP, reusing the cache where it applies.

    A document's entry is reused when its file is unchanged and none of the codes it names
    changed in the tables; one with an unresolved reference (whose message suggests the closest
    code of a whole table) only when no table changed at all.
    """
    tables = Tables.of(index)
    changed = tables.changed(cache.tables) if cache is not None else set()
    entries: dict[DocKey, Entry] = {}
    reused = 0
    work: list[tuple[Document[Any], bool]] = [(index.proses[k], True) for k in sorted(index.proses)]
    work += [(index.sop[k], False) for k in sorted(index.sop)]
    for doc, is_proses in work:
        key = cache.key(doc) if cache is not None else None
        entry = cache.entries.get(key) if cache is not None and key is not None else None
        if entry is not None and changed and (entry[2] or not entry[1].isdisjoint(changed)):
            entry = None
        if entry is None:
            if is_proses:
                found, refs = proses_findings(index, doc, tables.plan), proses_refs(doc.model)
            else:
                found, refs = sop_findings(index, doc), sop_refs(doc.model)
            entry = (found, refs, any(f.code == "S008" for f in found))
        else:
            reused += 1
        if key is not None:
            entries[key] = entry
        findings.extend(entry[0])
    if cache is not None:
        cache.tables, cache.entries, cache.reused = tables, entries, reused
