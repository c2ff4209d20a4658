"""The ``pemda`` document (``probis.yaml``): the Pemda, its period, external parties, settings."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from probis_cli.model.common import Dokumen, Kode, Periode, Strict, Teks


class PihakLuar(Strict):
    """A party outside the Pemda's OPD that processes exchange inputs/outputs with."""

    kode: Kode
    nama: Teks
    keterangan: str | None = None


class AturanLint(Strict):
    """Per-rule settings: severity and the rule's own options."""

    tingkat: Literal["error", "peringatan", "info", "warning", "mati", "off"] | None = Field(
        default=None, description="Tingkat temuan; 'mati' menonaktifkan aturan."
    )
    opsi: dict[str, Any] = Field(default_factory=dict, description="Opsi khusus aturan (lihat `probis rules KODE`).")


class PengaturanLint(Strict):
    """Linter settings."""

    pilih: list[str] = Field(default_factory=list, description="Hanya jalankan aturan/kode ini (awalan boleh, mis. T).")
    abaikan: list[str] = Field(default_factory=list, description="Jangan jalankan aturan/kode ini.")
    aturan: dict[str, AturanLint] = Field(default_factory=dict, description="Pengaturan per aturan, kunci = kode aturan.")
    abaikan_per_berkas: dict[str, list[str]] = Field(
        default_factory=dict, description="Pola path (glob) -> kode aturan yang diabaikan di berkas itu."
    )
    baseline: str | None = Field(default=None, description="Berkas baseline temuan lama (relatif ke akar repositori).")
    kegiatan_bersama: list[str] = Field(
        default_factory=list,
        description="Kode kegiatan/sub kegiatan yang memang dijalankan bersama oleh beberapa OPD.",
    )


FormatRender = Literal["svg", "png", "pdf", "dot"]


class PengaturanRender(Strict):
    """Render settings."""

    keluaran: str = Field(default="build/probis", description="Folder keluaran render (relatif ke akar repositori).")
    format: list[FormatRender] = Field(default_factory=lambda: list[FormatRender](["svg"]))
    templat: str | None = Field(default=None, description="Folder templat pengganti milik Pemda.")
    logo: str | None = Field(
        default=None,
        description="Berkas logo Pemda untuk kop SOP (path di dalam repositori; PNG, JPEG atau SVG, paling besar 1 MB).",
    )
    kertas: Literal["A4", "F4"] = Field(default="A4", description="Ukuran kertas SOP AP siap cetak (PDF, mendatar).")


class Pengaturan(Strict):
    """Settings of the repository."""

    kecualikan: list[str] = Field(default_factory=list, description="Pola path (glob) yang tidak dibaca.")
    bahasa: Literal["id", "en"] | None = None
    lint: PengaturanLint = Field(default_factory=PengaturanLint)
    render: PengaturanRender = Field(default_factory=PengaturanRender)


class Pemda(Dokumen):
    """The Pemda as a whole: ``probis.yaml`` at the repository root."""

    jenis: Literal["pemda"]
    kode: Kode | None = None
    nama: Teks = Field(description="Nama resmi, mis. Pemerintah Kota Contoh.")
    tingkat: Literal["provinsi", "kabupaten", "kota"]
    provinsi: str | None = None
    periode: Periode = Field(description="Periode RPJMD, mis. 2025-2029.")
    pihak_luar: list[PihakLuar] = Field(default_factory=list, description="Pihak di luar OPD (masyarakat, instansi pusat, ...).")
    pengaturan: Pengaturan = Field(default_factory=Pengaturan)
