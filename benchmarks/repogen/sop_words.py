"""SOP step template type and the SOP texts: persyaratan, peralatan, kualifikasi, peringatan."""

from __future__ import annotations

from typing import Any

# SOP prosedur templates: (label, role, simbol, texts, kelengkapan, waktu, output, p_include, decision, keterangan)
# decision = (ya label, tidak label, (branch labels)); a "lanjut" label may follow as 11th item.
Step = tuple[Any, ...]

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
