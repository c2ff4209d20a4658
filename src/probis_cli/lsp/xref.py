"""Where every code is defined and referenced, with positions: the index's references, located.

The index checks every reference (``build_index``); this module walks the same fields of the
same documents and records where each code is written, so that the editor can go from a
reference to its definition and back. Symbols are ``(kind, key)`` pairs:

* ``actor``: OPD, OPD/unit, OPD/jabatan and pihak luar (the namespace ``pemilik``,
  ``pelaksana``, ``dari``, ``untuk`` and ``unit`` share), key = the reference as written;
* ``plan``: kegiatan and sub kegiatan of the Renstra (``proses.kegiatan`` names either);
* ``misi``, ``tujuan``, ``sasaran``, ``program``, ``proses``, ``sop``;
* document-local codes: ``aktivitas`` (``PROSES#A1``), ``pelaksana`` and ``langkah`` of an
  SOP (``SOP#petugas``, ``SOP#3``).
"""

from __future__ import annotations

import marshal
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from probis_cli.model.build import Document
from probis_cli.model.opd import Opd
from probis_cli.model.pemda import Pemda
from probis_cli.model.proses import Proses
from probis_cli.model.rpjmd import Rpjmd
from probis_cli.model.sop import Sop
from probis_cli.source.reader import locate

Symbol = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """A code written somewhere: 1-based line, 1-based column, length in characters."""

    path: str
    line: int
    column: int
    length: int
    symbol: Symbol
    definition: bool

    def contains(self, line: int, column: int) -> bool:
        """Whether the 1-based ``(line, column)`` falls on this code (its end included)."""
        return line == self.line and self.column <= column <= self.column + self.length


def _span(lines: list[str], line: int, column: int, value: str) -> tuple[int, int]:
    """The column and length of ``value`` written at ``(line, column)`` (quotes skipped)."""
    if 0 < line <= len(lines):
        text = lines[line - 1]
        start = column - 1
        if start < len(text) and text[start] in "'\"":
            start += 1
        if text.startswith(value, start):
            return start + 1, len(value)
        found = text.find(value, max(column - 1, 0))
        if found >= 0:
            return found + 1, len(value)
    return column, len(value)


class _Collector:
    def __init__(self, doc: Document[Any], lines: list[str]) -> None:
        self.doc = doc
        # Decoded here without keeping it on the document: position trees are as large as the
        # data, and the session keeps thousands of documents.
        self.tree = marshal.loads(doc.pos) if isinstance(doc.pos, bytes) else doc.pos
        self.lines = lines
        self.out: list[Occurrence] = []

    def add(self, path: tuple[str | int, ...], kind: str, key: str, value: str, *, definition: bool = False) -> None:
        if not value:
            return
        where = locate(self.tree, path)
        if where is None:
            return
        column, length = _span(self.lines, where[0], where[1], value)
        self.out.append(Occurrence(self.doc.path, where[0], column, length, (kind, key), definition))


def _pemda(c: _Collector, m: Pemda) -> None:
    for i, p in enumerate(m.pihak_luar):
        c.add(("pihak_luar", i, "kode"), "actor", p.kode, p.kode, definition=True)


def _rpjmd(c: _Collector, m: Rpjmd) -> None:
    for i, mi in enumerate(m.misi):
        c.add(("misi", i, "kode"), "misi", mi.kode, mi.kode, definition=True)
    for i, t in enumerate(m.tujuan):
        c.add(("tujuan", i, "kode"), "tujuan", t.kode, t.kode, definition=True)
        c.add(("tujuan", i, "misi"), "misi", t.misi, t.misi)
    for i, s in enumerate(m.sasaran):
        c.add(("sasaran", i, "kode"), "sasaran", s.kode, s.kode, definition=True)
        c.add(("sasaran", i, "tujuan"), "tujuan", s.tujuan, s.tujuan)
    for i, p in enumerate(m.program):
        c.add(("program", i, "kode"), "program", p.kode, p.kode, definition=True)
        for j, code in enumerate(p.sasaran):
            c.add(("program", i, "sasaran", j), "sasaran", code, code)
        for j, o in enumerate(p.opd):
            c.add(("program", i, "opd", j), "actor", o, o)


def _opd(c: _Collector, m: Opd) -> None:
    c.add(("kode",), "actor", m.kode, m.kode, definition=True)
    for i, u in enumerate(m.unit):
        c.add(("unit", i, "kode"), "actor", f"{m.kode}/{u.kode}", u.kode, definition=True)
        if u.induk:
            c.add(("unit", i, "induk"), "actor", f"{m.kode}/{u.induk}", u.induk)
    for i, jab in enumerate(m.jabatan):
        c.add(("jabatan", i, "kode"), "actor", f"{m.kode}/{jab.kode}", jab.kode, definition=True)
        if jab.unit:
            c.add(("jabatan", i, "unit"), "actor", f"{m.kode}/{jab.unit}", jab.unit)
    for i, k in enumerate(m.kegiatan):
        c.add(("kegiatan", i, "kode"), "plan", k.kode, k.kode, definition=True)
        for j, s in enumerate(k.sub_kegiatan):
            c.add(("kegiatan", i, "sub_kegiatan", j, "kode"), "plan", s.kode, s.kode, definition=True)


def _proses(c: _Collector, m: Proses) -> None:
    c.add(("kode",), "proses", m.kode, m.kode, definition=True)
    if m.induk:
        c.add(("induk",), "proses", m.induk, m.induk)
    for i, ref in enumerate(m.pemilik):
        c.add(("pemilik", i), "actor", ref, ref)
    for i, code in enumerate(m.kegiatan):
        c.add(("kegiatan", i), "plan", code, code)
    for i, ma in enumerate(m.masukan):
        if ma.dari:
            c.add(("masukan", i, "dari"), "actor", ma.dari, ma.dari)
    for i, k in enumerate(m.keluaran):
        for j, ref in enumerate(k.untuk):
            c.add(("keluaran", i, "untuk", j), "actor", ref, ref)
    for i, a in enumerate(m.aktivitas):
        c.add(("aktivitas", i, "kode"), "aktivitas", f"{m.kode}#{a.kode}", a.kode, definition=True)
        c.add(("aktivitas", i, "pelaksana"), "actor", a.pelaksana, a.pelaksana)
        for j, nxt in enumerate(a.lanjut or []):
            c.add(("aktivitas", i, "lanjut", j), "aktivitas", f"{m.kode}#{nxt}", nxt)
    for i, s in enumerate(m.sop):
        c.add(("sop", i), "sop", s, s)


def _sop(c: _Collector, m: Sop, sop_codes: set[str] | None) -> None:
    c.add(("kode",), "sop", m.kode, m.kode, definition=True)
    if m.proses:
        c.add(("proses",), "proses", m.proses, m.proses)
    if m.unit:
        c.add(("unit",), "actor", m.unit, m.unit)
    for i, ref in enumerate(m.keterkaitan):
        # Free text or an SOP code: only what looks like a code is a reference.
        if sop_codes is None or ref in sop_codes or (" " not in ref and "-" in ref):
            c.add(("keterkaitan", i), "sop", ref, ref)
    for i, p in enumerate(m.pelaksana):
        c.add(("pelaksana", i, "kode"), "pelaksana", f"{m.kode}#{p.kode}", p.kode, definition=True)
        if p.jabatan:
            c.add(("pelaksana", i, "jabatan"), "actor", p.jabatan, p.jabatan)
    for i, step in enumerate(m.langkah):
        c.add(("langkah", i, "no"), "langkah", f"{m.kode}#{step.no}", str(step.no), definition=True)
        c.add(("langkah", i, "pelaksana"), "pelaksana", f"{m.kode}#{step.pelaksana}", step.pelaksana)
        for key in ("lanjut", "ya", "tidak"):
            target = getattr(step, key)
            if target is not None:
                c.add(("langkah", i, key), "langkah", f"{m.kode}#{target}", str(target))
        for j, cabang in enumerate(step.cabang or []):
            c.add(("langkah", i, "cabang", j, "ke"), "langkah", f"{m.kode}#{cabang.ke}", str(cabang.ke))


def occurrences(doc: Document[Any], text: str, sop_codes: set[str] | None = None) -> list[Occurrence]:
    """Every code written in ``doc`` (``text`` is its file's text), definitions included."""
    c = _Collector(doc, text.split("\n"))
    m = doc.model
    if isinstance(m, Pemda):
        _pemda(c, m)
    elif isinstance(m, Rpjmd):
        _rpjmd(c, m)
    elif isinstance(m, Opd):
        _opd(c, m)
    elif isinstance(m, Proses):
        _proses(c, m)
    elif isinstance(m, Sop):
        _sop(c, m, sop_codes)
    return c.out


@dataclass
class CrossReference:
    """All occurrences of a repository, by file and by symbol."""

    by_file: dict[str, list[Occurrence]] = field(default_factory=dict)  # sorted by position
    definitions: dict[Symbol, list[Occurrence]] = field(default_factory=dict)
    references: dict[Symbol, list[Occurrence]] = field(default_factory=dict)

    def at(self, path: str, line: int, column: int) -> Occurrence | None:
        """The occurrence under the 1-based ``(line, column)`` of ``path``."""
        items = self.by_file.get(path)
        if not items:
            return None
        i = bisect_right(items, (line, column), key=lambda o: (o.line, o.column))
        for occ in reversed(items[max(0, i - 3) : i]):
            if occ.contains(line, column):
                return occ
        return None


def build(
    documents: list[Document[Any]], texts: dict[str, str], cache: dict[int, tuple[Document[Any], list[Occurrence]]]
) -> CrossReference:
    """The cross reference of ``documents``; ``cache`` keeps per-document results between calls
    (an unchanged document is the same object in the next snapshot)."""
    sop_codes = {d.model.kode for d in documents if isinstance(d.model, Sop)}
    xref = CrossReference()
    live: set[int] = set()
    for doc in documents:
        key = id(doc)
        live.add(key)
        hit = cache.get(key)
        if hit is None or hit[0] is not doc:
            hit = (doc, occurrences(doc, texts.get(doc.path, ""), sop_codes))
            cache[key] = hit
        for occ in hit[1]:
            xref.by_file.setdefault(occ.path, []).append(occ)
            table = xref.definitions if occ.definition else xref.references
            table.setdefault(occ.symbol, []).append(occ)
    for key in [k for k in cache if k not in live]:
        del cache[key]
    for items in xref.by_file.values():
        items.sort(key=lambda o: (o.line, o.column))
    return xref
