"""Repository sizes and the Pemda each tingkat generates; the defect kinds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Scale:
    """Size of a generated repository."""

    tingkat: str  # kota | provinsi
    opd: int
    proses: int
    sop: int
    only: tuple[str, ...] = ()  # explicit OPD template keys (mini)


SCALES: dict[str, Scale] = {
    "mini": Scale("kota", 3, 20, 20, only=("disdukcapil", "dinkes", "bappeda")),
    "city": Scale("kota", 40, 2000, 2000),
    "province": Scale("provinsi", 200, 10000, 10000),
}

PEMDA: dict[str, dict[str, Any]] = {
    "kota": {"nama": "Kota Mekarsari", "kode": "kota-mekarsari", "provinsi": "Provinsi Sumber Makmur", "digit": "2",
             "tk": "Kabupaten/Kota", "daerah": "Kota", "kd": "Wali Kota", "pihak_pemda": ("pemerintah-provinsi", "Pemerintah Provinsi Sumber Makmur")},
    "provinsi": {"nama": "Provinsi Sumber Makmur", "kode": "prov-sumber-makmur", "provinsi": None, "digit": "1",
                 "tk": "Provinsi", "daerah": "Provinsi", "kd": "Gubernur", "pihak_pemda": ("pemerintah-kabkota", "Pemerintah Kabupaten/Kota")},
}  # fmt: skip

DEFECT_KINDS = (
    "sop-tanpa-proses",
    "unit-sop-berbeda",
    "keluaran-tumpang-tindih",
    "pemilik-ganda",
    "tanpa-kegiatan",
    "waktu-tidak-terukur",
    "keputusan-satu-cabang",
    "kegiatan-tumpang-tindih",
)
