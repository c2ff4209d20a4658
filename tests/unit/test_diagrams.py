"""Diagram renderers: structure, escaping, determinism, golden DOT files."""

from __future__ import annotations

import json
from pathlib import Path

LONG = (
    "Penyelenggaraan Koordinasi, Sinkronisasi, dan Evaluasi Pelayanan Kesehatan "
    "Masyarakat Terpadu Berbasis Elektronik Kewenangan Daerah Kabupaten/Kota"
)


def _dump(path: Path, data: dict[str, object]) -> None:
    # JSON is YAML 1.2: no quoting surprises for codes.
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def write_big_repo(root: Path) -> Path:
    """A synthetic repository at real sizes: a 60-process OPD, a 30-step SOP with several
    decisions, a process with five lanes (units, another OPD, an external party), long names."""
    _dump(root / "probis.yaml", {
        "probis": 1, "jenis": "pemda", "nama": "Pemerintah Kabupaten Contoh Besar", "tingkat": "kabupaten",
        "periode": "2025-2029",
        "pihak_luar": [{"kode": "masyarakat", "nama": "Masyarakat"},
                       {"kode": "kemenkes", "nama": "Kementerian Kesehatan Republik Indonesia"}],
    })
    _dump(root / "rpjmd.yaml", {
        "probis": 1, "jenis": "rpjmd", "periode": "2025-2029", "visi": "Sehat",
        "misi": [{"kode": "M1", "uraian": "Misi"}],
        "tujuan": [{"kode": "T1", "misi": "M1", "uraian": "Tujuan"}],
        "sasaran": [{"kode": f"S1.{i}", "tujuan": "T1", "uraian": f"Sasaran nomor {i}: {LONG}"} for i in range(1, 4)],
        "program": [{"kode": f"1.02.0{i}", "nama": f"Program {i} {LONG}", "sasaran": [f"S1.{min(i, 3)}"], "opd": ["dinkes"]}
                    for i in range(2, 6)],
    })
    _dump(root / "opd" / "dinkes.yaml", {
        "probis": 1, "jenis": "opd", "kode": "dinkes", "nama": "Dinas Kesehatan", "singkatan": "Dinkes",
        "unit": [{"kode": "sekretariat", "nama": "Sekretariat"},
                 {"kode": "bid-p2p", "nama": "Bidang Pencegahan dan Pengendalian Penyakit"},
                 {"kode": "bid-yankes", "nama": "Bidang Pelayanan Kesehatan"},
                 {"kode": "puskesmas", "nama": "UPT Puskesmas"}],
        "jabatan": [{"kode": "kadis", "nama": "Kepala Dinas Kesehatan"}],
        "kegiatan": [{"kode": f"1.02.0{p}.2.0{k}", "nama": f"Kegiatan {p}.{k} {LONG}"} for p in range(2, 6) for k in range(1, 4)],
    })
    _dump(root / "opd" / "disdukcapil.yaml", {
        "probis": 1, "jenis": "opd", "kode": "disdukcapil", "nama": "Dinas Kependudukan dan Pencatatan Sipil",
        "singkatan": "Disdukcapil",
    })
    kategori = ["manajemen", "inti", "pendukung"]
    for i in range(1, 61):
        kode = f"PB.{i:02d}"
        _dump(root / "proses" / f"{kode}.yaml", {
            "probis": 1, "jenis": "proses", "kode": kode, "kategori": kategori[(i * 7) % 3] if i > 3 else kategori[i - 1],
            "nama": (LONG if i % 5 == 0 else f"Proses Bisnis Nomor {i} Pelayanan Publik Daerah"),
            "pemilik": "dinkes", "kegiatan": [f"1.02.0{2 + i % 4}.2.0{1 + i % 3}"] if i % 2 else [],
        })
    # PB.01 gets 14 sub-processes; PB.01.01 is the five-lane process.
    for j in range(1, 15):
        kode = f"PB.01.{j:02d}"
        _dump(root / "proses" / f"{kode}.yaml", {
            "probis": 1, "jenis": "proses", "kode": kode, "kategori": "manajemen", "induk": "PB.01",
            "nama": LONG if j % 4 == 0 else f"Subproses {j} perencanaan", "pemilik": "dinkes/sekretariat",
        })
    lanes = ["dinkes/sekretariat", "dinkes/bid-p2p", "dinkes/puskesmas", "disdukcapil", "masyarakat"]
    aktivitas = []
    for n in range(1, 13):
        item: dict[str, object] = {"kode": f"A{n}", "nama": f"Aktivitas {n}: {LONG[: 20 + 7 * n]}", "pelaksana": lanes[(n * 2) % 5]}
        if n == 4:
            item["lanjut"] = ["A5", "A7"]
        aktivitas.append(item)
    _dump(root / "proses" / "PB.01.01.yaml", {
        "probis": 1, "jenis": "proses", "kode": "PB.01.01", "kategori": "manajemen", "induk": "PB.01",
        "nama": "Pelayanan lima lajur", "pemilik": "dinkes/sekretariat",
        "masukan": [{"nama": f"Masukan {k} {LONG[:40]}", "dari": lanes[k % 5]} for k in range(6)],
        "keluaran": [{"nama": f"Keluaran {k}", "untuk": [lanes[(k + 2) % 5], "kemenkes"]} for k in range(5)],
        "aktivitas": aktivitas, "sop": ["SOP-BESAR-001"],
    })
    pelaksana = [{"kode": f"p{k}", "nama": n} for k, n in enumerate(
        ["Petugas Loket Pelayanan Terpadu", "Verifikator", "Kepala Seksi Pelayanan Kesehatan Rujukan",
         "Kepala Bidang", "Kepala Dinas"])]
    langkah: list[dict[str, object]] = []
    for n in range(1, 31):
        step: dict[str, object] = {"no": n, "kegiatan": f"Langkah {n}: {LONG[: 15 + 3 * n]}", "pelaksana": f"p{(n * 3) % 5}",
                                   "mutu_baku": {"waktu": f"{n} menit", "output": f"Dokumen {n}"}}
        if n == 1:
            step["simbol"] = "mulai"
        elif n == 30:
            step["simbol"] = "selesai"
        elif n in (5, 11, 17, 26):
            step["simbol"] = "keputusan"
            step["ya"] = n + 1
            step["tidak"] = max(1, n - 3) if n != 17 else 28
        elif n == 21:
            step["simbol"] = "keputusan"
            step["cabang"] = [{"label": "Lengkap", "ke": 22}, {"label": "Tidak lengkap", "ke": 2}]
        langkah.append(step)
    _dump(root / "sop" / "SOP-BESAR-001.yaml", {
        "probis": 1, "jenis": "sop", "kode": "SOP-BESAR-001", "nomor": "800/002/SOP/DINKES/2026",
        "nama": "Pelayanan Perizinan Fasilitas Kesehatan dengan Tiga Puluh Langkah", "proses": "PB.01.01",
        "pelaksana": pelaksana, "langkah": langkah,
    })
    return root
