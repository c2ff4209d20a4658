"""Keterkaitan: every link of the chain RPJMD → program → kegiatan → proses bisnis → SOP.

Each rule reports one kind of broken or missing link. Broken data (a cycle, a kegiatan
whose program is not in the RPJMD, an SOP pointing two ways) is an error; gaps that a Pemda
fills in over time (a Renstra kegiatan nobody maps yet, a process without SOP) are warnings
that ``pengaturan.lint.aturan`` can raise or silence.

Helpers shared by several rules of the family; each rule lives in its own module.
"""

from __future__ import annotations

from probis_cli.model.kode import in_program_penunjang

# ---------------------------------------------------------------------------------------
# Helpers


def program_of(code: str) -> str:
    """The program code (``X.XX.XX``) of a kegiatan or sub kegiatan code."""
    return ".".join(code.split(".")[:3])


is_penunjang = in_program_penunjang  # kept as the name the rule docs use


# ---------------------------------------------------------------------------------------
# Example repositories: a small complete chain that no K rule complains about; every
# example is this chain with one thing changed.


def _swap(text: str, old: str, new: str) -> str:
    if old not in text:
        raise ValueError(f"example fragment not found: {old!r}")
    return text.replace(old, new, 1)


_PEMDA = """\
# file: probis.yaml
probis: 1
jenis: pemda
nama: Pemerintah Kota Contoh
tingkat: kota
periode: 2025-2029
pihak_luar:
  - {kode: masyarakat, nama: Masyarakat}
"""

_RPJMD = """\
# file: rpjmd.yaml
probis: 1
jenis: rpjmd
periode: 2025-2029
visi: Kota Contoh yang sehat dan sejahtera
misi:
  - {kode: M1, uraian: Meningkatkan kualitas hidup masyarakat}
tujuan:
  - {kode: T1, misi: M1, uraian: Meningkatkan derajat kesehatan masyarakat}
sasaran:
  - kode: S1.1
    tujuan: T1
    uraian: Meningkatnya akses layanan kesehatan dasar
    indikator:
      - {nama: Cakupan imunisasi dasar lengkap, satuan: persen, target: {2025: 90, 2029: 95}}
program:
  - kode: 1.02.02
    nama: Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat
    sasaran: [S1.1]
"""

_OPD = """\
# file: opd/dinkes.yaml
probis: 1
jenis: opd
kode: dinkes
nama: Dinas Kesehatan
singkatan: Dinkes
urusan: [1.02]
unit:
  - {kode: bid-p2p, nama: Bidang Pencegahan dan Pengendalian Penyakit}
kegiatan:
  - kode: 1.02.02.2.02
    nama: Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota
"""

_PROSES = """\
# file: proses/PB.01.yaml
probis: 1
jenis: proses
kode: PB.01
nama: Pelayanan Imunisasi
kategori: inti
pemilik: dinkes/bid-p2p
kegiatan: [1.02.02.2.02]
masukan:
  - {nama: Data sasaran imunisasi, dari: masyarakat}
keluaran:
  - {nama: Anak terimunisasi lengkap, untuk: masyarakat}
sop: [SOP-001]
"""


def _sop(kode: str = "SOP-001", proses: str | None = "PB.01", nama: str = "Pelayanan Imunisasi Dasar") -> str:
    line = f"proses: {proses}\n" if proses else ""
    return f"""\
# file: sop/{kode}.yaml
probis: 1
jenis: sop
kode: {kode}
nama: {nama}
{line}unit: dinkes/bid-p2p
nomor: 800/{kode[-3:]}/SOP/DINKES/2026
tanggal_pembuatan: 10 Januari 2026
tanggal_efektif: 1 Februari 2026
disahkan_oleh: {{jabatan: Kepala Dinas Kesehatan, nama: dr. Siti Rahmawati, nip: "197801012005012001"}}
dasar_hukum: [Peraturan Menteri Kesehatan Nomor 12 Tahun 2017 tentang Penyelenggaraan Imunisasi]
kualifikasi_pelaksana: [Tenaga kesehatan terlatih imunisasi]
peralatan: [Vaksin, Alat suntik sekali pakai]
pencatatan: [Register imunisasi]
pelaksana:
  - {{kode: petugas, nama: Petugas Imunisasi}}
langkah:
  - {{no: 1, kegiatan: Menerima dan mendaftar pasien, pelaksana: petugas, simbol: mulai, mutu_baku: {{waktu: 5 menit, output: Pasien terdaftar}}}}
  - {{no: 2, kegiatan: Memberikan imunisasi, pelaksana: petugas, simbol: selesai, mutu_baku: {{waktu: 10 menit, output: Anak terimunisasi}}}}
"""


_IZIN_KEGIATAN = """\
  - kode: 1.02.03.2.01
    nama: Pemberian Izin Praktik Tenaga Kesehatan di Wilayah Kabupaten/Kota
"""
_IZIN_PROGRAM = """\
  - kode: 1.02.03
    nama: Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan
    sasaran: [S1.1]
"""
_IZIN_PROSES = _swap(_PROSES, "kegiatan: [1.02.02.2.02]", "kegiatan: [1.02.02.2.02, 1.02.03.2.01]")


def _repo(*, rpjmd: str = _RPJMD, opd: str = _OPD, proses: str = _PROSES, sop: str | None = None) -> str:
    return _PEMDA + rpjmd + opd + proses + (_sop() if sop is None else sop)


def _child(kode: str = "PB.01.01", induk: str = "PB.01", sop: str | None = "SOP-001") -> str:
    line = f"sop: [{sop}]\n" if sop else ""
    return f"""\
# file: proses/{kode}.yaml
probis: 1
jenis: proses
kode: {kode}
nama: Pemberian Imunisasi di Puskesmas
kategori: inti
induk: {induk}
pemilik: dinkes/bid-p2p
keluaran:
  - {{nama: Catatan imunisasi, untuk: masyarakat}}
{line}"""


_PARENT = _swap(_PROSES, "sop: [SOP-001]\n", "")

_PROSES_KIPI = """\
# file: proses/PB.02.yaml
probis: 1
jenis: proses
kode: PB.02
nama: Pemantauan Kejadian Ikutan Pasca Imunisasi
kategori: inti
pemilik: dinkes/bid-p2p
kegiatan: [1.02.02.2.02]
keluaran:
  - {nama: Laporan kejadian ikutan pasca imunisasi, untuk: masyarakat}
"""
