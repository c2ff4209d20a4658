"""Which fields a ``ganti-kode`` rename touches, per kind of code, and how each value changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

Jenis = Literal["opd", "unit", "jabatan", "pihak", "proses", "sop", "kegiatan", "pelaksana"]

# Gives the new text of a reference, or None when the reference is not about the renamed code.
Replace = Callable[[str], str | None]
# Which documents, which field shapes (``langkah.pelaksana``), how to replace.
Rule = tuple[Callable[[dict[str, Any]], bool], set[str], Replace]


# Fields holding a reference ``opd`` or ``opd/x`` (or a pihak luar code), per document kind.
REF_FIELDS = {
    "proses": {"pemilik", "masukan.dari", "keluaran.untuk", "aktivitas.pelaksana"},
    "sop": {"unit", "pelaksana.jabatan"},
    "rpjmd": {"program.opd"},
}


def _ref_replacer(old: str, new: str, *, whole: bool) -> Replace:
    """Rename ``old`` in a reference: as its first segment (``whole=False``: an OPD) or the
    whole value (``whole=True``: ``opd/unit``, ``opd/jabatan``, a pihak luar)."""

    def replace(value: str) -> str | None:
        if value == old:
            return new
        if not whole and value.startswith(old + "/"):
            return new + value[len(old) :]
        return None

    return replace


def _exact(old: str, new: str) -> Replace:
    return lambda value: new if value == old else None


def _prefix(renamed: dict[str, str]) -> Replace:
    """A code renamed itself, or as the prefix of a child code (``old.`` + rest)."""

    def replace(value: str) -> str | None:
        if value in renamed:
            return renamed[value]
        for old, new in renamed.items():
            if value.startswith(old + "."):
                return new + value[len(old) :]
        return None

    return replace


def _doc_filter(jenis: str, condition: Callable[[dict[str, Any]], bool]) -> Callable[[dict[str, Any]], bool]:
    return lambda data: data.get("jenis") == jenis and condition(data)


def rules(jenis: Jenis, old: str, new: str, renamed: dict[str, str]) -> list[Rule]:
    """(which documents, which field shapes, how to replace) for a rename."""
    if jenis == "opd":
        ref = _ref_replacer(old, new, whole=False)
        return [
            (_doc_filter("opd", lambda d: True), {"kode"}, _exact(old, new)),
            *[(_doc_filter(k, lambda d: True), shapes, ref) for k, shapes in REF_FIELDS.items()],
        ]
    if jenis in ("unit", "jabatan"):
        opd, _, short = old.partition("/")
        own = _doc_filter("opd", lambda d: d.get("kode") == opd)
        inner = {"unit": {"unit.kode", "unit.induk", "jabatan.unit"}, "jabatan": {"jabatan.kode"}}[jenis]
        ref = _ref_replacer(old, f"{opd}/{new}", whole=True)
        return [
            (own, inner, _exact(short, new)),
            *[(_doc_filter(k, lambda d: True), shapes, ref) for k, shapes in REF_FIELDS.items()],
        ]
    if jenis == "pihak":
        ref = _ref_replacer(old, new, whole=False)
        return [
            (_doc_filter("pemda", lambda d: True), {"pihak_luar.kode"}, _exact(old, new)),
            *[(_doc_filter(k, lambda d: True), shapes, ref) for k, shapes in REF_FIELDS.items()],
        ]
    if jenis == "proses":
        replace = _exact_map(renamed)
        return [
            (_doc_filter("proses", lambda d: True), {"kode", "induk"}, replace),
            (_doc_filter("sop", lambda d: True), {"proses"}, replace),
        ]
    if jenis == "sop":
        return [
            (_doc_filter("sop", lambda d: True), {"kode", "keterkaitan"}, _exact(old, new)),
            (_doc_filter("proses", lambda d: True), {"sop"}, _exact(old, new)),
        ]
    if jenis == "kegiatan":
        replace = _prefix({old: new})
        return [
            (_doc_filter("opd", lambda d: True), {"kegiatan.kode", "kegiatan.sub_kegiatan.kode"}, replace),
            (_doc_filter("proses", lambda d: True), {"kegiatan"}, replace),
            (_doc_filter("pemda", lambda d: True), {"pengaturan.lint.kegiatan_bersama"}, replace),
        ]
    sop, _, short = old.partition(":")
    own_sop = _doc_filter("sop", lambda d: d.get("kode") == sop)
    return [(own_sop, {"pelaksana.kode", "langkah.pelaksana"}, _exact(short, new))]


def _exact_map(renamed: dict[str, str]) -> Replace:
    return lambda value: renamed.get(value)
