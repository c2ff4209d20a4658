"""Reference checks of one process or one SOP against the symbol tables of the index.

Each check reads its own document and the tables (codes of processes, SOPs, actors, plan
codes) and nothing else, so its findings can be reused while the document and the tables stay
the same (see :class:`probis_cli.index.build.IndexCache`).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from probis_cli.findings import Finding, Location
from probis_cli.index.core import Index
from probis_cli.model.build import Document, core_finding
from probis_cli.model.proses import Proses
from probis_cli.model.sop import Sop
from probis_cli.suggest import suggest


def points_into_broken(index: Index, value: str) -> bool:
    """Whether ``value`` names a document that failed to load, or something inside one: such a
    reference is not reported (the document is, where it is wrong)."""
    head = value.split("/")[0]
    return value in index.broken_codes or any(value in codes or head in codes for codes in index.broken.values())


def unresolved(
    location: Location, *, expected: str, value: str, choices: Collection[str], index: Index | None = None
) -> Finding:
    """S008 for a reference to ``value`` that names nothing, with the closest choice if any.

    With ``index``, a reference into a broken document gets no suggestion: it is dropped
    afterwards (see :func:`points_into_broken`), and a suggestion over thousands of codes
    would cost a tenth of a second of every check while such a document is being fixed.
    """
    skip = index is not None and bool(index.broken) and points_into_broken(index, value)
    hint = suggest(value, sorted(choices)) if choices and not skip else None
    if hint:
        return core_finding("S008", location, "ref.unresolved_hint", expected_id=expected, value=value, hint=hint)
    return core_finding("S008", location, "ref.unresolved", expected_id=expected, value=value)


def duplicate(location: Location, *, what: str, value: str, first: Location) -> Finding:
    """S007 for a code given twice."""
    return core_finding("S007", location, "ref.duplicate", what_id=what, value=value, first=str(first))


def unique(
    items: list[Any], doc: Document[Any], list_key: str, what: str, findings: list[Finding], attr: str = "kode"
) -> dict[str, int]:
    """``value of attr -> first position`` of ``items``; S007 for every repeat."""
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        value = str(getattr(item, attr))
        if value in seen:
            findings.append(
                duplicate(
                    doc.loc(list_key, i, attr), what=what, value=value, first=doc.loc(list_key, seen[value], attr)
                )
            )
        else:
            seen[value] = i
    return seen


def check_actor(
    index: Index,
    doc: Document[Any],
    path: tuple[str | int, ...],
    ref: str,
    findings: list[Finding],
    *,
    internal_only: bool = False,
) -> None:
    """S008 unless ``ref`` names a known actor (an internal one when ``internal_only``)."""
    actor = index.actors.get(ref)
    if actor is None or (internal_only and not actor.internal):
        choices = {k for k, a in index.actors.items() if a.internal or not internal_only}
        if internal_only:
            findings.append(
                unresolved(doc.loc(*path), expected="what.pemilik", value=ref, choices=choices, index=index)
            )
            return
        # A party outside the Pemda (a ministry, the public, a bank) is declared once in
        # probis.yaml; say so, with the closest known name when there is one.
        skip = bool(index.broken) and points_into_broken(index, ref)
        hint = suggest(ref, sorted(choices)) if choices and not skip else None
        if hint:
            findings.append(core_finding("S008", doc.loc(*path), "ref.unresolved_actor_hint", value=ref, hint=hint))
        else:
            findings.append(core_finding("S008", doc.loc(*path), "ref.unresolved_actor", value=ref))


def proses_refs(p: Proses) -> frozenset[str]:
    """Every code a process names in another table (what :func:`proses_findings` looks up)."""
    refs = {*p.pemilik, *p.kegiatan, *p.sop, *(a.pelaksana for a in p.aktivitas)}
    refs.update(m.dari for m in p.masukan if m.dari is not None)
    refs.update(ref for k in p.keluaran for ref in k.untuk)
    if p.induk is not None:
        refs.add(p.induk)
    return frozenset(refs)


def sop_refs(s: Sop) -> frozenset[str]:
    """Every code an SOP names in another table (what :func:`sop_findings` looks up)."""
    refs = {pl.jabatan for pl in s.pelaksana if pl.jabatan is not None}
    refs.update(ref for ref in (s.proses, s.unit) if ref is not None)
    return frozenset(refs)


def proses_findings(index: Index, doc: Document[Proses], plan_codes: Collection[str]) -> list[Finding]:
    """The reference findings of one process (parent, owners, plan, actors, activities, SOPs)."""
    findings: list[Finding] = []
    p = doc.model
    if p.induk is not None and p.induk not in index.proses:
        findings.append(
            unresolved(doc.loc("induk"), expected="what.proses", value=p.induk, choices=set(index.proses), index=index)
        )
    for i, ref in enumerate(p.pemilik):
        check_actor(index, doc, ("pemilik", i), ref, findings, internal_only=True)
    for i, code in enumerate(p.kegiatan):
        if code not in plan_codes:
            findings.append(
                unresolved(
                    doc.loc("kegiatan", i), expected="what.kegiatan", value=code, choices=plan_codes, index=index
                )
            )
    for i, m in enumerate(p.masukan):
        if m.dari is not None:
            check_actor(index, doc, ("masukan", i, "dari"), m.dari, findings)
    for i, k in enumerate(p.keluaran):
        for j, ref in enumerate(k.untuk):
            check_actor(index, doc, ("keluaran", i, "untuk", j), ref, findings)
    aktivitas = unique(p.aktivitas, doc, "aktivitas", "what.aktivitas", findings)
    for i, a in enumerate(p.aktivitas):
        check_actor(index, doc, ("aktivitas", i, "pelaksana"), a.pelaksana, findings)
        for j, nxt in enumerate(a.lanjut or []):
            if nxt not in aktivitas:
                findings.append(
                    unresolved(
                        doc.loc("aktivitas", i, "lanjut", j),
                        expected="what.aktivitas",
                        value=nxt,
                        choices=set(aktivitas),
                    )
                )
    for i, s in enumerate(p.sop):
        if s not in index.sop:
            findings.append(
                unresolved(doc.loc("sop", i), expected="what.sop", value=s, choices=set(index.sop), index=index)
            )
    return findings


def sop_findings(index: Index, doc: Document[Sop]) -> list[Finding]:
    """The reference findings of one SOP (process, unit, pelaksana, step numbers and exits)."""
    findings: list[Finding] = []
    s = doc.model
    if s.proses is not None and s.proses not in index.proses:
        findings.append(
            unresolved(
                doc.loc("proses"), expected="what.proses", value=s.proses, choices=set(index.proses), index=index
            )
        )
    if s.unit is not None:
        check_actor(index, doc, ("unit",), s.unit, findings, internal_only=True)
    pelaksana = unique(s.pelaksana, doc, "pelaksana", "what.pelaksana", findings)
    for i, pl in enumerate(s.pelaksana):
        if pl.jabatan is not None:
            actor = index.actors.get(pl.jabatan)
            if actor is None or actor.kind not in ("jabatan", "unit"):
                choices = {k for k, a in index.actors.items() if a.kind == "jabatan"}
                findings.append(
                    unresolved(
                        doc.loc("pelaksana", i, "jabatan"), expected="what.jabatan", value=pl.jabatan, choices=choices
                    )
                )
    numbers = unique(s.langkah, doc, "langkah", "what.langkah", findings, attr="no")
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
                    unresolved(
                        doc.loc("langkah", i, *path), expected="what.langkah", value=str(target), choices=number_keys
                    )
                )
    return findings
