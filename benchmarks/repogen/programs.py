"""Programs (Permendagri 90/2019), the program penunjang kegiatan and groups, sekretariat profiles."""

from __future__ import annotations

from dataclasses import dataclass

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
