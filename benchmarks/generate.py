"""Generate a synthetic but realistic probis repository for benchmarks.

    python benchmarks/generate.py --scale city|province|mini --out DIR [--seed N] [--defect-rate R] [--list-defects]

    from generate import generate   # (benchmarks/ on sys.path)
    info = generate(Path("repo"), "city", seed=1, defect_rate=0.01)   # counts, bytes, defects per kind

Scales: ``mini`` (3 OPD, 20 proses, 20 SOP, for tests), ``city`` (a Pemerintah Kota: 40 OPD,
2,000 proses, 2,000 SOP) and ``province`` (a Pemerintah Provinsi: 200 OPD, 10,000 proses,
10,000 SOP). The layout is that of a real repository::

    probis.yaml  rpjmd.yaml  opd/<kode>.yaml  proses/<opd>/<KODE>.yaml  sop/<opd>/<KODE>.yaml

The YAML is written by hand (string building, no dumper), block style with flow lists and
flow mappings where a person would use them, codes unquoted as officials type them
(``urusan: [2.16, 2.20]``, ``kode: 1.02.02.2.01``, an unquoted 18-digit NIP).

Content comes from ``benchmarks/catalogue.txt``: real OPD, their bidang and seksi, programs
and kegiatan in the Permendagri 90/2019 nomenclature shape (``X.XX.XX.X.XX.XXXX``, the level
digit 2 for a kota and 1 for a provinsi), and the services each bidang delivers. Every OPD
also carries the program penunjang kegiatan ``X.XX.01.<t>.01 … .09`` (with .04 for OPD
collecting retribusi and .10 for BLUD). Kecamatan (kota) and UPTD / cabang dinas / RSUD
(provinsi) are instances of one template and share their kegiatan codes; those codes are
listed under ``pengaturan.lint.kegiatan_bersama`` in probis.yaml.

Processes are levels 1-3 per OPD (L1 one per bidang plus manajemen / pendukung groups for
the penunjang program, L2 one per kegiatan, L3 one per service), every L1 and L2 linked to
its kegiatan, half of the L3 to a sub kegiatan. Every lowest-level process has at least one
SOP (≈12 langkah: mulai … keputusan ya/tidak … selesai, measurable mutu baku waktu), a
cross-functional map (``aktivitas``) and a relationship map (masukan from pihak luar or from
another OPD's process output, keluaran to pihak luar / OPD / jabatan). The SOP unit is the
process pemilik, keluaran names are unique across OPD, each process has one pemilik.

The generated repository is valid: zero schema and reference findings. ``defect_rate``
(default 0.01) sprinkles lint-worthy defects over ``defect_rate × (proses + SOP)`` documents,
one defect per document, each kind equally often:

* ``sop-tanpa-proses``       an SOP without ``proses`` and not listed by its process (so the
                             process may also become a lowest-level process without SOP);
* ``unit-sop-berbeda``       an SOP whose ``unit`` is another unit of the OPD than the
                             process pemilik;
* ``keluaran-tumpang-tindih`` a (non-penunjang) process that also declares another OPD's
                             keluaran name;
* ``pemilik-ganda``          a process owned by its unit and by another OPD;
* ``tanpa-kegiatan``         a level-1 process group (and everything below it) with no
                             kegiatan link;
* ``waktu-tidak-terukur``    an SOP step whose mutu baku waktu is "segera" / "secepatnya" /
                             "sesuai kebutuhan";
* ``keputusan-satu-cabang``  an SOP decision with a single exit;
* ``kegiatan-tumpang-tindih`` an OPD that also declares another OPD's (non-penunjang,
                             non-bersama) kegiatan (often of an urusan it does not hold).

Defects use their own random stream, so the same seed gives the same base repository
whatever the rate. Output is byte-identical for the same (scale, seed, defect_rate).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CATALOGUE = Path(__file__).with_name("catalogue.txt")


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

# --------------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------------

PUB, SVC, INT = "pub", "svc", "int"  # document issued to an applicant / service delivered / internal
# type -> [(leaf process name, keluaran name, SOP flow)]
VERBS: dict[str, list[tuple[str, str, str]]] = {
    "izin": [("Penerbitan {o}", "{o}", PUB), ("Perpanjangan {o}", "{o} yang diperpanjang", PUB),
             ("Perubahan {o}", "{o} hasil perubahan", PUB), ("Pencabutan {o}", "Keputusan pencabutan {o}", PUB)],
    "dok": [("Penerbitan {o}", "{o}", PUB), ("Perubahan Data {o}", "{o} hasil perubahan data", PUB),
            ("Penerbitan Ulang {o}", "{o} pengganti", PUB), ("Legalisasi {o}", "Salinan {o} terlegalisasi", PUB)],
    "layanan": [("Pelayanan {o}", "Layanan {o} yang terlaksana", SVC), ("Pencatatan dan Pelaporan {o}", "Laporan {o}", INT),
                ("Evaluasi Mutu {o}", "Hasil evaluasi mutu {o}", INT)],
    "bina": [("Pembinaan {o}", "Laporan hasil pembinaan {o}", INT), ("Pengawasan {o}", "Laporan hasil pengawasan {o}", INT),
             ("Pendataan {o}", "Basis data {o}", INT), ("Fasilitasi {o}", "Rekomendasi hasil fasilitasi {o}", INT)],
    "data": [("Pengumpulan {o}", "{o} yang terkumpul", INT), ("Pengolahan dan Analisis {o}", "Hasil analisis {o}", INT),
             ("Publikasi {o}", "Publikasi {o}", INT)],
    "sarana": [("Perencanaan Teknis {o}", "Dokumen perencanaan teknis {o}", INT), ("Pembangunan {o}", "{o} yang terbangun", INT),
               ("Pemeliharaan {o}", "{o} yang terpelihara", INT), ("Pengawasan Pekerjaan {o}", "Laporan pengawasan pekerjaan {o}", INT)],
    "dokren": [("Penyusunan {o}", "Dokumen {o}", INT), ("Reviu {o}", "Hasil reviu {o}", INT), ("Evaluasi {o}", "Laporan evaluasi {o}", INT)],
    "lapor": [("Penyusunan {o}", "{o}", INT), ("Reviu {o}", "Hasil reviu {o}", INT)],
    "tindak": [("Penerimaan Laporan {o}", "Register laporan {o}", SVC), ("Penanganan {o}", "Berita acara penanganan {o}", SVC),
               ("Tindak Lanjut {o}", "Laporan tindak lanjut {o}", INT)],
    "acara": [("Penyelenggaraan {o}", "Laporan penyelenggaraan {o}", INT), ("Pendaftaran Peserta {o}", "Daftar peserta {o}", SVC),
              ("Evaluasi {o}", "Laporan evaluasi {o}", INT)],
    "bantuan": [("Verifikasi Calon Penerima {o}", "Daftar calon penerima {o} terverifikasi", SVC),
                ("Penyaluran {o}", "Berita acara penyaluran {o}", SVC), ("Monitoring {o}", "Laporan monitoring {o}", INT)],
    "rekomendasi": [("Penerbitan Rekomendasi {o}", "Surat rekomendasi {o}", PUB),
                    ("Verifikasi Teknis {o}", "Berita acara verifikasi teknis {o}", PUB)],
    "mohon": [("Persetujuan {o}", "Keputusan persetujuan {o}", PUB), ("Verifikasi Permohonan {o}", "Berita acara verifikasi permohonan {o}", PUB)],
    "pajak": [("Pendaftaran dan Pendataan {o}", "Data objek {o}", PUB), ("Penetapan {o}", "Surat ketetapan {o}", PUB),
              ("Pelayanan Keberatan {o}", "Keputusan keberatan {o}", PUB), ("Pengurangan {o}", "Keputusan pengurangan {o}", PUB)],
    "tagih": [("Penagihan {o}", "Surat teguran {o}", PUB), ("Penyelesaian {o}", "Laporan penyelesaian {o}", INT)],
    "awas": [("Audit {o}", "Laporan hasil audit {o}", INT), ("Reviu {o}", "Laporan hasil reviu {o}", INT),
             ("Pemantauan Tindak Lanjut {o}", "Laporan pemantauan tindak lanjut {o}", INT)],
    "pegawai": [("Pengusulan {o}", "Usulan {o}", INT), ("Pemrosesan {o}", "Keputusan {o}", INT)],
    "pbj": [("Pemilihan Penyedia {o}", "Penetapan pemenang {o}", INT), ("Reviu Dokumen Persiapan {o}", "Hasil reviu dokumen persiapan {o}", INT),
            ("Penanganan Sanggah {o}", "Jawaban sanggah {o}", PUB)],
    "pasien": [("Pendaftaran {o}", "Registrasi {o}", SVC), ("Pelayanan {o}", "Rekam medis {o}", SVC), ("Penagihan Klaim {o}", "Berkas klaim {o}", INT)],
    "surat": [("Pengelolaan {o}", "{o} terdistribusi", INT), ("Pengarsipan {o}", "Arsip {o}", INT)],
    "barang": [("Pengadaan {o}", "{o} yang diadakan", INT), ("Penatausahaan {o}", "Kartu inventaris {o}", INT),
               ("Pemeliharaan {o}", "{o} yang terpelihara", INT)],
    "bayar": [("Pengajuan {o}", "Dokumen pengajuan {o}", INT), ("Verifikasi {o}", "{o} yang terverifikasi", INT),
              ("Pencairan {o}", "SP2D {o}", INT)],
    "jasa": [("Pengadaan {o}", "Kontrak {o}", INT), ("Pembayaran {o}", "Bukti pembayaran {o}", INT)],
    "rutin": [("Pemeliharaan Rutin {o}", "{o} yang terpelihara rutin", INT), ("Survei Kondisi {o}", "Data kondisi {o}", INT),
              ("Penanganan Darurat {o}", "Berita acara penanganan darurat {o}", SVC)],
}  # fmt: skip

# Who applies in a public-service SOP, by object type (overridden by the bidang's penerima).
PARTY_BY_TYPE = {
    "izin": "pemohon", "dok": "pemohon", "mohon": "pemohon", "rekomendasi": "pemohon", "pajak": "wajib-pajak",
    "tagih": "wajib-pajak", "pasien": "pasien", "pbj": "penyedia",
}  # fmt: skip
PUBLIC_PARTIES = ("pemohon", "masyarakat", "pelaku-usaha", "wajib-pajak", "pasien", "penyedia", "pencari-kerja",
                  "wisatawan", "nelayan", "kelompok-tani")  # fmt: skip

PIHAK_LUAR = [
    ("masyarakat", "Masyarakat", None),
    ("pemohon", "Pemohon", "Perorangan atau badan yang mengajukan permohonan layanan"),
    ("pelaku-usaha", "Pelaku Usaha", None),
    ("wajib-pajak", "Wajib Pajak", None),
    ("pasien", "Pasien", None),
    ("penyedia", "Penyedia Barang/Jasa", None),
    ("pencari-kerja", "Pencari Kerja", None),
    ("wisatawan", "Wisatawan", None),
    ("nelayan", "Nelayan dan Pembudi Daya Ikan", None),
    ("kelompok-tani", "Kelompok Tani", None),
    ("dprd", "Dewan Perwakilan Rakyat Daerah", None),
    ("kemendagri", "Kementerian Dalam Negeri", None),
    ("kemenpanrb", "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", None),
    ("bpk", "Badan Pemeriksa Keuangan RI Perwakilan Provinsi", None),
    ("bps", "Badan Pusat Statistik", None),
    ("bpjs-kesehatan", "BPJS Kesehatan", None),
    ("kantor-pertanahan", "Kantor Pertanahan", None),
    ("bank-daerah", "Bank Pembangunan Daerah", "Bank tempat Rekening Kas Umum Daerah"),
]

APP_PENUNJANG = {
    "ren": "SIPD",
    "keu": "SIPD",
    "bmd": "SIMBADA",
    "peg": "SIASN",
    "umum": "SRIKANDI",
    "sarpras": "SIMBADA",
}

DASAR_UMUM = [
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
    "Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan",
    "Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan",
]
DASAR_PUBLIK = "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"
DASAR_SEKTOR: dict[str, list[str]] = {
    "1.01": ["Undang-Undang Nomor 20 Tahun 2003 tentang Sistem Pendidikan Nasional", "Peraturan Pemerintah Nomor 17 Tahun 2010 tentang Pengelolaan dan Penyelenggaraan Pendidikan"],
    "1.02": ["Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan", "Peraturan Pemerintah Nomor 28 Tahun 2024 tentang Peraturan Pelaksanaan Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan"],
    "1.03": ["Undang-Undang Nomor 2 Tahun 2022 tentang Perubahan Kedua atas Undang-Undang Nomor 38 Tahun 2004 tentang Jalan", "Undang-Undang Nomor 17 Tahun 2019 tentang Sumber Daya Air", "Peraturan Pemerintah Nomor 16 Tahun 2021 tentang Peraturan Pelaksanaan Undang-Undang Nomor 28 Tahun 2002 tentang Bangunan Gedung"],
    "1.04": ["Undang-Undang Nomor 1 Tahun 2011 tentang Perumahan dan Kawasan Permukiman"],
    "1.05": ["Undang-Undang Nomor 24 Tahun 2007 tentang Penanggulangan Bencana", "Peraturan Pemerintah Nomor 16 Tahun 2018 tentang Satuan Polisi Pamong Praja"],
    "1.06": ["Undang-Undang Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial"],
    "2.07": ["Undang-Undang Nomor 13 Tahun 2003 tentang Ketenagakerjaan"],
    "2.08": ["Undang-Undang Nomor 35 Tahun 2014 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2002 tentang Perlindungan Anak"],
    "2.09": ["Undang-Undang Nomor 18 Tahun 2012 tentang Pangan"],
    "2.10": ["Undang-Undang Nomor 2 Tahun 2012 tentang Pengadaan Tanah bagi Pembangunan untuk Kepentingan Umum"],
    "2.11": ["Undang-Undang Nomor 32 Tahun 2009 tentang Perlindungan dan Pengelolaan Lingkungan Hidup", "Undang-Undang Nomor 18 Tahun 2008 tentang Pengelolaan Sampah", "Peraturan Pemerintah Nomor 22 Tahun 2021 tentang Penyelenggaraan Perlindungan dan Pengelolaan Lingkungan Hidup"],
    "2.12": ["Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan", "Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil"],
    "2.13": ["Undang-Undang Nomor 3 Tahun 2024 tentang Perubahan Kedua atas Undang-Undang Nomor 6 Tahun 2014 tentang Desa"],
    "2.14": ["Undang-Undang Nomor 52 Tahun 2009 tentang Perkembangan Kependudukan dan Pembangunan Keluarga"],
    "2.15": ["Undang-Undang Nomor 22 Tahun 2009 tentang Lalu Lintas dan Angkutan Jalan"],
    "2.16": ["Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik", "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik"],
    "2.17": ["Undang-Undang Nomor 25 Tahun 1992 tentang Perkoperasian"],
    "2.18": ["Peraturan Pemerintah Nomor 5 Tahun 2021 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko"],
    "2.19": ["Undang-Undang Nomor 40 Tahun 2009 tentang Kepemudaan", "Undang-Undang Nomor 11 Tahun 2022 tentang Keolahragaan"],
    "2.20": ["Undang-Undang Nomor 16 Tahun 1997 tentang Statistik", "Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia"],
    "2.21": ["Peraturan Badan Siber dan Sandi Negara Nomor 10 Tahun 2019 tentang Pelaksanaan Persandian untuk Pengamanan Informasi di Pemerintah Daerah"],
    "2.22": ["Undang-Undang Nomor 11 Tahun 2010 tentang Cagar Budaya", "Undang-Undang Nomor 5 Tahun 2017 tentang Pemajuan Kebudayaan"],
    "2.23": ["Undang-Undang Nomor 43 Tahun 2007 tentang Perpustakaan"],
    "2.24": ["Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan"],
    "3.25": ["Undang-Undang Nomor 45 Tahun 2009 tentang Perubahan atas Undang-Undang Nomor 31 Tahun 2004 tentang Perikanan"],
    "3.26": ["Undang-Undang Nomor 10 Tahun 2009 tentang Kepariwisataan"],
    "3.27": ["Undang-Undang Nomor 22 Tahun 2019 tentang Sistem Budi Daya Pertanian Berkelanjutan"],
    "3.28": ["Undang-Undang Nomor 41 Tahun 1999 tentang Kehutanan"],
    "3.29": ["Undang-Undang Nomor 3 Tahun 2020 tentang Perubahan atas Undang-Undang Nomor 4 Tahun 2009 tentang Pertambangan Mineral dan Batubara"],
    "3.30": ["Undang-Undang Nomor 7 Tahun 2014 tentang Perdagangan", "Undang-Undang Nomor 2 Tahun 1981 tentang Metrologi Legal"],
    "3.31": ["Undang-Undang Nomor 3 Tahun 2014 tentang Perindustrian"],
    "4.01": ["Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 19 Tahun 2018 tentang Penyusunan Peta Proses Bisnis Instansi Pemerintah"],
    "4.02": ["Peraturan Pemerintah Nomor 12 Tahun 2018 tentang Pedoman Penyusunan Tata Tertib Dewan Perwakilan Rakyat Daerah Provinsi, Kabupaten, dan Kota"],
    "5.01": ["Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional", "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah"],
    "5.02": ["Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah", "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah", "Peraturan Menteri Dalam Negeri Nomor 19 Tahun 2016 tentang Pedoman Pengelolaan Barang Milik Daerah"],
    "5.03": ["Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara", "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil"],
    "5.05": ["Undang-Undang Nomor 11 Tahun 2019 tentang Sistem Nasional Ilmu Pengetahuan dan Teknologi"],
    "6.01": ["Peraturan Pemerintah Nomor 12 Tahun 2017 tentang Pembinaan dan Pengawasan Penyelenggaraan Pemerintahan Daerah"],
    "7.01": ["Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan"],
    "8.01": ["Undang-Undang Nomor 17 Tahun 2013 tentang Organisasi Kemasyarakatan", "Undang-Undang Nomor 2 Tahun 2011 tentang Perubahan atas Undang-Undang Nomor 2 Tahun 2008 tentang Partai Politik"],
}  # fmt: skip
DASAR_SEKTOR["5.04"] = DASAR_SEKTOR["5.03"]

PROGRAMS: dict[str, str] = {
    "1.01.02": "Program Pengelolaan Pendidikan",
    "1.01.04": "Program Pendidik dan Tenaga Kependidikan",
    "1.02.02": "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
    "1.02.03": "Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan",
    "1.02.04": "Program Sediaan Farmasi, Alat Kesehatan dan Makanan Minuman",
    "1.02.05": "Program Pemberdayaan Masyarakat Bidang Kesehatan",
    "1.03.02": "Program Pengelolaan Sumber Daya Air (SDA)",
    "1.03.03": "Program Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum",
    "1.03.06": "Program Pengelolaan dan Pengembangan Sistem Drainase",
    "1.03.09": "Program Penataan Bangunan Gedung",
    "1.03.10": "Program Penyelenggaraan Jalan",
    "1.03.12": "Program Penyelenggaraan Penataan Ruang",
    "1.04.02": "Program Pengembangan Perumahan",
    "1.04.03": "Program Kawasan Permukiman",
    "1.04.05": "Program Peningkatan Prasarana, Sarana dan Utilitas Umum (PSU)",
    "1.05.02": "Program Peningkatan Ketenteraman dan Ketertiban Umum",
    "1.05.03": "Program Penanggulangan Bencana",
    "1.05.04": "Program Pencegahan, Penanggulangan, Penyelamatan Kebakaran dan Penyelamatan Non Kebakaran",
    "1.06.02": "Program Pemberdayaan Sosial",
    "1.06.04": "Program Rehabilitasi Sosial",
    "1.06.05": "Program Perlindungan dan Jaminan Sosial",
    "1.06.06": "Program Penanganan Bencana",
    "2.07.03": "Program Pelatihan Kerja dan Produktivitas Tenaga Kerja",
    "2.07.04": "Program Penempatan Tenaga Kerja",
    "2.07.05": "Program Hubungan Industrial",
    "2.08.02": "Program Pengarusutamaan Gender dan Pemberdayaan Perempuan",
    "2.08.06": "Program Perlindungan Khusus Anak",
    "2.09.02": "Program Pengelolaan Sumber Daya Ekonomi untuk Kedaulatan dan Kemandirian Pangan",
    "2.09.05": "Program Pengawasan Keamanan Pangan",
    "2.10.02": "Program Penatagunaan Tanah",
    "2.11.02": "Program Perencanaan Lingkungan Hidup",
    "2.11.03": "Program Pengendalian Pencemaran dan/atau Kerusakan Lingkungan Hidup",
    "2.11.11": "Program Pengelolaan Persampahan",
    "2.12.02": "Program Pendaftaran Penduduk",
    "2.12.03": "Program Pencatatan Sipil",
    "2.12.04": "Program Pengelolaan Informasi Administrasi Kependudukan",
    "2.13.02": "Program Penataan Desa",
    "2.13.05": "Program Pemberdayaan Lembaga Kemasyarakatan, Lembaga Adat dan Masyarakat Hukum Adat",
    "2.14.02": "Program Pengendalian Penduduk",
    "2.14.03": "Program Pembinaan Keluarga Berencana (KB)",
    "2.15.02": "Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan (LLAJ)",
    "2.16.02": "Program Pengelolaan Informasi dan Komunikasi Publik",
    "2.16.03": "Program Pengelolaan Aplikasi Informatika",
    "2.17.02": "Program Pelayanan Izin Usaha Simpan Pinjam",
    "2.17.03": "Program Pengawasan dan Pemeriksaan Koperasi",
    "2.17.07": "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)",
    "2.18.03": "Program Promosi Penanaman Modal",
    "2.18.04": "Program Pelayanan Penanaman Modal",
    "2.18.05": "Program Pengendalian Pelaksanaan Penanaman Modal",
    "2.19.02": "Program Pengembangan Kapasitas Daya Saing Kepemudaan",
    "2.19.03": "Program Pengembangan Daya Saing Keolahragaan",
    "2.20.02": "Program Penyelenggaraan Statistik Sektoral",
    "2.21.02": "Program Penyelenggaraan Persandian untuk Pengamanan Informasi",
    "2.22.02": "Program Pengembangan Kebudayaan",
    "2.22.05": "Program Pelestarian dan Pengelolaan Cagar Budaya",
    "2.23.02": "Program Pembinaan Perpustakaan",
    "2.24.02": "Program Pengelolaan Arsip",
    "3.25.02": "Program Pengelolaan Kelautan, Pesisir dan Pulau-Pulau Kecil",
    "3.25.03": "Program Pengelolaan Perikanan Tangkap",
    "3.25.04": "Program Pengelolaan Perikanan Budidaya",
    "3.26.02": "Program Peningkatan Daya Tarik Destinasi Pariwisata",
    "3.26.03": "Program Pemasaran Pariwisata",
    "3.26.04": "Program Pengembangan Ekonomi Kreatif melalui Pemanfaatan dan Perlindungan Hak Kekayaan Intelektual",
    "3.27.02": "Program Penyediaan dan Pengembangan Sarana Pertanian",
    "3.27.04": "Program Pengendalian Kesehatan Hewan dan Kesehatan Masyarakat Veteriner",
    "3.27.07": "Program Penyuluhan Pertanian",
    "3.28.03": "Program Pengelolaan Hutan",
    "3.28.05": "Program Pendidikan dan Pelatihan, Penyuluhan dan Pemberdayaan Masyarakat di Bidang Kehutanan",
    "3.29.03": "Program Pengelolaan Aspek Kegeologian",
    "3.29.04": "Program Pengelolaan Mineral dan Batubara",
    "3.29.05": "Program Pengelolaan Energi Baru Terbarukan",
    "3.29.06": "Program Pengelolaan Ketenagalistrikan",
    "3.30.03": "Program Peningkatan Sarana Distribusi Perdagangan",
    "3.30.06": "Program Standardisasi dan Perlindungan Konsumen",
    "3.31.02": "Program Perencanaan dan Pembangunan Industri",
    "4.01.02": "Program Pemerintahan dan Kesejahteraan Rakyat",
    "4.01.03": "Program Perekonomian dan Pembangunan",
    "4.02.02": "Program Dukungan Pelaksanaan Tugas dan Fungsi DPRD",
    "5.01.02": "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
    "5.01.03": "Program Koordinasi dan Sinkronisasi Perencanaan Pembangunan Daerah",
    "5.02.02": "Program Pengelolaan Keuangan Daerah",
    "5.02.03": "Program Pengelolaan Barang Milik Daerah",
    "5.02.04": "Program Pengelolaan Pendapatan Daerah",
    "5.03.02": "Program Kepegawaian Daerah",
    "5.04.02": "Program Pengembangan Sumber Daya Manusia",
    "5.05.02": "Program Penelitian dan Pengembangan Daerah",
    "6.01.02": "Program Penyelenggaraan Pengawasan",
    "6.01.03": "Program Perumusan Kebijakan, Pendampingan dan Asistensi",
    "7.01.02": "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
    "7.01.03": "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
    "7.01.04": "Program Koordinasi Ketentraman dan Ketertiban Umum",
    "8.01.02": "Program Penguatan Ideologi Pancasila dan Karakter Kebangsaan",
    "8.01.03": "Program Peningkatan Peran Partai Politik dan Lembaga Pendidikan melalui Pendidikan Politik dan Pengembangan Etika serta Budaya Politik",
    "8.01.05": "Program Peningkatan Kewaspadaan Nasional dan Peningkatan Kualitas dan Fasilitasi Penanganan Konflik Sosial",
}
PROGRAM_PENUNJANG = "Program Penunjang Urusan Pemerintahan Daerah {tk}"

# Program penunjang kegiatan and their sub kegiatan (Permendagri 90/2019 and updates).
PENUNJANG_KEGIATAN: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "01": ("Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", [
        ("0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah"), ("0002", "Koordinasi dan Penyusunan Dokumen RKA-SKPD"),
        ("0003", "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD"), ("0004", "Koordinasi dan Penyusunan DPA-SKPD"),
        ("0005", "Koordinasi dan Penyusunan Perubahan DPA-SKPD"),
        ("0006", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD"),
        ("0007", "Evaluasi Kinerja Perangkat Daerah")]),
    "02": ("Administrasi Keuangan Perangkat Daerah", [
        ("0001", "Penyediaan Gaji dan Tunjangan ASN"), ("0002", "Penyediaan Administrasi Pelaksanaan Tugas ASN"),
        ("0003", "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD"), ("0004", "Koordinasi dan Pelaksanaan Akuntansi SKPD"),
        ("0005", "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD"), ("0006", "Pengelolaan dan Penyiapan Bahan Tanggapan Pemeriksaan"),
        ("0007", "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD")]),
    "03": ("Administrasi Barang Milik Daerah pada Perangkat Daerah", [
        ("0001", "Penyusunan Perencanaan Kebutuhan Barang Milik Daerah SKPD"),
        ("0005", "Rekonsiliasi dan Penyusunan Laporan Barang Milik Daerah pada SKPD"), ("0006", "Penatausahaan Barang Milik Daerah pada SKPD")]),
    "04": ("Administrasi Pendapatan Daerah Kewenangan Perangkat Daerah", [
        ("0001", "Perencanaan Pengelolaan Retribusi Daerah"),
        ("0002", "Analisa dan Pengembangan Retribusi Daerah, serta Penyusunan Kebijakan Retribusi Daerah"),
        ("0003", "Penatausahaan Retribusi Daerah")]),
    "05": ("Administrasi Kepegawaian Perangkat Daerah", [
        ("0002", "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya"), ("0003", "Pendataan dan Pengolahan Administrasi Kepegawaian"),
        ("0005", "Monitoring, Evaluasi, dan Penilaian Kinerja Pegawai"), ("0009", "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi"),
        ("0010", "Sosialisasi Peraturan Perundang-Undangan"), ("0011", "Bimbingan Teknis Implementasi Peraturan Perundang-Undangan")]),
    "06": ("Administrasi Umum Perangkat Daerah", [
        ("0001", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor"), ("0002", "Penyediaan Peralatan dan Perlengkapan Kantor"),
        ("0003", "Penyediaan Peralatan Rumah Tangga"), ("0004", "Penyediaan Bahan Logistik Kantor"),
        ("0005", "Penyediaan Barang Cetakan dan Penggandaan"), ("0006", "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan"),
        ("0008", "Fasilitasi Kunjungan Tamu"), ("0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD"),
        ("0010", "Dukungan Pelaksanaan Sistem Pemerintahan Berbasis Elektronik pada SKPD")]),
    "07": ("Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", [
        ("0001", "Pengadaan Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan"), ("0002", "Pengadaan Kendaraan Dinas Operasional atau Lapangan"),
        ("0005", "Pengadaan Mebel"), ("0006", "Pengadaan Peralatan dan Mesin Lainnya"),
        ("0010", "Pengadaan Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya")]),
    "08": ("Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", [
        ("0001", "Penyediaan Jasa Surat Menyurat"), ("0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik"),
        ("0003", "Penyediaan Jasa Peralatan dan Perlengkapan Kantor"), ("0004", "Penyediaan Jasa Pelayanan Umum Kantor")]),
    "09": ("Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", [
        ("0001", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan"),
        ("0002", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan Dinas Operasional atau Lapangan"),
        ("0006", "Pemeliharaan Peralatan dan Mesin Lainnya"), ("0009", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya")]),
    "10": ("Peningkatan Pelayanan BLUD", [("0001", "Pelayanan dan Penunjang Pelayanan BLUD")]),
}  # fmt: skip


@dataclass(frozen=True)
class PObj:
    """A penunjang object: (name, type, kegiatan number, sub kegiatan number, receiving OPD role)."""

    nama: str
    typ: str
    keg: str
    sub: str
    untuk: str | None = None


# (L1 role, L1 name, kategori) -> [(L2 name, penunjang app key, [objects])]
PENUNJANG_GROUPS: list[tuple[str, str, str, list[tuple[str, str, list[PObj]]]]] = [
    ("ren", "Perencanaan dan Evaluasi Kinerja", "manajemen", [
        ("Perencanaan dan Penganggaran Perangkat Daerah", "ren", [
            PObj("Rencana Strategis Perangkat Daerah", "dokren", "01", "0001", "bappeda"),
            PObj("Rencana Kerja Perangkat Daerah", "dokren", "01", "0001", "bappeda"),
            PObj("Rencana Kerja dan Anggaran SKPD", "dokren", "01", "0002", "bpkad"),
            PObj("Dokumen Pelaksanaan Anggaran SKPD", "dokren", "01", "0004", "bpkad")]),
        ("Pengukuran dan Pelaporan Kinerja", "ren", [
            PObj("Perjanjian Kinerja", "dokren", "01", "0006", "setda/bag-organisasi"),
            PObj("Laporan Kinerja Instansi Pemerintah", "lapor", "01", "0006", "setda/bag-organisasi"),
            PObj("Laporan Capaian Kinerja Triwulanan", "lapor", "01", "0006", "bappeda"),
            PObj("Evaluasi Kinerja Internal", "lapor", "01", "0007", "inspektorat")]),
    ]),
    ("keu", "Administrasi Keuangan dan Aset", "pendukung", [
        ("Penatausahaan Keuangan", "keu", [
            PObj("Uang Persediaan", "bayar", "02", "0003", "bpkad"),
            PObj("Ganti Uang Persediaan", "bayar", "02", "0003", "bpkad"),
            PObj("Gaji dan Tunjangan ASN", "bayar", "02", "0001", "bpkad"),
            PObj("Pembayaran Langsung kepada Pihak Ketiga", "bayar", "02", "0003", "bpkad")]),
        ("Akuntansi dan Pelaporan Keuangan", "keu", [
            PObj("Laporan Keuangan Semesteran", "lapor", "02", "0007", "bpkad"),
            PObj("Laporan Keuangan Akhir Tahun", "lapor", "02", "0005", "bpkad"),
            PObj("Temuan Pemeriksaan Keuangan", "tindak", "02", "0006", "inspektorat")]),
        ("Pengelolaan Barang Milik Daerah", "bmd", [
            PObj("Rencana Kebutuhan Barang Milik Daerah SKPD", "dokren", "03", "0001", "bpkad"),
            PObj("Laporan Barang Milik Daerah Semesteran", "lapor", "03", "0005", "bpkad"),
            PObj("Barang Persediaan", "barang", "03", "0006", None)]),
        ("Pengelolaan Retribusi Daerah", "keu", [
            PObj("Retribusi Daerah", "pajak", "04", "0003", None),
            PObj("Potensi Retribusi Daerah", "data", "04", "0002", "bapenda")]),
        ("Pengelolaan Badan Layanan Umum Daerah", "keu", [
            PObj("Rencana Bisnis dan Anggaran BLUD", "dokren", "10", "0001", "bpkad"),
            PObj("Tarif Layanan BLUD", "dokren", "10", "0001", "setda/bag-hukum")]),
    ]),
    ("umum", "Administrasi Umum dan Kepegawaian", "pendukung", [
        ("Administrasi Kepegawaian", "peg", [
            PObj("Kenaikan Pangkat Pegawai", "pegawai", "05", "0003", "bkpsdm"),
            PObj("Kenaikan Gaji Berkala", "pegawai", "05", "0003", "bkpsdm"),
            PObj("Cuti Pegawai", "pegawai", "05", "0003", None),
            PObj("Pensiun Pegawai", "pegawai", "05", "0003", "bkpsdm"),
            PObj("Sasaran Kinerja Pegawai", "lapor", "05", "0005", "bkpsdm")]),
        ("Administrasi Umum dan Persuratan", "umum", [
            PObj("Surat Masuk", "surat", "06", "0009", None),
            PObj("Surat Keluar", "surat", "08", "0001", None),
            PObj("Rapat Koordinasi Internal", "acara", "06", "0009", None),
            PObj("Kunjungan Tamu Dinas", "acara", "06", "0008", None)]),
        ("Pengadaan dan Pemeliharaan Sarana Kantor", "sarpras", [
            PObj("Kendaraan Dinas Operasional", "barang", "07", "0002", None),
            PObj("Peralatan dan Mesin Kantor", "barang", "07", "0006", None),
            PObj("Gedung Kantor", "barang", "09", "0009", None),
            PObj("Jasa Kebersihan dan Keamanan Kantor", "jasa", "08", "0004", None)]),
    ]),
]  # fmt: skip

# Sekretariat profiles: units (kode, nama, induk) and which unit does perencanaan / keuangan / umum.
PROFILES: dict[str, tuple[list[tuple[str, str, str | None]], dict[str, str], str | None]] = {
    "std": ([("sekretariat", "Sekretariat", None), ("subbag-umpeg", "Subbagian Umum dan Kepegawaian", "sekretariat"),
             ("subbag-keu", "Subbagian Keuangan dan Aset", "sekretariat"), ("subbag-program", "Subbagian Perencanaan dan Pelaporan", "sekretariat")],
            {"ren": "subbag-program", "keu": "subbag-keu", "umum": "subbag-umpeg"}, "sekretariat"),
    "bagian": ([("bag-umum", "Bagian Umum dan Keuangan", None), ("subbag-umpeg", "Subbagian Tata Usaha dan Kepegawaian", "bag-umum"),
                ("subbag-keu", "Subbagian Keuangan", "bag-umum"), ("subbag-program", "Subbagian Perencanaan dan Pelaporan", "bag-umum")],
               {"ren": "subbag-program", "keu": "subbag-keu", "umum": "subbag-umpeg"}, "bag-umum"),
    "kec": ([("sekretariat", "Sekretariat Kecamatan", None), ("subbag-umpeg", "Subbagian Umum dan Kepegawaian", "sekretariat"),
             ("subbag-renkeu", "Subbagian Perencanaan dan Keuangan", "sekretariat")],
            {"ren": "subbag-renkeu", "keu": "subbag-renkeu", "umum": "subbag-umpeg"}, "sekretariat"),
    "uptd": ([("subbag-tu", "Subbagian Tata Usaha", None)], {"ren": "subbag-tu", "keu": "subbag-tu", "umum": "subbag-tu"}, None),
    "rsud": ([("bag-umum", "Bagian Umum dan Kepegawaian", None), ("bag-keu", "Bagian Keuangan", None),
              ("bag-program", "Bagian Perencanaan dan Evaluasi", None)],
             {"ren": "bag-program", "keu": "bag-keu", "umum": "bag-umum"}, None),
}  # fmt: skip

HEAD_PREFIX = (("bid-", "kabid-"), ("bag-", "kabag-"), ("seksi-", "kasi-"), ("subbag-", "kasubbag-"),
               ("subbid-", "kasubbid-"), ("irban-", "irbanwil-"), ("kel-", "lurah-"))  # fmt: skip
STAF_TITLES = ("Penata Layanan Operasional", "Pengadministrasi Perkantoran", "Operator Layanan Operasional",
               "Pengolah Data dan Informasi", "Analis Kebijakan Ahli Pertama", "Penelaah Teknis Kebijakan")  # fmt: skip

NAMA_DEPAN = ("Agus", "Budi", "Dewi", "Siti", "Rina", "Hendra", "Yusuf", "Ahmad", "Sri", "Wahyu", "Nur", "Eko", "Dwi",
              "Tri", "Bambang", "Joko", "Rudi", "Andi", "Lestari", "Ratna", "Indah", "Fajar", "Rizky", "Yuliana",
              "Hartono", "Suryani", "Dedi", "Iwan", "Nining", "Heru", "Teguh", "Rahmat", "Ikhsan", "Fitri", "Wulan",
              "Arif", "Imam", "Maya", "Ani", "Yanti", "Syamsul", "Mulyadi", "Erna", "Hasanah", "Zulkifli")  # fmt: skip
NAMA_BELAKANG = ("Santoso", "Wibowo", "Hidayat", "Lestari", "Kurniawan", "Saputra", "Pratama", "Setiawan", "Nugroho",
                 "Susanti", "Wijaya", "Rahayu", "Purnomo", "Hakim", "Siregar", "Nasution", "Harahap", "Simanjuntak",
                 "Lubis", "Sinaga", "Tanjung", "Syahputra", "Hasibuan", "Ramadhan", "Handayani", "Permana", "Gunawan",
                 "Firmansyah", "Maharani", "Utami", "Prasetyo", "Rachman")  # fmt: skip
GELAR = (", S.H., M.H.", ", S.E., M.M.", ", S.Sos., M.Si.", ", S.T., M.T.", ", S.Kom., M.Kom.", ", S.STP., M.Si.",
         ", S.Pd., M.Pd.", ", S.IP., M.A.P.", ", S.E., M.Ak.", ", M.Si.")  # fmt: skip

PLACE_PRE = ("Suka", "Mekar", "Sindang", "Karang", "Tanjung", "Batu", "Sumber", "Muara", "Talang", "Pasir", "Bukit",
             "Teluk", "Sungai", "Padang", "Lubuk", "Rawa", "Cipta", "Jati", "Bojong", "Pondok", "Taman", "Kebon",
             "Gunung", "Tegal", "Wono", "Sido", "Marga", "Harja", "Sari", "Banjar")  # fmt: skip
PLACE_SPACED = frozenset({"Tanjung", "Batu", "Muara", "Talang", "Pasir", "Bukit", "Teluk", "Sungai", "Padang",
                          "Lubuk", "Pondok", "Taman", "Kebon", "Gunung", "Tegal"})  # fmt: skip
PLACE_SUF = ("jaya", "maju", "sari", "mulya", "rejo", "harjo", "makmur", "indah", "baru", "raya", "asri", "agung",
             "mekar", "jati", "kencana", "wangi", "tengah", "timur", "barat", "utara", "selatan", "permai", "mukti")  # fmt: skip
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
         "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX", "XXX")  # fmt: skip
BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

# SOP prosedur templates: (label, role, simbol, texts, kelengkapan, waktu, output, p_include, decision, keterangan)
# decision = (ya label, tidak label, (branch labels)); a "lanjut" label may follow as 11th item.
Step = tuple[Any, ...]
PUB_STEPS: list[Step] = [
    (
        "ajukan",
        "luar",
        "mulai",
        [
            "Mengajukan permohonan {lo} dengan melampirkan persyaratan",
            "Menyampaikan berkas permohonan {lo} ke loket pelayanan",
            "Mengisi formulir permohonan {lo} dan mengunggah persyaratan melalui aplikasi {app}",
        ],
        "REQ",
        ("5 menit", "10 menit"),
        "Berkas permohonan",
        1.0,
        None,
        None,
    ),
    (
        "terima",
        "staf",
        "proses",
        [
            "Menerima berkas permohonan dan mencatat dalam buku register",
            "Menerima berkas permohonan dan memberikan tanda terima",
        ],
        ["Berkas permohonan", "Buku register"],
        ("5 menit", "10 menit", "15 menit"),
        "Berkas tercatat dalam register",
        1.0,
        None,
        None,
    ),
    (
        "cek",
        "staf",
        "keputusan",
        ["Memeriksa kelengkapan dan keabsahan berkas permohonan", "Meneliti kelengkapan persyaratan permohonan"],
        ["Berkas permohonan", "Daftar periksa persyaratan"],
        ("10 menit", "15 menit", "30 menit"),
        "Berkas lengkap dan sah",
        1.0,
        ("input", "terima", ("Lengkap", "Tidak lengkap")),
        "Berkas yang tidak lengkap dikembalikan kepada pemohon untuk dilengkapi",
    ),
    (
        "input",
        "staf",
        "proses",
        ["Memasukkan data permohonan ke dalam aplikasi {app}", "Merekam data permohonan pada aplikasi {app}"],
        ["Berkas lengkap", "Aplikasi {app}"],
        ("10 menit", "15 menit", "30 menit"),
        "Data permohonan terekam",
        1.0,
        None,
        None,
    ),
    (
        "verif",
        "atasan1",
        "proses",
        ["Memverifikasi data dan dokumen permohonan", "Menelaah berkas permohonan dan memberikan catatan"],
        ["Data permohonan", "Berkas lengkap"],
        ("30 menit", "1 jam", "2 jam"),
        "Berkas terverifikasi",
        1.0,
        None,
        None,
    ),
    (
        "survei",
        "staf",
        "proses",
        [
            "Melakukan peninjauan lapangan dan menyusun berita acara pemeriksaan",
            "Melakukan verifikasi lapangan bersama tim teknis",
        ],
        ["Surat tugas", "Formulir pemeriksaan lapangan"],
        ("1 hari kerja", "2 hari kerja", "3 hari kerja"),
        "Berita acara pemeriksaan lapangan",
        0.5,
        None,
        None,
    ),
    (
        "nilai",
        "atasan1",
        "keputusan",
        ["Menilai pemenuhan persyaratan teknis", "Menentukan kelayakan permohonan sesuai ketentuan"],
        ["Berkas terverifikasi"],
        ("30 menit", "1 jam"),
        "Hasil penilaian",
        0.7,
        ("konsep", "tolak", ("Memenuhi syarat", "Tidak memenuhi syarat")),
        None,
    ),
    (
        "tolak",
        "staf",
        "proses",
        ["Menyusun surat pemberitahuan penolakan beserta alasannya"],
        ["Hasil penilaian", "Format surat"],
        ("30 menit", "1 jam"),
        "Surat pemberitahuan penolakan",
        "nilai",
        None,
        None,
        "serah",
    ),
    (
        "konsep",
        "staf",
        "proses",
        ["Menyusun konsep {out}", "Mencetak konsep {out}"],
        ["Berkas terverifikasi", "Format baku"],
        ("15 menit", "30 menit", "1 jam"),
        "Konsep {out}",
        1.0,
        None,
        None,
    ),
    (
        "paraf1",
        "atasan1",
        "proses",
        ["Memeriksa dan memaraf konsep {out}"],
        ["Konsep {out}"],
        ("15 menit", "30 menit"),
        "Konsep {out} terparaf",
        0.6,
        None,
        None,
    ),
    (
        "paraf2",
        "atasan2",
        "keputusan",
        ["Mengoreksi dan memaraf konsep {out}", "Memeriksa kebenaran konsep {out}"],
        ["Konsep {out}"],
        ("30 menit", "1 jam"),
        "Konsep {out} disetujui",
        1.0,
        ("ttd", "konsep", ("Disetujui", "Perlu perbaikan")),
        None,
    ),
    (
        "ttd",
        "pimpinan",
        "proses",
        ["Menandatangani {out}", "Menandatangani {out} secara elektronik"],
        ["Konsep {out} terparaf"],
        ("1 jam", "1 hari kerja"),
        "{Out} ditandatangani",
        1.0,
        None,
        None,
    ),
    (
        "nomor",
        "staf",
        "proses",
        ["Memberi nomor, tanggal, dan cap dinas", "Membubuhkan nomor dan mencatat dalam register keluar"],
        ["{Out}", "Buku register keluar"],
        ("10 menit", "15 menit"),
        "{Out} bernomor",
        0.7,
        None,
        None,
    ),
    (
        "arsip",
        "staf",
        "proses",
        ["Memindai dan mengarsipkan salinan {out}", "Mengarsipkan salinan {out} secara elektronik"],
        ["Salinan {out}", "Pemindai dokumen"],
        ("10 menit", "15 menit"),
        "Arsip {out}",
        0.6,
        None,
        None,
    ),
    (
        "serah",
        "luar",
        "selesai",
        ["Menerima {out} atau surat pemberitahuan", "Menerima {out} dan menandatangani tanda terima"],
        ["Tanda terima"],
        ("5 menit", "10 menit"),
        "{Out} diterima",
        1.0,
        None,
        None,
    ),
]
SVC_STEPS: list[Step] = [
    (
        "daftar",
        "luar",
        "mulai",
        [
            "Mendaftar dan menyampaikan kebutuhan {lo}",
            "Datang ke tempat layanan dan mengambil nomor antrean",
            "Menyampaikan permintaan {lo} melalui aplikasi {app}",
        ],
        "REQ",
        ("5 menit", "10 menit"),
        "Formulir pendaftaran terisi",
        1.0,
        None,
        None,
    ),
    (
        "registrasi",
        "staf",
        "proses",
        [
            "Melakukan registrasi dan mencatat data penerima layanan",
            "Mencatat permintaan layanan ke dalam register dan aplikasi {app}",
        ],
        ["Formulir pendaftaran", "Aplikasi {app}"],
        ("5 menit", "10 menit", "15 menit"),
        "Data penerima layanan tercatat",
        1.0,
        None,
        None,
    ),
    (
        "skrining",
        "staf",
        "keputusan",
        [
            "Memeriksa kelengkapan data dan kriteria penerima layanan",
            "Memverifikasi identitas dan kelayakan penerima layanan",
        ],
        ["Data penerima layanan", "Kriteria penerima layanan"],
        ("10 menit", "15 menit"),
        "Hasil verifikasi penerima layanan",
        1.0,
        ("jadwal", "registrasi", ("Memenuhi kriteria", "Belum memenuhi kriteria")),
        "Data yang belum lengkap dilengkapi pada saat itu juga",
    ),
    (
        "jadwal",
        "atasan1",
        "proses",
        ["Menetapkan petugas dan jadwal pelaksanaan layanan", "Menugaskan tim pelaksana layanan"],
        ["Jadwal petugas", "Surat tugas"],
        ("15 menit", "30 menit"),
        "Surat tugas petugas",
        0.8,
        None,
        None,
    ),
    (
        "siap",
        "staf",
        "proses",
        ["Menyiapkan sarana, bahan, dan peralatan layanan"],
        ["Daftar kebutuhan bahan", "Peralatan layanan"],
        ("15 menit", "30 menit", "1 jam"),
        "Sarana layanan siap",
        0.6,
        None,
        None,
    ),
    (
        "laksana",
        "staf",
        "proses",
        ["Melaksanakan {lo} sesuai standar pelayanan", "Memberikan {lo} kepada penerima layanan"],
        ["Standar pelayanan", "Peralatan layanan"],
        ("30 menit", "1 jam", "2 jam"),
        "Layanan diberikan",
        1.0,
        None,
        None,
    ),
    (
        "tuntas",
        "staf",
        "keputusan",
        ["Menilai perlu tidaknya tindak lanjut atau rujukan"],
        ["Catatan pelaksanaan layanan"],
        ("10 menit", "15 menit"),
        "Keputusan tindak lanjut",
        0.6,
        ("serah", "rujuk", ("Tuntas", "Perlu tindak lanjut")),
        None,
    ),
    (
        "rujuk",
        "staf",
        "proses",
        ["Menindaklanjuti atau merujuk kepada unit atau instansi terkait"],
        ["Formulir rujukan"],
        ("30 menit", "1 jam"),
        "Surat rujukan",
        "tuntas",
        None,
        None,
    ),
    (
        "serah",
        "luar",
        "proses",
        ["Menerima layanan dan mengisi survei kepuasan masyarakat", "Menerima informasi hasil layanan"],
        ["Formulir survei kepuasan"],
        ("5 menit", "10 menit"),
        "Survei kepuasan terisi",
        1.0,
        None,
        None,
    ),
    (
        "catat",
        "staf",
        "proses",
        ["Mencatat hasil layanan dalam register dan aplikasi {app}"],
        ["Register layanan", "Aplikasi {app}"],
        ("10 menit", "15 menit"),
        "Catatan hasil layanan",
        1.0,
        None,
        None,
    ),
    (
        "lapor",
        "staf",
        "proses",
        ["Menyusun laporan hasil pelaksanaan {lo}"],
        ["Catatan hasil layanan", "Format laporan"],
        ("1 jam", "1 hari kerja"),
        "{Out}",
        0.8,
        None,
        None,
    ),
    (
        "periksa",
        "atasan1",
        "keputusan",
        ["Memeriksa laporan hasil layanan"],
        ["{Out}"],
        ("30 menit", "1 jam"),
        "Laporan terperiksa",
        "lapor",
        ("evaluasi", "lapor", ("Sesuai", "Perlu perbaikan")),
        None,
    ),
    (
        "evaluasi",
        "atasan2",
        "proses",
        ["Mengevaluasi mutu layanan dan menyampaikan laporan kepada pimpinan"],
        ["Laporan terperiksa"],
        ("1 hari kerja", "2 hari kerja"),
        "Laporan evaluasi mutu layanan",
        0.7,
        None,
        None,
    ),
    (
        "arahan",
        "pimpinan",
        "proses",
        ["Menerima laporan dan memberikan arahan tindak lanjut"],
        ["Laporan evaluasi mutu layanan"],
        ("1 hari kerja",),
        "Arahan pimpinan",
        0.5,
        None,
        None,
    ),
    (
        "arsip",
        "staf",
        "selesai",
        ["Mengarsipkan dokumen hasil layanan", "Mengarsipkan laporan dan data layanan secara elektronik"],
        ["Dokumen hasil layanan"],
        ("10 menit", "15 menit"),
        "Arsip layanan",
        1.0,
        None,
        None,
    ),
]
INT_STEPS: list[Step] = [
    (
        "disposisi",
        "pimpinan",
        "mulai",
        ["Memberikan disposisi pelaksanaan {lo}", "Menerima surat atau nota dinas dan memberikan disposisi"],
        ["Surat masuk", "Lembar disposisi"],
        ("15 menit", "30 menit"),
        "Disposisi",
        1.0,
        None,
        None,
    ),
    (
        "teruskan",
        "atasan2",
        "proses",
        ["Meneruskan disposisi dan menetapkan penanggung jawab", "Memberikan arahan teknis pelaksanaan"],
        ["Lembar disposisi"],
        ("15 menit", "30 menit"),
        "Arahan pelaksanaan",
        0.7,
        None,
        None,
    ),
    (
        "rencana",
        "atasan1",
        "proses",
        ["Menyusun rencana kerja dan jadwal pelaksanaan", "Menyiapkan kerangka acuan kerja {lo}"],
        ["Disposisi", "Peraturan terkait"],
        ("1 hari kerja", "2 hari kerja"),
        "Rencana kerja",
        0.8,
        None,
        None,
    ),
    (
        "kumpul",
        "staf",
        "proses",
        ["Mengumpulkan data dan bahan pendukung", "Menghimpun data dari unit kerja terkait"],
        ["Format isian data", "Surat permintaan data"],
        ("2 hari kerja", "3 hari kerja", "1 minggu"),
        "Data pendukung",
        1.0,
        None,
        None,
    ),
    (
        "lengkap",
        "staf",
        "keputusan",
        ["Memeriksa kelengkapan dan validitas data"],
        ["Data pendukung"],
        ("1 jam", "2 jam"),
        "Data lengkap dan valid",
        0.6,
        ("olah", "kumpul", ("Lengkap", "Belum lengkap")),
        "Data yang belum lengkap dimintakan kembali kepada unit kerja",
    ),
    (
        "olah",
        "staf",
        "proses",
        ["Mengolah dan menganalisis data", "Melakukan kompilasi dan analisis data"],
        ["Data pendukung", "Aplikasi {app}"],
        ("1 hari kerja", "2 hari kerja", "3 hari kerja"),
        "Hasil olahan data",
        1.0,
        None,
        None,
    ),
    (
        "konsep",
        "staf",
        "proses",
        ["Menyusun konsep {out}"],
        ["Hasil olahan data", "Format baku"],
        ("1 hari kerja", "2 hari kerja"),
        "Konsep {out}",
        1.0,
        None,
        None,
    ),
    (
        "bahas",
        "atasan1",
        "proses",
        ["Membahas konsep {out} bersama unit kerja terkait", "Memimpin rapat pembahasan konsep {out}"],
        ["Konsep {out}", "Undangan rapat", "Daftar hadir"],
        ("2 jam", "1 hari kerja"),
        "Notulen rapat pembahasan",
        0.5,
        None,
        None,
    ),
    (
        "periksa",
        "atasan1",
        "keputusan",
        ["Memeriksa konsep {out}", "Menelaah konsep {out}"],
        ["Konsep {out}"],
        ("1 jam", "2 jam", "1 hari kerja"),
        "Konsep {out} terperiksa",
        1.0,
        ("koreksi", "konsep", ("Sesuai", "Perlu perbaikan")),
        None,
    ),
    (
        "koreksi",
        "atasan2",
        "keputusan",
        ["Mengoreksi dan memaraf konsep {out}"],
        ["Konsep {out} terperiksa"],
        ("1 jam", "1 hari kerja"),
        "Konsep {out} terparaf",
        1.0,
        ("ttd", "konsep", ("Disetujui", "Perlu perbaikan")),
        None,
    ),
    (
        "ttd",
        "pimpinan",
        "proses",
        ["Menandatangani {out}", "Menetapkan dan menandatangani {out}"],
        ["Konsep {out} terparaf"],
        ("1 hari kerja", "2 hari kerja"),
        "{Out} ditetapkan",
        1.0,
        None,
        None,
    ),
    (
        "distribusi",
        "staf",
        "proses",
        [
            "Menggandakan dan menyampaikan {out} kepada pihak terkait",
            "Mendistribusikan {out} melalui aplikasi SRIKANDI",
        ],
        ["{Out}", "Buku ekspedisi"],
        ("30 menit", "1 jam", "1 hari kerja"),
        "{Out} tersampaikan",
        1.0,
        None,
        None,
    ),
    (
        "unggah",
        "staf",
        "proses",
        ["Mengunggah {out} ke dalam aplikasi {app}"],
        ["{Out}", "Aplikasi {app}"],
        ("15 menit", "30 menit"),
        "{Out} terunggah",
        0.5,
        None,
        None,
    ),
    (
        "arsip",
        "staf",
        "proses",
        ["Mengarsipkan {out}"],
        ["{Out}"],
        ("10 menit", "15 menit"),
        "Arsip {out}",
        0.7,
        None,
        None,
    ),
    (
        "lapor",
        "atasan1",
        "selesai",
        ["Melaporkan pelaksanaan {lo} kepada pimpinan", "Melaporkan hasil pelaksanaan kepada atasan"],
        ["Laporan pelaksanaan"],
        ("30 menit", "1 jam"),
        "Laporan pelaksanaan",
        1.0,
        None,
        None,
    ),
]

REQ: dict[str, list[str]] = {
    "izin": ["Formulir permohonan", "Fotokopi KTP-el pemohon", "Nomor Induk Berusaha", "Surat pernyataan kesanggupan",
             "Dokumen persyaratan teknis", "Pas foto berwarna"],
    "dok": ["Formulir permohonan", "Kartu Keluarga", "KTP-el", "Surat pengantar RT/RW", "Surat keterangan dari kelurahan",
            "Dokumen pendukung"],
    "pajak": ["Surat Pemberitahuan Objek Pajak", "Fotokopi KTP-el wajib pajak", "Bukti kepemilikan objek pajak",
              "Surat kuasa bermeterai"],
    "pasien": ["Kartu identitas pasien", "Kartu BPJS Kesehatan", "Surat rujukan", "Rekam medis sebelumnya"],
}  # fmt: skip
REQ_UMUM = [
    "Formulir permohonan",
    "Fotokopi KTP-el",
    "Surat pengantar",
    "Dokumen pendukung",
    "Surat permohonan bermeterai",
]
PERALATAN = [
    "Komputer",
    "Printer",
    "Alat tulis kantor",
    "Jaringan internet",
    "Pemindai dokumen",
    "Telepon",
    "Meja layanan",
]
PENCATATAN = ["Buku register", "Arsip digital", "Buku agenda surat masuk dan keluar", "Laporan bulanan", "Daftar hadir"]
KUALIFIKASI = [
    "Memahami peraturan perundang-undangan terkait",
    "Mampu mengoperasikan komputer dan aplikasi {app}",
    "Memiliki kemampuan komunikasi dan pelayanan yang baik",
    "Pendidikan minimal D-III atau S-1",
    "Telah mengikuti bimbingan teknis terkait",
    "Teliti dan cermat dalam memeriksa dokumen",
]
PERINGATAN = [
    "Apabila SOP ini tidak dilaksanakan, {lo} tidak dapat diselesaikan tepat waktu",
    "Berkas yang tidak lengkap tidak dapat diproses",
    "Kesalahan data menyebabkan dokumen harus diterbitkan ulang",
    "Keterlambatan penyelesaian berdampak pada penilaian kinerja perangkat daerah",
    "Dokumen yang belum ditandatangani pejabat berwenang tidak sah",
]
WAKTU_BURUK = ("segera", "secepatnya", "sesuai kebutuhan")
SOP_VARIANTS_PUB = (
    " secara Daring",
    " melalui Mal Pelayanan Publik",
    " bagi Permohonan Kolektif",
    " dengan Percepatan Layanan",
)
SOP_VARIANTS_INT = (" secara Elektronik", " Tahap Verifikasi", " Tahap Pelaporan", " Triwulanan")
QUALIFIERS = (" Lintas Sektor", " Tingkat Kelurahan", " Berbasis Elektronik", " Tahunan", " Terpadu", " Tematik")

# --------------------------------------------------------------------------------------------
# Catalogue parsing
# --------------------------------------------------------------------------------------------


@dataclass
class ObjT:
    nama: str
    typ: str
    scale: str | None
    supplied: bool = False  # other OPD work from its output


@dataclass
class KegT:
    label: str
    nama: str
    program: str | None
    scale: str | None
    objs: list[ObjT] = field(default_factory=list)


@dataclass
class BidT:
    kode: str
    nama: str
    program: str
    fungsi: str
    kategori: str
    sasaran: str
    untuk: list[str]
    head: str | None
    scale: str | None
    seksi: list[tuple[str, str]] = field(default_factory=list)
    keg: list[KegT] = field(default_factory=list)


@dataclass
class OpdT:
    key: str
    nama: str
    singkatan: str
    bentuk: str
    urusan: list[str]
    klas: str
    weight: float
    kepala: tuple[str, str]
    profile: str
    count: dict[str, str]  # "K"/"P" -> "1" | "fill"
    flags: set[str]
    apps: list[str]
    bidang: list[BidT] = field(default_factory=list)

    @property
    def wil(self) -> str:
        for f in self.flags:
            if f.startswith("wil="):
                return f[4:]
        return "place"


def _scaled(text: str) -> tuple[str, str | None]:
    text = text.strip()
    if text.startswith("@K ") or text.startswith("@P "):
        return text[3:].strip(), text[1]
    return text, None


def parse_catalogue(path: Path = CATALOGUE) -> list[OpdT]:
    """Read the catalogue text into templates (see the header of catalogue.txt)."""
    out: list[OpdT] = []
    opd: OpdT | None = None
    bid: BidT | None = None
    keg: KegT | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("//"):
            continue
        kind, body = line[0], line[1:]
        f = body.split("|")
        if kind == "@":
            count: dict[str, str] = {}
            for tok in f[10].split():
                scales, _, n = tok.partition(":")
                for tag in scales:
                    count[tag] = n or "1"
            opd = OpdT(f[0], f[1], f[2], f[3], f[4].split(), f[5], float(f[6]), (f[7], f[8]), f[9], count,
                       set(f[11].split()), [a for a in f[12].split(";") if a])  # fmt: skip
            out.append(opd)
            bid = keg = None
        elif kind == "#":
            assert opd is not None
            kode, bscale = _scaled(f[0])
            bid = BidT(kode, f[1], f[2], f[3], f[4], f[5], [u for u in f[6].split(";") if u], f[7] or None, bscale)
            opd.bidang.append(bid)
            keg = None
        elif kind == "-":
            assert bid is not None
            bid.seksi.append((f[0], f[1]))
        elif kind == "=":
            assert bid is not None
            label, kscale = _scaled(f[0])
            keg = KegT(label, f[1], f[2] if len(f) > 2 and f[2] else None, kscale)
            bid.keg.append(keg)
        elif kind == "+":
            assert keg is not None
            typ, _, scale = f[0].partition("@")
            if typ not in VERBS:
                raise ValueError(f"unknown object type {typ!r} in {raw!r}")
            for name in f[1].split(";"):
                name = name.strip()
                keg.objs.append(ObjT(name.lstrip("^"), typ, scale or None, name.startswith("^")))
        else:
            raise ValueError(f"bad catalogue line: {raw!r}")
    return out


# --------------------------------------------------------------------------------------------
# YAML text helpers
# --------------------------------------------------------------------------------------------

_START_BAD = frozenset("-?:,[]{}#&*!|>'\"%@` ")
_FLOW_BAD = frozenset(",[]{}")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_QCACHE: tuple[dict[str, str], dict[str, str]] = ({}, {})


def q(s: str, flow: bool = False) -> str:
    """``s`` as a YAML scalar: plain when a person would leave it plain, else double-quoted."""
    cache = _QCACHE[flow]
    hit = cache.get(s)
    if hit is not None:
        return hit
    need = (
        s in _NULLS or s[0] in _START_BAD or s[-1] in " :" or ": " in s or " #" in s or "\n" in s or "\t" in s
        or (flow and not _FLOW_BAD.isdisjoint(s))
    )  # fmt: skip
    out = '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"' if need else s
    cache[s] = out
    return out


def flow_list(items: list[str]) -> str:
    return "[" + ", ".join(q(i, True) for i in items) + "]"


def flow_map(pairs: list[tuple[str, str]]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"


def map_item(out: list[str], ind: str, pairs: Sequence[tuple[str, str | list[str]]]) -> None:
    """One list item that is a small mapping, written as a person would: a one-line flow map
    when it is short and needs no quotes, else a block mapping."""
    flow_vals = [flow_list(v) if isinstance(v, list) else q(v, True) for _, v in pairs]
    line = ind + "- " + flow_map([(k, fv) for (k, _), fv in zip(pairs, flow_vals)])
    if len(line) <= 120 and not any(fv.startswith('"') for fv in flow_vals):
        out.append(line)
        return
    first = True
    for k, v in pairs:
        text = flow_list(v) if isinstance(v, list) else q(v)
        out.append(f"{ind}{'- ' if first else '  '}{k}: {text}")
        first = False


def lc(phrase: str) -> str:
    """Lower-case a title for use inside a sentence, keeping acronyms (KTP-el, RSUD, SPBE)."""
    words = []
    for w in phrase.split(" "):
        if len(w) > 1 and w[0].isupper() and w[1:].islower() and w not in ("Quran", "Pancasila", "Indonesia"):
            words.append(w.lower())
        else:
            words.append(w)
    return " ".join(words)


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# --------------------------------------------------------------------------------------------
# Generated entities
# --------------------------------------------------------------------------------------------


@dataclass
class Leaf:
    """What a lowest-level process is about: drives its name, outputs and SOP steps."""

    nama: str
    keluaran: str
    flow: str
    obj: str
    typ: str
    app: str
    sektor: str  # urusan key for dasar hukum


@dataclass
class Proc:
    kode: str
    nama: str
    kategori: str
    induk: str | None
    pemilik: list[str]
    level: int
    opd: "Opd"
    unit: str
    kegiatan: list[str] = field(default_factory=list)
    masukan: list[dict[str, Any]] = field(default_factory=list)
    keluaran: list[dict[str, Any]] = field(default_factory=list)
    pelanggan: list[str] = field(default_factory=list)
    aktivitas: list[dict[str, Any]] = field(default_factory=list)
    sop: list[str] = field(default_factory=list)
    deskripsi: str | None = None
    children: list["Proc"] = field(default_factory=list)
    focus: Leaf | None = None
    group: str = ""  # penunjang role or "" for a bidang group
    l1: "Proc | None" = None
    g_untuk: list[str] = field(default_factory=list)  # receivers named by the bidang
    extra_untuk: str | None = None  # receiving OPD role of a penunjang output
    supplied: bool = False  # other OPD take its keluaran as masukan


@dataclass
class SopDoc:
    kode: str
    nomor: str
    nama: str
    proses: str | None
    unit: str
    opd: "Opd"
    proc: Proc
    tanggal_pembuatan: str
    tanggal_revisi: str | None
    tanggal_efektif: str
    dasar_hukum: list[str]
    kualifikasi: list[str]
    keterkaitan: list[str]
    peralatan: list[str]
    peringatan: list[str]
    pencatatan: list[str]
    pelaksana: list[tuple[str, str, str | None]]
    langkah: list[dict[str, Any]]
    style: dict[str, Any]


@dataclass
class Keg:
    kode: str
    nama: str
    subs: list[tuple[str, str]]
    penunjang: bool
    bersama: bool


@dataclass
class Opd:
    t: OpdT
    kode: str
    nama: str
    singkatan: str
    prefix: str
    kepala: tuple[str, str]
    w: str | None
    units: list[tuple[str, str, str | None]] = field(default_factory=list)
    jabatan: list[tuple[str, str, str | None]] = field(default_factory=list)
    head: dict[str, tuple[str, str]] = field(default_factory=dict)  # unit -> (jabatan kode, nama)
    staf: dict[str, tuple[str, str]] = field(default_factory=dict)
    parent: dict[str, str | None] = field(default_factory=dict)
    kegiatan: list[Keg] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    sek_unit: str | None = None
    pejabat: tuple[str, str] = ("", "")
    groups: list[dict[str, Any]] = field(default_factory=list)
    n_proses: int = 0
    n_sop: int = 0
    capacity: int = 0
    procs: list[Proc] = field(default_factory=list)
    sops: list[SopDoc] = field(default_factory=list)

    @property
    def qualify(self) -> bool:
        return "qualify" in self.t.flags


# --------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------


class Generator:
    def __init__(self, scale_name: str, seed: int, defect_rate: float) -> None:
        if scale_name not in SCALES:
            raise ValueError(f"unknown scale {scale_name!r}; choose from {', '.join(SCALES)}")
        self.scale_name = scale_name
        self.scale = SCALES[scale_name]
        self.seed = seed
        self.defect_rate = defect_rate
        self.rng = random.Random(seed)
        self.drng = random.Random(seed * 7919 + 17)
        self.pemda = PEMDA[self.scale.tingkat]
        self.tag = "K" if self.scale.tingkat == "kota" else "P"
        self.digit = self.pemda["digit"]
        self.templates = parse_catalogue()
        self.opds: list[Opd] = []
        self.keg_counter: dict[str, int] = {}
        self.shared_keg: dict[tuple[str, int, int], Keg] = {}
        self.bersama_codes: list[str] = []
        self.keluaran_names: dict[str, Proc] = {}
        self.places: list[str] = []
        self.place_set: set[str] = {"Mekarsari", "Sumber Makmur"}
        self.defects: list[tuple[str, str]] = []
        self.programs_used: dict[str, list[str]] = {}  # program code -> OPD codes
        self.program_sasaran: dict[str, str] = {}

    # -- helpers ---------------------------------------------------------------------------
    def fmt(self, text: str, w: str | None = None) -> str:
        if "{" not in text:
            return text
        return text.format(w=w or "", tk=self.pemda["tk"], daerah=self.pemda["daerah"], kd=self.pemda["kd"], s="", n="")

    def program_name(self, code: str) -> str:
        return self.fmt(PROGRAMS[code]).replace("Kabupaten/Kota", self.pemda["tk"])

    def place(self) -> str:
        while True:
            pre = self.rng.choice(PLACE_PRE)
            suf = self.rng.choice(PLACE_SUF)
            name = f"{pre} {suf.capitalize()}" if pre in PLACE_SPACED else pre + suf
            if name not in self.place_set:
                self.place_set.add(name)
                return name

    def person(self) -> tuple[str, str]:
        r = self.rng
        nama = f"{r.choice(NAMA_DEPAN)} {r.choice(NAMA_BELAKANG)}"
        prefix = r.choice(("", "", "", "Drs. ", "Ir. ", "Dr. "))
        if prefix in ("Drs. ", "Ir. "):
            nama = prefix + nama + r.choice((", M.Si.", ", M.M.", ", M.T.", ""))
        elif prefix == "Dr. ":
            nama = prefix + nama + r.choice(GELAR)
        else:
            nama += r.choice(GELAR)
        year = r.randint(1968, 1986)
        born = f"{year}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
        tmt = f"{year + r.randint(23, 30)}{r.choice(('01', '03', '04', '12'))}"
        nip = f"{born}{tmt}{r.choice('12')}{r.randint(1, 9):03d}"
        return nama, nip

    # -- OPD instances ---------------------------------------------------------------------
    def build_opds(self) -> None:
        t_by_key = {t.key: t for t in self.templates}
        if self.scale.only:
            chosen: list[tuple[OpdT, int | None]] = [(t_by_key[k], None) for k in self.scale.only]
        else:
            core = [t for t in self.templates if self.tag in t.count and t.count[self.tag] == "1"]
            fill = [t for t in self.templates if self.tag in t.count and t.count[self.tag] == "fill"]
            chosen = [(t, None) for t in core]  # core OPD: one instance, no number
            need = self.scale.opd - len(chosen)
            if need < 0 or (need > 0 and not fill):
                raise ValueError("catalogue cannot fill the OPD target")
            counters = {t.key: 0 for t in fill}
            i = 0
            while len(chosen) < self.scale.opd:
                t = fill[i % len(fill)]
                i += 1
                counters[t.key] += 1
                chosen.append((t, counters[t.key]))
        places: list[str] = []
        for t, n in chosen:
            w = None
            if n is not None or "{w}" in t.nama:
                if t.wil == "roman":
                    w = ROMAN[(n or 1) - 1]
                elif t.key.startswith("rsud") and self.scale.tingkat == "kota":
                    w = self.pemda["nama"]
                else:
                    # reuse the same place names across families (kabupaten/kota of the province)
                    k = (n or 1) - 1
                    while len(places) <= k:
                        places.append(self.place())
                    w = places[k]
            self.opds.append(self.make_opd(t, w, n))

    def make_opd(self, t: OpdT, w: str | None, n: int | None) -> Opd:
        slug = re.sub(r"[^a-z0-9]+", "-", (w or "").lower()).strip("-")
        kode = t.key.replace("{s}", slug).replace("{n}", str(n or 1))
        nama = self.fmt(t.nama, w)
        singkatan = self.fmt(t.singkatan, w)
        prefix = (
            re.sub(r"[^A-Z0-9-]", "", kode.upper()) if "{" in t.key else re.sub(r"[^A-Z0-9]", "", singkatan.upper())
        )
        kepala = (t.kepala[0], self.fmt(t.kepala[1], w))
        o = Opd(t, kode, nama, singkatan, prefix, kepala, w)
        # units and jabatan
        units, roles, sek = PROFILES[t.profile]
        for b in t.bidang:
            if b.scale and b.scale != self.tag:
                continue
            o.units.append((b.kode, self.fmt(b.nama, w), None))
            for s_kode, s_nama in b.seksi:
                o.units.append((s_kode, self.fmt(s_nama, w), b.kode))
        for u in units:
            nm = u[1]
            if nm == "Sekretariat Kecamatan" and w:
                nm = f"Sekretariat Kecamatan {w}"
            o.units.append((u[0], nm, u[2]))
        if "kelurahan" in t.flags:
            for _ in range(self.rng.randint(3, 5)):
                kel = self.place()
                o.units.append(("kel-" + re.sub(r"[^a-z0-9]+", "-", kel.lower()), f"Kelurahan {kel}", None))
        o.roles = dict(roles)
        o.sek_unit = sek
        o.jabatan.append((kepala[0], kepala[1], None))
        heads = {b.kode: self.fmt(b.head, w) for b in t.bidang if b.head}
        for u_kode, u_nama, parent in o.units:
            o.parent[u_kode] = parent
            if u_kode.startswith("sekretariat"):
                h = ("sekretaris", "Sekretaris " + (f"Kecamatan {w}" if t.profile == "kec" else nama))
            else:
                hk = next(
                    (new + u_kode[len(old) :] for old, new in HEAD_PREFIX if u_kode.startswith(old)), "ka-" + u_kode
                )
                if u_kode.startswith("kel-"):
                    hn = "Lurah " + u_nama.removeprefix("Kelurahan ")
                else:
                    hn = heads.get(u_kode) or "Kepala " + u_nama
                h = (hk, hn)
            o.head[u_kode] = h
            o.jabatan.append((h[0], h[1], u_kode))
        for u_kode, u_nama, _ in o.units:
            if u_kode.startswith("kel-"):
                continue
            title = self.rng.choice(STAF_TITLES)
            s = ("pelaksana-" + u_kode, f"{title} {u_nama}")
            o.staf[u_kode] = s
            o.jabatan.append((s[0], s[1], u_kode))
        o.pejabat = self.person()
        self.make_kegiatan(o)
        return o

    def alloc_kegiatan(self, program: str) -> str:
        n = self.keg_counter.get(program, 0) + 1
        if n > 99:
            raise ValueError(f"more than 99 kegiatan under program {program}")
        self.keg_counter[program] = n
        return f"{program}.{self.digit}.{n:02d}"

    def make_kegiatan(self, o: Opd) -> None:
        """Penunjang kegiatan (own urusan prefix) and the Renstra kegiatan of each bidang; build groups."""
        t = o.t
        pen_prefix = f"{t.urusan[0]}.01.{self.digit}"
        pen_nums = ["01", "02", "03", "05", "06", "07", "08", "09"]
        if "retribusi" in t.flags:
            pen_nums.insert(3, "04")
        if "blud" in t.flags:
            pen_nums.append("10")
        pen_codes: dict[str, str] = {}
        for num in pen_nums:
            nama, subs = PENUNJANG_KEGIATAN[num]
            kode = f"{pen_prefix}.{num}"
            pen_codes[num] = kode
            o.kegiatan.append(Keg(kode, nama, [(f"{kode}.{s}", sn) for s, sn in subs], True, False))
        self.programs_used.setdefault(f"{t.urusan[0]}.01", []).append(o.kode)
        bersama = "bersama" in t.flags
        bi = 0
        for b in t.bidang:
            if b.scale and b.scale != self.tag:
                continue
            bi += 1
            seksi = [s for s, _ in b.seksi] or [b.kode]
            l2s = []
            obj_i = 0
            for ki, k in enumerate(b.keg):
                if k.scale and k.scale != self.tag:
                    continue
                program = k.program or b.program
                self.program_sasaran.setdefault(program, b.sasaran)
                lst = self.programs_used.setdefault(program, [])
                if o.kode not in lst:
                    lst.append(o.kode)
                key = (t.key, bi, ki)
                if bersama and key in self.shared_keg:
                    keg = self.shared_keg[key]
                else:
                    kode = self.alloc_kegiatan(program)
                    objs = [ob for ob in k.objs if not ob.scale or ob.scale == self.tag]
                    subs = []
                    for si, ob in enumerate(objs):
                        verb = VERBS[ob.typ][0][0].split(" {o}")[0]
                        subs.append((f"{kode}.{si + 1:04d}", f"{verb} {self.fmt(ob.nama)}"))
                    keg = Keg(kode, self.fmt(k.nama), subs, False, bersama)
                    if bersama:
                        self.shared_keg[key] = keg
                        self.bersama_codes.append(kode)
                o.kegiatan.append(keg)
                objs = [ob for ob in k.objs if not ob.scale or ob.scale == self.tag]
                leaves: list[tuple[str, str, str, str, str | None, bool]] = []
                for si, ob in enumerate(objs):
                    unit = seksi[obj_i % len(seksi)]
                    obj_i += 1
                    leaves.append((ob.nama, ob.typ, keg.subs[si][0], unit, None, ob.supplied))
                l2s.append({"nama": self.fmt(k.label, o.w), "kegiatan": [keg.kode], "unit": b.kode, "app": None,
                            "leaves": leaves})  # fmt: skip
            o.groups.append({"nama": self.fmt(b.fungsi, o.w), "kategori": b.kategori, "unit": b.kode, "role": "",
                             "l2": l2s, "untuk": b.untuk, "sektor": program[:4]})  # fmt: skip
        for role, l1_nama, kategori, l2defs in PENUNJANG_GROUPS:
            unit = o.roles[role]
            l1_unit = o.sek_unit or unit
            l2s = []
            for l2_nama, app, pobjs in l2defs:
                pobjs = [p for p in pobjs if p.keg in pen_codes]
                if not pobjs:
                    continue
                codes = []
                for p in pobjs:
                    if pen_codes[p.keg] not in codes:
                        codes.append(pen_codes[p.keg])
                leaves = [(p.nama, p.typ, f"{pen_codes[p.keg]}.{p.sub}", unit, p.untuk, False) for p in pobjs]
                l2s.append(
                    {"nama": l2_nama, "kegiatan": codes, "unit": unit, "app": APP_PENUNJANG[app], "leaves": leaves}
                )
            sektor = {"ren": "5.01", "keu": "5.02", "umum": "5.03"}[role]
            o.groups.append({"nama": l1_nama, "kategori": kategori, "unit": l1_unit, "role": role, "l2": l2s,
                             "untuk": [], "sektor": sektor})  # fmt: skip
        o.capacity = sum(1 + sum(1 + sum(len(VERBS[lf[1]]) for lf in l2["leaves"]) for l2 in g["l2"]) for g in o.groups)

    # -- allocation ------------------------------------------------------------------------
    @staticmethod
    def allocate(total: int, weights: list[float], caps: list[int]) -> list[int]:
        """Split ``total`` proportionally to ``weights`` without exceeding ``caps`` (largest remainder)."""
        k = len(weights)
        if sum(caps) < total:
            raise ValueError(f"catalogue capacity {sum(caps)} is below the target {total}")
        fixed: dict[int, int] = {}
        share: dict[int, float] = {}
        while True:
            free = [i for i in range(k) if i not in fixed]
            rest = total - sum(fixed.values())
            if not free:
                break
            wsum = sum(weights[i] for i in free)
            share = {i: rest * weights[i] / wsum for i in free}
            over = [i for i in free if share[i] > caps[i]]
            if not over:
                break
            for i in over:
                fixed[i] = caps[i]
        out = [0] * k
        for i, v in fixed.items():
            out[i] = v
        floors = {i: max(1, int(share[i])) for i in free}
        for i in free:
            out[i] = min(floors[i], caps[i])
        diff = total - sum(out)
        order = sorted(free, key=lambda i: (-(share[i] - int(share[i])), i))
        j = 0
        while diff != 0 and order:
            i = order[j % len(order)]
            if diff > 0 and out[i] < caps[i]:
                out[i] += 1
                diff -= 1
            elif diff < 0 and out[i] > 1:
                out[i] -= 1
                diff += 1
            j += 1
            if j > 10 * k * (abs(diff) + 1) + 1000:
                raise ValueError("allocation did not converge")
        return out

    # -- processes -------------------------------------------------------------------------
    def leaf_info(self, o: Opd, nama_o: str, typ: str, vi: int, app: str | None, sektor: str) -> Leaf:
        pat, out_pat, flow = VERBS[typ][vi]
        obj = self.fmt(nama_o, o.w)
        return Leaf(
            pat.format(o=obj),
            out_pat.format(o=obj),
            flow,
            obj,
            typ,
            app or self.rng.choice(o.t.apps or ["e-Office"]),
            sektor,
        )

    def keluaran_name(self, o: Opd, base: str, penunjang: bool) -> str:
        name = base
        if penunjang or o.qualify:
            name = f"{base} {o.nama}"
        if name in self.keluaran_names:
            name = f"{base} {o.nama}"
            k = 2
            while name in self.keluaran_names:
                name = f"{base} {o.nama} ({k})"
                k += 1
        return name

    def ref_role(self, o: Opd, role: str | None) -> str:
        """Receiving actor for an internal output: an OPD role ('bappeda', 'setda/bag-organisasi'), or the own head."""
        own = f"{o.kode}/{o.kepala[0]}"
        if not role:
            return own
        if role in {p[0] for p in PIHAK_LUAR}:
            return role
        opd_kode, _, unit = role.partition("/")
        target = self.opd_index.get(opd_kode)
        if target is None or target is o:
            return own
        if unit and unit not in target.parent:
            return target.kode
        return role

    def build_processes(self, o: Opd) -> None:
        r = self.rng
        n = o.n_proses
        groups = o.groups
        order_kat = {"manajemen": 0, "inti": 1, "pendukung": 2}
        n1 = len(groups) if n >= 3 * len(groups) else max(1, n // 3)
        chosen = sorted(groups[:n1], key=lambda g: (order_kat[g["kategori"]], groups.index(g)))
        rest = n - n1
        l2_pool = [[(g, l2) for l2 in g["l2"]] for g in chosen]
        total_l2 = sum(len(p) for p in l2_pool)
        n2 = min(total_l2, rest, max(min(n1, rest), round(rest * 0.28)))
        picked: list[tuple[dict[str, Any], dict[str, Any]]] = []
        rnd = 0
        while len(picked) < n2:
            for pool in l2_pool:
                if rnd < len(pool) and len(picked) < n2:
                    picked.append(pool[rnd])
            rnd += 1

        def leaf_cap(l2: dict[str, Any]) -> int:
            return sum(len(VERBS[lf[1]]) for lf in l2["leaves"])

        n3 = rest - n2
        while n3 > sum(leaf_cap(l2) for _, l2 in picked) and len(picked) < total_l2:
            remaining = [x for pool in l2_pool for x in pool if x not in picked]
            picked.append(remaining[0])
            n3 -= 1
        # leaf queues: all objects with their first verb, then second verbs, ...
        queues: dict[int, list[tuple[Any, ...]]] = {}
        for idx, (_, l2) in enumerate(picked):
            q_: list[tuple[Any, ...]] = []
            depth = max(len(VERBS[lf[1]]) for lf in l2["leaves"])
            for vi in range(depth):
                for lf in l2["leaves"]:
                    if vi < len(VERBS[lf[1]]):
                        q_.append((lf, vi, ""))
            queues[idx] = q_
        counts = {idx: 0 for idx in queues}
        assigned: dict[int, list[tuple[Any, ...]]] = {idx: [] for idx in queues}
        left = n3
        extra = 0
        while left > 0:
            progressed = False
            for idx in queues:
                if left == 0:
                    break
                if counts[idx] < len(queues[idx]):
                    assigned[idx].append(queues[idx][counts[idx]])
                    counts[idx] += 1
                    left -= 1
                    progressed = True
            if not progressed:  # catalogue exhausted: qualified variants (rare)
                for idx in queues:
                    if left == 0:
                        break
                    base = queues[idx][extra % len(queues[idx])]
                    assigned[idx].append((base[0], base[1], QUALIFIERS[(extra // len(queues[idx])) % len(QUALIFIERS)]))
                    left -= 1
                extra += 1
        # build the tree in display order
        by_group: dict[int, list[int]] = {}
        for idx, (g, _) in enumerate(picked):
            by_group.setdefault(id(g), []).append(idx)
        for gi, g in enumerate(chosen, start=1):
            role = g["role"]
            l1_kode = f"{o.prefix}.{gi:02d}"
            kegs: list[str] = []
            for l2 in g["l2"]:
                for c in l2["kegiatan"]:
                    if c not in kegs:
                        kegs.append(c)
            l1 = Proc(
                l1_kode,
                g["nama"],
                g["kategori"],
                None,
                [f"{o.kode}/{g['unit']}"],
                1,
                o,
                g["unit"],
                kegiatan=kegs,
                group=role,
            )
            l1.l1 = l1
            l1.g_untuk = list(g["untuk"])
            o.procs.append(l1)
            idxs = by_group.get(id(g), [])
            first_leaf = g["l2"][0]["leaves"][0] if g["l2"] and g["l2"][0]["leaves"] else None
            if not idxs and first_leaf is not None:
                l1.focus = self.leaf_info(o, first_leaf[0], first_leaf[1], 0, g["l2"][0]["app"], g["sektor"])
            for j, idx in enumerate(idxs, start=1):
                _, l2 = picked[idx]
                l2p = Proc(f"{l1_kode}.{j:02d}", l2["nama"], g["kategori"], l1_kode, [f"{o.kode}/{l2['unit']}"], 2, o,
                           l2["unit"], kegiatan=list(l2["kegiatan"]), group=role, l1=l1)  # fmt: skip
                l1.children.append(l2p)
                o.procs.append(l2p)
                if not assigned[idx]:
                    lf = l2["leaves"][0]
                    l2p.focus = self.leaf_info(o, lf[0], lf[1], 0, l2["app"], g["sektor"])
                    l2p.extra_untuk = lf[4]
                for k, (lf, vi, qual) in enumerate(assigned[idx], start=1):
                    info = self.leaf_info(o, lf[0], lf[1], vi, l2["app"], g["sektor"])
                    if qual:
                        info.nama += qual
                        info.keluaran += qual
                    leaf = Proc(f"{l2p.kode}.{k:02d}", info.nama, g["kategori"], l2p.kode, [f"{o.kode}/{lf[3]}"], 3, o,
                                lf[3], group=role, l1=l1)  # fmt: skip
                    leaf.focus = info
                    leaf.extra_untuk = lf[4]
                    leaf.supplied = lf[5]
                    if r.random() < 0.5:
                        leaf.kegiatan = [lf[2]]
                    l2p.children.append(leaf)
                    o.procs.append(leaf)
        # keluaran, pelanggan, deskripsi
        for p in o.procs:
            penunjang = bool(p.group)
            if p.focus is not None:  # lowest level
                info = p.focus
                g_untuk = p.l1.g_untuk if p.l1 else []
                party = self.party(info.typ, g_untuk)
                if info.flow != INT:
                    untuk = [party]
                else:
                    hint = p.extra_untuk
                    if hint is None and g_untuk and g_untuk[0] not in PUBLIC_PARTIES:
                        hint = g_untuk[0]
                    untuk = [self.ref_role(o, hint)]
                    if (
                        not penunjang
                        and g_untuk
                        and g_untuk[0] in ("masyarakat",)
                        and info.typ in ("sarana", "layanan", "data")
                    ):
                        untuk = ["masyarakat"]
                name = self.keluaran_name(o, info.keluaran, penunjang)
                p.keluaran.append({"nama": name, "untuk": untuk})
                self.keluaran_names[name] = p
                p.pelanggan = [self.party_name(untuk[0])]
                if info.flow == PUB:
                    p.masukan.append({"nama": f"Berkas permohonan {lc(info.nama)}", "dari": party, "eksternal": True})
                elif info.flow == SVC:
                    p.masukan.append({"nama": f"Data dan permintaan {lc(info.nama)}", "dari": party, "eksternal": True})
                p.deskripsi = None if r.random() < 0.6 else f"Proses {lc(info.nama)} pada {o.nama}."
            else:
                title = (
                    f"Capaian kinerja {lc(p.nama)}" if p.level == 1 else f"Laporan pelaksanaan kegiatan {lc(p.nama)}"
                )
                name = self.keluaran_name(o, title, penunjang)
                untuk_ref = f"{o.kode}/{o.kepala[0]}" if p.level == 2 else self.ref_role(o, "bappeda")
                p.keluaran.append({"nama": name, "untuk": [untuk_ref]})
                self.keluaran_names[name] = p
                if p.level == 1:
                    p.deskripsi = f"Kelompok proses {p.kategori} {o.nama}: {lc(p.nama)}."
                    p.pelanggan = ["Masyarakat"] if p.kategori == "inti" else [f"Pegawai {o.nama}"]

    def party(self, typ: str, g_untuk: list[str]) -> str:
        """Who applies for / receives a public service: by object type, refined by the bidang's penerima."""
        named = g_untuk[0] if g_untuk and g_untuk[0] in PUBLIC_PARTIES else None
        default = PARTY_BY_TYPE.get(typ)
        if default is None:  # a service delivered: to whoever the bidang serves
            return named or "masyarakat"
        if default == "pemohon" and named and named not in ("masyarakat", "pemohon"):
            return named  # e.g. pelaku usaha applying for an izin
        return default

    def party_name(self, ref: str) -> str:
        for kode, nama, _ in PIHAK_LUAR:
            if kode == ref:
                return nama
        if ref == self.pemda["pihak_pemda"][0]:
            return str(self.pemda["pihak_pemda"][1])
        opd_kode, _, rest = ref.partition("/")
        o = self.opd_index.get(opd_kode)
        if o is None:
            return ref
        if rest and rest in o.head:
            return o.head[rest][1]
        if rest == o.kepala[0]:
            return o.kepala[1]
        return o.nama

    # -- cross-OPD relationships (peta relasi) ---------------------------------------------------
    def link_relations(self) -> None:
        r = self.rng
        # Suppliers: substantive internal outputs of the OPD whose products others work from
        # (plans and budget documents, population data, statistics, SOP/peta proses guidance).
        pool = [p for o in self.opds for p in o.procs if p.supplied]
        if len(self.opds) < 2 or not pool:
            return
        for o in self.opds:
            for p in o.procs:
                if p.focus is None or p.focus.flow != INT or r.random() >= 0.35:
                    continue
                for _ in range(6):
                    src = r.choice(pool)
                    if src.opd is not o:
                        break
                else:
                    continue
                out = src.keluaran[0]
                p.masukan.append({"nama": out["nama"], "dari": src.pemilik[0]})
                if o.kode not in out["untuk"]:
                    out["untuk"].append(o.kode)

    # -- SOP -------------------------------------------------------------------------------
    def sop_roles(self, o: Opd, unit: str) -> dict[str, tuple[str, str, str] | None]:
        parent = o.parent.get(unit)
        h1 = o.head[unit]
        roles: dict[str, tuple[str, str, str] | None] = {
            "staf": ("pelaksana", self.staf_short(o.staf[unit][1]), f"{o.kode}/{o.staf[unit][0]}"),
            "atasan1": (h1[0].split("-")[0], h1[1], f"{o.kode}/{h1[0]}"),
            "atasan2": None,
            "pimpinan": (o.kepala[0], o.kepala[1], f"{o.kode}/{o.kepala[0]}"),
        }
        if parent is not None:
            h2 = o.head[parent]
            roles["atasan2"] = (h2[0].split("-")[0], h2[1], f"{o.kode}/{h2[0]}")
        return roles

    @staticmethod
    def staf_short(full: str) -> str:
        for t in STAF_TITLES:
            if full.startswith(t):
                return t
        return full

    def make_steps(self, o: Opd, leaf: Leaf, roles: dict[str, Any]) -> list[dict[str, Any]]:
        r = self.rng
        template = PUB_STEPS if leaf.flow == PUB else SVC_STEPS if leaf.flow == SVC else INT_STEPS
        has2 = roles["atasan2"] is not None
        included: dict[str, bool] = {}
        for st in template:
            label, role, p = st[0], st[1], st[7]
            if isinstance(p, str):
                ok = included.get(p, False)
            else:
                ok = p >= 1.0 or r.random() < p
            if role == "atasan2" and not has2:
                ok = False
            if label == "paraf1" and not has2:
                ok = False
            included[label] = ok
        steps = [st for st in template if included[st[0]]]
        labels = [st[0] for st in template]
        number = {st[0]: i + 1 for i, st in enumerate(steps)}

        def resolve(label: str, forward: bool) -> int:
            if label in number:
                return number[label]
            i = labels.index(label)
            rng_ = range(i + 1, len(labels)) if forward else range(i - 1, -1, -1)
            for j in rng_:
                if labels[j] in number:
                    return number[labels[j]]
            raise AssertionError(label)

        lo = lc(leaf.nama)
        out = lc(leaf.keluaran)
        subst = {"lo": lo, "out": out, "Out": cap(leaf.keluaran), "app": leaf.app}
        req = REQ.get(leaf.typ, REQ_UMUM)
        cabang_style = r.random() < 0.25
        result = []
        for st in steps:
            label, role, simbol, texts, kel, waktu, output = st[:7]
            dec, ket = st[8], st[9]
            text = r.choice(texts).format(**subst)
            if kel == "REQ":
                kelengkapan = r.sample(req, r.randint(2, min(4, len(req))))
            else:
                kelengkapan = [k.format(**subst) for k in kel]
            step: dict[str, Any] = {
                "no": number[label], "kegiatan": cap(text), "role": role, "simbol": simbol,
                "kelengkapan": kelengkapan, "waktu": r.choice(waktu), "output": output.format(**subst),
            }  # fmt: skip
            if dec is not None:
                ya, tidak, labs = dec
                ya_n, tidak_n = resolve(ya, True), resolve(tidak, False)
                if cabang_style:
                    step["cabang"] = [(labs[0], ya_n), (labs[1], tidak_n)]
                else:
                    step["ya"], step["tidak"] = ya_n, tidak_n
                if ket and r.random() < 0.5:
                    step["keterangan"] = ket
            if len(st) > 10 and st[10]:
                step["lanjut"] = resolve(st[10], True)
            result.append(step)
        return result

    def build_sops(self, o: Opd, year_base: int) -> None:
        r = self.rng
        leaves = [p for p in o.procs if p.focus is not None]
        extra = max(0, o.n_sop - len(leaves))
        counts = [1] * len(leaves)
        if leaves:
            weights = [1 if p.focus and p.focus.flow == INT else 2 for p in leaves]
            for _ in range(extra):
                i = r.choices(range(len(leaves)), weights=weights)[0]
                if counts[i] >= 3:
                    i = min(range(len(leaves)), key=lambda j: (counts[j], j))
                counts[i] += 1
        seq = 0
        for p, c in zip(leaves, counts):
            assert p.focus is not None
            roles = self.sop_roles(o, p.unit)
            for v in range(c):
                seq += 1
                kode = f"SOP-{o.prefix}-{seq:03d}"
                variants = SOP_VARIANTS_INT if p.focus.flow == INT else SOP_VARIANTS_PUB
                nama = p.focus.nama + ("" if v == 0 else variants[(v - 1) % len(variants)])
                steps = self.make_steps(o, p.focus, roles)
                if v == 0:
                    self.make_aktivitas(o, p, steps, roles)
                used = []
                for st in steps:
                    if st["role"] not in used:
                        used.append(st["role"])
                pelaksana: list[tuple[str, str, str | None]] = []
                codes: dict[str, str] = {}
                party = p.masukan[0]["dari"] if p.masukan and p.masukan[0].get("eksternal") else "pemohon"
                for role in ("luar", "staf", "atasan1", "atasan2", "pimpinan"):
                    if role not in used:
                        continue
                    if role == "luar":
                        pelaksana.append((party, self.party_name(party), None))
                    else:
                        actor = roles[role]
                        assert actor is not None
                        code, nm, ref = actor
                        pelaksana.append((code, nm, ref))
                    codes[role] = pelaksana[-1][0]
                for st in steps:
                    st["pelaksana"] = codes[st["role"]]
                made = dt.date(year_base, 1, 6) + dt.timedelta(days=r.randint(0, 300))
                rev = made + dt.timedelta(days=r.randint(20, 120)) if r.random() < 0.2 else None
                eff = (rev or made) + dt.timedelta(days=r.randint(7, 45))
                sektor = p.focus.sektor
                dasar = list(DASAR_UMUM[:2]) + ([DASAR_PUBLIK] if p.focus.flow != INT else [])
                dasar += DASAR_SEKTOR.get(sektor, [])[: r.randint(1, 3)]
                dasar.append(f"Peraturan {self.pemda['kd']} {self.pemda['nama'].split(' ', 1)[1]} Nomor {r.randint(20, 80)} Tahun 2022 "
                             f"tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja {o.nama}")  # fmt: skip
                if r.random() < 0.5:
                    dasar.append(DASAR_UMUM[3])
                sub = {"lo": lc(p.focus.nama), "app": p.focus.app}
                doc = SopDoc(
                    kode=kode, nomor=f"{o.t.klas}/{seq:03d}/SOP/{o.prefix}/{made.year}", nama=nama, proses=p.kode,
                    unit=p.pemilik[0], opd=o, proc=p, tanggal_pembuatan=self.tanggal(made), tanggal_revisi=self.tanggal(rev) if rev else None,
                    tanggal_efektif=self.tanggal(eff), dasar_hukum=dasar,
                    kualifikasi=[k.format(**sub) for k in r.sample(KUALIFIKASI, r.randint(2, 4))],
                    keterkaitan=[], peralatan=r.sample(PERALATAN, r.randint(2, 4)) + [f"Aplikasi {p.focus.app}"],
                    peringatan=[k.format(**sub) for k in r.sample(PERINGATAN, r.randint(1, 2))],
                    pencatatan=r.sample(PENCATATAN, r.randint(1, 3)), pelaksana=pelaksana, langkah=steps,
                    style={"flow_mutu": r.random() < 0.6, "omit_proses": r.random() < 0.5, "ind": "  " if r.random() < 0.8 else "",
                           "alias": r.random() < 0.05},
                )  # fmt: skip
                o.sops.append(doc)
                p.sop.append(kode)
        # keterkaitan: other SOPs under the same level-2 parent (or same OPD)
        by_parent: dict[str, list[str]] = {}
        for s in o.sops:
            by_parent.setdefault(s.proc.induk or s.proc.kode, []).append(s.kode)
        for s in o.sops:
            sib = [k for k in by_parent[s.proc.induk or s.proc.kode] if k != s.kode]
            if sib and r.random() < 0.6:
                s.keterkaitan = r.sample(sib, min(len(sib), r.randint(1, 2)))

    def tanggal(self, d: dt.date) -> str:
        if self.rng.random() < 0.35:
            return f"{d.day} {BULAN[d.month - 1]} {d.year}"
        return d.isoformat()

    def make_aktivitas(self, o: Opd, p: Proc, steps: list[dict[str, Any]], roles: dict[str, Any]) -> None:
        r = self.rng
        party = p.masukan[0]["dari"] if p.masukan and p.masukan[0].get("eksternal") else "pemohon"
        parent = o.parent.get(p.unit)

        def actor(role: str) -> str:
            if role == "luar":
                return party
            if role in ("staf", "atasan1"):
                return f"{o.kode}/{p.unit}"
            if role == "atasan2":
                return f"{o.kode}/{parent}" if parent else f"{o.kode}/{p.unit}"
            return f"{o.kode}/{o.kepala[0]}"

        acts: list[tuple[str, str]] = []
        for st in steps:
            if st["simbol"] == "keputusan":
                continue
            who = actor(st["role"])
            if acts and acts[-1][1] == who:
                continue
            acts.append((st["kegiatan"], who))
        if len(acts) > 7:
            keep = sorted({round(i * (len(acts) - 1) / 6) for i in range(7)})
            acts = [acts[i] for i in keep]
        p.aktivitas = [{"kode": f"A{i + 1}", "nama": nm, "pelaksana": who} for i, (nm, who) in enumerate(acts)]
        if p.aktivitas:
            p.aktivitas[-1]["keluaran"] = p.keluaran[0]["nama"]
        if len(p.aktivitas) >= 5 and r.random() < 0.15:
            p.aktivitas[1]["lanjut"] = ["A3", "A4"]
            p.aktivitas[2]["lanjut"] = ["A5"]

    def prepend_relation_activities(self) -> None:
        for o in self.opds:
            for p in o.procs:
                if not p.aktivitas:
                    continue
                inner = [m for m in p.masukan if not m.get("eksternal") and m.get("dari")]
                if not inner:
                    continue
                m = inner[0]
                first = {"kode": "A0", "nama": f"Menyampaikan {lc(m['nama'])}", "pelaksana": m["dari"]}
                acts = [first] + p.aktivitas
                rename = {a["kode"]: f"A{i + 1}" for i, a in enumerate(acts)}
                for a in acts:
                    a["kode"] = rename[a["kode"]]
                    if "lanjut" in a:
                        a["lanjut"] = [rename[x] for x in a["lanjut"]]
                p.aktivitas = acts

    # -- defects ---------------------------------------------------------------------------
    def apply_defects(self) -> None:
        total = round(self.defect_rate * (self.scale.proses + self.scale.sop))
        if total <= 0 or len(self.opds) < 2:
            return
        r = self.drng
        kinds = list(DEFECT_KINDS)
        r.shuffle(kinds)
        plan = [kinds[i % len(kinds)] for i in range(total)]
        sops = [s for o in self.opds for s in o.sops]
        leaves = [p for o in self.opds for p in o.procs if p.focus is not None]
        touched: set[int] = set()
        for kind in plan:
            for _ in range(50):
                if self.try_defect(kind, r, sops, leaves, touched):
                    break

    def try_defect(
        self, kind: str, r: random.Random, sops: list[SopDoc], leaves: list[Proc], touched: set[int]
    ) -> bool:
        def fresh(x: Any) -> bool:
            return id(x) not in touched

        if kind in ("sop-tanpa-proses", "unit-sop-berbeda", "waktu-tidak-terukur", "keputusan-satu-cabang"):
            s = r.choice(sops)
            if not fresh(s) or not fresh(s.proc):
                return False
            if kind == "sop-tanpa-proses":
                s.proses = None
                s.proc.sop.remove(s.kode)
            elif kind == "unit-sop-berbeda":
                others = [u for u, _, _ in s.opd.units if f"{s.opd.kode}/{u}" != s.unit and not u.startswith("kel-")]
                s.unit = f"{s.opd.kode}/{r.choice(others)}"
            elif kind == "waktu-tidak-terukur":
                st = r.choice(s.langkah)
                st["waktu"] = r.choice(WAKTU_BURUK)
            else:
                decisions = [st for st in s.langkah if st["simbol"] == "keputusan"]
                if not decisions:
                    return False
                st = r.choice(decisions)
                if "cabang" in st:
                    st["cabang"] = st["cabang"][:1]
                else:
                    st.pop("tidak", None)
            touched.add(id(s))
            self.defects.append((kind, f"sop/{s.opd.kode}/{s.kode}.yaml"))
            return True
        if kind in ("keluaran-tumpang-tindih", "pemilik-ganda"):
            if kind == "keluaran-tumpang-tindih":
                # between substantive processes of OPD that are not instances of a shared template:
                # administration (program penunjang) and UPTD-per-wilayah repeat by design
                distinct = [x for x in leaves if not x.group and "bersama" not in x.opd.t.flags]
                if not distinct:
                    return False
                p = r.choice(distinct)
                other = r.choice(distinct).opd
            else:
                p = r.choice(leaves)
                other = r.choice(self.opds)
            if not fresh(p) or other is p.opd:
                return False
            if kind == "keluaran-tumpang-tindih":
                donors = [x for x in other.procs if x.focus is not None and not x.group]
                if not donors:
                    return False
                d = r.choice(donors)
                p.keluaran.append({"nama": d.keluaran[0]["nama"], "untuk": list(d.keluaran[0]["untuk"][:1])})
            else:
                p.pemilik = [p.pemilik[0], other.kode]
            touched.add(id(p))
            self.defects.append((kind, f"proses/{p.opd.kode}/{p.kode}.yaml"))
            return True
        if kind == "tanpa-kegiatan":
            o = r.choice(self.opds)
            l1s = [p for p in o.procs if p.level == 1 and fresh(p)]
            if len(l1s) < 2:
                return False
            # a substantive group: administration (penunjang) groups are compared by no rule anyway
            l1s = [p for p in l1s if not p.group] or l1s
            l1 = min(l1s, key=lambda p: (self.descendants(p), r.random()))
            for p in [l1, *self.walk(l1)]:
                p.kegiatan = []
                touched.add(id(p))
            self.defects.append((kind, f"proses/{o.kode}/{l1.kode}.yaml"))
            return True
        if kind == "kegiatan-tumpang-tindih":
            a, b = r.sample(self.opds, 2)
            if not fresh(a):
                return False
            own = {k.kode for k in a.kegiatan}
            cand = [k for k in b.kegiatan if not k.penunjang and not k.bersama and k.kode not in own]
            if not cand:
                return False
            a.kegiatan.append(r.choice(cand))
            touched.add(id(a))
            self.defects.append((kind, f"opd/{a.kode}.yaml"))
            return True
        raise ValueError(kind)

    def walk(self, p: Proc) -> list[Proc]:
        out = []
        for c in p.children:
            out.append(c)
            out.extend(self.walk(c))
        return out

    def descendants(self, p: Proc) -> int:
        return len(self.walk(p))

    # -- run -------------------------------------------------------------------------------
    def run(self) -> None:
        self.build_opds()
        self.opd_index = {o.kode: o for o in self.opds}
        caps = [o.capacity for o in self.opds]
        weights = [o.t.weight for o in self.opds]
        n_proc = self.allocate(self.scale.proses, weights, caps)
        for o, n in zip(self.opds, n_proc):
            o.n_proses = n
        for o in self.opds:
            self.build_processes(o)
        # SOP: every leaf one, the rest spread proportionally to the OPD's process count
        leaves = [sum(1 for p in o.procs if p.focus is not None) for o in self.opds]
        extra_total = max(0, self.scale.sop - sum(leaves))
        extra = self.allocate(
            extra_total + len(self.opds), [float(o.n_proses) for o in self.opds], [10**9] * len(self.opds)
        )
        for o, lv, ex in zip(self.opds, leaves, extra):
            o.n_sop = lv + ex - 1
        self.link_relations()
        year = 2025
        for o in self.opds:
            self.build_sops(o, year)
        self.prepend_relation_activities()
        self.apply_defects()


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------


def render_pemda(g: Generator) -> str:
    pm = g.pemda
    tingkat = g.scale.tingkat
    out = [
        f"# Repositori peta proses bisnis dan SOP AP {('Pemerintah ' + pm['nama'])}",
        "# Dikelola oleh Bagian Organisasi Sekretariat Daerah",
        "probis: 1",
        "jenis: pemda",
        f"kode: {pm['kode']}",
        f"nama: Pemerintah {pm['nama']}",
        f"tingkat: {tingkat}",
    ]
    if pm["provinsi"]:
        out.append(f"provinsi: {pm['provinsi']}")
    out.append("periode: 2025-2029")
    out.append("pihak_luar:")
    parties = list(PIHAK_LUAR) + [(pm["pihak_pemda"][0], pm["pihak_pemda"][1], None)]
    for kode, nama, ket in parties:
        pairs = [("kode", kode), ("nama", nama)]
        if ket:
            pairs.append(("keterangan", ket))
        map_item(out, "  ", pairs)
    out.append("pengaturan:")
    out.append("  kecualikan: [build/**, arsip/**]")
    if g.bersama_codes:
        out.append("  lint:")
        out.append("    # kegiatan yang dijalankan bersama oleh beberapa perangkat daerah")
        out.append("    kegiatan_bersama:")
        for c in g.bersama_codes:
            out.append(f"      - {c}")
    out.append("  render:")
    out.append("    keluaran: build/probis")
    out.append("    format: [svg]")
    return "\n".join(out) + "\n"


RPJMD_MISI = [
    ("M1", "Mewujudkan sumber daya manusia yang sehat, cerdas, dan berdaya saing",
     ("T1", "Meningkatkan kualitas sumber daya manusia", ("Indeks Pembangunan Manusia", "poin", 74.2, 0.45)),
     [("S1.1", "Meningkatnya derajat kesehatan masyarakat", ("Angka Harapan Hidup", "tahun", 72.1, 0.2)),
      ("S1.2", "Meningkatnya akses dan mutu pendidikan", ("Harapan Lama Sekolah", "tahun", 13.4, 0.1)),
      ("S1.3", "Menurunnya kemiskinan dan meningkatnya perlindungan sosial", ("Persentase penduduk miskin", "persen", 8.9, -0.4))]),
    ("M2", "Mewujudkan perekonomian daerah yang tumbuh inklusif dan berkelanjutan",
     ("T2", "Meningkatkan pertumbuhan ekonomi daerah", ("Laju pertumbuhan ekonomi", "persen", 5.1, 0.1)),
     [("S2.1", "Meningkatnya investasi dan daya saing usaha", ("Nilai realisasi investasi", "miliar rupiah", 1850.0, 150.0)),
      ("S2.2", "Meningkatnya ketahanan pangan dan produktivitas pertanian", ("Skor Pola Pangan Harapan", "poin", 86.5, 1.2)),
      ("S2.3", "Menurunnya tingkat pengangguran terbuka", ("Tingkat pengangguran terbuka", "persen", 6.2, -0.3)),
      ("S2.4", "Meningkatnya kontribusi pariwisata dan ekonomi kreatif", ("Jumlah kunjungan wisatawan", "orang", 1250000.0, 75000.0))]),
    ("M3", "Mewujudkan infrastruktur dan lingkungan hidup yang berkualitas dan berketahanan",
     ("T3", "Meningkatkan kualitas infrastruktur dan lingkungan hidup", ("Indeks Kualitas Lingkungan Hidup", "poin", 68.4, 0.6)),
     [("S3.1", "Meningkatnya kualitas infrastruktur dan konektivitas wilayah", ("Persentase jalan dalam kondisi mantap", "persen", 78.5, 2.5)),
      ("S3.2", "Meningkatnya kualitas lingkungan hidup", ("Persentase sampah terkelola", "persen", 72.0, 3.0)),
      ("S3.3", "Meningkatnya ketangguhan daerah terhadap bencana", ("Indeks Risiko Bencana", "poin", 142.3, -4.0))]),
    ("M4", "Mewujudkan tata kelola pemerintahan yang bersih, efektif, dan melayani",
     ("T4", "Meningkatkan kualitas tata kelola pemerintahan", ("Indeks Reformasi Birokrasi", "poin", 68.2, 1.5)),
     [("S4.1", "Meningkatnya akuntabilitas kinerja dan keuangan daerah", ("Nilai SAKIP", "poin", 70.1, 1.2)),
      ("S4.2", "Meningkatnya kualitas pelayanan publik dan pemerintahan digital", ("Indeks SPBE", "poin", 3.1, 0.15)),
      ("S4.3", "Meningkatnya kemandirian fiskal daerah", ("Rasio PAD terhadap pendapatan daerah", "persen", 24.5, 1.0))]),
    ("M5", "Mewujudkan kehidupan masyarakat yang aman, tertib, setara, dan berbudaya",
     ("T5", "Meningkatkan ketenteraman, kesetaraan, dan kualitas kehidupan sosial budaya", ("Indeks Pembangunan Gender", "poin", 92.4, 0.3)),
     [("S5.1", "Meningkatnya ketenteraman dan ketertiban umum", ("Persentase penegakan Perda", "persen", 81.0, 3.0)),
      ("S5.2", "Meningkatnya kesetaraan gender dan perlindungan anak", ("Indeks Pemberdayaan Gender", "poin", 71.6, 0.8)),
      ("S5.3", "Meningkatnya kualitas kepemudaan, olahraga, dan kebudayaan", ("Indeks Pembangunan Pemuda", "poin", 53.2, 0.9))]),
]  # fmt: skip


def _indikator(out: list[str], ind: str, nama: str, satuan: str, awal: float, step: float) -> None:
    def num(x: float) -> str:
        if abs(x) >= 1000:
            return f"{x:.0f}"
        return f"{x:.2f}".rstrip("0").rstrip(".") if "." in f"{x:.2f}" else str(x)

    out.append(f"{ind}- nama: {q(nama)}")
    out.append(f"{ind}  satuan: {q(satuan)}")
    out.append(f"{ind}  kondisi_awal: {num(awal)}")
    targets = ", ".join(f"{2025 + i}: {num(awal + step * (i + 1))}" for i in range(5))
    out.append(f"{ind}  target: {{{targets}}}")


def render_rpjmd(g: Generator) -> str:
    pm = g.pemda
    out = [
        f"# RPJMD {pm['nama']} 2025-2029",
        "probis: 1",
        "jenis: rpjmd",
        "periode: 2025-2029",
        f"visi: {q(pm['nama'].split(' ', 1)[1] + ' yang Maju, Sejahtera, Berdaya Saing, dan Berkelanjutan')}",
        "misi:",
    ]
    for m, uraian, _, _ in RPJMD_MISI:
        out.append(f"  - kode: {m}")
        out.append(f"    uraian: {q(uraian)}")
    out.append("tujuan:")
    for m, _, (t, uraian, ind), _ in RPJMD_MISI:
        out.append(f"  - kode: {t}")
        out.append(f"    misi: {m}")
        out.append(f"    uraian: {q(uraian)}")
        out.append("    indikator:")
        _indikator(out, "      ", *ind)
    out.append("sasaran:")
    for _, _, (t, _, _), sas in RPJMD_MISI:
        for s, uraian, ind in sas:
            out.append(f"  - kode: {s}")
            out.append(f"    tujuan: {t}")
            out.append(f"    uraian: {q(uraian)}")
            out.append("    indikator:")
            _indikator(out, "      ", *ind)
    out.append("program:")
    for code in sorted(g.programs_used):
        opds = g.programs_used[code]
        if code.endswith(".01"):
            nama = g.fmt(PROGRAM_PENUNJANG)
            sasaran = "S4.1"
        else:
            nama = g.program_name(code)
            sasaran = g.program_sasaran.get(code, "S4.1")
        out.append(f"  - kode: {code}")
        out.append(f"    nama: {q(nama)}")
        out.append(f"    sasaran: [{sasaran}]")
        if len(opds) <= 6:
            out.append(f"    opd: {flow_list(opds)}")
        else:
            out.append("    opd:")
            for x in opds:
                out.append(f"      - {x}")
    return "\n".join(out) + "\n"


def render_opd(g: Generator, o: Opd) -> str:
    out = [
        f"# Perangkat Daerah: {o.nama}",
        "probis: 1",
        "jenis: opd",
        f"kode: {o.kode}",
        f"nama: {q(o.nama)}",
        f"singkatan: {q(o.singkatan)}",
        f"bentuk: {o.t.bentuk}",
        f"urusan: [{', '.join(o.t.urusan)}]",
        "unit:",
    ]
    for kode, nama, induk in o.units:
        pairs = [("kode", kode), ("nama", nama)]
        if induk:
            pairs.append(("induk", induk))
        map_item(out, "  ", pairs)
    out.append("jabatan:")
    for kode, nama, unit in o.jabatan:
        pairs = [("kode", kode), ("nama", nama)]
        if unit:
            pairs.append(("unit", unit))
        map_item(out, "  ", pairs)
    out.append("kegiatan:")
    for k in o.kegiatan:
        out.append(f"  - kode: {k.kode}")
        out.append(f"    nama: {q(k.nama)}")
        if k.subs:
            out.append("    sub_kegiatan:")
            for sk, sn in k.subs:
                map_item(out, "      ", [("kode", sk), ("nama", sn)])
    return "\n".join(out) + "\n"


def render_proses(p: Proc) -> str:
    o = p.opd
    out = [
        f"# Peta proses bisnis {o.nama} - level {p.level}",
        "probis: 1",
        "jenis: proses",
        f"kode: {p.kode}",
        f"nama: {q(p.nama)}",
        f"kategori: {p.kategori}",
    ]
    if p.induk:
        out.append(f"induk: {p.induk}")
    out.append(f"pemilik: {p.pemilik[0]}" if len(p.pemilik) == 1 else f"pemilik: {flow_list(p.pemilik)}")
    if p.deskripsi:
        out.append(f"deskripsi: {q(p.deskripsi)}")
    if p.kegiatan:
        out.append(f"kegiatan: [{', '.join(p.kegiatan)}]")
    if p.masukan:
        out.append("masukan:")
        for m in p.masukan:
            out.append(f"  - nama: {q(m['nama'])}")
            if m.get("dari"):
                out.append(f"    dari: {m['dari']}")
            if m.get("eksternal"):
                out.append("    eksternal: true")
    if p.keluaran:
        out.append("keluaran:")
        for k in p.keluaran:
            out.append(f"  - nama: {q(k['nama'])}")
            out.append(f"    untuk: {flow_list(k['untuk'])}")
    if p.pelanggan:
        out.append(f"pelanggan: {flow_list(p.pelanggan)}")
    if p.aktivitas:
        out.append("aktivitas:")
        for a in p.aktivitas:
            pairs: list[tuple[str, str | list[str]]] = [
                ("kode", a["kode"]),
                ("nama", a["nama"]),
                ("pelaksana", a["pelaksana"]),
            ]
            if "lanjut" in a:
                pairs.append(("lanjut", a["lanjut"]))
            if "keluaran" in a:
                pairs.append(("keluaran", a["keluaran"]))
            map_item(out, "  ", pairs)
    if p.sop:
        out.append(f"sop: [{', '.join(p.sop)}]")
    return "\n".join(out) + "\n"


def render_sop(s: SopDoc) -> str:
    o = s.opd
    st = s.style
    ind = st["ind"]
    out = [
        f"# SOP AP {o.nama}",
        "probis: 1",
        "jenis: sop",
        f"kode: {s.kode}",
        f"nomor: {s.nomor}",
        f"nama: {q(s.nama)}",
    ]
    if s.proses:
        out.append(f"proses: {s.proses}")
    out.append(f"unit: {s.unit}")
    out.append(f"tanggal_pembuatan: {s.tanggal_pembuatan}")
    if s.tanggal_revisi:
        out.append(f"tanggal_revisi: {s.tanggal_revisi}")
    out.append(f"tanggal_efektif: {s.tanggal_efektif}")
    out.append("disahkan_oleh:")
    out.append(f"  jabatan: {q(o.kepala[1])}")
    out.append(f"  nama: {q(o.pejabat[0])}")
    out.append(f"  nip: {o.pejabat[1]}")

    def block_list(key: str, items: list[str]) -> None:
        out.append(f"{key}:")
        for it in items:
            out.append(f"{ind}- {q(it)}")

    block_list("dasar_hukum", s.dasar_hukum)
    block_list("kualifikasi_pelaksanaan" if st["alias"] else "kualifikasi_pelaksana", s.kualifikasi)
    if s.keterkaitan:
        out.append(f"keterkaitan: {flow_list(s.keterkaitan)}")
    out.append(f"{'peralatan_perlengkapan' if st['alias'] else 'peralatan'}: {flow_list(s.peralatan)}")
    block_list("peringatan", s.peringatan)
    out.append(f"pencatatan: {flow_list(s.pencatatan)}")
    out.append("pelaksana:")
    for kode, nama, jab in s.pelaksana:
        pairs = [("kode", kode), ("nama", nama)]
        if jab:
            pairs.append(("jabatan", jab))
        map_item(out, ind, pairs)
    out.append("langkah:")
    c = ind + "  "
    for step in s.langkah:
        out.append(f"{ind}- no: {step['no']}")
        out.append(f"{c}kegiatan: {q(step['kegiatan'])}")
        out.append(f"{c}pelaksana: {step['pelaksana']}")
        if step["simbol"] != "proses" or not st["omit_proses"]:
            out.append(f"{c}simbol: {step['simbol']}")
        if "ya" in step:
            out.append(f"{c}ya: {step['ya']}")
        if "tidak" in step:
            out.append(f"{c}tidak: {step['tidak']}")
        if "cabang" in step:
            out.append(f"{c}cabang:")
            for label, ke in step["cabang"]:
                out.append(f"{c}  - {{label: {q(label, True)}, ke: {ke}}}")
        if "lanjut" in step:
            out.append(f"{c}lanjut: {step['lanjut']}")
        mb = flow_map([("kelengkapan", flow_list(step["kelengkapan"])), ("waktu", q(step["waktu"], True)),
                       ("output", q(step["output"], True))])  # fmt: skip
        if st["flow_mutu"] and '"' not in mb:
            out.append(f"{c}mutu_baku: {mb}")
        else:
            out.append(f"{c}mutu_baku:")
            out.append(f"{c}  kelengkapan: {flow_list(step['kelengkapan'])}")
            out.append(f"{c}  waktu: {q(step['waktu'])}")
            out.append(f"{c}  output: {q(step['output'])}")
        if "keterangan" in step:
            out.append(f"{c}keterangan: {q(step['keterangan'])}")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------

_GENERATED_TOP = ("probis.yaml", "rpjmd.yaml", "opd", "proses", "sop", ".gitignore", "README.md")


def _prepare(out: Path) -> None:
    if out.exists():
        entries = [p.name for p in out.iterdir()]
        if entries and "probis.yaml" not in entries:
            raise FileExistsError(f"{out} is not empty and does not look like a generated repository")
        for name in _GENERATED_TOP:
            target = out / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    out.mkdir(parents=True, exist_ok=True)


def generate(out: Path, scale: str, seed: int = 1, defect_rate: float = 0.01) -> dict[str, Any]:
    """Write a synthetic repository of ``scale`` into ``out``; return counts, bytes and seeded defects per kind."""
    t0 = time.perf_counter()
    g = Generator(scale, seed, defect_rate)
    g.run()
    info = write(g, Path(out))
    info["seconds"] = round(time.perf_counter() - t0, 3)
    return info


def write(g: Generator, out: Path) -> dict[str, Any]:
    """Render and write a generated repository (replacing a previous generated one in ``out``)."""
    _prepare(out)
    files: list[tuple[str, str]] = [("probis.yaml", render_pemda(g)), ("rpjmd.yaml", render_rpjmd(g))]
    files.append((".gitignore", "build/\n.probis-cache/\n"))
    files.append(("README.md", f"# Peta Proses Bisnis dan SOP AP Pemerintah {g.pemda['nama']}\n\n"
                               "Repositori sintetis untuk uji kinerja probis (benchmarks/generate.py).\n"))  # fmt: skip
    for o in g.opds:
        files.append((f"opd/{o.kode}.yaml", render_opd(g, o)))
    for o in g.opds:
        for p in o.procs:
            files.append((f"proses/{o.kode}/{p.kode}.yaml", render_proses(p)))
        for s in o.sops:
            files.append((f"sop/{o.kode}/{s.kode}.yaml", render_sop(s)))
    for parent in sorted({rel.rpartition("/")[0] for rel, _ in files} - {""}):
        (out / parent).mkdir(parents=True, exist_ok=True)
    blobs = [(out / rel, text.encode("utf-8")) for rel, text in files]
    # File creation dominates on slow filesystems; writes release the GIL, so a few threads help.
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda item: item[0].write_bytes(item[1]), blobs, chunksize=64))
    total = sum(len(data) for path, data in blobs if path.suffix == ".yaml")
    yaml_files = sum(1 for path, _ in blobs if path.suffix == ".yaml")
    procs = [p for o in g.opds for p in o.procs]
    defect_counts: dict[str, int] = {}
    for kind, _ in g.defects:
        defect_counts[kind] = defect_counts.get(kind, 0) + 1
    return {
        "scale": g.scale_name,
        "seed": g.seed,
        "defect_rate": g.defect_rate,
        "out": str(out),
        "opd": len(g.opds),
        "proses": len(procs),
        "proses_per_level": {lv: sum(1 for p in procs if p.level == lv) for lv in (1, 2, 3)},
        "sop": sum(len(o.sops) for o in g.opds),
        "langkah": sum(len(s.langkah) for o in g.opds for s in o.sops),
        "kegiatan": sum(len(o.kegiatan) for o in g.opds),
        "program": len(g.programs_used),
        "files": yaml_files,
        "bytes": total,
        "defects": defect_counts,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", choices=list(SCALES), required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--defect-rate", type=float, default=0.01)
    ap.add_argument("--list-defects", action="store_true", help="also print each seeded defect and its file")
    args = ap.parse_args(argv)
    if not 0.0 <= args.defect_rate <= 1.0:
        ap.error("--defect-rate must be between 0 and 1")
    t0 = time.perf_counter()
    g = Generator(args.scale, args.seed, args.defect_rate)
    g.run()
    info = write(g, args.out)
    info["seconds"] = round(time.perf_counter() - t0, 3)
    lv = info["proses_per_level"]
    print(f"scale {info['scale']} seed {info['seed']} -> {info['out']}")
    print(f"  opd {info['opd']}, proses {info['proses']} (level 1/2/3: {lv[1]}/{lv[2]}/{lv[3]}), sop {info['sop']} "
          f"({info['langkah']} langkah), kegiatan {info['kegiatan']}, program {info['program']}")  # fmt: skip
    print(f"  {info['files']} YAML files, {info['bytes']:,} bytes ({info['bytes'] / 1e6:.1f} MB)")
    defects = ", ".join(f"{k} {v}" for k, v in sorted(info["defects"].items())) or "none"
    print(f"  defects (rate {info['defect_rate']}): {defects}")
    print(f"  generated in {info['seconds']:.2f} s")
    if args.list_defects:
        for kind, path in g.defects:
            print(f"    {kind:<24} {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
