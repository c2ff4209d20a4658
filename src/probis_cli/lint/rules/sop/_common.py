"""Measurable, well-formed SOP AP (PermenPAN-RB 35/2012): mutu baku, flow, identitas.

The flow of the prosedur, as every rule here reads it: a step goes to ``lanjut`` when set,
otherwise to the next step in list order; a decision (``keputusan``) goes only to its
branches (``cabang``, or the ``ya``/``tidak`` shorthand); ``selesai`` has no successor.
A step whose ``pelaksana`` is not a declared column is reported by the index (S008), and
duplicate step numbers by S007; the rules here do not repeat those.

Helpers shared by several rules of the family; each rule lives in its own module.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------
# Shared helpers

_BLANK = {"", "-", "–", "—", "n/a", "tidak ada"}


def _blank(value: str | None) -> bool:
    """Whether a text field is missing or a placeholder such as ``-``."""
    return value is None or value.strip().lower() in _BLANK


# ---------------------------------------------------------------------------------------
# Example repositories

_BASE = """\
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
visi: Kota Contoh yang sehat
# file: opd/dinkes.yaml
probis: 1
jenis: opd
kode: dinkes
nama: Dinas Kesehatan
singkatan: Dinkes
urusan: [1.02]
unit: [{kode: bid-p2p, nama: Bidang Pencegahan dan Pengendalian Penyakit}]
jabatan:
  - {kode: kadis, nama: Kepala Dinas Kesehatan}
  - {kode: vaksinator, nama: Vaksinator, unit: bid-p2p}
# file: proses/PB.02.01.yaml
probis: 1
jenis: proses
kode: PB.02.01
nama: Pelayanan Imunisasi
kategori: inti
pemilik: dinkes/bid-p2p
sop: [SOP-DINKES-001]
"""

_SOP = """\
# file: sop/SOP-DINKES-001.yaml
probis: 1
jenis: sop
kode: SOP-DINKES-001
nomor: 800/001/SOP/DINKES/2026
nama: Pelayanan Imunisasi Dasar
proses: PB.02.01
unit: dinkes/bid-p2p
tanggal_pembuatan: 10 Januari 2026
tanggal_efektif: 1 Februari 2026
disahkan_oleh: {jabatan: Kepala Dinas Kesehatan, nama: dr. Siti Rahmawati, nip: "197801012005012001"}
dasar_hukum: [Peraturan Menteri Kesehatan Nomor 12 Tahun 2017 tentang Penyelenggaraan Imunisasi]
kualifikasi_pelaksana: [Tenaga kesehatan terlatih imunisasi]
keterkaitan: [SOP Pengelolaan Rantai Dingin Vaksin]
peralatan: [Vaksin, Alat suntik sekali pakai, Buku KIA]
peringatan: [Bila tidak dilaksanakan, anak tidak mendapat imunisasi lengkap]
pencatatan: [Register imunisasi, Buku KIA]
pelaksana:
  - {kode: petugas, nama: Petugas Pendaftaran}
  - {kode: vaksinator, nama: Vaksinator, jabatan: dinkes/vaksinator}
langkah:
  - no: 1
    kegiatan: Menerima pendaftaran sasaran imunisasi
    pelaksana: petugas
    simbol: mulai
    mutu_baku: {kelengkapan: [Buku KIA], waktu: 5 menit, output: Sasaran terdaftar}
  - no: 2
    kegiatan: Memeriksa status imunisasi dan kondisi anak
    pelaksana: vaksinator
    simbol: keputusan
    ya: 3
    tidak: 4
    mutu_baku: {waktu: 10 menit, output: Status kelayakan imunisasi}
  - no: 3
    kegiatan: Memberikan imunisasi
    pelaksana: vaksinator
    mutu_baku: {kelengkapan: [Vaksin], waktu: 10 menit, output: Anak terimunisasi}
  - no: 4
    kegiatan: Mencatat hasil dan menjadwalkan kunjungan berikutnya
    pelaksana: petugas
    simbol: selesai
    mutu_baku: {waktu: 5 menit, output: Register imunisasi terisi}
"""

GOOD = _BASE + _SOP


def _bad(old: str, new: str) -> str:
    """The good example with one change (fails loudly when ``old`` is not in it)."""
    if old not in GOOD:
        raise ValueError(old)
    return GOOD.replace(old, new, 1)
