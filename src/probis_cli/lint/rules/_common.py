"""Helpers and the example Pemda shared by the rule families (tumpang tindih, keterkaitan).

A family's own helpers stay in its ``_common`` module; what more than one family uses lives here,
so that no family imports another's private module.
"""

from __future__ import annotations

from collections.abc import Iterable

from probis_cli.index import Index


def shared_codes(index: Index, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """Codes declared as run together by several OPD: probis.yaml settings plus ``extra``."""
    codes: list[str] = []
    if index.pemda is not None:
        codes.extend(index.pemda.model.pengaturan.lint.kegiatan_bersama)
    codes.extend(extra)
    return tuple(sorted({c.strip() for c in codes if c.strip()}))


def is_shared(code: str, shared: tuple[str, ...]) -> bool:
    """Whether ``code`` is a shared code or lies below one (a shared program or kegiatan covers its children)."""
    return any(code == s or code.startswith(s + ".") for s in shared)


def opd_label(index: Index, kode: str) -> str:
    """The OPD as people name it (singkatan, else nama), e.g. ``DPMPTSP``; the code if unknown."""
    doc = index.opd.get(kode)
    return doc.model.label if doc is not None else kode


def own_kegiatan(index: Index, kode: str) -> tuple[list[str], str]:
    """The kegiatan a process carries out: its own, else those of its nearest parent that has some.

    Returns (codes, the process they are written in). A process's own kegiatan decide what
    it does; a parent's count only when it names none (the parent groups several kinds of
    work, e.g. a level-1 "Perencanaan dan Pelaporan" over a bidang's substantive kegiatan).
    """
    for k in [kode, *index.ancestors(kode)]:
        codes = index.proses[k].model.kegiatan
        if codes:
            return list(dict.fromkeys(codes)), k
    return [], kode


# A small Pemda with its RPJMD that no rule complains about, for the bad/good examples of the rules.
_PEMDA = """\
# file: probis.yaml
probis: 1
jenis: pemda
nama: Pemerintah Kota Contoh
tingkat: kota
periode: 2025-2029
pihak_luar: [{kode: masyarakat, nama: Masyarakat}]
# file: rpjmd.yaml
probis: 1
jenis: rpjmd
periode: 2025-2029
visi: Kota Contoh yang sehat dan tertib administrasi
"""
