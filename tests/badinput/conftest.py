"""A small valid repository to break in many ways."""

from __future__ import annotations

from pathlib import Path

import pytest

BASE: dict[str, str] = {
    "probis.yaml": """\
probis: 1
jenis: pemda
nama: Pemerintah Kota Uji
tingkat: kota
periode: 2025-2029
pihak_luar: [{kode: masyarakat, nama: Masyarakat}]
""",
    "rpjmd.yaml": """\
probis: 1
jenis: rpjmd
periode: 2025-2029
visi: Kota Uji yang sehat
misi: [{kode: M1, uraian: Meningkatkan kesehatan}]
tujuan: [{kode: T1, misi: M1, uraian: Derajat kesehatan meningkat}]
sasaran: [{kode: S1, tujuan: T1, uraian: Meningkatnya layanan kesehatan}]
program:
  - {kode: 1.02.02, nama: Program Pemenuhan Upaya Kesehatan, sasaran: [S1], opd: [dinkes]}
""",
    "opd/dinkes.yaml": """\
probis: 1
jenis: opd
kode: dinkes
nama: Dinas Kesehatan
urusan: [1.02]
unit: [{kode: bid-p2p, nama: Bidang P2P}]
kegiatan:
  - kode: 1.02.02.2.01
    nama: Penyediaan Fasilitas Pelayanan Kesehatan
""",
    "proses/PB.01.yaml": """\
probis: 1
jenis: proses
kode: PB.01
nama: Pelayanan Imunisasi
kategori: inti
pemilik: dinkes/bid-p2p
kegiatan: [1.02.02.2.01]
""",
}

# Broken on purpose in every test, so each test also proves the rest is still checked.
SIBLING = (
    "proses/PB.99.yaml",
    "probis: 1\njenis: proses\nkode: PB.99\nnama: Lain\nkategori: inti\npemilik: dinkes/tidak-ada\n",
)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A valid repository plus one sibling file with an unresolved reference."""
    for rel, text in {**BASE, SIBLING[0]: SIBLING[1]}.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path
