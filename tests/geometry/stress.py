"""The stress fixture: a 40-step SOP with 6 pelaksana, 3 decisions and 150-character steps.

Written into a copy of ``tests/fixtures/render-mini`` so that it validates like a real
repository (its process and OPD exist).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "render-mini"
KODE = "SOP-STRES-001"
PELAKSANA = [
    "Petugas Loket Pelayanan Terpadu Satu Pintu (Petugas Penerima Berkas)",
    "Verifikator Teknis Bidang Pelayanan Kesehatan Rujukan",
    "Kepala Seksi Pelayanan Kesehatan Rujukan dan Fasilitas Kesehatan",
    "Kepala Bidang Pelayanan Kesehatan",
    "Sekretaris Dinas",
    "Kepala Dinas Kesehatan",
]
# Decisions: 8 loops back on its page, 20 jumps back two pages, 33 skips forward.
DECISIONS: dict[int, dict[str, object]] = {
    8: {"ya": 9, "tidak": 5},
    20: {"cabang": [{"label": "Lengkap dan sesuai ketentuan", "ke": 21}, {"label": "Tidak lengkap", "ke": 3}]},
    33: {"cabang": [{"label": "Disetujui", "ke": 34}, {"label": "Perlu perbaikan oleh pemohon", "ke": 38}]},
}


def _kegiatan(n: int) -> str:
    text = (
        f"Langkah {n}: memeriksa, mencatat dan meneruskan berkas permohonan izin operasional fasilitas "
        "kesehatan dan dokumen teknis dari pemohon"
    )
    return text.ljust(150, ".")


def write_stress_repo(root: Path, *, kertas: str | None = None, logo: str | None = None) -> Path:
    """Copy render-mini to ``root`` and add the stress SOP (and render settings); returns ``root``."""
    shutil.copytree(MINI, root, dirs_exist_ok=True)
    if kertas or logo:
        settings = "".join(f"    {key}: {value}\n" for key, value in (("kertas", kertas), ("logo", logo)) if value)
        with (root / "probis.yaml").open("a", encoding="utf-8") as handle:
            handle.write("pengaturan:\n  render:\n" + settings)
    langkah: list[dict[str, object]] = []
    for n in range(1, 41):
        step: dict[str, object] = {
            "no": n,
            "kegiatan": _kegiatan(n),
            "pelaksana": f"p{(n * 5) % 6}",
            "mutu_baku": {
                "kelengkapan": ["Formulir permohonan yang telah ditandatangani pemohon", "Surat rekomendasi teknis"],
                "waktu": f"{n} hari kerja",
                "output": f"Berkas permohonan yang telah diperiksa pada langkah {n}",
            },
        }
        if n == 1:
            step["simbol"] = "mulai"
        elif n == 40:
            step["simbol"] = "selesai"
        elif n in DECISIONS:
            step["simbol"] = "keputusan"
            step.update(DECISIONS[n])
        if n % 9 == 0:
            step["keterangan"] = "Dikerjakan paling lama satu hari kerja sejak berkas diterima lengkap"
        langkah.append(step)
    sop = {
        "probis": 1,
        "jenis": "sop",
        "kode": KODE,
        "nomor": "800/099/SOP/DINKES/2026",
        "nama": "Penerbitan Izin Operasional Fasilitas Pelayanan Kesehatan (uji beban)",
        "proses": "PB.02.01",
        "unit": "dinkes/bid-p2p",
        "pelaksana": [{"kode": f"p{k}", "nama": nama} for k, nama in enumerate(PELAKSANA)],
        "langkah": langkah,
    }
    path = root / "sop" / f"{KODE}.yaml"
    path.write_text(json.dumps(sop, ensure_ascii=False, indent=1), encoding="utf-8")
    return root
