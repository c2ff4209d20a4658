"""Facts about Permendagri 90/2019 nomenclature codes that several checks rely on.

A code reads ``urusan.bidang.program.tingkat.kegiatan.sub`` (``1.02.02.2.01.0002``).
"""

from __future__ import annotations

# The standard kegiatan of the program penunjang, the same in every OPD (domain brief):
# .2.01 perencanaan/penganggaran/evaluasi, .2.02 keuangan, .2.03 barang milik daerah,
# .2.04 pendapatan (where it exists), .2.05 kepegawaian, .2.06 umum, .2.07 pengadaan,
# .2.08 jasa penunjang, .2.09 pemeliharaan, .2.10 BLUD. Some OPD have more kegiatan in
# their program penunjang (Setda's Penataan Organisasi, for one): those are the OPD's own
# work, mapped and checked like any other.
STANDARD_PENUNJANG_KEGIATAN = frozenset(f"{n:02d}" for n in range(1, 11))

# Urusan group 7 (kewilayahan): every Kecamatan runs the same nomenclature for its own
# area, so the same 7.01 codes in several Kecamatan are not an overlap of authority.
PER_WILAYAH_PREFIXES = ("7.01",)


def bidang_urusan_of(code: str) -> str:
    """``X.XX`` of any program / kegiatan / sub kegiatan code."""
    return ".".join(code.split(".")[:2])


def program_of(code: str) -> str:
    """``X.XX.XX`` of any program / kegiatan / sub kegiatan code."""
    return ".".join(code.split(".")[:3])


def kegiatan_of(code: str) -> str:
    """``X.XX.XX.X.XX`` of a kegiatan or sub kegiatan code."""
    return ".".join(code.split(".")[:5])


def in_program_penunjang(code: str) -> bool:
    """Whether a program / kegiatan / sub kegiatan belongs to the program penunjang ``X.XX.01``.

    The program penunjang is part of every OPD's plan without being an RPJMD program.
    """
    parts = code.split(".")
    return len(parts) >= 3 and parts[2] == "01"


def is_standard_penunjang(code: str) -> bool:
    """Whether a kegiatan / sub kegiatan is one of the standard penunjang kegiatan (.2.01–.2.10)
    that recur in every OPD by design (never an overlap, often not mapped as processes)."""
    parts = code.split(".")
    return len(parts) >= 5 and parts[2] == "01" and parts[4] in STANDARD_PENUNJANG_KEGIATAN


def is_per_wilayah(code: str) -> bool:
    """Whether a code belongs to an urusan that each Kecamatan runs for its own area."""
    return any(code == p or code.startswith(p + ".") for p in PER_WILAYAH_PREFIXES)
